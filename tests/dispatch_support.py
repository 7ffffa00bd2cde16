"""The board's small street plus every department of departments.csv, and helpers to get an event
to the point a dispatch test needs."""
from __future__ import annotations

import csv
from dataclasses import dataclass, replace

from sqlalchemy import select

from desk import resources
from desk.models import Department
from desk.services import dispatch as dsp
from desk.services.context import Context
from desk.services.incidents import NewEvent, report_event, transition
from desk.services.unit import Actor
from tests.board_support import ADMIN, GRIDMAN, LEADER, LI, WANG, small_street  # noqa: F401


@dataclass(frozen=True)
class Street:
    small: object
    dept: dict[str, int]  # short name -> id

    def liaison(self, short: str) -> Actor:
        return Actor(f"liaison_{self.dept[short]}", f"{short}联络员", role="liaison",
                     department_id=self.dept[short], seat=f"dept-{short}")


def street(ctx: Context) -> Street:
    small = small_street(ctx)
    with ctx.unit() as u:
        have = set(u.session.scalars(select(Department.code)))
        for row in csv.DictReader(resources.read_text("reference", "departments.csv").splitlines()):
            if row["code"] not in have:
                u.session.add(Department(code=row["code"], name=row["name"], short_name=row["short_name"]))
    with ctx.read() as s:
        dept = {short: i for short, i in s.execute(select(Department.short_name, Department.id))}
    return Street(small, dept)


def accepted_event(ctx: Context, st: Street, title: str, description: str = "", kind: str = "request",
                   grid: str = "grid1", **kw) -> int:
    duty = ctx.as_actor(WANG)
    row = report_event(duty, NewEvent(title=title, description=description, kind=kind, source="phone",
                                      grid_id=getattr(st.small, grid), **kw))
    transition(duty, row.id, "accept")
    return row.id


def status(ctx: Context, event_id: int) -> str:
    from desk.services.incidents import event_row

    return event_row(ctx.as_actor(WANG), event_id).status


def grid_worker(ctx: Context, st: Street) -> Context:
    """赵网格's seat, a member of grid 1 where the cases are: grid staff verify in their own grids only."""
    from desk.models import grid_member

    staff_id = st.small.worker_id
    with ctx.unit() as u:
        known = u.session.execute(select(grid_member.c.grid_id).where(
            grid_member.c.grid_id == st.small.grid1, grid_member.c.staff_id == staff_id)).first()
        if known is None:
            u.session.execute(grid_member.insert().values(grid_id=st.small.grid1, staff_id=staff_id))
    return ctx.as_actor(Actor("grid1", "赵网格", role="grid_staff", staff_id=staff_id, seat="grid"))
