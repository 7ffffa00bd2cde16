"""Who may do what with a dispatched case, enforced by the services (one test per role and rule)."""
from __future__ import annotations

import pytest

from desk.services import dispatch as dsp
from desk.services.errors import PermissionDenied
from desk.services.unit import Actor
from tests.board_support import ADMIN, AUDITOR, GRIDMAN, LEADER, WANG
from tests.dispatch_support import accepted_event, grid_worker, street


@pytest.fixture
def case(ctx):
    st = street(ctx)
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(ctx.as_actor(WANG), eid, st.dept["消防"], assist_ids=[st.dept["物业"]])
    return st, eid, did


def test_a_liaison_sees_only_their_own_departments_cases(ctx, case):
    st, eid, did = case
    assert [c.dispatch_id for c in dsp.inbox(ctx.as_actor(st.liaison("物业")))] == [did]  # assisting
    assert dsp.inbox(ctx.as_actor(st.liaison("城管"))) == ()
    with pytest.raises(PermissionDenied):
        dsp.inbox(ctx.as_actor(st.liaison("城管")), department_id=st.dept["消防"])
    with pytest.raises(PermissionDenied):
        dsp.case_detail(ctx.as_actor(st.liaison("城管")), did)
    assert dsp.event_dispatches(ctx.as_actor(st.liaison("城管")), eid) == ()


def test_a_liaison_cannot_accept_return_or_report_back_on_another_departments_case(ctx, case):
    st, _, did = case
    other = ctx.as_actor(st.liaison("城管"))
    for call in (lambda: dsp.accept(other, did), lambda: dsp.return_case(other, did, "不是我们的"),
                 lambda: dsp.feedback(other, did, "已处理"), lambda: dsp.request_extension(other, did, 4, "忙")):
        with pytest.raises(PermissionDenied):
            call()


def test_a_liaison_without_a_department_sees_nothing(ctx, case):
    with pytest.raises(PermissionDenied):
        dsp.inbox(ctx.as_actor(Actor("x", "无部门", role="liaison")))


def test_a_liaison_cannot_dispatch_verify_close_or_supervise(ctx, case):
    st, eid, did = case
    fire = ctx.as_actor(st.liaison("消防"))
    with pytest.raises(PermissionDenied):
        dsp.reroute(fire, did, st.dept["城管"], "改")
    with pytest.raises(PermissionDenied):
        dsp.verify(fire, did, "passed")
    with pytest.raises(PermissionDenied):
        dsp.close(fire, did)
    with pytest.raises(PermissionDenied):
        dsp.supervise(fire, did, 1, "督办")
    with pytest.raises(PermissionDenied):
        dsp.supervision_list(fire)


def test_only_leaders_approve_extensions_and_supervise(ctx, case):
    st, _, did = case
    fire = ctx.as_actor(st.liaison("消防"))
    dsp.accept(fire, did)
    xid = dsp.request_extension(fire, did, 8, "等待配件")
    for who in (WANG, GRIDMAN, ADMIN):
        with pytest.raises(PermissionDenied):
            dsp.decide_extension(ctx.as_actor(who), xid, True)
        with pytest.raises(PermissionDenied):
            dsp.supervise(ctx.as_actor(who), did, 2, "黄牌")
        with pytest.raises(PermissionDenied):
            dsp.instruct(ctx.as_actor(who), did, "批示")
    dsp.decide_extension(ctx.as_actor(LEADER), xid, True)
    dsp.supervise(ctx.as_actor(LEADER), did, 2, "黄牌")


def test_grid_staff_verify_but_do_not_dispatch(ctx, case):
    st, eid, did = case
    grid = ctx.as_actor(GRIDMAN)
    with pytest.raises(PermissionDenied):
        dsp.dispatch_event(grid, eid, st.dept["城管"])
    with pytest.raises(PermissionDenied):
        dsp.accept(grid, did)
    fire = ctx.as_actor(st.liaison("消防"))
    dsp.accept(fire, did)
    dsp.feedback(fire, did, "已清理")
    dsp.verify(grid_worker(ctx, st), did, "passed")  # in their own grid


def test_the_auditor_and_the_system_administrator_do_not_handle_cases(ctx, case):
    st, eid, did = case
    with pytest.raises(PermissionDenied):
        dsp.inbox(ctx.as_actor(AUDITOR))
    with pytest.raises(PermissionDenied):
        dsp.accept(ctx.as_actor(ADMIN), did)
    with pytest.raises(PermissionDenied):
        dsp.urge(ctx.as_actor(ADMIN), did)


def test_every_step_is_audited(ctx, case):
    from sqlalchemy import select

    from desk.models import AuditRecord

    st, _, did = case
    fire = ctx.as_actor(st.liaison("消防"))
    dsp.accept(fire, did)
    dsp.urge(ctx.as_actor(WANG), did)
    dsp.feedback(fire, did, "已清理")
    with ctx.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).where(AuditRecord.entity == "dispatch")
                                 .order_by(AuditRecord.id)))
    assert actions == ["dispatch.send", "dispatch.accept", "dispatch.urge", "dispatch.feedback"]
