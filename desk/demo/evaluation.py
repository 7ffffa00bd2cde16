"""The demo street's mutual evaluation (评价奖惩): last month's round, closed, in which each community
officer rated the leaders of the grids in their beat and each grid leader rated the officer of their beat
(scores 70–98, a few comments); and this month's round, open for ratings."""
from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from desk.demo.incidents import demo_now
from desk.demo.street import DemoStreet
from desk.models import EvaluationRating, EvaluationRound, Grid, PoliceBeat, beat_grid
from desk.services.evaluation.codes import GRID_LEADER_CRITERIA, POLICE_CRITERIA
from desk.services.figures.periods import last_complete_month, local_today, month_of
from desk.services.unit import Unit

COMMENTS = ("配合积极，信息报送及时", "矛盾纠纷化解有成效", "入户走访还需加强", "响应迅速，处置得当", "")


def build(u: Unit, rng: random.Random, street: DemoStreet, options) -> str:
    s = u.session
    now = demo_now(options)
    today = local_today(now)
    last, this = last_complete_month(today), month_of(today)
    closed = EvaluationRound(month=last.code, state="closed", peer_weight=60, opened_at=now - timedelta(days=30),
                             opened_by="demo")
    current = EvaluationRound(month=this.code, state="open", peer_weight=60, opened_at=now - timedelta(days=1),
                              opened_by="demo")
    s.add_all([closed, current])
    s.flush()
    links = s.execute(select(PoliceBeat.officer_id, Grid.leader_id).join(beat_grid, beat_grid.c.beat_id == PoliceBeat.id)
                      .join(Grid, Grid.id == beat_grid.c.grid_id)
                      .where(PoliceBeat.officer_id.is_not(None), Grid.leader_id.is_not(None))
                      .order_by(PoliceBeat.id, Grid.id)).all()
    at = now - timedelta(days=rng.randint(5, 20))
    pairs = {(o, g, "grid_leader") for o, g in links} | {(g, o, "police") for o, g in links}
    n = 0
    for rater, subject, kind in sorted(pairs):
        criteria = GRID_LEADER_CRITERIA if kind == "grid_leader" else POLICE_CRITERIA
        comment = rng.choice(COMMENTS)
        for criterion in criteria:
            s.add(EvaluationRating(round_id=closed.id, subject_kind=kind, rater_staff_id=rater,
                                   subject_staff_id=subject, criterion=criterion, score=rng.randint(70, 98),
                                   comment=comment, rated_by="demo", rated_at=at))
            n += 1
    for table in ("evaluation_round", "evaluation_rating"):
        u.changed(table, "*", "bulk")
    return f"{last.code} 互评 {n} 项，{this.code} 互评已开启"
