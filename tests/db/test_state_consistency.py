"""Events and their department cases stay in step, on SQLite and PostgreSQL: the paths that used to
leave them disagreeing, and `desk db check` naming rows that old versions left behind."""
from __future__ import annotations

import random
import pytest
from sqlalchemy import func, select

from desk.demo import dispatch as demo_dispatch
from desk.demo.street import DemoStreet
from desk.models import AuditRecord, Dispatch, DispatchEntry, Event, Extension
from desk.services import consistency, integrity
from desk.services import dispatch as dsp
from desk.services import incidents as inc
from desk.services.errors import ValidationError
from tests.board_support import LEADER, WANG
from tests.db.test_dispatch_demo import board_style_events
from tests.dispatch_support import accepted_event, grid_worker, status, street


@pytest.fixture
def st(ctx):
    return street(ctx)


def check(ctx) -> list[str]:
    with ctx.read() as s:
        return consistency.event_dispatch_problems(s)


def case(ctx, dispatch_id: int) -> Dispatch:
    with ctx.read() as s:
        d = s.get(Dispatch, dispatch_id)
        s.expunge(d)
        return d


def test_a_returned_case_moved_back_to_the_grid_and_closed_leaves_the_department_inbox(ctx, st, clock):
    """The security issue's case: the event was closed in the grid, but the department's returned
    dispatch stayed current and kept showing in its inbox and on the leaders' supervision list."""
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "小区门口流动摊贩占道经营")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], override_reason="值班员判断")
    dsp.return_case(fire, did, "占道经营不属于消防职责")
    inc.transition(duty, eid, "handle_in_grid", note="网格员现场劝离")
    for action in ("feedback", "verify", "close"):
        inc.transition(duty, eid, action)
    assert status(ctx, eid) == "closed"
    d = case(ctx, did)
    assert not d.active and d.state == "returned"
    assert inc.event_row(duty, eid).department_name == ""
    assert dsp.supervision_list(ctx.as_actor(LEADER)) == ()
    told = [e for e in dsp.case_detail(duty, did).entries if e.kind == "withdraw"]
    assert len(told) == 1 and told[0].department == "消防" and "无需再办理" in told[0].text
    # still listed for the week as history, marked as no longer current, then gone
    assert [(c.dispatch_id, c.current) for c in dsp.inbox(fire)] == [(did, False)]
    clock.advance(days=8)
    assert dsp.inbox(fire) == ()
    assert [c.dispatch_id for c in dsp.inbox(fire, include_done=True)] == [did]
    assert check(ctx) == [] and integrity.problems(ctx) == []


def test_a_department_step_taken_on_the_board_is_refused_and_changes_nothing(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.accept(ctx.as_actor(st.liaison("消防")), did)
    before = inc.event_row(duty, eid)
    with pytest.raises(inc.IllegalTransition) as err:
        inc.transition(duty, eid, "feedback", note="已清理")
    assert "消防" in str(err.value) and "部门案件「反馈」" in str(err.value)
    assert inc.event_row(duty, eid) == before and case(ctx, did).state == "accepted"
    assert check(ctx) == []


def test_cancelling_a_dispatched_event_withdraws_the_case_and_tells_the_department(ctx, st):
    duty, city = ctx.as_actor(WANG), ctx.as_actor(st.liaison("城管"))
    eid = accepted_event(ctx, st, "路灯不亮")
    did = dsp.dispatch_event(duty, eid, st.dept["城管"])
    dsp.accept(city, did)
    xid = dsp.request_extension(city, did, 24, "需要采购灯具")
    inc.transition(duty, eid, "cancel", reason="居民来电说已自行修好")
    d = case(ctx, did)
    assert (d.state, d.active) == ("withdrawn", False)
    with ctx.read() as s:
        assert s.get(Extension, xid).state == "lapsed"
    assert [c.current for c in dsp.inbox(city)] == [False]
    with pytest.raises(ValidationError, match="已结束"):
        dsp.feedback(city, did, "已修好")
    with pytest.raises(ValidationError):
        dsp.decide_extension(ctx.as_actor(LEADER), xid, True)
    assert check(ctx) == []


def test_a_dispatched_duplicate_merged_into_its_original_ends_its_case(ctx, st):
    duty = ctx.as_actor(WANG)
    original = accepted_event(ctx, st, "停水三天")
    dup = accepted_event(ctx, st, "停水三天了没人管")
    did = dsp.dispatch_event(duty, dup, st.dept["供水"])
    inc.bulk_close_duplicate(duty, [(dup, None)], original)
    assert status(ctx, dup) == "merged"
    assert (case(ctx, did).state, case(ctx, did).active) == ("withdrawn", False)
    assert check(ctx) == []


def test_sending_a_returned_event_again_from_the_board_ends_the_returned_case(ctx, st):
    """The board's dispatch button opens the dispatch dialog, which sends (not re-routes)."""
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "楼道电动车充电", kind="fire_hazard")
    first = dsp.dispatch_event(duty, eid, st.dept["物业"], override_reason="物业先劝阻")
    dsp.return_case(ctx.as_actor(st.liaison("物业")), first, "需要消防执法")
    second = dsp.dispatch_event(duty, eid, st.dept["消防"])
    assert (case(ctx, first).state, case(ctx, first).active) == ("rerouted", False)
    assert any(e.kind == "reroute_notice" for e in dsp.case_detail(duty, first).entries)
    assert [c.dispatch_id for c in dsp.inbox(fire)] == [second]
    with pytest.raises(ValidationError, match="已结束"):  # the old case cannot be re-routed a second time
        dsp.reroute(duty, first, st.dept["城管"], "再改派")
    assert check(ctx) == []


def test_a_closed_department_case_reopened_on_the_board_is_sent_again_as_a_new_case(ctx, st):
    duty, city = ctx.as_actor(WANG), ctx.as_actor(st.liaison("城管"))
    eid = accepted_event(ctx, st, "占道经营")
    did = dsp.dispatch_event(duty, eid, st.dept["城管"])
    dsp.accept(city, did)
    dsp.feedback(city, did, "已劝离")
    dsp.verify(grid_worker(ctx, st), did, "passed")
    dsp.close(duty, did)
    with pytest.raises(inc.IllegalTransition, match="回访"):
        inc.transition(duty, eid, "call_back", satisfaction="satisfied")
    inc.transition(duty, eid, "reopen", reason="摊贩又回来了")
    assert (case(ctx, did).state, case(ctx, did).active) == ("closed", False)
    with pytest.raises(ValidationError):  # the old case's call-back is over with it
        dsp.call_back(duty, did, "unsatisfied", "又来了", reopen=True)
    again = dsp.dispatch_event(duty, eid, st.dept["城管"])
    assert [c.dispatch_id for c in dsp.event_dispatches(duty, eid) if c.current] == [again]
    assert check(ctx) == []


def test_reopening_on_the_board_while_the_department_waits_for_verification_is_refused(ctx, st):
    duty, city = ctx.as_actor(WANG), ctx.as_actor(st.liaison("城管"))
    eid = accepted_event(ctx, st, "井盖缺失")
    did = dsp.dispatch_event(duty, eid, st.dept["城管"])
    dsp.accept(city, did)
    dsp.feedback(city, did, "已补装")
    with pytest.raises(inc.IllegalTransition, match="核查不通过"):
        inc.transition(duty, eid, "reopen", reason="没装好")
    dsp.verify(grid_worker(ctx, st), did, "thin", "没有照片")
    assert status(ctx, eid) == "handling" and case(ctx, did).state == "accepted"
    assert check(ctx) == []


def test_a_dispute_mediated_while_a_department_handles_it_waits_for_the_department_feedback(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "拖欠工资", kind="dispute")
    did = dsp.dispatch_event(duty, eid, st.dept["人社"])
    dsp.accept(ctx.as_actor(st.liaison("人社")), did)
    inc.record_mediation(duty, eid, outcome="resolved", mediator="网格长")
    assert status(ctx, eid) == "handling" and case(ctx, did).state == "accepted"
    assert check(ctx) == []


def test_an_assisting_department_cannot_act_on_a_case_that_has_ended(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], assist_ids=[st.dept["物业"]])
    dsp.return_case(ctx.as_actor(st.liaison("消防")), did, "应先由物业清理")
    dsp.reroute(duty, did, st.dept["城管"], "改派城管")
    with pytest.raises(ValidationError, match="已结束"):
        dsp.accept(ctx.as_actor(st.liaison("物业")), did)
    with pytest.raises(ValidationError, match="已结束"):
        dsp.feedback(ctx.as_actor(st.liaison("物业")), did, "已清理")


def test_db_check_names_the_rows_old_versions_left_disagreeing(ctx, st):
    """Rows as the old code left them (no repair migration): each is named, with its event."""
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    stale = accepted_event(ctx, st, "摊贩占道")
    did = dsp.dispatch_event(duty, stale, st.dept["消防"])
    dsp.return_case(fire, did, "不属于消防")
    legacy = accepted_event(ctx, st, "路灯不亮")
    with ctx.unit() as u:
        e = u.session.get(Event, stale)  # moved back to the grid and closed, the case left current
        e.status, e.is_open, e.feedback_at, e.closed_at = "closed", False, u.now, u.now
        old = u.session.get(Event, legacy)  # dispatched on the board before dispatch records existed
        old.status, old.department_id = "dispatched", st.dept["城管"]
    found = integrity.problems(ctx)
    assert any("已办结" in p and "仍有未结束的派单" in p and f"#{stale}" in p for p in found)
    assert any("从未有派单记录" in p and f"#{legacy}" in p for p in found)


def test_db_check_names_two_current_cases_and_a_case_whose_dates_disagree(ctx, st):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "噪声扰民")
    did = dsp.dispatch_event(duty, eid, st.dept["环保"])
    with ctx.unit() as u:
        d = u.session.get(Dispatch, did)
        d.state = "accepted"  # said to be accepted, but no one accepted it
    assert check(ctx)[0].startswith("事件与派单不一致") and any(f"派单 #{did}" in p for p in check(ctx))
    with ctx.unit() as u:
        d = u.session.get(Dispatch, did)
        d.state = "sent"
        twin = Dispatch(event_id=eid, department_id=d.department_id, dispatched_at=u.now, dispatched_by="x",
                        accept_by=d.accept_by, deadline_at=d.deadline_at, state="sent", active=True)
        u.session.add(twin)
    assert any("多个当前派单" in p and f"#{eid}" in p for p in check(ctx))


def test_the_demo_street_dispatches_agree_with_their_events(ctx, clock):
    board_style_events(ctx, clock, n=20)
    with ctx.unit() as u:
        demo_dispatch.build(u, random.Random(3), DemoStreet(), None)
    assert check(ctx) == []


def test_a_refused_step_on_an_ended_case_writes_no_audit_record(ctx, st, clock):
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "占道经营")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.reroute(duty, did, st.dept["城管"], "改派城管")
    with ctx.read() as s:
        n = s.scalar(select(func.count()).select_from(AuditRecord))
        entries = s.scalar(select(func.count()).select_from(DispatchEntry))
    clock.advance(minutes=5)
    for fn in (lambda: dsp.urge(duty, did), lambda: dsp.accept(ctx.as_actor(st.liaison("消防")), did)):
        with pytest.raises(ValidationError):
            fn()
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditRecord)) == n
        assert s.scalar(select(func.count()).select_from(DispatchEntry)) == entries
