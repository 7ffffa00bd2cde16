"""Composition: the registry's figures join the areas that were built before it and left a hook.

- the dashboard (desk.services.figures.dashboard ``EXTRA_FIGURES`` / ``EXTRA_DRILLS``): basic-data
  registration rate and standard visit coverage against their 100% targets, and the list behind each
  (households; people under care with their names masked, never an ID number or a phone);
- the evaluation's data side (desk.services.evaluation.data ``DATA_HOOKS``): basic-data accuracy for
  grid leaders and integration into the community (visit coverage) for police, per grid.

Every number comes from desk.services.figures.registry, the module the registry's own coverage table
is built from, so the wall, the sheets and the ranking print the same values. Importing this module
registers the hooks (idempotent); the services that show these figures import it.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import Community, Grid, Household, Person, SpecialCare, Visit
from desk.services.evaluation import data as evaluation_data
from desk.services.figures import dashboard as fig
from desk.services.figures import registry as reg
from desk.services.figures.periods import Period
from desk.services.figures.table import Column, Table
from desk.services.registry.codes import CATEGORIES, LEVEL_NAMES

REGISTRATION = fig.FigureDef("registration", "网格基础信息采集登记率", "rate", reg.TARGET, "100%", "up", "household",
                             "登记在册的住户中已录入人员信息的比例（不随时期变化）")
VISITS = fig.FigureDef("visit_coverage", "规范化服务走访覆盖率", "rate", reg.TARGET, "100%", "up", "person",
                       "在管特殊人群中本期至少走访一次的比例")


def mask_name(name: str) -> str:
    """王小明 → 王**: the people behind a figure are shown, never named in full."""
    name = (name or "").strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def _mark(v) -> str:
    return "是" if v else "否"


def _limited(rows: tuple, limit: int) -> tuple[tuple, tuple[str, ...]]:
    return rows[:limit], ((f"共 {len(rows)} 条，仅列前 {limit} 条。",) if len(rows) > limit else ())


def drill_registration(s: Session, period: Period, limit: int = 5000) -> tuple[Table, tuple[int, ...], tuple[int, ...]]:
    """The households behind the registration rate: every household on record, 是 where a person is on record."""
    on_record = (select(Person.household_id.label("hid"), func.count().label("n"))
                 .where(Person.household_id.is_not(None)).group_by(Person.household_id).subquery())
    found = s.execute(
        select(Household.id, Community.name, Grid.name, Household.building, Household.members, on_record.c.n)
        .join(Grid, Grid.id == Household.grid_id).join(Community, Community.id == Grid.community_id)
        .outerjoin(on_record, on_record.c.hid == Household.id)
        .order_by(Community.code, Grid.code, Household.id)).all()
    rows = tuple((r[0], r[1], r[2], r[3] or "", r[4], int(r[5] or 0), _mark(r[5])) for r in found)
    shown, notes = _limited(rows, limit)
    table = Table(f"{REGISTRATION.title}：{period.label}",
                  (Column("id", "住户编号", "int"), Column("community", "社区"), Column("grid", "网格"),
                   Column("building", "楼栋"), Column("members", "户内人数", "int", "人"),
                   Column("on_record", "已登记人员", "int", "人"), Column("counted", "已登记")),
                  shown, notes=notes, key="drill_registration", empty_text=fig.NO_DATA + "。")
    return table, tuple(r[0] for r in found), tuple(r[0] for r in found if r[5])


def drill_visits(s: Session, period: Period, limit: int = 5000) -> tuple[Table, tuple[int, ...], tuple[int, ...]]:
    """The people under care behind the visit coverage: one row per person and grid, 是 where visited in the
    period. Names masked; no ID number, phone or address."""
    in_care = reg._in_care(period)
    last = (select(Visit.person_id.label("pid"), func.max(Visit.day).label("day"))
            .where(Visit.person_id.is_not(None), Visit.day >= period.start, Visit.day <= period.end)
            .group_by(Visit.person_id).subquery())
    found = s.execute(
        select(in_care.c.person_id, in_care.c.grid_id, Community.name, Grid.name, Person.name, last.c.day)
        .join(Person, Person.id == in_care.c.person_id).join(Grid, Grid.id == in_care.c.grid_id)
        .join(Community, Community.id == Grid.community_id).outerjoin(last, last.c.pid == in_care.c.person_id)
        .order_by(Community.code, Grid.code, last.c.day.is_not(None), in_care.c.person_id)).all()
    care: dict[tuple[int, int], tuple[list[str], int]] = {}
    for pid, gid, category, level in s.execute(
            select(SpecialCare.person_id, SpecialCare.grid_id, SpecialCare.category, SpecialCare.level)
            .where(SpecialCare.active, SpecialCare.since <= period.end)
            .order_by(SpecialCare.level, SpecialCare.id)):
        cats, lvl = care.setdefault((pid, gid), ([], level))
        if CATEGORIES.get(category, category) not in cats:
            cats.append(CATEGORIES.get(category, category))
    rows = []
    for pid, gid, cname, gname, name, day in found:
        cats, level = care.get((pid, gid), ([], None))
        rows.append((cname, gname, mask_name(name), "、".join(cats), LEVEL_NAMES.get(level, ""), day, _mark(day)))
    shown, notes = _limited(tuple(rows), limit)
    table = Table(f"{VISITS.title}：{period.label}",
                  (Column("community", "社区"), Column("grid", "网格"), Column("person", "姓名"),
                   Column("category", "类别"), Column("level", "管理等级"), Column("last_visit", "本期最近走访", "date"),
                   Column("counted", "本期已走访")),
                  shown, notes=notes, key="drill_visit_coverage", empty_text=fig.NO_DATA + "。")
    return table, tuple(r[0] for r in found), tuple(r[0] for r in found if r[5] is not None)


def install() -> None:
    """Register the registry's figures with the dashboard and the evaluation (again: no change)."""
    fig.EXTRA_FIGURES[REGISTRATION.key] = (REGISTRATION, reg.registration)
    fig.EXTRA_FIGURES[VISITS.key] = (VISITS, reg.visit_coverage)
    fig.EXTRA_DRILLS[REGISTRATION.key] = drill_registration
    fig.EXTRA_DRILLS[VISITS.key] = drill_visits
    evaluation_data.DATA_HOOKS["data_accuracy"] = lambda s, period: reg.accuracy_pairs(s)
    evaluation_data.DATA_HOOKS["integration"] = reg.visit_pairs


install()
