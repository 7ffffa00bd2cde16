"""The data-driven side of each criterion, for one month, computed from what the desk already holds:

grid leaders (per grid):
- hazard discovery: hazards (safety, fire, public-order leads) reported in the grid that the grid found
  itself (a grid worker's report or a patrol) / all hazards reported in the grid;
- mediation success: mediations at the grid's rungs (grid worker, grid leader) resolved / held;
- response speed: the grid's events accepted within 30 minutes of the report / events accepted;
- basic-data accuracy: from the registry (``DATA_HOOKS``, desk.services.figures.registry_hooks): households
  whose people on record number the members of the household register / households with anyone on record;
police (over the grids of their beat, or the grids an auxiliary officer belongs to):
- problem-handling effectiveness: police matters reported in those grids closed / reported;
- guidance given: mediations at the community-police rung resolved / held;
- cooperation and support: dispatches to 公安 in those grids closed on time / kept (returns left out);
- integration into the community: from the registry's visits (``DATA_HOOKS``): the grid's visit coverage
  (people under care visited in the month / people under care), the figure of the monthly sheet.
Each is a (numerator, denominator) pair; a criterion without data is None, not 0.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Mediation
from desk.services.dispatch.figures import _hours
from desk.services.figures.events import CLOSED, COUNTED
from desk.services.figures.periods import Period

HAZARDS = ("safety_hazard", "fire_hazard", "public_order")
FOUND_BY_GRID = ("grid_worker", "patrol")
Pair = tuple[int, int]
# criterion -> fn(session, period) -> {grid id: (numerator, denominator)}; the registry adds
# data_accuracy (grid leaders) and integration (police: visits) when it exists.
DATA_HOOKS: dict[str, Callable[[Session, Period], dict[int, Pair]]] = {}


def _n(cond):
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _events(period: Period):
    start, end = period.bounds()
    return and_(Event.reported_at >= start, Event.reported_at < end, COUNTED, Event.grid_id.is_not(None))


def _pairs(rows) -> dict[int, Pair]:
    return {g: (int(n), int(d)) for g, n, d in rows if d}


def _mediations(s: Session, period: Period, levels: tuple[int, ...]) -> dict[int, Pair]:
    start, end = period.bounds()
    return _pairs(s.execute(select(Event.grid_id, _n(Mediation.outcome == "resolved"), func.count(Mediation.id))
                            .join(Event, Mediation.event_id == Event.id)
                            .where(Mediation.at >= start, Mediation.at < end, Mediation.level.in_(levels),
                                   Event.grid_id.is_not(None)).group_by(Event.grid_id)))


def grid_side(s: Session, period: Period) -> dict[str, dict[int, Pair]]:
    """Per grid-leader criterion: {grid id: (numerator, denominator)}."""
    ev = _events(period)
    hazards = _pairs(s.execute(select(Event.grid_id, _n(Event.source.in_(FOUND_BY_GRID)), func.count(Event.id))
                               .where(ev, Event.kind.in_(HAZARDS)).group_by(Event.grid_id)))
    fast = _hours(s, Event.accepted_at, Event.reported_at) <= 0.5
    response = _pairs(s.execute(select(Event.grid_id, _n(fast), func.count(Event.id))
                                .where(ev, Event.accepted_at.is_not(None)).group_by(Event.grid_id)))
    out = {"hazard_discovery": hazards, "mediation_success": _mediations(s, period, (1, 2)),
           "response_speed": response, "data_accuracy": {}}
    for key in ("data_accuracy",):
        if key in DATA_HOOKS:
            out[key] = DATA_HOOKS[key](s, period)
    return out


def police_side(s: Session, period: Period) -> dict[str, dict[int, Pair]]:
    """Per police criterion, by grid (an officer's value sums the grids they cover)."""
    ev = _events(period)
    handling = _pairs(s.execute(select(Event.grid_id, _n(CLOSED), func.count(Event.id))
                                .where(ev, Event.police.is_(True)).group_by(Event.grid_id)))
    start, end = period.bounds()
    police = select(Department.id).where(Department.short_name == "公安").scalar_subquery()
    on_time = and_(Dispatch.closed_at.is_not(None), Dispatch.last_feedback_at <= Dispatch.deadline_at)
    coop = _pairs(s.execute(select(Dispatch.grid_id, _n(on_time), func.count(Dispatch.id))
                            .where(Dispatch.dispatched_at >= start, Dispatch.dispatched_at < end,
                                   Dispatch.returned_at.is_(None), Dispatch.department_id == police,
                                   Dispatch.grid_id.is_not(None)).group_by(Dispatch.grid_id)))
    out = {"handling": handling, "guidance": _mediations(s, period, (3,)), "cooperation": coop, "integration": {}}
    if "integration" in DATA_HOOKS:
        out["integration"] = DATA_HOOKS["integration"](s, period)
    return out


def combine(pairs: dict[int, Pair], grids) -> float | None:
    """The rate over several grids: summed numerators over summed denominators; None without data."""
    n = sum(pairs[g][0] for g in grids if g in pairs)
    d = sum(pairs[g][1] for g in grids if g in pairs)
    return round(n / d, 4) if d else None
