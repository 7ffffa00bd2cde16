"""The month's ranking of grids and of officers, combining the ratings and the data with the weight an
administrator set:

- peer score: per criterion the mean of the scores given (0–100), then the mean over rated criteria;
- data score: per criterion the rate in percent (desk.services.evaluation.data), then the mean over the
  criteria that have data;
- combined = peer × w + data × (100 − w), divided by 100 (w: the round's peer weight); with only one side,
  that side alone; with neither, no score (listed last).
Both are ``Table``s: the screen, the CLI and the monthly assessment sheet print the same numbers."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import (Community, EvaluationRating, EvaluationRound, Grid, ModelGrid, PoliceBeat, Staff, StaffRole,
                         beat_grid, grid_member)
from desk.services.context import Context
from desk.services.evaluation.codes import GRID_LEADER_CRITERIA, MODEL_GRID, POLICE_CRITERIA
from desk.services.evaluation.data import combine, grid_side, police_side
from desk.services.evaluation.rounds import month_period
from desk.services.figures import registry_hooks  # noqa: F401 - the registry's data side joins the criteria
from desk.services.figures.periods import Period
from desk.services.figures.table import Column, Table
from desk.services.permissions import require


@dataclass(frozen=True)
class Ranking:
    month: str
    peer_weight: int | None
    grids: Table
    officers: Table
    grid_ids: tuple[int, ...] = ()     # the grid of each row of ``grids``, in order


def _mean(values) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 1) if vals else None


def combined(peer: float | None, data: float | None, weight: int) -> float | None:
    if peer is None and data is None:
        return None
    if peer is None:
        return data
    if data is None:
        return peer
    return round((peer * weight + data * (100 - weight)) / 100, 1)


def _peer(s: Session, round_id: int | None, kind: str) -> tuple[dict[int, float | None], dict[int, int]]:
    """Per subject: the peer score and how many people rated them."""
    if round_id is None:
        return {}, {}
    per: dict[int, dict[str, list[float]]] = {}
    raters: dict[int, set[int]] = {}
    q = (select(EvaluationRating.subject_staff_id, EvaluationRating.criterion, func.avg(EvaluationRating.score))
         .where(EvaluationRating.round_id == round_id, EvaluationRating.subject_kind == kind)
         .group_by(EvaluationRating.subject_staff_id, EvaluationRating.criterion))
    for sid, criterion, avg in s.execute(q):
        per.setdefault(sid, {})[criterion] = [float(avg)]
    for sid, rater in s.execute(select(EvaluationRating.subject_staff_id, EvaluationRating.rater_staff_id)
                                .where(EvaluationRating.round_id == round_id,
                                       EvaluationRating.subject_kind == kind).distinct()):
        raters.setdefault(sid, set()).add(rater)
    return ({sid: _mean(v[0] for v in c.values()) for sid, c in per.items()},
            {sid: len(r) for sid, r in raters.items()})


def _data_score(side: dict, criteria, grids) -> float | None:
    rates = [combine(side[c], grids) for c in criteria if c in side]
    return _mean(r * 100 for r in rates if r is not None)


def _ranked(rows: list[tuple], score_at: int, name_at: int) -> tuple[tuple, ...]:
    rows.sort(key=lambda r: (r[score_at] is None, -(r[score_at] or 0), r[name_at]))
    return tuple((i + 1 if r[score_at] is not None else None, *r) for i, r in enumerate(rows))


SCORE_COLUMNS = (Column("peer", "互评得分", "number", "分"), Column("raters", "评价人数", "int", "人"),
                 Column("data", "数据得分", "number", "分"), Column("score", "综合得分", "number", "分"))


def ranking_tables(s: Session, period: Period) -> Ranking:
    r = s.scalar(select(EvaluationRound).where(EvaluationRound.month == period.code))
    weight = r.peer_weight if r is not None else None
    w = weight if weight is not None else 0
    note = (f"综合得分 = 互评得分 × {w}% + 数据得分 × {100 - w}%；只有一方时取该方。" if r is not None
            else f"{period.label}未开展互评，仅按数据计分。")
    peer, raters = _peer(s, r.id if r else None, "grid_leader")
    side = grid_side(s, period)
    models = set(s.scalars(select(ModelGrid.grid_id).where(ModelGrid.round_id == r.id))) if r else set()
    rows = []
    for gid, gname, cname, leader_id, leader in s.execute(
            select(Grid.id, Grid.name, Community.name, Grid.leader_id, Staff.name)
            .join(Community, Grid.community_id == Community.id).outerjoin(Staff, Grid.leader_id == Staff.id)):
        p = peer.get(leader_id) if leader_id else None
        d = _data_score(side, GRID_LEADER_CRITERIA, [gid])
        rows.append((gname, cname, leader or "", p, raters.get(leader_id, 0), d, combined(p, d, w if r else 0),
                     MODEL_GRID if gid in models else "", gid))
    ranked = _ranked(rows, 6, 0)
    grids = Table(f"网格评价排名（{period.label}）",
                  (Column("rank", "名次", "int"), Column("grid", "网格"), Column("community", "社区"),
                   Column("leader", "网格长"), *SCORE_COLUMNS, Column("award", "评选")),
                  tuple(row[:-1] for row in ranked), notes=(note, "数据得分：治安隐患自主发现率、网格调解成功率、30分钟响应率、"
                                                     "基础信息采集准确率（住户登记人数与户内人数相符的比例），"
                                                     "有数据的各项取平均。"),
                  key="grid_ranking", empty_text="暂无网格。")
    peer_p, raters_p = _peer(s, r.id if r else None, "police")
    pside = police_side(s, period)
    covered: dict[int, set[int]] = {}
    for officer, gid in s.execute(select(PoliceBeat.officer_id, beat_grid.c.grid_id)
                                  .join(beat_grid, beat_grid.c.beat_id == PoliceBeat.id)
                                  .where(PoliceBeat.officer_id.is_not(None))):
        covered.setdefault(officer, set()).add(gid)
    for sid, gid in s.execute(select(Staff.id, grid_member.c.grid_id).join(grid_member, grid_member.c.staff_id == Staff.id)
                              .where(Staff.role == StaffRole.AUXILIARY_POLICE)):
        covered.setdefault(sid, set()).add(gid)
    names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(list(covered)), Staff.active.is_(True))).all())
    roles = dict(s.execute(select(Staff.id, Staff.role).where(Staff.id.in_(list(covered)))).all())
    prow = []
    for sid, grids_of in covered.items():
        if sid not in names:
            continue
        p = peer_p.get(sid)
        d = _data_score(pside, POLICE_CRITERIA, grids_of)
        role = "社区民警" if roles.get(sid) == StaffRole.COMMUNITY_POLICE else "辅警"
        prow.append((names[sid], role, len(grids_of), p, raters_p.get(sid, 0), d, combined(p, d, w if r else 0)))
    officers = Table(f"民辅警评价排名（{period.label}）",
                     (Column("rank", "名次", "int"), Column("officer", "姓名"), Column("role", "职务"),
                      Column("grids", "联系网格", "int", "个"), *SCORE_COLUMNS),
                     _ranked(prow, 6, 0), notes=(note, "数据得分：涉警事件办结率、民警调解成功率、公安派单按时办结率、"
                                                       "社会融入度（联系网格在管特殊人群走访覆盖率），有数据的各项取平均。"),
                     key="officer_ranking", empty_text="暂无民警、辅警。")
    return Ranking(period.code, weight, grids, officers, tuple(row[-1] for row in ranked))


def ranking(ctx: Context, month: str) -> Ranking:
    require(ctx.actor, "evaluation.read")
    period = month_period(month)
    with ctx.read() as s:
        return ranking_tables(s, period)
