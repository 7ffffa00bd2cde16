"""How right the routing would have been: the street's history replayed in time order, each case
proposed only from the cases reported before it (and the matters list), then learned. Top-1: the
first proposed department was the one that took the case; top-3: it was among the first three.

``desk dispatch routing-check [--from D --to D]``: cases of the period are scored, the cases before
it are learned first. Cases reported at the same instant are all proposed before any is learned,
so no case ever sees itself or a later one."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from desk.services.context import Context
from desk.services.dispatch.history import history_cases
from desk.services.dispatch.learner import Learner
from desk.services.dispatch.matters import matter_rows
from desk.services.dispatch.codes import CONFIDENCE
from desk.services.dispatch.routing import (
    MATTER_WEIGHT, blend, confidence, departments_by_short, matter_votes, ranked,
)
from desk.services.dispatch.words import event_words
from desk.services.figures.periods import local_midnight
from desk.services.figures.table import rate
from desk.services.permissions import require


@dataclass(frozen=True)
class DepartmentCheck:
    department_id: int | None
    department: str
    cases: int
    top1: int
    top3: int
    sure: int = 0          # proposals that said 较有把握
    sure_right: int = 0    # ... and were right first time

    @property
    def top1_rate(self) -> float | None:
        return rate(self.top1, self.cases)

    @property
    def top3_rate(self) -> float | None:
        return rate(self.top3, self.cases)

    @property
    def sure_rate(self) -> float | None:
        return rate(self.sure_right, self.sure)


@dataclass(frozen=True)
class RoutingCheck:
    date_from: date | None
    date_to: date | None
    learned_before: int                  # cases learned before the period began
    rows: tuple[DepartmentCheck, ...]    # by cases, most first
    total: DepartmentCheck


def routing_check(ctx: Context, date_from: date | None = None, date_to: date | None = None) -> RoutingCheck:
    require(ctx.actor, "dispatch.figures")
    start = local_midnight(date_from) if date_from else None
    end = local_midnight(date_to + timedelta(days=1)) if date_to else None  # exclusive
    with ctx.read() as s:
        cases = history_cases(s)
        ids = departments_by_short(s)
        matters = matter_rows(s)
    names = {i: short for short, i in ids.items()}
    learner = Learner()
    counts: dict[int, list[int]] = {}
    learned_before = 0
    for _at, group in groupby(cases, key=lambda c: c.reported_at):
        group = list(group)
        terms = [event_words(c.title, c.description) for c in group]
        for c, t in zip(group, terms):
            if (start is None or c.reported_at >= start) and (end is None or c.reported_at < end):
                votes = matter_votes(matters, c.kind, f"{c.title} {c.description}", ids)
                history = learner.rank(t)
                shares = blend({d: v[0] for d, v in votes.items()}, MATTER_WEIGHT, history)
                order = ranked(shares)
                sure = confidence(shares, history.cases, False) == CONFIDENCE["likely"]
                row = counts.setdefault(c.department_id, [0, 0, 0, 0, 0])
                row[0] += 1
                row[1] += order[:1] == [c.department_id]
                row[2] += c.department_id in order[:3]
                row[3] += sure
                row[4] += sure and order[:1] == [c.department_id]
            elif start is not None and c.reported_at < start:
                learned_before += 1
        for c, t in zip(group, terms):
            learner.add(c.id, c.department_id, t)
    rows = tuple(sorted((DepartmentCheck(d, names.get(d, f"#{d}"), *v) for d, v in counts.items()),
                        key=lambda r: (-r.cases, r.department)))
    total = DepartmentCheck(None, "合计", *(sum(getattr(r, a) for r in rows)
                                          for a in ("cases", "top1", "top3", "sure", "sure_right")))
    return RoutingCheck(date_from, date_to, learned_before, rows, total)
