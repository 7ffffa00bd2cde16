"""The dashboard (数据总览) as one plain value, read in one short session: key figures against targets
and the previous period, the dispute ladder, trends, hotspots and the departments' rates; and the
lists behind every figure (drill-down). Both check ``dashboard.read``."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Grid
from desk.services.context import Context
from desk.services.dispatch import codes as dcodes
from desk.services.dispatch.figures import compute
from desk.services.errors import ValidationError
from desk.services.figures import dashboard as fig
from desk.services.figures import registry_hooks  # noqa: F401 - the registry's figures join the dashboard
from desk.services.figures.dispatch import figures_table, ladder_table
from desk.services.figures.events import UNPLACED
from desk.services.figures.hotspots import Hotspots, hotspots
from desk.services.figures.periods import Period
from desk.services.figures.table import Column, Table, mask_text
from desk.services.figures.trends import daily_trend, monthly_trend
from desk.services.incidents import codes
from desk.services.permissions import require


def figure_defs() -> tuple[fig.FigureDef, ...]:
    """Every key figure the dashboard shows, the registry's included (the screen lays out a tile each)."""
    return fig.all_defs()


@dataclass(frozen=True)
class Dashboard:
    choice: str
    period: Period
    previous: Period
    figures: tuple[fig.KeyFigure, ...]
    ladder: Table
    months: Table
    days: Table
    hot: Hotspots
    departments: Table
    department_ids: tuple[int | None, ...]
    overdue: Table
    generated_at: datetime

    def figure(self, key: str) -> fig.KeyFigure:
        return next(f for f in self.figures if f.key == key)

    @property
    def key_table(self) -> Table:
        return fig.key_table(self.figures, self.period, self.previous)

    @property
    def tables(self) -> list[Table]:
        return [self.key_table, self.ladder, self.months, self.days, self.hot.grids, self.hot.communities,
                self.departments]


def build(s: Session, choice: str | None, now: datetime, *, trends: bool = True) -> Dashboard:
    choice = choice or fig.default_choice(s, now)
    if choice not in fig.CHOICES:
        raise ValidationError(f"未知的统计时期 {choice!r}，可选 {'/'.join(fig.CHOICES)} (unknown period)")
    period = fig.resolve_period(choice, now)
    f = compute(s, period.start, period.end, "department")
    hot = hotspots(s, now)
    empty = Table("", (), (), key="pending")
    return Dashboard(choice, period, fig.comparable_previous(period, now), fig.key_figures(s, period, now),
                     ladder_table(s, period), monthly_trend(s, now) if trends else empty,
                     daily_trend(s, now) if trends else empty, hot,
                     figures_table(f, "各部门按时办结与退单情况", return_rate=True), tuple(r.key for r in f.rows),
                     hot.overdue, now)


def dashboard(ctx: Context, choice: str | None = None, *, trends: bool = True) -> Dashboard:
    """The dashboard of a period choice (today, week, month, last_month, 30days; None: the default).
    ``trends=False`` leaves the two trend tables empty (the screen reads them next, with ``trend_tables``)."""
    require(ctx.actor, "dashboard.read")
    now = ctx.clock.now()
    with ctx.read() as s:
        return build(s, choice, now, trends=trends)


def trend_tables(ctx: Context) -> tuple[Table, Table]:
    """The 12-month and 30-day trends (the screen paints the figures first, then these)."""
    require(ctx.actor, "dashboard.read")
    now = ctx.clock.now()
    with ctx.read() as s:
        return monthly_trend(s, now), daily_trend(s, now)


def events_table(s: Session, title: str, ids: tuple[int, ...], limit: int = 5000) -> Table:
    found = s.execute(select(Event.id, Event.reported_at, Event.kind, Event.sub_kind, Grid.name, Event.title,
                             Event.status).outerjoin(Grid, Event.grid_id == Grid.id)
                      .where(Event.id.in_(list(ids[:limit]))).order_by(Event.reported_at, Event.id)).all() if ids else []
    rows = tuple((r[0], r[1], codes.kind_name(r[2], r[3]), r[4] or UNPLACED, mask_text(r[5]), codes.status_name(r[6]))
                 for r in found)
    return Table(title, (Column("id", "事件编号", "int"), Column("reported_at", "上报时间", "datetime"),
                         Column("kind", "类别"), Column("grid", "网格"), Column("title", "事项"),
                         Column("status", "当前状态")), rows, key="drill_events", empty_text="无事件。")


def department_dispatches(s: Session, department_id: int | None, period: Period) -> Table:
    start, end = period.bounds()
    found = s.execute(select(Dispatch.id, Dispatch.event_id, Dispatch.dispatched_at, Department.short_name, Grid.name,
                             Event.title, Dispatch.state).join(Event, Dispatch.event_id == Event.id)
                      .join(Department, Dispatch.department_id == Department.id)
                      .outerjoin(Grid, Dispatch.grid_id == Grid.id)
                      .where(Dispatch.department_id == department_id, Dispatch.dispatched_at >= start,
                             Dispatch.dispatched_at < end).order_by(Dispatch.dispatched_at, Dispatch.id)).all()
    name = found[0][3] if found else ""
    rows = tuple((r[0], r[1], r[2], r[3], r[4] or UNPLACED, mask_text(r[5]), dcodes.state_name(r[6])) for r in found)
    return Table(f"{name}派单：{period.label}", (Column("id", "交办单号", "int"), Column("event", "事件编号", "int"),
                                                 Column("dispatched_at", "派单时间", "datetime"),
                                                 Column("department", "承办部门"), Column("grid", "网格"),
                                                 Column("title", "事项"), Column("state", "状态")),
                 rows, key="drill_dispatches", empty_text="本期无派单。")


def drill_figure(ctx: Context, key: str, period: Period) -> Table:
    """The list behind a key figure: its rows number the figure's denominator, those marked 是 its numerator."""
    require(ctx.actor, "dashboard.read")
    if not fig.known(key):
        raise ValidationError(f"未知的指标 {key!r} (unknown figure)")
    with ctx.read() as s:
        return fig.drill_figure(s, key, period)[0]


def drill_events(ctx: Context, title: str, ids: tuple[int, ...]) -> Table:
    """The events behind a hotspot row (open or overdue in a grid or community)."""
    require(ctx.actor, "dashboard.read")
    with ctx.read() as s:
        return events_table(s, title, tuple(ids))


def drill_department(ctx: Context, department_id: int | None, period: Period) -> Table:
    require(ctx.actor, "dashboard.read")
    with ctx.read() as s:
        return department_dispatches(s, department_id, period)
