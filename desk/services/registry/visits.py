"""Graded care and visits (走访): who is due or overdue for a visit by their care level, recording a
visit, and a finding put on the board as an event in one step (through the incidents service)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from desk.models import (
    CareLevel, Grid, House, OrgUnit, Person, PoliceBeat, SpecialCare, Staff, StdAddress, Visit, beat_grid,
)
from desk.services.context import Context
from desk.services.errors import NotFound, ValidationError
from desk.services.figures.periods import local_today
from desk.services.incidents.report import NewEvent, report_event
from desk.services.permissions import require
from desk.services.registry import codes
from desk.services.scope import grid_scope, require_grid

FINDINGS_MAX = 2000


@dataclass(frozen=True)
class CareRow:
    care_id: int
    person_id: int
    name: str
    grid_id: int
    grid_name: str
    category: str          # 独居老人 ...
    level: int
    level_name: str        # 红色 / 黄色 / 绿色
    visit_days: int
    carer: str
    last_visit: date | None
    due: date
    state: str             # overdue, due, ok, never
    days_late: int

    @property
    def state_name(self) -> str:
        return codes.VISIT_STATES[self.state]


def visit_state(last: date | None, since: date, days: int, today: date) -> tuple[date, str, int]:
    """The next visit's due date, its state and how many days late it is."""
    due = (last or since) + timedelta(days=days)
    late = (today - due).days
    if late > 0:
        return due, ("never" if last is None else "overdue"), late
    if -late <= codes.DUE_SOON_DAYS:
        return due, "due", 0
    return due, "ok", 0


_ORDER = {"never": 0, "overdue": 0, "due": 1, "ok": 2}


def care_list(ctx: Context, grid_id: int | None = None) -> list[CareRow]:
    """Every person under active care, due visits first (most overdue first), then by due date."""
    require(ctx.actor, "registry.read")
    today = local_today(ctx.clock.now())
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        last = (select(Visit.person_id, func.max(Visit.day).label("last")).where(Visit.person_id.is_not(None))
                .group_by(Visit.person_id).subquery())
        officer = Staff.__table__.alias("officer")
        q = (select(SpecialCare, Person.name, Grid.name, CareLevel.visit_days, Staff.name, last.c.last, officer.c.name)
             .join(Person, Person.id == SpecialCare.person_id).join(Grid, Grid.id == SpecialCare.grid_id)
             .join(CareLevel, CareLevel.level == SpecialCare.level)
             .outerjoin(Staff, Staff.id == SpecialCare.carer_id)
             .outerjoin(officer, officer.c.id == SpecialCare.officer_id)
             .outerjoin(last, last.c.person_id == SpecialCare.person_id).where(SpecialCare.active))
        if scope is not None:
            q = q.where(SpecialCare.grid_id.in_(scope))
        if grid_id is not None:
            q = q.where(SpecialCare.grid_id == grid_id)
        out = []
        for c, pname, gname, days, carer, last_day, police in s.execute(q):
            due, state, late = visit_state(last_day, c.since, days, today)
            carers = "、".join(n for n in (carer, police) if n)
            out.append(CareRow(c.id, c.person_id, pname, c.grid_id, gname, codes.CATEGORIES.get(c.category, c.category),
                               c.level, codes.LEVEL_NAMES.get(c.level, str(c.level)), days, carers,
                               last_day, due, state, late))
    out.sort(key=lambda r: (_ORDER[r.state], -r.days_late, r.due, r.level, r.person_id))
    return out


def set_visit_days(ctx: Context, level: int, days: int) -> None:
    """How often a level is visited (an administrator's setting), audited."""
    require(ctx.actor, "registry.care")
    if not isinstance(days, int) or not 1 <= days <= 366:
        raise ValidationError("走访周期应为1–366天 (a visit interval is 1–366 days)")
    with ctx.unit() as u:
        row = u.session.get(CareLevel, level)
        if row is None:
            raise NotFound(f"没有{level}级管理等级 (no care level {level})")
        before = row.visit_days
        row.visit_days = days
        u.changed("care_level", level)
        u.audit("care.set_interval", "care_level", level, before={"visit_days": before}, after={"visit_days": days})


def beat_officer(s, grid_id: int) -> int | None:
    """The community police officer of the beat that covers the grid."""
    return s.scalar(select(PoliceBeat.officer_id).join(beat_grid, beat_grid.c.beat_id == PoliceBeat.id)
                    .where(beat_grid.c.grid_id == grid_id, PoliceBeat.officer_id.is_not(None)).limit(1))


def add_care(ctx: Context, person_id: int, category: str, level: int, carer_id: int | None = None,
             officer_id: int | None = None, since: date | None = None, note: str = "") -> int:
    require(ctx.actor, "registry.write")
    if category not in codes.CATEGORIES:
        raise ValidationError(f"特殊人群类别“{category}”不存在 (unknown category)")
    if level not in codes.LEVEL_NAMES:
        raise ValidationError("管理等级应为1（红）、2（黄）或3（绿）(care level 1, 2 or 3)")
    with ctx.unit() as u:
        s = u.session
        p = s.get(Person, person_id)
        if p is None:
            raise NotFound(f"人员 #{person_id} 不存在")
        require_grid(s, ctx.actor, p.grid_id)
        if carer_id is None:  # the grid's leader looks after them until someone else is named
            carer_id = s.scalar(select(Grid.leader_id).where(Grid.id == p.grid_id))
        if officer_id is None and category in codes.POLICE_CATEGORIES:  # police grade these: the beat's officer
            officer_id = beat_officer(s, p.grid_id)
        known = s.scalar(select(SpecialCare).where(SpecialCare.person_id == person_id, SpecialCare.category == category))
        if known is not None:
            known.level, known.carer_id, known.officer_id, known.active = level, carer_id, officer_id, True
            care = known
        else:
            care = SpecialCare(person_id=person_id, grid_id=p.grid_id, category=category, level=level, carer_id=carer_id,
                               officer_id=officer_id, since=since or local_today(u.now), note=note[:200], active=True)
            s.add(care)
        s.flush()
        u.changed("special_care", care.id, "insert" if known is None else "update")
        u.audit("care.set", "person", person_id, after={"category": category, "level": level, "carer_id": carer_id})
        return care.id


@dataclass(frozen=True)
class VisitInput:
    day: date
    visitor_name: str
    findings: str = ""
    follow_up: str = ""
    person_id: int | None = None
    house_id: int | None = None
    unit_id: int | None = None
    visitor_id: int | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    day: date
    target: str           # the person's name, the house's address or the unit's name
    grid_name: str
    visitor: str
    findings: str
    follow_up: str
    event_id: int | None


def _target_grid(s, v: VisitInput) -> tuple[int, str]:
    given = [x for x in (v.person_id, v.house_id, v.unit_id) if x is not None]
    if len(given) != 1:
        raise ValidationError("走访对象应为一个人、一处房屋或一个单位 (visit one person, house or unit)")
    model, key = ((Person, v.person_id) if v.person_id else (House, v.house_id) if v.house_id else (OrgUnit, v.unit_id))
    row = s.get(model, key)
    if row is None:
        raise NotFound("走访对象不存在 (the visited person, house or unit is not on record)")
    return row.grid_id, getattr(row, "name", "")


def record_visit(ctx: Context, v: VisitInput) -> int:
    require(ctx.actor, "registry.visit")
    today = local_today(ctx.clock.now())
    problems = []
    if v.day > today:
        problems.append("走访日期不能晚于今天 (the visit date is in the future)")
    if v.day < today - timedelta(days=366):
        problems.append("走访日期早于一年前，请核对 (the visit date is more than a year ago)")
    if not (v.visitor_name or "").strip():
        problems.append("走访人不能为空 (who visited?)")
    if len(v.findings or "") > FINDINGS_MAX or len(v.follow_up or "") > FINDINGS_MAX:
        problems.append(f"走访情况最多{FINDINGS_MAX}字 (too long)")
    if problems:
        raise ValidationError("走访记录有误，未保存 (the visit was not saved)", problems)
    with ctx.unit() as u:
        s = u.session
        grid_id, _ = _target_grid(s, v)
        require_grid(s, ctx.actor, grid_id)
        row = Visit(grid_id=grid_id, person_id=v.person_id, house_id=v.house_id, unit_id=v.unit_id, day=v.day,
                    visitor_id=v.visitor_id, visitor_name=v.visitor_name.strip()[:32], findings=(v.findings or "").strip(),
                    follow_up=(v.follow_up or "").strip(), recorded_at=u.now, recorded_by=u.actor.username)
        s.add(row)
        s.flush()
        u.changed("visit", row.id, "insert")
        u.audit("visit.record", "visit", row.id, after={"day": v.day.isoformat(), "grid_id": grid_id,
                                                        "person_id": v.person_id, "house_id": v.house_id,
                                                        "unit_id": v.unit_id})
        return row.id


def visit_to_board(ctx: Context, visit_id: int, kind: str = "special_population", urgent: bool = False) -> int:
    """A visit's finding becomes an event on the board (one step); the visit keeps the event's number."""
    require(ctx.actor, "registry.visit")
    with ctx.read() as s:
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFound(f"走访记录 #{visit_id} 不存在")
        require_grid(s, ctx.actor, v.grid_id)
        if v.event_id is not None:
            raise ValidationError(f"该走访发现已上报为事件 #{v.event_id} (already on the board)")
        if not v.findings.strip():
            raise ValidationError("走访情况为空，无可上报 (the visit found nothing to report)")
        target = (s.get(Person, v.person_id).name if v.person_id else "")
        addr_id = (s.get(Person, v.person_id).address_id if v.person_id else
                   s.get(House, v.house_id).address_id if v.house_id else s.get(OrgUnit, v.unit_id).address_id)
        address = s.get(StdAddress, addr_id).full if addr_id else ""
        title = f"走访发现：{v.findings.strip().splitlines()[0]}"[:60]
        desc = f"{v.day.isoformat()} {v.visitor_name} 走访{target}：{v.findings.strip()}"
        if v.follow_up.strip():
            desc += f"\n后续：{v.follow_up.strip()}"
        grid_id = v.grid_id
    event = report_event(ctx, NewEvent(title=title, kind=kind, source="grid_worker", description=desc,
                                       grid_id=grid_id, address=address, urgent=urgent))
    with ctx.unit() as u:
        row = u.session.get(Visit, visit_id)
        row.event_id = event.id
        u.changed("visit", visit_id)
        u.audit("visit.to_board", "visit", visit_id, after={"event_id": event.id})
    return event.id


def visits_of(ctx: Context, person_id: int | None = None, house_id: int | None = None,
              unit_id: int | None = None, grid_id: int | None = None, limit: int = 500) -> list[VisitRow]:
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        q = select(Visit, Grid.name).join(Grid, Grid.id == Visit.grid_id)
        for col, val in ((Visit.person_id, person_id), (Visit.house_id, house_id), (Visit.unit_id, unit_id),
                         (Visit.grid_id, grid_id)):
            if val is not None:
                q = q.where(col == val)
        if scope is not None:
            q = q.where(Visit.grid_id.in_(scope))
        rows = s.execute(q.order_by(Visit.day.desc(), Visit.id.desc()).limit(limit)).all()
        names = {}
        pids = {v.person_id for v, _ in rows if v.person_id}
        if pids:
            names = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(pids))).all())
        hids = {v.house_id for v, _ in rows if v.house_id}
        uids = {v.unit_id for v, _ in rows if v.unit_id}
        houses = dict(s.execute(select(House.id, StdAddress.full).join(StdAddress, StdAddress.id == House.address_id)
                                .where(House.id.in_(hids))).all()) if hids else {}
        units = dict(s.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(uids))).all()) if uids else {}
        return [VisitRow(v.id, v.day, names.get(v.person_id, "") if v.person_id else
                         houses.get(v.house_id, "") if v.house_id else units.get(v.unit_id, ""), g, v.visitor_name,
                         v.findings, v.follow_up, v.event_id) for v, g in rows]


@dataclass(frozen=True)
class GridVisits:
    """The grid profile's visits section: this month's coverage, who is overdue, the last visits."""

    cared: int
    visited_this_month: int
    overdue: int
    last: tuple[VisitRow, ...]
    categories: tuple[tuple[str, int], ...] = ()   # the special populations under care: (category, people), most first

    @property
    def coverage(self) -> float | None:
        return self.visited_this_month / self.cared if self.cared else None


def grid_visits(ctx: Context, grid_id: int, last: int = 5) -> GridVisits:
    require(ctx.actor, "registry.read")
    from desk.services.figures.periods import month_of
    from desk.services.figures.registry import coverage_table

    with ctx.read() as s:
        require_grid(s, ctx.actor, grid_id)
        table = coverage_table(s, month_of(local_today(ctx.clock.now())), frozenset({grid_id}))
    row = table.rows[0] if table.rows else (None, None, 0, 0)
    cared = care_list(ctx, grid_id)
    overdue = sum(1 for r in cared if r.state in ("overdue", "never"))
    kinds = Counter(r.category for r in cared)
    return GridVisits(row[2], row[3], overdue, tuple(visits_of(ctx, grid_id=grid_id, limit=last)),
                      tuple(sorted(kinds.items(), key=lambda x: (-x[1], x[0]))))
