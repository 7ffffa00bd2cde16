"""A month's mutual evaluation: opening it, who may rate whom, the ratings themselves, the weights an
administrator sets and the model grids leaders choose. Every change is audited under the real user.

Who may rate whom (seed 002, enforced here, not by hidden buttons): a community police officer rates
the grid leaders of the grids in their police beat; an auxiliary officer the leaders of the grids they
belong to; a grid leader rates the officers of the beats covering their grids and the auxiliary
officers belonging to them. Nobody rates themselves, and only during an open month."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import EvaluationRating, EvaluationRound, Grid, ModelGrid, PoliceBeat, Staff, StaffRole
from desk.models import beat_grid, grid_member
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import NotFound, PermissionDenied, ValidationError
from desk.services.evaluation.codes import CRITERIA, DEFAULT_PEER_WEIGHT, ROUND_STATES, criterion_name
from desk.services.figures.periods import Period, check_not_future, parse_month
from desk.services.permissions import require

POLICE = (StaffRole.COMMUNITY_POLICE, StaffRole.AUXILIARY_POLICE)


@dataclass(frozen=True)
class RoundRow:
    id: int
    month: str
    state: str
    state_name: str
    peer_weight: int
    ratings: int


@dataclass(frozen=True)
class Subject:
    staff_id: int
    name: str
    kind: str                 # grid_leader or police
    grids: tuple[str, ...]    # the grids that link the two people


def month_period(month: str) -> Period:
    return parse_month(month)


def _round(s: Session, month: str) -> EvaluationRound | None:
    return s.scalar(select(EvaluationRound).where(EvaluationRound.month == month))


def _row(s: Session, r: EvaluationRound) -> RoundRow:
    n = len(s.scalars(select(EvaluationRating.id).where(EvaluationRating.round_id == r.id)).all())
    return RoundRow(r.id, r.month, r.state, ROUND_STATES.get(r.state, r.state), r.peer_weight, n)


def open_round(ctx: Context, month: str) -> RoundRow:
    """Open ``month`` (YYYY-MM) for ratings; a month in the future or already opened is refused."""
    require(ctx.actor, "evaluation.open")
    period = month_period(month)
    check_not_future(period, ctx.clock.now())
    with ctx.unit() as u:
        if _round(u.session, period.code) is not None:
            raise ValidationError(f"{period.label}的互评已开启，不能重复开启 (already opened)")
        r = EvaluationRound(month=period.code, state="open", peer_weight=DEFAULT_PEER_WEIGHT, opened_at=u.now,
                            opened_by=u.actor.username)
        u.session.add(r)
        u.session.flush()
        u.changed("evaluation_round", r.id, "insert")
        u.audit("evaluation.open", "evaluation_round", r.id, after={"month": r.month})
        return _row(u.session, r)


def close_round(ctx: Context, month: str) -> RoundRow:
    require(ctx.actor, "evaluation.open")
    period = month_period(month)
    with ctx.unit() as u:
        r = _need(u.session, period)
        r.state = "closed"
        u.session.flush()
        u.changed("evaluation_round", r.id, "update")
        u.audit("evaluation.close", "evaluation_round", r.id, before={"state": "open"}, after={"state": "closed"})
        return _row(u.session, r)


def _need(s: Session, period: Period) -> EvaluationRound:
    r = _round(s, period.code)
    if r is None:
        raise NotFound(f"{period.label}尚未开启互评 (no evaluation for {period.code}): desk evaluation open")
    return r


def round_of(ctx: Context, month: str) -> RoundRow | None:
    require(ctx.actor, "evaluation.read")
    period = month_period(month)
    with ctx.read() as s:
        r = _round(s, period.code)
        return _row(s, r) if r is not None else None


def set_weights(ctx: Context, month: str, peer_weight: int) -> RoundRow:
    """How much of the ranking comes from the ratings (percent); the rest comes from the data."""
    require(ctx.actor, "evaluation.weights")
    if not isinstance(peer_weight, int) or not 0 <= peer_weight <= 100:
        raise ValidationError("互评权重应为 0 到 100 之间的整数 (peer weight must be 0..100)")
    period = month_period(month)
    with ctx.unit() as u:
        r = _need(u.session, period)
        before = r.peer_weight
        r.peer_weight = peer_weight
        u.session.flush()
        u.changed("evaluation_round", r.id, "update")
        u.audit("evaluation.weights", "evaluation_round", r.id, before={"peer_weight": before},
                after={"peer_weight": peer_weight})
        return _row(u.session, r)


def subjects_of(s: Session, staff_id: int) -> list[Subject]:
    """Whom this person may rate, with the grids that link them."""
    me = s.get(Staff, staff_id)
    if me is None or not me.active:
        return []
    links: dict[int, list[str]] = {}
    kind = ""
    if me.role == StaffRole.GRID_LEADER:
        kind = "police"
        mine = select(Grid.id).where(Grid.leader_id == staff_id)
        q1 = (select(PoliceBeat.officer_id, Grid.name).join(beat_grid, beat_grid.c.beat_id == PoliceBeat.id)
              .join(Grid, Grid.id == beat_grid.c.grid_id).where(Grid.id.in_(mine), PoliceBeat.officer_id.is_not(None)))
        q2 = (select(Staff.id, Grid.name).join(grid_member, grid_member.c.staff_id == Staff.id)
              .join(Grid, Grid.id == grid_member.c.grid_id)
              .where(Grid.id.in_(mine), Staff.role == StaffRole.AUXILIARY_POLICE))
        for sid, grid in [*s.execute(q1), *s.execute(q2)]:
            links.setdefault(sid, []).append(grid)
    elif me.role == StaffRole.COMMUNITY_POLICE:
        kind = "grid_leader"
        q = (select(Grid.leader_id, Grid.name).join(beat_grid, beat_grid.c.grid_id == Grid.id)
             .join(PoliceBeat, PoliceBeat.id == beat_grid.c.beat_id)
             .where(PoliceBeat.officer_id == staff_id, Grid.leader_id.is_not(None)))
        for sid, grid in s.execute(q):
            links.setdefault(sid, []).append(grid)
    elif me.role == StaffRole.AUXILIARY_POLICE:
        kind = "grid_leader"
        q = (select(Grid.leader_id, Grid.name).join(grid_member, grid_member.c.grid_id == Grid.id)
             .where(grid_member.c.staff_id == staff_id, Grid.leader_id.is_not(None)))
        for sid, grid in s.execute(q):
            links.setdefault(sid, []).append(grid)
    links.pop(staff_id, None)
    names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(list(links)), Staff.active.is_(True))).all())
    return [Subject(sid, names[sid], kind, tuple(sorted(set(g)))) for sid, g in sorted(links.items()) if sid in names]


def my_subjects(ctx: Context) -> list[Subject]:
    require(ctx.actor, "evaluation.rate")
    if ctx.actor.staff_id is None:
        return []
    with ctx.read() as s:
        return subjects_of(s, ctx.actor.staff_id)


def rate(ctx: Context, month: str, subject_staff_id: int, scores: dict[str, int], comment: str = "") -> int:
    """Record (or revise) the signed-in person's scores of one colleague; returns how many criteria were scored."""
    require(ctx.actor, "evaluation.rate")
    comment = (comment or "").strip()
    limits.require((limits.NOTE, comment), message="评价未保存 (not saved)")
    period = month_period(month)
    rater = ctx.actor.staff_id
    if rater is None:
        raise PermissionDenied("当前账户未关联人员，不能参与互评 (the account is not linked to a staff member)")
    with ctx.unit() as u:
        s = u.session
        r = _need(s, period)
        if r.state != "open":
            raise ValidationError(f"{period.label}的互评已结束 (the evaluation is closed)")
        allowed = {x.staff_id: x for x in subjects_of(s, rater)}
        if subject_staff_id not in allowed:
            raise PermissionDenied(f"只能评价本警格、本网格的民警或网格长，不能评价人员 #{subject_staff_id} "
                                   f"(not yours to rate)")
        subject = allowed[subject_staff_id]
        criteria = CRITERIA[subject.kind]
        problems = [f"{c!r} 不是对{('网格长' if subject.kind == 'grid_leader' else '民辅警')}的评价项目 (unknown criterion)"
                    for c in scores if c not in criteria]
        problems += [f"{criterion_name(c)} 的分数应为 0 到 100 的整数 (score 0..100)" for c, v in scores.items()
                     if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 100]
        if not scores:
            problems.append("至少评一项 (no score given)")
        if problems:
            raise ValidationError("评价有误，未保存 (not saved)", problems)
        before = {}
        for criterion, score in scores.items():
            row = s.scalar(select(EvaluationRating).where(
                EvaluationRating.round_id == r.id, EvaluationRating.rater_staff_id == rater,
                EvaluationRating.subject_staff_id == subject_staff_id, EvaluationRating.criterion == criterion))
            if row is None:
                row = EvaluationRating(round_id=r.id, subject_kind=subject.kind, rater_staff_id=rater,
                                       subject_staff_id=subject_staff_id, criterion=criterion)
                s.add(row)
            else:
                before[criterion] = row.score
            row.score, row.comment, row.rated_by, row.rated_at = score, comment, u.actor.username, u.now
        s.flush()
        u.changed("evaluation_rating", f"{r.id}:{rater}:{subject_staff_id}", "update")
        u.audit("evaluation.rate", "staff", subject_staff_id, before=before or None,
                after={"month": r.month, "subject": subject.name, "scores": scores, "comment": comment})
        return len(scores)


def choose_model_grid(ctx: Context, month: str, grid_id: int, reason: str) -> None:
    """A leader names a grid the month's model grid (示范网格), with the reason."""
    require(ctx.actor, "evaluation.award")
    reason = (reason or "").strip()
    limits.require((limits.NOTE, reason), message="未评选 (not chosen)")
    if not reason:
        raise ValidationError("评选示范网格需要说明理由 (a reason is needed)")
    period = month_period(month)
    with ctx.unit() as u:
        s = u.session
        r = _need(s, period)
        grid = s.get(Grid, grid_id)
        if grid is None:
            raise NotFound(f"网格 #{grid_id} 不存在 (no such grid)")
        if s.scalar(select(ModelGrid.id).where(ModelGrid.round_id == r.id, ModelGrid.grid_id == grid_id)):
            raise ValidationError(f"{grid.name}已是{period.label}示范网格 (already chosen)")
        m = ModelGrid(round_id=r.id, grid_id=grid_id, reason=reason, chosen_by=u.actor.username, chosen_at=u.now)
        s.add(m)
        s.flush()
        u.changed("evaluation_model_grid", m.id, "insert")
        u.audit("evaluation.model_grid", "grid", grid_id, after={"month": r.month, "grid": grid.name,
                                                                 "reason": reason})
