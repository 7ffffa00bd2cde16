"""Every path a dispatched case can take, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord
from desk.services import dispatch as dsp
from desk.services.errors import ConflictError, ValidationError
from tests.board_support import LEADER, LI, WANG
from tests.dispatch_support import accepted_event, grid_worker, status, street


@pytest.fixture
def st(ctx):
    return street(ctx)


def test_the_matters_list_sends_a_blocked_fire_exit_to_the_fire_station(ctx, st):
    eid = accepted_event(ctx, st, "3号楼消防通道堵塞", "有私家车长期停放占用消防通道", kind="fire_hazard")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert p.department == "消防"
    assert "消防通道" in p.reason and p.matter == "消防通道堵塞"
    assert p.assist_ids == (st.dept["物业"],)


def test_accepted_case_is_fed_back_verified_closed_and_called_back(ctx, st, clock):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], instructions="今天之内清理")
    assert status(ctx, eid) == "dispatched"
    assert [c.dispatch_id for c in dsp.inbox(fire)] == [did]
    clock.advance(minutes=10)
    dsp.accept(fire, did)
    assert status(ctx, eid) == "handling"
    clock.advance(hours=2)
    dsp.feedback(fire, did, "已联系车主挪车，通道已畅通", [("现场.jpg", b"\xff\xd8jpeg")])
    assert status(ctx, eid) == "feedback"
    dsp.verify(grid_worker(ctx, st), did, "passed", "现场查看通道畅通")
    dsp.close(duty, did)
    dsp.call_back(duty, did, "satisfied")
    assert status(ctx, eid) == "called_back"
    detail = dsp.case_detail(duty, did)
    kinds = [e.kind for e in detail.entries]
    assert kinds == ["dispatch", "accept", "feedback", "verify", "close", "call_back"]
    assert detail.entries[1].outcome == "on_time"
    assert len(detail.entries[2].attachments) == 1
    assert detail.satisfaction == "satisfied"


def test_a_returned_case_is_rerouted_and_the_old_department_is_told(ctx, st):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "小区门口流动摊贩占道经营", kind="request")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], override_reason="值班员判断")
    with pytest.raises(ValidationError):
        dsp.return_case(fire, did, "  ")
    dsp.return_case(fire, did, "占道经营不属于消防职责，应由城管处理")
    assert status(ctx, eid) == "returned"
    assert [c.state for c in dsp.supervision_list(ctx.as_actor(LEADER))] == ["returned"]
    new = dsp.reroute(duty, did, st.dept["城管"], "按退单意见改派城管")
    assert status(ctx, eid) == "dispatched"
    old = dsp.case_detail(duty, did)
    assert old.case.state == "rerouted"
    assert any(e.kind == "reroute_notice" and e.department == "消防" for e in old.entries)
    assert [c.dispatch_id for c in dsp.inbox(ctx.as_actor(st.liaison("城管")))] == [new]
    # the fire station still sees it, marked as re-routed away
    assert [c.state for c in dsp.inbox(fire)] == ["rerouted"]


def test_the_re_route_proposes_the_department_the_return_reason_names_and_not_the_one_that_returned(ctx, st):
    """公安 returns a street stall with "not our matter: 市场监管": the re-route proposes 市场监管 and
    says why (the matters list alone would say 城管), and 公安 is never the first choice again."""
    duty, police = ctx.as_actor(WANG), ctx.as_actor(st.liaison("公安"))
    eid = accepted_event(ctx, st, "路边无证摆摊卖熟食", "小区门口有人无证摆摊卖熟食", kind="request")
    did = dsp.dispatch_event(duty, eid, st.dept["公安"], override_reason="误以为治安问题")
    assert dsp.propose_route(duty, eid).department != "市场监管"
    dsp.return_case(police, did, "不属于我们的事项：市场监管")
    p = dsp.propose_route(duty, eid)
    assert p.department == "市场监管" and p.reason.startswith("退单原因指明 市场监管（公安 退回")
    assert p.candidates[-1].department == "公安" or all(c.department != "公安" for c in p.candidates)


def test_the_routing_override_is_recorded(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "楼道电动车充电", "有人从窗户飞线给电动车充电", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["物业"], override_reason="物业先行劝阻")
    d = dsp.case_detail(duty, did)
    assert d.overridden and d.override_reason == "物业先行劝阻"
    assert "消防" in d.routing_reason
    assert [e.kind for e in d.entries] == ["dispatch", "override"]


def test_joint_handling_lead_and_assisting_departments_both_see_and_act(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "违法搭建彩钢房", kind="safety_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["城管"], assist_ids=[st.dept["自然资源"], st.dept["城管"]])
    land = ctx.as_actor(st.liaison("自然资源"))
    assert [c.assist for c in dsp.inbox(land)] == [("自然资源",)]
    dsp.accept(land, did)
    assert status(ctx, eid) == "dispatched"  # the assisting acceptance does not start the case
    with pytest.raises(Exception):
        dsp.return_case(land, did, "不是我们的")  # only the lead returns
    dsp.accept(ctx.as_actor(st.liaison("城管")), did)
    dsp.feedback(land, did, "已核实该地块为集体建设用地")
    assert status(ctx, eid) == "handling"
    dsp.feedback(ctx.as_actor(st.liaison("城管")), did, "已责令拆除")
    assert status(ctx, eid) == "feedback"
    entries = dsp.case_detail(duty, did).entries
    assert [(e.kind, e.department) for e in entries if e.kind in ("assist_accept", "feedback")] == [
        ("assist_accept", "自然资源"), ("feedback", "自然资源"), ("feedback", "城管")]


def test_an_extension_approved_by_a_leader_moves_the_deadline(ctx, st):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.accept(fire, did)
    before = dsp.case_detail(duty, did).case.deadline_at
    xid = dsp.request_extension(fire, did, 24, "需协调车主，车主出差")
    with pytest.raises(ValidationError):
        dsp.request_extension(fire, did, 12, "再申请一次")
    assert dsp.case_detail(duty, did).case.pending_extension == xid
    dsp.decide_extension(ctx.as_actor(LEADER), xid, True, "同意")
    after = dsp.case_detail(duty, did)
    assert (after.case.deadline_at - before).total_seconds() == 24 * 3600
    assert after.extensions[0].state == "approved" and after.case.pending_extension is None
    x2 = dsp.request_extension(fire, did, 48, "仍未联系上")
    dsp.decide_extension(ctx.as_actor(LEADER), x2, False, "不同意，请依法处置")
    assert dsp.case_detail(duty, did).case.deadline_at == after.case.deadline_at


@pytest.mark.parametrize("outcome", ["staged", "thin", "wrong"])
def test_a_failed_verification_sends_the_case_back_and_keeps_both_closing_opinions(ctx, st, outcome):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.accept(fire, did)
    dsp.feedback(fire, did, "已处理")
    with pytest.raises(ValidationError):
        dsp.verify(grid_worker(ctx, st), did, outcome, "")
    dsp.verify(grid_worker(ctx, st), did, outcome, "车辆仍在通道内")
    assert status(ctx, eid) == "handling"
    assert dsp.case_detail(duty, did).case.state == "accepted"
    dsp.feedback(fire, did, "已拖移车辆并设置隔离桩")
    dsp.verify(grid_worker(ctx, st), did, "passed")
    fb = [(e.round, e.text) for e in dsp.case_detail(duty, did).entries if e.kind == "feedback"]
    assert fb == [(1, "已处理"), (2, "已拖移车辆并设置隔离桩")]
    assert status(ctx, eid) == "verified"


def test_a_dissatisfied_call_back_reopens_the_case_to_the_same_department(ctx, st):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.accept(fire, did)
    dsp.feedback(fire, did, "已处理")
    dsp.verify(grid_worker(ctx, st), did, "passed")
    dsp.close(duty, did)
    with pytest.raises(ValidationError):
        dsp.call_back(duty, did, "basic", reopen=True)
    dsp.call_back(duty, did, "unsatisfied", "晚上又被堵了", reopen=True)
    assert status(ctx, eid) == "handling"
    case = dsp.case_detail(duty, did).case
    assert case.state == "accepted" and case.reopened == 1 and case.overdue(ctx.clock.now()) == ""
    assert [c.dispatch_id for c in dsp.inbox(fire)] == [did]
    dsp.feedback(fire, did, "已加装隔离桩")
    assert [e.round for e in dsp.case_detail(duty, did).entries if e.kind == "feedback"] == [1, 2]


def test_urges_supervision_instructions_and_expediting_are_recorded_on_the_case(ctx, st):
    duty, leader = ctx.as_actor(WANG), ctx.as_actor(LEADER)
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.urge(duty, did)
    dsp.supervise(leader, did, 2, "限今日办结")
    dsp.supervise(leader, did, 3, "红牌督办")
    dsp.instruct(leader, did, "请消防站长亲自到场")
    dsp.expedite(duty, did)
    d = dsp.case_detail(duty, did)
    assert [e.kind for e in d.entries][1:] == ["urge", "supervise", "supervise", "instruct", "expedite"]
    assert d.case.supervision == 3 and d.case.urgent
    from desk.services.incidents import event_detail
    steps = [s.action for s in event_detail(duty, eid).steps]
    assert {"urge", "supervise", "instruct", "expedite"} <= set(steps)
    from desk.services.incidents import notices
    texts = [n.text for n in notices(duty)]
    assert any("红牌督办" in t for t in texts) and any("加急" in t for t in texts)


def test_two_seats_dispatching_the_same_event_one_wins_and_the_other_is_told_who(ctx, st):
    from desk.services.incidents import event_row

    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    seen = event_row(ctx.as_actor(WANG), eid).version
    dsp.dispatch_event(ctx.as_actor(WANG), eid, st.dept["城管"], expected_version=seen)
    with pytest.raises(ConflictError) as err:
        dsp.dispatch_event(ctx.as_actor(LI), eid, st.dept["消防"], expected_version=seen)
    assert "王丽" in str(err.value) and "城管" in str(err.value)
    assert err.value.current is not None and err.value.current.status == "dispatched"
    with ctx.read() as s:
        sends = s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "dispatch.send"))
    assert sends == 1


def test_accepting_late_is_marked_late(ctx, st, clock):
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    clock.advance(minutes=45)
    assert [c.overdue(clock.now()) for c in dsp.supervision_list(ctx.as_actor(LEADER))] == ["accept"]
    dsp.accept(fire, did)
    assert dsp.case_detail(duty, did).entries[-1].outcome == "late"


def test_two_seats_pressing_dispatch_at_the_same_moment_exactly_one_wins(ctx, st):
    """Two threads, each with its own database connection, dispatch the event they both saw."""
    import threading
    from dataclasses import replace

    from desk.db import Database
    from desk.services.incidents import event_row

    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    seen = event_row(ctx.as_actor(WANG), eid).version
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def seat(actor, dept):
        db = Database(ctx.db.url)
        try:
            c = replace(ctx, db=db, actor=actor)
            proposal = dsp.propose_route(c, eid)
            barrier.wait()
            results[actor.username] = dsp.dispatch_event(c, eid, st.dept[dept], expected_version=seen,
                                                         proposal=proposal)
        except Exception as exc:  # noqa: BLE001 - checked below
            results[actor.username] = exc
        finally:
            db.dispose()

    threads = [threading.Thread(target=seat, args=(WANG, "城管")), threading.Thread(target=seat, args=(LI, "消防"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    wins = [k for k, v in results.items() if isinstance(v, int)]
    losses = [v for v in results.values() if isinstance(v, ConflictError)]
    assert len(wins) == 1 and len(losses) == 1, results
    winner, dept = ("王丽", "城管") if wins == ["wangli"] else ("李娜", "消防")
    assert winner in str(losses[0]) and dept in str(losses[0])
    with ctx.read() as s:
        sends = s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "dispatch.send"))
    assert sends == 1
    assert len(dsp.event_dispatches(ctx.as_actor(WANG), eid)) == 1
