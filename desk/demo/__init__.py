"""A deterministic, realistic synthetic street for demos, tests and benchmarks.

``build_demo`` makes the organisation first, then calls each later area's part in order
(``PARTS``), all from one seeded random generator: the same seed gives the same data.
"""
from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from desk.demo.street import build_street
from desk.models import Street
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.permissions import require


@dataclass(frozen=True)
class DemoOptions:
    seed: int = 1
    households: int = 16000
    days: int = 365
    now: datetime | None = None  # the demo's "now" (aware); None: DEMO_NOW, the tests' fixed morning


# Later areas add a module here with ``build(unit, rng, street, options) -> summary text``;
# each gets its own generator seeded from the seed and its name, so adding one leaves the others alone.
PART_MODULES: list[str] = [
    "desk.demo.incidents",
    "desk.demo.dispatch",  # after the board's part (desk.demo.incidents): it dispatches the demo events
    "desk.demo.evaluation",  # last month's mutual evaluation (评价奖惩) and this month's, open
    "desk.demo.registry",  # people, houses, units, special populations and visits (issue 14)
]
PART_MODULES.append("desk.demo.meetings")  # after the board and dispatch: its agendas and items link their events


# A demo street is a few tens of thousands of households; past these a typo would run for hours.
MAX_HOUSEHOLDS = 200_000
MAX_DAYS = 3650


@dataclass(frozen=True)
class DemoResult:
    street_name: str
    communities: int
    grids: int
    households: int
    staff: int
    parts: tuple[str, ...]


def street_missing(ctx: Context) -> bool:
    with ctx.read() as s:
        return not s.scalar(select(func.count()).select_from(Street))


def build_demo(ctx: Context, options: DemoOptions) -> DemoResult:
    require(ctx.actor, "org.import")
    if not 1000 <= options.households <= MAX_HOUSEHOLDS:
        raise ValidationError(f"--households 应在 1000 到 {MAX_HOUSEHOLDS} 之间 "
                              f"(1000 to {MAX_HOUSEHOLDS} households)")
    if not 1 <= options.days <= MAX_DAYS:
        raise ValidationError(f"--days 应在 1 到 {MAX_DAYS} 之间 (1 to {MAX_DAYS} days)")
    if not street_missing(ctx):
        raise ValidationError("数据库中已有街道数据；演示数据只写入空数据库 "
                                  "(the database already holds a street; the demo goes into an empty database)")
    with ctx.unit() as u:
        rng = random.Random(options.seed)
        street = build_street(u, rng, options.households, ctx.cipher)
        summaries = []
        for name in PART_MODULES:
            part = importlib.import_module(name)
            summaries.append(part.build(u, random.Random(f"{options.seed}:{name}"), street, options))
        for table in ("street", "community", "grid", "police_beat", "staff", "department", "household"):
            u.changed(table, "*", "bulk")
        u.audit("demo.generate", "street", street.street_id,
                after={"seed": options.seed, "households": street.households, "days": options.days,
                       "now": options.now.isoformat() if options.now else None})
        staff = sum(len(v) for v in street.staff_by_role.values())
    communities = len(set(street.community_of_grid.values()))
    return DemoResult("院岭街道", communities, len(street.grid_ids), street.households, staff, tuple(summaries))
