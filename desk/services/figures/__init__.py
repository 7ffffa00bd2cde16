"""The figures layer (no Qt): the periods a street counts by, every figure as a function of
(period, grouping) returning one plain ``Table``, and the briefing sheets built from them.

Entry points that check permissions: ``build_sheet`` (a briefing sheet's contents), and the issue
history in ``desk.services.figures.issues``.
"""
from __future__ import annotations

from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.figures.periods import Period, PeriodError, check_not_future
from desk.services.figures.table import Chart, Column, Section, Sheet, Table
from desk.services.permissions import require

SHEET_KINDS = ("daily", "weekly", "monthly", "event", "dispatch")
PERIOD_OF_SHEET = {"daily": "day", "weekly": "week", "monthly": "month"}

__all__ = ["Chart", "Column", "Period", "PeriodError", "SHEET_KINDS", "Section", "Sheet", "Table", "build_sheet",
           "period_sheet"]


def period_sheet(ctx: Context, kind: str, period: Period) -> Sheet:
    """The daily, weekly or monthly sheet of ``period`` (a period in the future is refused)."""
    from desk.services.figures.sheets import PERIOD_SHEETS

    require(ctx.actor, "report.issue")
    if kind not in PERIOD_SHEETS:
        raise ValidationError(f"未知的简报类型 {kind!r} (unknown sheet)")
    now = ctx.clock.now()
    check_not_future(period, now)
    with ctx.read() as s:
        return PERIOD_SHEETS[kind](s, period, now)


def build_sheet(ctx: Context, kind: str, what: Period | int) -> Sheet:
    """Any sheet: a period's sheet, or the case sheet of an event or a dispatch by its id."""
    from desk.services.figures import cases

    if kind == "event":
        require(ctx.actor, "report.issue")
        return cases.event_sheet(ctx, int(what))
    if kind == "dispatch":
        require(ctx.actor, "report.issue")
        return cases.dispatch_sheet(ctx, int(what))
    return period_sheet(ctx, kind, what)
