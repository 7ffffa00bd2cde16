"""The board's small street with the people of a meeting: a community police officer, a community
secretary (grid leader), an auxiliary officer, a station head; two departments; seats of each role."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk.models import Department, Staff, StaffRole
from desk.services.context import Context
from desk.services.meetings import AttendeeRow, ItemDraft, MeetingDraft, save_meeting
from desk.services.unit import Actor
from tests.board_support import LEADER, WANG, small_street

GRID_ACTOR = Actor("grid1", "赵网格", role="grid_staff", seat="grid")


@dataclass(frozen=True)
class People:
    small: object
    community_id: int
    village_id: int
    officer: int
    secretary: int
    auxiliary: int
    head: int
    fire: int       # department ids
    city: int

    def liaison(self, dept_id: int) -> Actor:
        return Actor(f"liaison{dept_id}", "联络员", role="liaison", department_id=dept_id, seat=f"dept-{dept_id}")

    def grid_actor(self, staff_id: int) -> Actor:
        return Actor(f"grid{staff_id}", "网格员", role="grid_staff", staff_id=staff_id, seat="grid")


def people(ctx: Context) -> People:
    small = small_street(ctx)
    with ctx.unit() as u:
        s = u.session
        city = Department(code="D09", name="院岭街道城管中队", short_name="城管")
        s.add(city)
        mk = lambda name, role: Staff(name=name, role=role, community_id=small.community_id)  # noqa: E731
        officer, sec, aux = (mk("陈民警", StaffRole.COMMUNITY_POLICE), mk("刘书记", StaffRole.GRID_LEADER),
                             mk("孙辅警", StaffRole.AUXILIARY_POLICE))
        head = Staff(name="周所长", role=StaffRole.LEADER)
        s.add_all([officer, sec, aux, head])
        s.flush()
        ids = (officer.id, sec.id, aux.id, head.id, city.id)
    return People(small, small.community_id, small.village_id, ids[0], ids[1], ids[2], ids[3],
                  small.department_id, ids[4])


def daily(p: People, day: date, *, items=(), community_id: int | None | str = "own", **kw) -> MeetingDraft:
    base = dict(kind="daily", day=day, community_id=p.community_id if community_id == "own" else community_id, place="兴钢社区警务室",
                chair_staff_id=p.officer,
                attendees=(AttendeeRow(p.officer, "陈民警", "社区民警"), AttendeeRow(p.secretary, "刘书记", "书记")),
                decisions="楼道杂物三日内清理。", items=tuple(items))
    base.update(kw)
    return MeetingDraft(**base)


def record_daily(ctx: Context, p: People, day: date, **kw):
    return save_meeting(ctx.as_actor(WANG), daily(p, day, **kw))


def item(title: str, due: date, **kw) -> ItemDraft:
    return ItemDraft(title=title, due_on=due, **kw)


__all__ = ["GRID_ACTOR", "LEADER", "People", "WANG", "daily", "item", "people", "record_daily"]
