"""Demo meeting routine for 院岭街道: a year of weekly reviews, monthly assessments and joint
consultations, the communities' daily meetings since the desk came into use (the last 60 days; some
missed), their decisions and a few hundred action items -- most done (some late), some cancelled,
the rest still open, carried over from meeting to meeting, some overdue -- plus trainings, skill
tests, joint patrols and drills. Deterministic: only the given rng; times end at the demo's "now".
"""
from __future__ import annotations

import bisect
import json
import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select, text

from desk.clock import LOCAL_TZ
from desk.demo.incidents import demo_now
from desk.demo.street import DemoStreet
from desk.models import (
    ActionItem, ActionItemLink, ActionItemStep, Community, Department, Event, Meeting, MeetingAgendaLine,
    MeetingAttendee, RoutineRecord, Staff, StaffRole,
)
from desk.services.unit import Unit

DAILY_DAYS = 60          # daily meetings recorded since the desk came into use
DAILY_HELD = 0.86        # the share of days a community records its daily meeting
ITEMS = {"daily": ("复查{t}处置情况", "入户走访{t}相关住户", "协调物业处理{t}"),
         "weekly": ("督促{d}办结超时事项", "{d}牵头整治{t}", "对{t}开展回头看", "排查辖区{t}隐患"),
         "monthly": ("{d}提交整改报告", "落实月讲评指出的{t}问题", "{d}完善台账"),
         "joint": ("{d}制定{t}专项方案", "{d}组织联合执法", "{d}限期答复群众诉求")}
TOPICS = ("楼道杂物", "电动车违规充电", "占道经营", "噪声扰民", "邻里纠纷", "燃气安全", "消防通道堵塞", "路灯损坏",
          "垃圾清运", "违章搭建", "独居老人关爱", "重点人员稳控")
JOINT = ("老旧小区加装电梯协调", "农贸市场周边交通秩序", "回迁安置遗留问题", "汛期防汛准备", "校园周边安全整治",
         "春节期间安全稳定", "物业服务纠纷化解", "工地夜间施工扰民")
PLACES = {"daily": "{c}警务室", "weekly": "街道综治中心会议室", "monthly": "街道办三楼会议室",
          "joint": "街道综治中心会议室"}
TRAININGS = (("case_study", "矛盾纠纷调解典型案例讲解"), ("simulation", "入户走访情景模拟"),
             ("guidance", "基础信息采集业务知识指导"), ("case_study", "电信诈骗防范案例讲解"),
             ("guidance", "消防安全检查要点"))
ROUTES = ("{c}主干道至农贸市场", "{c}各小区出入口", "{c}学校周边", "{c}沿河步道", "{c}商业街")
FINDINGS = ("发现楼道堆放杂物，消防通道不畅", "一处路灯不亮", "发现电动车在楼道内充电", "", "", "",
            "沿街商户占道经营", "")


def _at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute), LOCAL_TZ)


class _Ids:
    def __init__(self, s, table: str):
        self.next = (s.scalar(text(f"SELECT max(id) FROM {table}")) or 0) + 1

    def __call__(self) -> int:
        self.next += 1
        return self.next - 1


def build(u: Unit, rng: random.Random, street: DemoStreet, options) -> str:
    s = u.session
    now = demo_now(options)  # the hour `desk demo` runs (or --now); the tests' fixed morning in code
    today = now.astimezone(LOCAL_TZ).date()
    first = today - timedelta(days=min(options.days, 365) - 1)
    comms = list(s.execute(select(Community.id, Community.name).order_by(Community.code)))
    staff = list(s.execute(select(Staff.id, Staff.name, Staff.role, Staff.community_id, Staff.department_id)))
    if not comms or not staff:
        return "会商研判：没有社区或人员，未生成会议"
    by_role: dict = {}
    for sid, name, role, cid, did in staff:
        by_role.setdefault((StaffRole(role), cid), []).append((sid, name))
        by_role.setdefault((StaffRole(role), None), []).append((sid, name))
    depts = list(s.execute(select(Department.id, Department.short_name).order_by(Department.code)))
    events = sorted((e.reported_at, e.id) for e in s.execute(select(Event.reported_at, Event.id)))
    g = _Gen(s, rng, today, by_role, depts, events, now)
    for d in _days(max(first, today - timedelta(days=DAILY_DAYS - 1)), today):
        for cid, name in comms:
            if rng.random() < DAILY_HELD and not (d == today and rng.random() < 0.7):
                g.meeting("daily", d, cid, name)
    for d in _days(first, today):
        if d.weekday() == 3 and rng.random() < 0.93:           # Thursday afternoon, weekly review
            g.meeting("weekly", d, None, "")
        if d.day == 2 and rng.random() < 0.95:                 # the 2nd of the month, monthly assessment
            g.meeting("monthly", d, None, "")
        if rng.random() < 0.04:                                # a joint consultation now and then
            g.meeting("joint", d, None, "")
    g.settle()
    g.routine(first, today, comms)
    conn = s.connection()
    for model, rows in ((Meeting, g.meetings), (MeetingAttendee, g.attendees), (MeetingAgendaLine, g.agenda),
                        (ActionItem, g.items), (ActionItemLink, g.links), (ActionItemStep, g.steps),
                        (RoutineRecord, g.records)):
        for i in range(0, len(rows), 5000):
            conn.execute(insert(model.__table__), rows[i:i + 5000])
        if rows and not u.db.sqlite:
            t = model.__tablename__
            s.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))"))
        u.changed(model.__tablename__, "*", "bulk")
    unfinished = [i for i in g.items if i["state"] in ("open", "in_progress")]
    overdue = sum(1 for i in unfinished if i["due_on"] < today)
    carried = sum(1 for i in unfinished if i["carried"])
    return (f"{len(g.meetings)} 次会议、{len(g.items)} 项督办事项（未完成 {len(unfinished)}，逾期 {overdue}，"
            f"结转 {carried}）、{len(g.records)} 次培训巡逻演练")


def _days(first: date, last: date):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


class _Gen:
    def __init__(self, s, rng, today, by_role, depts, events, now):
        self.rng, self.today, self.by_role, self.depts, self.events = rng, today, by_role, depts, events
        self.now = now
        self.meeting_id, self.item_id = _Ids(s, "meeting"), _Ids(s, "action_item")
        self.meetings, self.attendees, self.agenda, self.items, self.links, self.steps, self.records = \
            [], [], [], [], [], [], []
        self.done_at: dict[int, datetime | None] = {}   # item id -> when it was finished (None: never)
        self.series: dict[tuple, list[dict]] = {}       # (kind, community) -> meetings in order

    def _person(self, role: StaffRole, cid=None) -> tuple[int, str] | None:
        people = self.by_role.get((role, cid)) or self.by_role.get((role, None))
        return self.rng.choice(people) if people else None

    def meeting(self, kind: str, d: date, cid: int | None, cname: str) -> None:
        rng = self.rng
        mid = self.meeting_id()
        hour = {"daily": 8, "weekly": 15, "monthly": 9, "joint": 10}[kind]
        starts = _at(d, hour, rng.choice((0, 0, 30)))
        roles = ((StaffRole.COMMUNITY_POLICE, "社区民警"), (StaffRole.GRID_LEADER, "书记"),
                 (StaffRole.AUXILIARY_POLICE, "辅警"), (StaffRole.GRID_LEADER, "网格长")) if kind == "daily" else \
            ((StaffRole.LEADER, "街道领导"), (StaffRole.LEADER, "派出所所长"), (StaffRole.DUTY_STAFF, "值班员"),
             (StaffRole.COMMUNITY_POLICE, "社区民警"), (StaffRole.DEPARTMENT_LIAISON, "部门联络员"),
             (StaffRole.DEPARTMENT_LIAISON, "部门联络员"))
        people, seen = [], set()
        for role, unit in roles:
            p = self._person(role, cid if kind == "daily" else None)
            if p and p[0] not in seen:
                seen.add(p[0])
                people.append((p, unit))
        chair = people[0][0] if people else (None, "")
        for pos, ((sid, name), unit) in enumerate(people):
            presence = "absent" if pos and rng.random() < 0.08 else "present"
            self.attendees.append(dict(meeting_id=mid, position=pos, staff_id=sid, name=name, unit=unit,
                                       presence=presence, substitute_for=""))
        topic = rng.choice(JOINT) if kind == "joint" else ""
        t = rng.sample(TOPICS, 2)
        lines = [(f"{cname}近日情况：{t[0]}、{t[1]}", "manual", None, False)]
        if kind == "weekly":
            lo = bisect.bisect_left(self.events, (_at(d - timedelta(days=6), 0), 0))
            hi = bisect.bisect_left(self.events, (_at(d + timedelta(days=1), 0), 0))
            lines = [(f"本周新增事件 {hi - lo} 件。", "figure", None, True)]
            lines += [(f"#{eid} 本周事件", "event", eid, True) for _, eid in rng.sample(self.events[lo:hi], min(3, hi - lo))]
            lines.append(("前次会议未完成的督办事项", "figure", None, True))
        elif kind == "monthly":
            lines = [(f"{(d.replace(day=1) - timedelta(days=1)).month}月工作讲评", "figure", None, True),
                     ("各社区日见面、周研判落实情况", "figure", None, True)]
        elif kind == "joint":
            lines = [(topic, "manual", None, False)]
        for pos, (txt, src, ref, pre) in enumerate(lines):
            self.agenda.append(dict(meeting_id=mid, position=pos, text=txt, source=src, ref_id=ref, prefilled=pre))
        n_items = {"daily": 1 if rng.random() < 0.25 else 0, "weekly": rng.randint(2, 4), "monthly": rng.randint(2, 4),
                   "joint": rng.randint(2, 3)}[kind]
        decisions = []
        m = dict(id=mid, kind=kind, state="held", day=d, starts_at=starts, community_id=cid, grid_id=None,
                 place=PLACES[kind].format(c=cname), topic=topic, chair_staff_id=chair[0], chair_name=chair[1],
                 discussion=f"与会人员就{t[0]}等问题进行了讨论。", decisions="", created_at=starts + timedelta(hours=1),
                 created_by="system", updated_at=starts + timedelta(hours=1), updated_by="system", updated_name="系统",
                 version=1)
        for _ in range(n_items):
            decisions.append(self.item(m, cname))
        m["decisions"] = "\n".join(f"{i}. {x}" for i, x in enumerate(decisions, 1)) or "按既定分工推进。"
        self.meetings.append(m)
        self.series.setdefault((kind, cid), []).append(m)

    def item(self, m: dict, cname: str) -> str:
        rng = self.rng
        kind, d = m["kind"], m["day"]
        iid = self.item_id()
        dept = None
        if self.depts and kind != "daily":  # the first department (the demo liaison's) has a fair share
            dept = self.depts[0] if rng.random() < 0.25 else rng.choice(self.depts)
        person = self._person(StaffRole.GRID_LEADER, m["community_id"]) if dept is None else None
        title = rng.choice(ITEMS[kind]).format(t=rng.choice(TOPICS), d=dept[1] if dept else "")
        due = d + timedelta(days=rng.choice((3, 5, 7, 7, 10, 14)))
        created = m["starts_at"] + timedelta(hours=1)
        r = rng.random()
        done = None
        if r < 0.80:
            late = rng.random() < 0.18
            days = (due - d).days + (rng.randint(1, 6) if late else -rng.randint(0, max(0, (due - d).days - 1)))
            done = _at(d + timedelta(days=max(days, 0)), rng.randint(9, 17))
        elif r >= 0.84 and due < self.today - timedelta(days=42) and rng.random() < 0.85:
            done = _at(due + timedelta(days=rng.randint(7, 30)), rng.randint(9, 17))  # chased to the end, late
        state = "done" if done is not None and done <= self.now else ("cancelled" if 0.80 <= r < 0.84 and
                                                                     due < self.today else "open")
        if state == "open" and rng.random() < 0.5:
            state = "in_progress"
        if state != "done":
            done = None
        self.items.append(dict(id=iid, meeting_id=m["id"], current_meeting_id=m["id"], meeting_kind=kind,
                               community_id=m["community_id"], title=title, detail="", owner_staff_id=person[0]
                               if person else None, owner_department_id=dept[0] if dept else None,
                               owner_name=(person[1] if person else dept[1] if dept else "街道"), due_on=due,
                               state=state, carried=0, created_at=created, created_by="system", done_at=done,
                               note="已并入其他事项" if state == "cancelled" else "", version=1))
        self.steps.append(dict(item_id=iid, at=created, actor="system", actor_name="系统", action="create",
                               from_state=None, to_state="open", note=f"会议 #{m['id']}"))
        if done is not None:
            self.steps.append(dict(item_id=iid, at=done, actor="system", actor_name="系统", action="finish",
                                   from_state="open", to_state="done", note=""))
        if kind == "weekly" and self.events:
            lo = bisect.bisect_left(self.events, (_at(d - timedelta(days=6), 0), 0))
            hi = bisect.bisect_left(self.events, (_at(d + timedelta(days=1), 0), 0))
            if hi > lo:
                self.links.append(dict(item_id=iid, kind="event", ref_id=self.events[rng.randrange(lo, hi)][1]))
        self.done_at[iid] = done if state != "cancelled" else created
        return f"{title}（{self.items[-1]['owner_name']}，{due:%m月%d日}前）"

    def settle(self) -> None:
        """Carry each item from meeting to meeting of its kind and place while it was unfinished."""
        by_meeting: dict[int, list[dict]] = {}
        for it in self.items:
            by_meeting.setdefault(it["meeting_id"], []).append(it)
        for (kind, _cid), meetings in self.series.items():
            if kind == "joint":
                continue
            pending: list[dict] = []
            for m in meetings:
                still = []
                for it in pending:
                    finished = self.done_at[it["id"]]
                    if finished is not None and finished <= m["starts_at"]:
                        continue
                    it["current_meeting_id"] = m["id"]
                    it["carried"] += 1
                    self.steps.append(dict(item_id=it["id"], at=m["starts_at"] + timedelta(hours=1), actor="system",
                                           actor_name="系统", action="carry", from_state="open", to_state="open",
                                           note=f"结转至会议 #{m['id']}（第 {it['carried']} 次）"))
                    still.append(it)
                pending = still + by_meeting.get(m["id"], [])

    def routine(self, first: date, today: date, comms) -> None:
        rng = self.rng
        for d in _days(first, today):
            if d.weekday() == 1 and rng.random() < 0.5:      # trainings: about twice a month
                sub, topic = rng.choice(TRAININGS)
                cid, cname = rng.choice([(None, "")] + list(comms))
                trainer = self._person(StaffRole.LEADER) or (None, "")
                people = [self._person(StaffRole.GRID_LEADER, cid) for _ in range(rng.randint(6, 14))]
                self._record("training", sub, d, cid, topic, "街道综治中心培训室", trainer[1],
                             [{"name": p[1], "role": "grid", "score": None} for p in people if p], "")
            for cid, cname in comms:
                if d.weekday() == 4 and rng.random() < 0.45:    # joint patrols, Friday evenings
                    officer = self._person(StaffRole.COMMUNITY_POLICE, cid) or (None, "")
                    people = [{"name": officer[1], "role": "police", "score": None}]
                    people += [{"name": p[1], "role": "grid", "score": None}
                               for p in [self._person(StaffRole.FULLTIME_GRID_WORKER, cid)] if p]
                    people += [{"name": f"志愿者{rng.randint(1, 40)}号", "role": "volunteer", "score": None},
                               {"name": f"保安{rng.randint(1, 20)}号", "role": "guard", "score": None}]
                    self._record("patrol", "joint", d, cid, "", rng.choice(ROUTES).format(c=cname), officer[1], people,
                                 rng.choice(FINDINGS))
                if d.day == 15 and d.month in (3, 6, 9, 12):    # skill tests once a quarter
                    people = self.by_role.get((StaffRole.GRID_LEADER, cid), [])
                    self._record("skill_test", "", d, cid, "网格长职业能力测试", "街道综治中心", "",
                                 [{"name": n, "role": "grid", "score": rng.randint(62, 98)} for _, n in people], "")
            if d.day == 20 and rng.random() < 0.8:              # a drill most months
                cid, cname = rng.choice(list(comms))
                self._record("drill", "emergency", d, cid, rng.choice(("消防疏散演练", "防汛应急演练", "燃气泄漏处置演练")),
                             f"{cname}广场", "", [{"name": f"参演人员{i}", "role": rng.choice(("grid", "property",
                                                                                          "volunteer", "guard")),
                                                  "score": None} for i in range(1, rng.randint(10, 25))],
                             rng.choice(FINDINGS))

    def _record(self, kind, sub, d, cid, topic, place, leader, people, findings) -> None:
        if not people:
            return
        at = _at(d, 19 if kind == "patrol" else 9)
        self.records.append(dict(kind=kind, sub_kind=sub, day=d, starts_at=at, community_id=cid, grid_id=None,
                                 topic=topic, place=place, leader=leader or "",
                                 participants=json.dumps(people, ensure_ascii=False), findings=findings,
                                 event_id=None, created_at=at, created_by="system", version=1))
