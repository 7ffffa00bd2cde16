"""Event figures of a period as Tables: by kind, by grid and community, the urgent events in full,
the overdue and the escalated, and what falls due next. SQL aggregates where counting is all.

An event belongs to the period it was *reported* in (merged and cancelled events left out); a
"closed" event is closed or called back now. Overdue = open now and past its stage's red limit.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desk.models import Community, Event, EventStep, Grid
from desk.services.figures.periods import Period, day
from desk.services.figures.table import Column, Table, mask_text, rate
from desk.services.incidents import codes
from desk.services.incidents.deadlines import due_times, load_limits, state_at

COUNTED = and_(Event.status.not_in(("merged", "cancelled")))
CLOSED = Event.status.in_(("closed", "called_back"))
UNPLACED = "未定位"


def _in(period: Period):
    start, end = period.bounds()
    return and_(Event.reported_at >= start, Event.reported_at < end, COUNTED)


def _sum(cond):
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def total_events(s: Session, period: Period) -> int:
    return int(s.scalar(select(func.count()).select_from(Event).where(_in(period))) or 0)


def kind_counts(s: Session, period: Period) -> dict[str, int]:
    return {k: int(n) for k, n in s.execute(select(Event.kind, func.count()).where(_in(period)).group_by(Event.kind))}


COUNT_COLUMNS = (Column("events", "事件数", "int", "件"), Column("urgent", "其中紧急", "int", "件"),
                 Column("closed", "已办结", "int", "件"), Column("closed_rate", "办结率", "rate"))


def _count_rows(s: Session, period: Period, key) -> dict:
    q = (select(key, func.count(), _sum(Event.urgent.is_(True)), _sum(CLOSED))
         .where(_in(period)).group_by(key))
    return {k: (int(n), int(u), int(c)) for k, n, u, c in s.execute(q)}


def _totals(rows: list[tuple], lead: int) -> tuple:
    n = sum(r[lead] for r in rows)
    u = sum(r[lead + 1] for r in rows)
    c = sum(r[lead + 2] for r in rows)
    return n, u, c, rate(c, n)


def by_kind(s: Session, period: Period, title: str = "事件分类统计") -> Table:
    counts = _count_rows(s, period, Event.kind)
    order = sorted(counts, key=lambda k: (-counts[k][0], list(codes.KINDS).index(k) if k in codes.KINDS else 99))
    rows = [(codes.kind_name(k), *counts[k], rate(counts[k][2], counts[k][0])) for k in order]
    totals = ("合计", *_totals(rows, 1)) if rows else None
    return Table(title, (Column("kind", "类别"), *COUNT_COLUMNS), tuple(rows), totals, key="by_kind")


def by_grid(s: Session, period: Period, title: str = "各网格事件统计", top: int | None = None) -> Table:
    counts = _count_rows(s, period, Event.grid_id)
    names = {g: (gn, cn) for g, gn, cn in s.execute(select(Grid.id, Grid.name, Community.name)
                                                    .join(Community, Grid.community_id == Community.id))}
    kinds = _top_kind(s, period, Event.grid_id)
    order = sorted(counts, key=lambda g: (-counts[g][0], g is None, names.get(g, ("",))[0]))
    rows = [(*names.get(g, (UNPLACED, "")), *counts[g], rate(counts[g][2], counts[g][0]), kinds.get(g, ""))
            for g in order]
    notes = ()
    totals = ("合计", "", *_totals(rows, 2), "") if rows else None
    if top is not None and len(rows) > top:
        notes = (f"仅列事件最多的 {top} 个网格，共 {len(rows)} 个网格有事件。",)
        rows = rows[:top]
    return Table(title, (Column("grid", "网格"), Column("community", "社区"), *COUNT_COLUMNS,
                         Column("top_kind", "主要类别")), tuple(rows), totals, notes, key="by_grid")


def by_community(s: Session, period: Period, title: str = "各社区事件统计") -> Table:
    counts = _count_rows(s, period, Event.community_id)
    names = {k: v for k, v in s.execute(select(Community.id, Community.name))}
    kinds = _top_kind(s, period, Event.community_id)
    order = sorted(counts, key=lambda c: (c is None, names.get(c, "")))
    rows = [(names.get(c, UNPLACED), *counts[c], rate(counts[c][2], counts[c][0]), kinds.get(c, "")) for c in order]
    totals = ("合计", *_totals(rows, 1), "") if rows else None
    return Table(title, (Column("community", "社区"), *COUNT_COLUMNS, Column("top_kind", "主要类别")),
                 tuple(rows), totals, key="by_community")


def _top_kind(s: Session, period: Period, key) -> dict:
    best: dict = {}
    for k, kind, n in s.execute(select(key, Event.kind, func.count()).where(_in(period)).group_by(key, Event.kind)):
        if k not in best or (n, kind) > best[k][:2]:
            best[k] = (n, kind)
    return {k: codes.kind_name(v[1]) for k, v in best.items()}


def _event_list_columns() -> tuple[Column, ...]:
    return (Column("id", "编号", "int"), Column("reported_at", "上报时间", "datetime"), Column("kind", "类别"),
            Column("grid", "网格"), Column("title", "事项"), Column("address", "地点"), Column("status", "当前状态"))


def _event_query():
    return (select(Event, Grid.name).outerjoin(Grid, Event.grid_id == Grid.id))


def _event_row(e: Event, grid: str | None) -> tuple:
    return (e.id, e.reported_at, codes.kind_name(e.kind, e.sub_kind), grid or UNPLACED, e.title, e.address,
            codes.status_name(e.status))


def urgent_events(s: Session, period: Period, limit: int = 200) -> Table:
    """The urgent events of the period in full: what, where, what happened so far (numbers masked)."""
    q = _event_query().where(_in(period), Event.urgent.is_(True)).order_by(Event.reported_at).limit(limit + 1)
    found = s.execute(q).all()
    rows = tuple((e.id, e.reported_at, codes.kind_name(e.kind, e.sub_kind), g or UNPLACED,
                  mask_text("：".join(x for x in (e.title, e.description) if x) + (f"（{e.address}）" if e.address else "")),
                  codes.status_name(e.status)) for e, g in found[:limit])
    notes = (f"仅列前 {limit} 件。",) if len(found) > limit else ()
    return Table("紧急事件", (Column("id", "编号", "int"), Column("reported_at", "上报时间", "datetime"),
                              Column("kind", "类别"), Column("grid", "网格"), Column("what", "事项及情况"),
                              Column("status", "当前状态")), rows, notes=notes, key="urgent",
                 empty_text="本期无紧急事件。")


def overdue_events(s: Session, now: datetime, limit: int = 200) -> Table:
    """Open events past their stage's red limit (or past an on-record review date) at ``now``.
    The deadline test runs over plain columns; only the events listed are loaded whole."""
    return overdue_table(s, [(due, eid) for eid, _, _, due in open_deadlines(s, now) if due is not None], now, limit)


def open_deadlines(s: Session, now: datetime) -> list[tuple[int, int | None, int | None, datetime | None]]:
    """(id, grid, community, overdue since or None) of every open event at ``now``."""
    limits = load_limits(s)
    q = select(Event.id, Event.grid_id, Event.community_id, Event.kind, Event.sub_kind, Event.urgent, Event.status,
               Event.reported_at, Event.accepted_at, Event.feedback_at, Event.on_record_until
               ).where(Event.is_open.is_(True), Event.status.not_in(("merged", "cancelled")))
    out = []
    for eid, grid, comm, kind, sub, urgent, status, reported, accepted, feedback, on_record in s.execute(q):
        _, yellow, red = due_times(limits, kind=kind, sub_kind=sub, urgent=urgent, status=status,
                                   reported_at=reported, accepted_at=accepted, feedback_at=feedback)
        late = state_at(now, yellow, red, on_record) == "red"
        out.append((eid, grid, comm, (on_record or red) if late else None))
    return out


def overdue_table(s: Session, late: list[tuple[datetime, int]], now: datetime, limit: int = 200) -> Table:
    """The longest overdue of ``late`` ((overdue since, id) pairs) as the overdue table."""
    late = sorted(late)
    shown = dict((eid, due) for due, eid in late[:limit])
    found = {e.id: (e, g) for e, g in s.execute(_event_query().where(Event.id.in_(list(shown))))} if shown else {}
    rows = tuple((eid, found[eid][0].reported_at, codes.kind_name(found[eid][0].kind), found[eid][1] or UNPLACED,
                  found[eid][0].title, codes.status_name(found[eid][0].status),
                  round((now - due).total_seconds() / 86400, 1))
                 for eid, due in shown.items() if eid in found)
    notes = (f"共 {len(late)} 件，仅列超时最久的 {limit} 件。",) if len(late) > limit else ()
    return Table("超时未办结事件", (Column("id", "编号", "int"), Column("reported_at", "上报时间", "datetime"),
                                    Column("kind", "类别"), Column("grid", "网格"), Column("title", "事项"),
                                    Column("status", "当前状态"), Column("late_days", "已超时", "number", "天")),
                 rows, notes=notes, key="overdue", empty_text="当前无超时事件。")


def overdue_count(table: Table) -> int:
    """How many events are overdue in all (the table lists at most its limit)."""
    for note in table.notes:
        if note.startswith("共 "):
            return int(note.split()[1])
    return len(table.rows)


def escalated_events(s: Session, period: Period, limit: int = 200) -> Table:
    """Disputes that rose up the ladder during the period (the timeline's escalate steps)."""
    start, end = period.bounds()
    q = (select(EventStep.at, EventStep.note, Event, Grid.name).join(Event, EventStep.event_id == Event.id)
         .outerjoin(Grid, Event.grid_id == Grid.id)
         .where(EventStep.action == "escalate", EventStep.at >= start, EventStep.at < end)
         .order_by(EventStep.at).limit(limit))
    rows = tuple((e.id, at, g or UNPLACED, e.title, note, codes.LADDER.get(e.ladder_level, ""),
                  codes.status_name(e.status)) for at, note, e, g in s.execute(q))
    return Table("矛盾纠纷逐级上升", (Column("id", "编号", "int"), Column("at", "上升时间", "datetime"),
                                      Column("grid", "网格"), Column("title", "事项"), Column("note", "情况"),
                                      Column("level", "目前层级"), Column("status", "当前状态")),
                 rows, key="escalated", empty_text="本期无逐级上升的矛盾纠纷。")


def disputes_due(s: Session, now: datetime, hours: int = 24) -> list[tuple]:
    """(due, event id, grid, title, what) of open disputes whose ladder level's time runs out soon."""
    q = (select(Event, Grid.name).outerjoin(Grid, Event.grid_id == Grid.id)
         .where(Event.is_open.is_(True), Event.kind == "dispute", Event.ladder_due_at.is_not(None),
                Event.ladder_due_at >= now, Event.ladder_due_at < now + timedelta(hours=hours)))
    return [(e.ladder_due_at, e.id, g or UNPLACED, e.title, f"{codes.LADDER.get(e.ladder_level, '')}时限")
            for e, g in s.execute(q)]


def daily_counts(s: Session, period: Period) -> list[tuple[str, int]]:
    """Events per local day of the period (for a trend chart)."""
    out = []
    for d in period.split_days():
        out.append((f"{d.month}/{d.day}", total_events(s, day(d))))
    return out
