"""`desk dispatch routing-check`: the history replayed in time order, each case proposed only from
the cases before it."""
from __future__ import annotations

from datetime import date

import pytest

from desk.services.dispatch.replay import routing_check
from desk.services.errors import PermissionDenied
from desk.services.figures.routing import routing_check_table
from tests.board_support import WANG
from tests.dispatch_support import street
from tests.routing_support import day, history_case


def _rows(result):
    return {r.department: (r.cases, r.top1, r.top3) for r in result.rows}


def test_each_case_is_proposed_only_from_earlier_cases(ctx):
    st = street(ctx)
    for i in range(3):
        history_case(ctx, "快递柜超时收费", st.dept["市场监管"], day(i))
    # a case unlike any before it: a replay that saw the case itself would get it right
    history_case(ctx, "河道里发现鳄鱼出没", st.dept["应急"], day(5))
    # two identical cases reported at the same instant: neither may see the other
    history_case(ctx, "古井水位异常下降", st.dept["供水"], day(6))
    history_case(ctx, "古井水位异常下降", st.dept["供水"], day(6))
    result = routing_check(ctx.as_actor(WANG))
    rows = _rows(result)
    assert rows["市场监管"] == (3, 2, 2)   # the first had nothing before it
    assert rows["应急"] == (1, 0, 0)
    assert rows["供水"] == (2, 0, 0)
    assert (result.total.cases, result.total.top1) == (6, 2)


def test_later_cases_learn_from_earlier_ones(ctx):
    st = street(ctx)
    for i in range(4):
        history_case(ctx, "古井水位异常下降", st.dept["供水"], day(i))
        history_case(ctx, "快递柜超时收费", st.dept["市场监管"], day(i))
    rows = _rows(routing_check(ctx.as_actor(WANG)))
    assert rows["供水"][1] == 3 and rows["市场监管"][1] >= 3


def test_a_period_scores_its_cases_after_learning_those_before(ctx):
    st = street(ctx)
    for i in range(4):
        history_case(ctx, "古井水位异常下降", st.dept["供水"], day(i))
    history_case(ctx, "古井水位又异常下降", st.dept["供水"], day(40))
    result = routing_check(ctx.as_actor(WANG), date(2020, 2, 1), date(2020, 2, 29))
    assert result.learned_before == 4 and _rows(result) == {"供水": (1, 1, 1)}
    t = routing_check_table(result)
    assert t.totals[3] == 1.0 and "2020-02-01至2020-02-29" in t.title


def test_the_replay_needs_the_right_to_see_figures(ctx):
    from desk.services.unit import Actor

    with pytest.raises(PermissionDenied):
        routing_check(ctx.as_actor(Actor("g1", "网格员", role="grid_staff")))


def test_the_replay_says_how_often_a_fairly_sure_proposal_was_right(ctx):
    st = street(ctx)
    for i in range(30):
        history_case(ctx, "古井水位异常下降", st.dept["供水"], day(i))
    row = routing_check(ctx.as_actor(WANG)).rows[0]
    assert row.sure == 30 - 20 and row.sure_right == row.sure  # sure from the 21st case on (20 learned)
