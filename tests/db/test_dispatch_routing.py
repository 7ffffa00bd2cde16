"""Routing from what similar past events were sent to, when the matters list says nothing."""
from __future__ import annotations

from desk.services import dispatch as dsp
from tests.board_support import WANG
from tests.dispatch_support import accepted_event, street


def test_similar_past_cases_propose_their_department_and_say_how_many(ctx):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    for shop in ("东街", "西街", "南街"):
        eid = accepted_event(ctx, st, f"{shop}奶茶店售卖三无饮料", "群众反映奶茶店售卖三无饮料")
        dsp.dispatch_event(duty, eid, st.dept["市场监管"])
    eid = accepted_event(ctx, st, "北街奶茶店售卖三无饮料", "")
    other = accepted_event(ctx, st, "广场舞音响太吵", "")
    dsp.dispatch_event(duty, other, st.dept["城管"])
    p = dsp.propose_route(duty, eid)
    assert p.matter == ""
    assert p.department == "市场监管"
    assert "3件相似的以往案件派给了 市场监管" in p.reason
    assert [c.department for c in p.candidates] == ["市场监管"]


def test_returned_dispatches_do_not_teach_the_routing(ctx):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "奶茶店售卖三无饮料", "")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.return_case(ctx.as_actor(st.liaison("消防")), did, "不属于消防")
    new = accepted_event(ctx, st, "奶茶店售卖三无饮料", "")
    p = dsp.propose_route(duty, new)
    assert p.department_id is None and "请值班员选择" in p.reason
