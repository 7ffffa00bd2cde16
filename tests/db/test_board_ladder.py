"""The dispute ladder with a moved clock: each level has its time, then the dispute rises with a notice."""
from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import GRIDMAN, LI, WANG, small_street  # noqa: E402

from desk.models import AuditRecord  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import ValidationError  # noqa: E402


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    return ctx.as_actor(WANG)


def dispute(duty):
    e = inc.report_event(duty, inc.NewEvent(title="两户邻居因院墙争吵", kind="dispute", sub_kind="neighbour",
                                            source="phone", address="兴钢社区3号楼"))
    inc.transition(duty, e.id, "accept")
    return inc.transition(duty, e.id, "handle_in_grid")


def test_a_dispute_not_resolved_by_the_grid_worker_in_time_rises_to_the_grid_leader(ctx, clock, duty):
    e = dispute(duty)
    assert e.ladder_level == 1
    clock.advance(hours=3, minutes=59)
    assert inc.escalate_overdue(duty) == []
    clock.advance(minutes=1)  # 4:00 exactly: still within its time
    assert inc.escalate_overdue(duty) == []
    clock.advance(minutes=1)
    rose = inc.escalate_overdue(duty)
    assert [(r.event_id, r.from_level, r.to_level) for r in rose] == [(e.id, 1, 2)]
    assert inc.event_row(duty, e.id).ladder_level == 2
    assert "网格长调解" in inc.notices(duty)[-1].text


def test_scenario_2_the_grid_leaders_attempt_is_due_by_15_and_at_15_01_it_rises_to_the_community_officer(
        ctx, clock, duty):
    e = dispute(duty)  # 09:00
    clock.advance(hours=2)  # 11:00: the grid worker's mediation fails
    inc.record_mediation(ctx.as_actor(GRIDMAN), e.id, outcome="failed", mediator="赵网格")
    row = inc.event_row(duty, e.id)
    assert row.ladder_level == 2 and row.ladder_due_at == clock.now() + timedelta(hours=4)  # due 15:00
    clock.advance(hours=4)  # 15:00
    assert inc.escalate_overdue(duty) == []
    clock.advance(minutes=1)  # 15:01
    assert [r.to_level for r in inc.escalate_overdue(duty)] == [3]
    row = inc.event_row(duty, e.id)
    assert row.ladder_level == 3
    assert "社区民警介入" in inc.notices(duty)[-1].text


def test_two_seats_running_the_escalation_at_once_raise_the_dispute_only_once(ctx, clock, duty):
    e = dispute(duty)
    clock.advance(hours=5)
    first = inc.escalate_overdue(duty)
    second = inc.escalate_overdue(ctx.as_actor(LI))
    assert len(first) == 1 and second == []
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditRecord)
                        .where(AuditRecord.action == "event.escalate")) == 1
    assert inc.event_row(duty, e.id).ladder_level == 2


def test_the_police_station_is_the_last_level(ctx, clock, duty):
    e = dispute(duty)
    for _ in range(6):
        clock.advance(hours=9)
        inc.escalate_overdue(duty)
    row = inc.event_row(duty, e.id)
    assert row.ladder_level == 4
    assert row.deadline(clock.now() + timedelta(days=2)) == "red"


def test_a_resolved_mediation_stops_the_ladder_and_goes_to_feedback(ctx, clock, duty):
    e = dispute(duty)
    e = inc.record_mediation(duty, e.id, outcome="resolved", mediator="网格长 孙敏", joint=True,
                             participants=[("孙敏", "网格长"), ("刘警官", "社区民警"), ("王大爷", "乡贤")],
                             note="双方签订调解协议")
    assert e.status == "feedback" and e.ladder_due_at is None
    clock.advance(days=3)
    assert inc.escalate_overdue(duty) == []
    med = inc.event_detail(duty, e.id).mediations[0]
    assert med.joint and med.outcome == "resolved" and ("刘警官", "社区民警") in med.participants


def test_joint_mediation_needs_its_people_and_only_disputes_are_mediated(ctx, duty):
    e = dispute(duty)
    with pytest.raises(ValidationError):
        inc.record_mediation(duty, e.id, outcome="resolved", mediator="孙敏", joint=True,
                             participants=[("孙敏", "网格长")])
    other = inc.report_event(duty, inc.NewEvent(title="路灯不亮", kind="request", source="phone"))
    with pytest.raises(ValidationError):
        inc.record_mediation(duty, other.id, outcome="resolved", mediator="孙敏")


def test_a_dispute_on_record_does_not_rise(ctx, clock, duty):
    e = dispute(duty)
    inc.put_on_record(duty, e.id, "等待法院判决", clock.now() + timedelta(days=20))
    clock.advance(hours=10)
    assert inc.escalate_overdue(duty) == []
