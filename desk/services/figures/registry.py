"""The registry's figures (DOMAIN.md, "The figures the street is judged by"): standard visit coverage
(规范化服务走访覆盖率) and basic-data registration rate (网格基础信息采集登记率), both with a 100% target,
per grid for one period; and the actual population by kind. Screen, sheets, xlsx and CLI render these.

Visit coverage of a grid in a period = people under active care there (taken into care by the period's
last day) visited at least once in the period / those people. Registration rate = the grid's households
with at least one person on record / the grid's households on record.
"""
from __future__ import annotations

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from desk.models import Community, Grid, Household, House, Person, SpecialCare, Visit
from desk.services.figures.periods import Period
from desk.services.figures.table import Column, Table

TARGET = 1.0


def _rate(part: int, whole: int) -> float | None:
    """Rounded as the dashboard and the sheets round a rate, so the same figure is the same number."""
    return round(part / whole, 4) if whole else None


def _in_care(period: Period):
    """People under active care taken into care by the period's last day, with their grid (one row each)."""
    return select(SpecialCare.person_id, SpecialCare.grid_id).where(
        SpecialCare.active, SpecialCare.since <= period.end).distinct().subquery()


def visit_pairs(s: Session, period: Period) -> dict[int, tuple[int, int]]:
    """Visit coverage per grid: {grid id: (people in care visited in the period, people in care)}."""
    in_care = _in_care(period)
    cared = dict(s.execute(select(in_care.c.grid_id, func.count()).group_by(in_care.c.grid_id)).all())
    visited = dict(s.execute(
        select(in_care.c.grid_id, func.count(distinct(Visit.person_id)))
        .join(Visit, Visit.person_id == in_care.c.person_id)
        .where(Visit.day >= period.start, Visit.day <= period.end).group_by(in_care.c.grid_id)).all())
    return {g: (int(visited.get(g, 0)), int(c)) for g, c in cared.items()}


def registration_pairs(s: Session) -> dict[int, tuple[int, int]]:
    """Registration per grid: {grid id: (households with a person on record, households on record)}."""
    households = dict(s.execute(select(Household.grid_id, func.count()).group_by(Household.grid_id)).all())
    registered = dict(s.execute(
        select(Household.grid_id, func.count(distinct(Household.id)))
        .join(Person, Person.household_id == Household.id).group_by(Household.grid_id)).all())
    return {g: (int(registered.get(g, 0)), int(h)) for g, h in households.items()}


def accuracy_pairs(s: Session) -> dict[int, tuple[int, int]]:
    """Basic-data accuracy per grid (基础信息采集准确率): {grid id: (households whose people on record number
    exactly the members the household register gives, households with anyone on record)}. A household
    with a member missing or one too many in the registry is a record to correct."""
    on_record = (select(Person.household_id.label("hid"), func.count().label("n"))
                 .where(Person.household_id.is_not(None)).group_by(Person.household_id).subquery())
    rows = s.execute(select(Household.grid_id, func.count(),
                            func.coalesce(func.sum(case((Household.members == on_record.c.n, 1), else_=0)), 0))
                     .join(on_record, on_record.c.hid == Household.id).group_by(Household.grid_id)).all()
    return {g: (int(ok), int(n)) for g, n, ok in rows}


def _sum_pairs(pairs: dict[int, tuple[int, int]], grid_ids: frozenset[int] | None = None) -> tuple[int, int]:
    chosen = [p for g, p in pairs.items() if grid_ids is None or g in grid_ids]
    return sum(p[0] for p in chosen), sum(p[1] for p in chosen)


def visit_coverage(s: Session, period: Period) -> tuple[int, int]:
    """The street's visit coverage: (visited, in care) -- the totals row of ``coverage_table``."""
    return _sum_pairs(visit_pairs(s, period))


def in_use(s: Session) -> bool:
    """Whether the registry holds anyone: before the first person is entered or imported, its figures are
    "no data", not a 0% that reads like a failure."""
    return s.scalar(select(Person.id).limit(1)) is not None


def registration(s: Session, period: Period | None = None) -> tuple[int, int]:
    """The street's registration rate: (households with a person on record, households) -- a stock, the
    same in every period (``period`` only for the figure hook's signature); (0, 0) while the registry is
    not in use."""
    return _sum_pairs(registration_pairs(s)) if in_use(s) else (0, 0)


def _grids(s: Session, grid_ids: frozenset[int] | None):
    grids = s.execute(select(Grid.id, Grid.name, Community.name).join(Community, Community.id == Grid.community_id)
                      .order_by(Community.code, Grid.code)).all()
    return [g for g in grids if grid_ids is None or g[0] in grid_ids]


def coverage_table(s: Session, period: Period, grid_ids: frozenset[int] | None = None) -> Table:
    visits, regs = visit_pairs(s, period), registration_pairs(s)
    rows, tot = [], [0, 0, 0, 0]
    for gid, gname, cname in _grids(s, grid_ids):
        (v, c), (r, h) = visits.get(gid, (0, 0)), regs.get(gid, (0, 0))
        rows.append((cname, gname, c, v, _rate(v, c), h, r, _rate(r, h)))
        tot = [tot[0] + c, tot[1] + v, tot[2] + h, tot[3] + r]
    totals = ("合计", "", tot[0], tot[1], _rate(tot[1], tot[0]), tot[2], tot[3], _rate(tot[3], tot[2]))
    return Table(
        f"走访覆盖与基础信息登记（{period.label}）",
        (Column("community", "社区"), Column("grid", "网格"), Column("cared", "在管特殊人群", "int", "人"),
         Column("visited", "本期已走访", "int", "人"), Column("coverage", "走访覆盖率", "rate"),
         Column("households", "住户", "int", "户"), Column("registered", "已登记人员的住户", "int", "户"),
         Column("registration", "基础信息登记率", "rate")),
        tuple(rows), totals,
        notes=("目标：规范化服务走访覆盖率100%，网格基础信息采集登记率100%。",
               "走访覆盖率 = 本期内至少走访一次的在管特殊人群 ÷ 在管特殊人群。"),
        key="registry_coverage")


def population_table(s: Session, grid_ids: frozenset[int] | None = None) -> Table:
    """实有人口 by kind, and rented houses, per grid."""
    grids = _grids(s, grid_ids)
    counts: dict[tuple[int, str], int] = {
        (g, r): n for g, r, n in s.execute(select(Person.grid_id, Person.residence, func.count())
                                           .group_by(Person.grid_id, Person.residence))}
    rented = dict(s.execute(select(House.grid_id, func.count()).where(House.use == "rented")
                            .group_by(House.grid_id)).all())
    rows, tot = [], [0, 0, 0, 0, 0]
    for gid, gname, cname in grids:
        reg, res, flo = (counts.get((gid, k), 0) for k in ("registered", "resident", "floating"))
        all_ = reg + res + flo
        rows.append((cname, gname, all_, reg, res, flo, _rate(flo, all_), rented.get(gid, 0)))
        tot = [a + b for a, b in zip(tot, (all_, reg, res, flo, rented.get(gid, 0)))]
    totals = ("合计", "", tot[0], tot[1], tot[2], tot[3], _rate(tot[3], tot[0]), tot[4])
    return Table("实有人口与出租房屋",
                 (Column("community", "社区"), Column("grid", "网格"), Column("people", "实有人口", "int", "人"),
                  Column("registered", "户籍", "int", "人"), Column("resident", "常住", "int", "人"),
                  Column("floating", "流动", "int", "人"), Column("floating_share", "流动人口占比", "rate"),
                  Column("rented", "出租房屋", "int", "处")),
                 tuple(rows), totals, key="registry_population")
