"""Routing proposals: ranked departments from the matters list and the street's own history, blended,
with a confidence in words and the words and past cases that speak for each department."""
from __future__ import annotations

from desk.services import dispatch as dsp
from tests.board_support import WANG
from tests.dispatch_support import accepted_event, street
from tests.routing_support import day, history_case


def test_similar_past_cases_propose_their_department_first_and_say_how_many(ctx):
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
    assert [c.department for c in p.candidates][0] == "市场监管"
    first = p.candidates[0]
    assert first.similar == 3 and len(first.cases) == 3 and all("奶茶店" in c.title for c in first.cases)
    assert "奶茶店" in first.words or "三无" in first.words
    assert abs(sum(c.share for c in p.candidates) - 1) < 0.01


def test_returned_dispatches_do_not_teach_the_routing(ctx):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "奶茶店售卖三无饮料", "")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.return_case(ctx.as_actor(st.liaison("消防")), did, "不属于消防")
    new = accepted_event(ctx, st, "奶茶店售卖三无饮料", "")
    p = dsp.propose_route(duty, new)
    assert p.department_id is None and "请值班员选择" in p.reason and p.confidence == ""


def test_imported_history_cases_teach_the_routing_and_are_named(ctx):
    st = street(ctx)
    past = [history_case(ctx, f"{w}小区快递柜超时收费", st.dept["市场监管"], day(i))
            for i, w in enumerate(("丽景", "金色", "翠苑"))]
    history_case(ctx, "学校门口交通拥堵", st.dept["公安"], day(5))
    eid = accepted_event(ctx, st, "锦绣小区快递柜乱收费", "快递柜超时就收费")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert p.department == "市场监管"
    assert {c.event_id for c in p.candidates[0].cases} == set(past)
    assert {"快递", "收费"} <= set(p.candidates[0].words)


def test_a_long_letter_gets_a_proposal_like_a_short_one(ctx):
    st = street(ctx)
    for i in range(3):
        history_case(ctx, "快递柜超时收费", st.dept["市场监管"], day(i))
        history_case(ctx, "小区绿化带被毁", st.dept["城管"], day(i))
    filler = "我家住在这里已经很多年了，邻居们都很好，平时大家互相帮助，生活也算安稳。" * 60
    eid = accepted_event(ctx, st, "反映一个情况", filler + "最近小区的快递柜超时还要收费。")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert p.department == "市场监管" and p.candidates[0].similar >= 1


def test_the_matters_list_and_history_are_both_ranked(ctx):
    st = street(ctx)
    for i in range(6):  # history sent barbecue smoke to 城管 ...
        history_case(ctx, f"烧烤店油烟扰民{i}", st.dept["城管"], day(i))
    # ... while the matters list names 环保 (M0203 油烟与噪声扰民)
    eid = accepted_event(ctx, st, "烧烤店油烟扰民", "")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    ranked = [c.department for c in p.candidates]
    assert set(ranked[:2]) == {"城管", "环保"}
    assert "事项清单" in p.reason and "以往案件" in p.reason
    assert p.confidence == "仅供参考"  # two sources disagree: nobody is sure


def test_many_agreeing_cases_make_a_proposal_fairly_sure_and_few_only_a_hint(ctx):
    st = street(ctx)
    eid = accepted_event(ctx, st, "楼道堆放杂物堵塞消防通道", "")
    history_case(ctx, "楼道堆放杂物堵塞消防通道", st.dept["消防"], day(0))
    few = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert few.department == "消防" and few.confidence == "仅供参考"
    for i in range(1, 25):
        history_case(ctx, f"{i}号楼楼道堆放杂物，消防通道被堵", st.dept["消防"], day(i))
    for i in range(25, 30):
        history_case(ctx, f"{i}号楼门口垃圾未清运", st.dept["城管"], day(i))
    many = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert many.department == "消防" and many.confidence == "较有把握"
    assert many.reason.startswith("较有把握：消防")


def test_a_chosen_matter_leads_and_history_still_shows(ctx):
    st = street(ctx)
    for i in range(6):
        history_case(ctx, f"烧烤店油烟扰民{i}", st.dept["环保"], day(i))
    eid = accepted_event(ctx, st, "烧烤店油烟扰民", "")
    matter = next(m for m in dsp.list_matters(ctx.as_actor(WANG)) if m.name == "占道经营与流动摊贩")
    p = dsp.propose_route(ctx.as_actor(WANG), eid, matter.id)
    assert p.department == "城管" and p.matter == "占道经营与流动摊贩"
    assert "环保" in [c.department for c in p.candidates]


def test_a_listed_department_that_never_took_a_case_does_not_outrank_a_long_history(ctx):
    st = street(ctx)
    for i in range(60):  # this street's board sends every noise complaint to 城管 ...
        history_case(ctx, f"{i}号商铺音响噪音扰民", st.dept["城管"], day(i))
    # ... the matters list names 环保 for 噪音 (M0203), a department with no case in 60
    eid = accepted_event(ctx, st, "商铺音响噪音扰民", "")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert p.department == "城管"
    assert "环保" in [c.department for c in p.candidates]  # ranked, not silenced


def test_a_large_history_is_read_ahead_and_a_small_one_left_for_the_first_proposal(ctx):
    st = street(ctx)
    for i in range(3):
        history_case(ctx, "快递柜超时收费", st.dept["市场监管"], day(i))
    duty = ctx.as_actor(WANG)
    assert dsp.warm_routing(duty) == 0
    assert dsp.warm_routing(duty, at_least=3) == 3
    eid = accepted_event(ctx, st, "快递柜超时收费", "")
    assert dsp.propose_route(duty, eid).department == "市场监管"
