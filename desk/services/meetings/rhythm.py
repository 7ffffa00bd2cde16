"""Which meetings are due and which were missed, and how well the routine is kept: the service
entry points (permission checked) over the figures layer's Tables (desk.services.figures.meetings).
Dates are local (Asia/Shanghai) and "today" comes from the injected clock."""
from __future__ import annotations

from datetime import date

from desk.clock import LOCAL_TZ
from desk.services.context import Context
from desk.services.figures import meetings as figs
from desk.services.figures.periods import Period, check_not_future, month_of
from desk.services.figures.table import Table
from desk.services.permissions import require


def today(ctx: Context) -> date:
    return ctx.clock.now().astimezone(LOCAL_TZ).date()


def week(ctx: Context, on: date | None = None) -> figs.WeekRhythm:
    """The week of ``on`` (default today): each community's daily meetings, the weekly review, the month's."""
    require(ctx.actor, "meetings.read")
    t = today(ctx)
    with ctx.read() as s:
        return figs.week_rhythm(s, on or t, t)


def due(ctx: Context, on: date | None = None) -> Table:
    return figs.due_table(week(ctx, on))


def rhythm(ctx: Context, on: date | None = None) -> Table:
    return figs.rhythm_table(week(ctx, on))


def compliance(ctx: Context, month: Period | None = None) -> Table:
    """Compliance per community of ``month`` (default this month); a month in the future is refused."""
    require(ctx.actor, "meetings.read")
    t = today(ctx)
    month = month or month_of(t)
    check_not_future(month, ctx.clock.now())
    with ctx.read() as s:
        return figs.compliance(s, month, t)


def routine_counts(ctx: Context, period: Period) -> Table:
    require(ctx.actor, "meetings.read")
    with ctx.read() as s:
        return figs.routine_counts(s, period)
