"""Demo events for 院岭街道: a year (``options.days``) of plausible events up to a fixed moment.

The demo's "now" is ``options.now``: ``desk demo`` gives the hour it is run (or ``--now``), so a
newcomer's board is current; built in code without it, DEMO_NOW, 2026-11-25 09:00 Shanghai (the
tests' morning), so the same seed and now always give the same data; events of its last two days are still open at
various stages, some of them overdue (red) at DEMO_NOW, a few put on record (挂账).
Proportions follow DOMAIN.md: most disputes are resolved in the grid (> 90%), most 110 non-police
calls are diverted to the grid or a department, seasonality by month and weekday. Bulk inserts.
"""
from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, insert, select, text

from desk.demo.incident_texts import KIND_MONTH, MONTH_FACTOR, SOURCES, TEMPLATES
from desk.demo.names import NameMaker, phone
from desk.demo.street import DemoStreet
from desk.models import Community, Event, EventStep, Grid, Mediation, Staff, StaffRole, grid_member
from desk.services.incidents import codes
from desk.services.incidents.search import initials
from desk.services.unit import Unit

DEMO_NOW = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)  # 09:00 in Shanghai


def demo_now(options) -> datetime:
    """The demo's "now": ``options.now`` (``desk demo`` passes the hour it is run, or ``--now``),
    else DEMO_NOW, the tests' morning."""
    return getattr(options, "now", None) or DEMO_NOW
PER_1000_HOUSEHOLDS_A_DAY = 0.8
OPEN_WINDOW = timedelta(days=2)
DUTY = (("wangli", "王丽"), ("lina", "李娜"), ("zhangwei", "张伟"), ("liuyang", "刘洋"))


def build(u: Unit, rng: random.Random, street: DemoStreet, options) -> str:
    s = u.session
    grids = s.execute(select(Grid.id, Grid.name, Grid.code, Community.id, Community.name, Community.kind)
                      .join(Community, Community.id == Grid.community_id).order_by(Grid.id)).all()
    workers = dict(s.execute(select(grid_member.c.grid_id, func.min(Staff.id)).join(Staff, Staff.id ==
                             grid_member.c.staff_id).where(Staff.role == StaffRole.FULLTIME_GRID_WORKER)
                             .group_by(grid_member.c.grid_id)).all())
    names = NameMaker(rng)
    first_id = (s.scalar(select(func.max(Event.id))) or 0) + 1
    now = demo_now(options)
    gen = _Generator(rng, street, grids, workers, names)
    gen.now = now
    # Reporters' phones come from a generator of their own, so adding them left every other event as it was.
    gen.pii_rng = random.Random(f"{options.seed}:desk.demo.incidents:reporters")
    gen.pii_names = NameMaker(gen.pii_rng)
    start = now - timedelta(days=options.days)
    per_day = max(1.0, street.households / 1000 * PER_1000_HOUSEHOLDS_A_DAY)
    day = start
    while day < now:
        local = day + timedelta(hours=8)
        factor = MONTH_FACTOR[local.month] * (0.8 if local.weekday() >= 5 else 1.05)
        n = _poisson(rng, per_day * factor)
        for _ in range(n):
            at = day + timedelta(minutes=rng.choice((rng.randint(0, 24 * 60 - 1), rng.randint(0, 11 * 60) + 60)))
            if at < now:
                gen.event(first_id + len(gen.events), at)
        day += timedelta(days=1)
    gen.overdue_examples(first_id + len(gen.events))
    conn = s.connection()
    for table, rows in ((Event, gen.events), (EventStep, gen.steps), (Mediation, gen.mediations)):
        for i in range(0, len(rows), 5000):
            conn.execute(insert(table.__table__), rows[i:i + 5000])
    if not u.db.sqlite:
        s.execute(text("SELECT setval(pg_get_serial_sequence('event', 'id'), (SELECT max(id) FROM event))"))
    for table in ("event", "event_step", "mediation"):
        u.changed(table, "*", "bulk")
    open_n = sum(e["is_open"] for e in gen.events)
    return f"事件 {len(gen.events)} 件（其中未办结 {open_n} 件），处置记录 {len(gen.steps)} 条，调解 {len(gen.mediations)} 次"


def _initials(template: str, building: str, place: str) -> str:
    """Initials of a filled template, from cached pieces (pinyin is the slow part of the demo)."""
    return "".join(initials(building) if part == "{b}" else initials(place) if part == "{p}" else initials(part)
                   for part in re.split(r"(\{b\}|\{p\})", template) if part)


PHONE_SOURCES = ("phone", "hotline_12345", "walk_in")


def _poisson(rng: random.Random, lam: float) -> int:
    return max(0, round(rng.gauss(lam, lam ** 0.5)))


class _Generator:
    def __init__(self, rng, street, grids, workers, names):
        self.rng, self.street, self.grids, self.workers, self.names = rng, street, grids, workers, names
        self.pii_rng, self.pii_names = random.Random(0), NameMaker(random.Random(0))
        self.events: list[dict] = []
        self.steps: list[dict] = []
        self.mediations: list[dict] = []
        self.kinds = [t for t in TEMPLATES]
        self.sources = [s for s, _ in SOURCES]
        self.source_weights = [w for _, w in SOURCES]

    def _place(self, grid) -> tuple[str, str, float, float]:
        gid, gname, code, cid, cname, ckind = grid
        rng = self.rng
        if ckind == "village":
            building = f"{cname}{rng.choice(('东街', '西街', '南街', '北街', '中心街'))}{rng.randint(1, 80)}号"
            place = cname + rng.choice(("村委会门口", "小学旁", "文化广场", "十字路口", "北头"))
        else:
            building = f"{cname}{int(code[-2:]) * 10 + rng.randint(1, 12)}号楼"
            place = cname + rng.choice(("小区门口", "菜市场", "文化广场", "主干道", "幼儿园旁"))
        x0, y0, x1, y1 = self.street.grid_boxes[gid]
        return building, place, round(rng.uniform(y0, y1), 6), round(rng.uniform(x0, x1), 6)

    def _reporter(self, row: dict) -> None:
        """Most callers and visitors leave a name and a mobile number (stored encrypted, like the
        board stores them; the nonce comes from the seeded generator, so the same seed gives the
        same bytes)."""
        rng, cipher = self.pii_rng, self.street.cipher
        if row["source"] not in PHONE_SOURCES or cipher is None or rng.random() >= 0.85:
            return
        if not row["reporter_name"]:
            row["reporter_name"] = self.pii_names.person()
        number = phone(rng)
        row["phone_enc"] = cipher.encrypt(number, rng.randbytes(12))
        row["phone_idx"] = cipher.blind(number)

    def event(self, eid: int, at: datetime, force_status: str | None = None) -> dict:
        rng = self.rng
        month = (at + timedelta(hours=8)).month
        weights = [t[2] * KIND_MONTH.get((t[0], month), 1.0) for t in self.kinds]
        kind, sub, _share, dept, texts = rng.choices(self.kinds, weights)[0]
        source = rng.choices(self.sources, self.source_weights)[0]
        grid = rng.choice(self.grids)
        building, place, lat, lon = self._place(grid)
        title_t, desc_t = rng.choice(texts)
        title, desc = title_t.format(b=building, p=place), desc_t.format(b=building, p=place)
        inits = " ".join((_initials(title_t, building, place), _initials(desc_t, building, place), initials(building)))
        urgent = rng.random() < (0.12 if kind in ("fire_hazard", "public_order", "safety_hazard") else 0.03)
        dept_id = self.street.department_ids.get(dept) if dept else None
        in_grid = dept_id is None or (kind == "dispute" and rng.random() < 0.93) or rng.random() < 0.25
        row = dict(id=eid, reported_at=at, source=source, source_no=None, kind=kind, sub_kind=sub,
                   police=kind == "public_order", urgent=urgent, grid_id=grid[0], community_id=grid[3],
                   address=building, lat=lat, lon=lon, reporter_name=self.names.person() if rng.random() < 0.7 else "",
                   phone_enc=None, phone_idx=None, title=title, description=desc,
                   initials=inits,
                   department_id=None, assignee_staff_id=None,
                   claimed_by=None, claimed_name=None, claimed_at=None, merged_into_id=None, cancel_reason=None,
                   on_record_reason=None, on_record_until=None, ladder_level=1 if kind == "dispute" else 0,
                   ladder_due_at=None, satisfaction=None, created_by="demo", version=1,
                   accepted_at=None, feedback_at=None, closed_at=None)
        self._reporter(row)
        self._handler = (None, self.workers.get(grid[0])) if in_grid else (dept_id, None)
        path = ["accept", "handle_in_grid" if in_grid else "dispatch"] + ([] if in_grid else ["start"])
        path += ["feedback", "verify", "close", "call_back"]
        age = self.now - at
        if force_status:
            path = path[: path.index(force_status) + 1] if force_status in path else []
        elif age < OPEN_WINDOW:
            pass  # recent ones are still on their way: the walk stops at self.now
        elif rng.random() < 0.0012:
            path = path[:2]  # an old case still not done: overdue
        roll = rng.random()
        if not force_status and age >= OPEN_WINDOW and roll < 0.02:
            path = ["merge"]
            row["merged_into_id"] = eid - 1 if eid > 1 and self.events else None
            if row["merged_into_id"] is None:
                path = ["cancel"]
        elif not force_status and age >= OPEN_WINDOW and roll < 0.03:
            path = ["cancel"]
            row["cancel_reason"] = "重复来电，经核实已处理"
        self._walk(row, path, at)
        self.events.append(row)
        return row

    def _walk(self, row: dict, path: list[str], at: datetime) -> None:
        rng = self.rng
        status, t = "reported", at
        who = rng.choice(DUTY)  # the duty officer who took the report in registers it and acts on it
        self._step(row, "report", None, "reported", t, who[0], who[1], codes.SOURCES[row["source"]])
        last = "report"
        delays = {"accept": (3, 28), "handle_in_grid": (1, 20), "dispatch": (2, 30), "start": (10, 90),
                  "feedback": (60, 40 * 60), "verify": (30, 5 * 60), "close": (5, 90), "call_back": (12 * 60, 30 * 60),
                  "merge": (5, 60), "cancel": (5, 60)}
        for action in path:
            lo, hi = delays[action]
            minutes = rng.randint(lo, hi)
            if action == "accept" and rng.random() < 0.04:
                minutes = rng.randint(31, 90)  # a slow acceptance now and then
            if action == "feedback" and rng.random() < 0.06:
                minutes = rng.randint(24 * 60, 60 * 60)
            nt = t + timedelta(minutes=minutes)
            if nt >= self.now:
                break
            t = nt
            to = codes.TRANSITIONS[action][1]
            if row["kind"] == "dispute" and action == "feedback":
                self._mediate(row, t)
            note = ""
            if action == "merge":
                note = f"与事件 #{row['merged_into_id']} 重复，已合并"
            elif action == "call_back":
                row["satisfaction"] = rng.choices(("satisfied", "basic", "unsatisfied", "unreachable"),
                                                  (0.78, 0.14, 0.03, 0.05))[0]
                note = codes.SATISFACTION[row["satisfaction"]]
            self._step(row, action, status, to, t, who[0], who[1], note)
            status, last = to, action
            if action in ("handle_in_grid", "dispatch"):
                row["department_id"], row["assignee_staff_id"] = self._handler
            row.update({"accept": {"accepted_at": t}, "feedback": {"feedback_at": t},
                        "close": {"closed_at": t}}.get(action, {}))
        row.update(status=status, is_open=status not in codes.CLOSED_STATUSES, status_since=t, last_action=last,
                   last_actor=who[1])
        if row["kind"] == "dispute" and row["is_open"] and status not in ("feedback", "verified"):
            level, due = 1, at + timedelta(hours=codes.LADDER_HOURS[1])
            while due < self.now and level < 4:  # the ladder rose as escalate_overdue would have done
                self._step(row, "escalate", status, status, due, "system", "系统",
                           f"{codes.LADDER[level]} → {codes.LADDER[level + 1]}：超过{codes.LADDER_HOURS[level]}小时未化解")
                level += 1
                due += timedelta(hours=codes.LADDER_HOURS[level])
            row["ladder_level"], row["ladder_due_at"] = level, due
        if row["is_open"] and rng.random() < 0.02:
            row["on_record_reason"] = "涉及产权争议，待法院判决"
            row["on_record_until"] = self.now + timedelta(days=rng.randint(5, 40))

    def _mediate(self, row: dict, t: datetime) -> None:
        rng = self.rng
        level = 1 if rng.random() < 0.8 else (2 if rng.random() < 0.75 else (3 if rng.random() < 0.8 else 4))
        for lv in range(1, level + 1):
            outcome = "resolved" if lv == level else "failed"
            if lv == level and level >= 3 and rng.random() < 0.2:
                outcome = "referred"
            joint = lv >= 3 and rng.random() < 0.6
            people = [{"name": self.names.person(), "role": r} for r in ("网格长", "社区民警", "乡贤")] if joint else []
            self.mediations.append(dict(event_id=row["id"], at=t - timedelta(hours=(level - lv) * 3), level=lv,
                                        mediator=codes.LADDER[lv][:3], outcome=outcome, joint=joint,
                                        participants=json.dumps(people, ensure_ascii=False), note="",
                                        recorded_by="demo"))
        row["ladder_level"] = level

    def _step(self, row, action, before, after, at, actor, name, note) -> None:
        self.steps.append(dict(event_id=row["id"], at=at, actor=actor, actor_name=name, action=action,
                               from_status=before, to_status=after, note=note))

    def overdue_examples(self, next_id: int) -> None:
        """A few cases that are sure to be red at self.now, as scenario 1 describes."""
        plan = [(timedelta(hours=24, minutes=-10), "dispatch"), (timedelta(hours=26), "start"),
                (timedelta(minutes=45), None), (timedelta(minutes=50), None), (timedelta(hours=30), "handle_in_grid")]
        for i, (ago, status) in enumerate(plan):
            row = self.event(next_id + i, self.now - ago, force_status=status or "reported")
            if i == 1:  # claimed by the duty officer of the morning
                row.update(claimed_by="wangli", claimed_name="王丽", claimed_at=row["status_since"])
