"""The months the 评价奖惩 page offers, and the one it opens on: never a new, empty month.

A month that has ratings, or events to compute the data side from, is worth opening. The running month
counts once it has ratings, or from its 8th day on when it has events (its first week is too young to
rank anyone, as the dashboard's trend leaves it out); before that, the last complete month. Someone who
rates (a grid leader) opens on the latest month open for ratings, where the form saves."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import EvaluationRating, EvaluationRound
from desk.services.context import Context
from desk.services.figures.dashboard import measure
from desk.services.figures.periods import local_today, parse_month
from desk.services.figures.trends import RATE_AFTER_DAYS
from desk.services.permissions import allowed, require

OFFERED = 12


def offered_months(today: date, n: int = OFFERED) -> list[str]:
    """The running month first, then the n - 1 before it (YYYY-MM)."""
    out, first = [], today.replace(day=1)
    for _ in range(n):
        out.append(f"{first:%Y-%m}")
        first = (first - timedelta(days=1)).replace(day=1)
    return out


def opening_month(s: Session, today: date, rater: bool = False) -> str:
    months = offered_months(today)
    if rater:
        open_ = set(s.scalars(select(EvaluationRound.month).where(EvaluationRound.state == "open",
                                                                  EvaluationRound.month.in_(months))))
        return next((m for m in months if m in open_), months[0])
    rated = set(s.scalars(select(EvaluationRound.month).join(EvaluationRating,
                                                             EvaluationRating.round_id == EvaluationRound.id)
                          .where(EvaluationRound.month.in_(months)).group_by(EvaluationRound.month)
                          .having(func.count(EvaluationRating.id) > 0)))
    young = (today - today.replace(day=1)).days < RATE_AFTER_DAYS
    for i, month in enumerate(months):
        if month in rated:
            return month
        if (i > 0 or not young) and measure(s, "events", parse_month(month))[2]:
            return month
    return months[1] if young else months[0]


def default_month(ctx: Context) -> str:
    """The month the page opens on (see the module's text)."""
    require(ctx.actor, "evaluation.view")
    rater = allowed(ctx.actor, "evaluation.rate") and not allowed(ctx.actor, "evaluation.read")
    with ctx.read() as s:
        return opening_month(s, local_today(ctx.clock.now()), rater)
