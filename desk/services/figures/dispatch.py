"""Dispatch figures of a period as Tables: departments' on-time and return rates (the one
computation of desk.services.dispatch.figures), returned dispatches, what falls due next, and the
disputes resolved at each rung of the ladder."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Grid, Mediation
from desk.services.dispatch import codes as dcodes
from desk.services.dispatch.figures import COLUMNS, FigureRow, Figures, compute
from desk.services.figures.events import UNPLACED, disputes_due
from desk.services.figures.periods import Period
from desk.services.figures.table import Column, Table, rate
from desk.services.incidents import codes

_KIND = {"dispatched": "int", "returned": "int", "closed": "int", "average_handling_hours": "hours"}
_UNIT = {"dispatched": "件", "returned": "件", "closed": "件", "average_handling_hours": "小时"}
GROUP_TITLES = {"department": "部门", "grid": "网格", "community": "社区"}


def figure_columns(by: str) -> tuple[Column, ...]:
    cols = [Column("name", GROUP_TITLES.get(by, "名称"))]
    for attr, title in COLUMNS:
        kind = _KIND.get(attr, "rate")
        cols.append(Column(attr, title.replace("(小时)", ""), kind, _UNIT.get(attr, "")))
    return tuple(cols)


def _figure_values(r: FigureRow) -> tuple:
    return (r.name, *[getattr(r, attr) for attr, _ in COLUMNS])


def figures_table(f: Figures, title: str | None = None, *, return_rate: bool = False, every_column: bool = False
                  ) -> Table:
    """The dispatch figures (desk figures, the monthly report) as a Table."""
    cols = figure_columns(f.by)
    rows = [_figure_values(r) for r in f.rows]
    totals = _figure_values(f.total)
    if f.by == "department" and not every_column:  # the event columns say nothing per department
        keep = [i for i, c in enumerate(cols) if c.key not in ("diversion_rate", "in_grid_rate", "reopen_rate")]
        cols = tuple(cols[i] for i in keep)
        rows = [tuple(r[i] for i in keep) for r in rows]
        totals = tuple(totals[i] for i in keep)
    if return_rate:
        at = [c.key for c in cols].index("returned") + 1
        cols = (*cols[:at], Column("return_rate", "退单率", "rate"), *cols[at:])
        src = {r.name: r for r in (*f.rows, f.total)}
        rows = [(*r[:at], rate(src[r[0]].returned, src[r[0]].dispatched), *r[at:]) for r in rows]
        totals = (*totals[:at], rate(f.total.returned, f.total.dispatched), *totals[at:])
    notes = ("按时签收率、按时办结率不计退单；满意率 = (满意 + 基本满意) / 已回访。",)
    return Table(title or f"派单处置指标（按{GROUP_TITLES[f.by]}）", cols, tuple(rows),
                 totals if rows else None, notes, key=f"figures_{f.by}", empty_text="本期无派单。")


def department_table(s: Session, period: Period, title: str = "各部门办理情况") -> Table:
    return figures_table(compute(s, period.start, period.end, "department"), title, return_rate=True)


def returned_dispatches(s: Session, period: Period, limit: int = 200) -> Table:
    start, end = period.bounds()
    q = (select(Dispatch, Event.title, Department.short_name, Grid.name)
         .join(Event, Dispatch.event_id == Event.id).join(Department, Dispatch.department_id == Department.id)
         .outerjoin(Grid, Dispatch.grid_id == Grid.id)
         .where(Dispatch.returned_at >= start, Dispatch.returned_at < end)
         .order_by(Dispatch.returned_at).limit(limit))
    rows = tuple((d.event_id, d.returned_at, dept, g or UNPLACED, title, d.return_reason or "",
                  codes.status_name(_event_status(s, d.event_id))) for d, title, dept, g in s.execute(q))
    return Table("退单情况", (Column("event", "事件编号", "int"), Column("returned_at", "退单时间", "datetime"),
                              Column("department", "退单部门"), Column("grid", "网格"), Column("title", "事项"),
                              Column("reason", "退单理由"), Column("status", "事件现状")),
                 rows, key="returned", empty_text="本期无退单。")


def _event_status(s: Session, event_id: int) -> str:
    return s.scalar(select(Event.status).where(Event.id == event_id)) or ""


def due_next(s: Session, now: datetime, hours: int = 24, limit: int = 200) -> Table:
    """Open dispatches whose acceptance or handling deadline falls in the next ``hours``, and disputes
    whose ladder level's time runs out: what the next shift must chase."""
    horizon = now + timedelta(hours=hours)
    items = []
    q = (select(Dispatch, Event.title, Department.short_name, Grid.name)
         .join(Event, Dispatch.event_id == Event.id).join(Department, Dispatch.department_id == Department.id)
         .outerjoin(Grid, Dispatch.grid_id == Grid.id)
         .where(Dispatch.active.is_(True),
                or_(and_(Dispatch.state == "sent", Dispatch.accept_by >= now, Dispatch.accept_by < horizon),
                    and_(Dispatch.state == "accepted", Dispatch.deadline_at >= now, Dispatch.deadline_at < horizon))))
    for d, title, dept, g in s.execute(q):
        due, what = (d.accept_by, "签收时限") if d.state == "sent" else (d.deadline_at, "办理时限")
        if now <= due < horizon:
            items.append((due, d.event_id, g or UNPLACED, title, f"{dept} {what}"))
    items += disputes_due(s, now, hours)
    items.sort(key=lambda x: (x[0], x[1]))
    rows = tuple((due, eid, g, title, what) for due, eid, g, title, what in items[:limit])
    notes = (f"共 {len(items)} 项，仅列最早到期的 {limit} 项。",) if len(items) > limit else ()
    return Table(f"未来{hours}小时到期事项", (Column("due", "到期时间", "datetime"), Column("event", "事件编号", "int"),
                                              Column("grid", "网格"), Column("title", "事项"), Column("what", "时限")),
                 rows, notes=notes, key="due_next", empty_text=f"未来{hours}小时无到期事项。")


def ladder_table(s: Session, period: Period) -> Table:
    """Mediations in the period per rung of the ladder: how many, how many resolved there."""
    start, end = period.bounds()
    q = (select(Mediation.level, Mediation.outcome, func.count(), func.count(func.distinct(Mediation.event_id)))
         .where(Mediation.at >= start, Mediation.at < end).group_by(Mediation.level, Mediation.outcome))
    per: dict[int, dict[str, int]] = {}
    disputes: dict[int, int] = {}
    for level, outcome, n, ev in s.execute(q):
        per.setdefault(level, {})[outcome] = int(n)
    for level, n in s.execute(select(Mediation.level, func.count(func.distinct(Mediation.event_id)))
                              .where(Mediation.at >= start, Mediation.at < end).group_by(Mediation.level)):
        disputes[level] = int(n)
    rows = []
    for level, name in codes.LADDER.items():
        o = per.get(level, {})
        total = sum(o.values())
        if not total:
            continue
        rows.append((name, disputes.get(level, 0), total, o.get("resolved", 0), o.get("partly", 0),
                     o.get("failed", 0), o.get("referred", 0), rate(o.get("resolved", 0), total)))
    totals = None
    if rows:
        sums = [sum(r[i] for r in rows) for i in range(1, 7)]
        totals = ("合计", *sums, rate(sums[2], sums[1]))
    return Table("矛盾纠纷各层级化解情况", (Column("level", "层级"), Column("disputes", "纠纷数", "int", "件"),
                                            Column("mediations", "调解次数", "int", "次"),
                                            Column("resolved", "调解成功", "int", "次"),
                                            Column("partly", "部分化解", "int", "次"),
                                            Column("failed", "调解未成", "int", "次"),
                                            Column("referred", "转诉讼/仲裁", "int", "次"),
                                            Column("resolved_rate", "成功率", "rate")),
                 tuple(rows), totals, ("成功率 = 调解成功次数 / 调解次数。",), key="ladder",
                 empty_text="本期无调解记录。")


def dispatch_state_name(code: str) -> str:
    return dcodes.state_name(code)
