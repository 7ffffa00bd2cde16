"""The event lifecycle on both engines: every legal step, every illegal one, reasons, merge,
cancel, claim, urgent notices, on-record, permissions, phone masking, attachments."""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import GRIDMAN, LIAISON, WANG, new, small_street  # noqa: E402

from desk.models import AuditRecord, BoardNotice, Event, EventStep  # noqa: E402
from desk.services import dispatch as dsp  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.audit import verify_chain  # noqa: E402
from desk.services.errors import NotFound, PermissionDenied, ValidationError  # noqa: E402
from desk.services.incidents import codes  # noqa: E402


@pytest.fixture
def street(ctx):
    return small_street(ctx)


@pytest.fixture
def duty(ctx):
    return ctx.as_actor(WANG)


def audits(ctx, action=None):
    with ctx.read() as s:
        q = select(func.count()).select_from(AuditRecord)
        if action:
            q = q.where(AuditRecord.action == action)
        return s.scalar(q)


def test_a_department_case_goes_from_report_to_call_back_and_every_step_is_on_the_timeline(ctx, street, duty):
    e = new(duty)
    e = inc.transition(duty, e.id, "accept", expected_version=e.version)
    did = dsp.dispatch_event(duty, e.id, street.department_id, expected_version=e.version)
    dsp.accept(duty, did)
    dsp.feedback(duty, did, "已清理")
    dsp.verify(duty, did, "passed")
    dsp.close(duty, did)
    dsp.call_back(duty, did, "satisfied")
    e = inc.event_row(duty, e.id)
    assert e.status == "called_back" and e.department_name == "消防"
    detail = inc.event_detail(duty, e.id)
    assert [s.action for s in detail.steps] == ["report", "accept", "dispatch", "start", "feedback", "verify",
                                                "close", "call_back"]
    assert detail.steps[1].from_status == "reported" and detail.steps[1].to_status == "accepted"
    assert detail.satisfaction == "satisfied"
    assert audits(ctx, "event.dispatch") == 1 and audits(ctx, "event.report") == 1
    with ctx.read() as s:
        assert verify_chain(s).ok
        assert s.get(Event, e.id).is_open is False


def test_a_department_step_on_the_board_is_refused_while_the_department_has_the_case(ctx, street, duty):
    e = new(duty)
    inc.transition(duty, e.id, "accept")
    with pytest.raises(inc.IllegalTransition, match="派单"):
        inc.transition(duty, e.id, "dispatch", department_id=street.department_id)
    did = dsp.dispatch_event(duty, e.id, street.department_id)
    for action in ("start", "return"):
        before, n = inc.event_row(duty, e.id), audits(ctx)
        with pytest.raises(inc.IllegalTransition, match=f"派单 #{did}"):
            inc.transition(duty, e.id, action, reason="不属于本部门")
        assert inc.event_row(duty, e.id) == before and audits(ctx) == n


def test_a_grid_case_is_handled_in_the_grid_without_a_department(ctx, street, duty):
    e = new(duty)
    for action in ("accept", "handle_in_grid", "feedback", "verify", "close"):
        e = inc.transition(duty, e.id, action)
    assert e.status == "closed" and e.department_name == ""


ILLEGAL = [(action, status) for action, (allowed, _to, _n) in codes.TRANSITIONS.items()
           for status in ("reported", "accepted", "dispatched", "feedback", "closed", "cancelled")
           if status not in allowed]


@pytest.mark.parametrize("action,status", ILLEGAL)
def test_an_illegal_step_is_refused_and_changes_nothing(ctx, street, duty, action, status):
    e = new(duty)
    with ctx.unit() as u:  # put the event straight into the state under test
        row = u.session.get(Event, e.id)
        row.status = status
        row.is_open = status not in codes.CLOSED_STATUSES
    before = inc.event_row(duty, e.id)
    n = audits(ctx)
    with pytest.raises(inc.IllegalTransition) as err:
        inc.transition(duty, e.id, action, reason="原因", department_id=street.department_id,
                       merged_into=e.id + 1000, satisfaction="satisfied")
    assert codes.status_name(status) in str(err.value)
    assert inc.event_row(duty, e.id) == before
    assert audits(ctx) == n


@pytest.mark.parametrize("action", sorted(codes.NEEDS_REASON))
def test_returning_reopening_or_cancelling_needs_a_reason(ctx, street, duty, action):
    e = new(duty)
    with pytest.raises(ValidationError):
        inc.transition(duty, e.id, action, reason="   ")


def test_a_department_returns_a_case_and_the_duty_officer_reroutes_it(ctx, street, duty):
    e = new(duty)
    inc.transition(duty, e.id, "accept")
    first = dsp.dispatch_event(duty, e.id, street.department_id)
    fire = ctx.as_actor(replace(LIAISON, department_id=street.department_id))
    dsp.return_case(fire, first, "不属于本部门：市场监管")
    assert inc.event_row(duty, e.id).status == "returned"
    second = dsp.dispatch_event(duty, e.id, street.department_id, override_reason="经核实仍属消防")
    e = inc.event_row(duty, e.id)
    assert e.status == "dispatched"
    notes = [s.note for s in inc.event_detail(duty, e.id).steps]
    assert "不属于本部门：市场监管" in notes
    assert [(c.dispatch_id, c.current) for c in dsp.event_dispatches(duty, e.id)] == [(second, True), (first, False)]


def test_a_closed_case_can_be_reopened_and_its_handling_clock_restarts(ctx, clock, street, duty):
    e = new(duty)
    for action in ("accept", "handle_in_grid", "feedback", "verify", "close"):
        e = inc.transition(duty, e.id, action)
    clock.advance(days=2)
    e = inc.transition(duty, e.id, "reopen", reason="居民反映问题复发")
    assert e.status == "reopened" and e.stage == "handle"
    assert e.red_at == clock.now() + timedelta(hours=12)  # safety_hazard ordinary: 12 h
    assert e.deadline(clock.now()) == "ok"


def test_dispatch_needs_a_department_that_exists(ctx, street, duty):
    e = new(duty)
    inc.transition(duty, e.id, "accept")
    with pytest.raises(NotFound):
        dsp.dispatch_event(duty, e.id, 9999)
    assert inc.event_row(duty, e.id).status == "accepted"


def test_a_duplicate_is_merged_into_its_original_and_linked_from_it(ctx, street, duty):
    original, dup, dup2 = new(duty), new(duty), new(duty)
    inc.transition(duty, dup.id, "merge", merged_into=original.id)
    e = inc.transition(duty, dup2.id, "merge", merged_into=dup.id)  # a duplicate of a duplicate
    assert e.status == "merged" and e.merged_into_id == original.id
    assert inc.event_detail(duty, original.id).duplicates == (dup.id, dup2.id)
    assert {r.id for r in inc.open_events(duty)} == {original.id}


def test_an_event_cannot_be_merged_into_itself_or_a_missing_one(ctx, street, duty):
    e = new(duty)
    with pytest.raises(ValidationError):
        inc.transition(duty, e.id, "merge", merged_into=e.id)
    with pytest.raises(NotFound):
        inc.transition(duty, e.id, "merge", merged_into=424242)


def test_a_cancelled_event_keeps_its_reason_and_leaves_the_board(ctx, street, duty):
    e = new(duty)
    inc.transition(duty, e.id, "cancel", reason="重复来电，已核实无此事")
    d = inc.event_detail(duty, e.id)
    assert d.row.status == "cancelled" and d.cancel_reason == "重复来电，已核实无此事"
    assert inc.open_events(duty) == ()


def test_claiming_shows_who_handles_it_and_a_second_claimant_is_told(ctx, street, duty):
    from board_support import LI

    e = new(duty)
    e = inc.claim(duty, e.id)
    assert e.claimed_name == "王丽"
    from desk.services.errors import ConflictError

    with pytest.raises(ConflictError) as err:
        inc.claim(ctx.as_actor(LI), e.id)
    assert "王丽" in str(err.value) and err.value.current.claimed_by == "wangli"
    e = inc.unclaim(duty, e.id)
    assert e.claimed_by is None
    assert inc.claim(ctx.as_actor(LI), e.id).claimed_name == "李娜"


def test_the_urgent_flag_raises_a_notice_for_every_seat(ctx, street, duty):
    e = new(duty)
    e = inc.set_urgent(duty, e.id, True)
    assert e.urgent and e.red_at == e.reported_at + timedelta(minutes=15)
    ns = inc.notices(duty)
    assert ns[-1].kind == "urgent" and ns[-1].event_id == e.id and "王丽" in ns[-1].text
    urgent = new(duty, title="燃气泄漏", urgent=True)
    assert inc.notices(duty, after_id=ns[-1].id)[0].event_id == urgent.id


def test_an_event_on_record_stays_visible_until_its_review_date_then_turns_red(ctx, clock, street, duty):
    e = new(duty)
    inc.transition(duty, e.id, "accept")
    review = clock.now() + timedelta(days=30)
    e = inc.put_on_record(duty, e.id, "涉及产权争议，待法院判决", review)
    assert e in inc.open_events(duty)
    clock.advance(days=3)
    assert e.deadline(clock.now()) == "on_record"
    clock.advance(days=28)
    assert e.deadline(clock.now()) == "red"
    with pytest.raises(ValidationError):
        inc.put_on_record(duty, e.id, "", review)
    e = inc.put_on_record(duty, e.id, "", None)
    assert e.on_record_until is None


def test_grid_staff_report_but_may_not_accept_or_dispatch(ctx, street):
    grid = ctx.as_actor(GRIDMAN)
    e = new(grid)
    with pytest.raises(PermissionDenied):
        inc.transition(grid, e.id, "accept")
    with pytest.raises(PermissionDenied):
        inc.report_event(ctx.as_actor(LIAISON), inc.NewEvent(title="x", kind="other", source="phone"))


def test_the_reporter_phone_is_encrypted_and_masked_for_roles_that_may_not_see_it(ctx, street, duty):
    e = new(duty, reporter_name="李先生", phone="138 1234 5678")
    with ctx.read() as s:
        stored = s.get(Event, e.id).phone_enc
    assert "1234" not in stored
    assert inc.event_detail(duty, e.id).phone == "138****5678"
    assert inc.event_detail(ctx.as_actor(GRIDMAN), e.id).phone == "138****5678"
    assert inc.reporter_phone(duty, e.id) == "13812345678"


def test_a_bad_report_names_each_problem_and_saves_nothing(ctx, street, duty):
    with pytest.raises(ValidationError) as err:
        inc.report_event(duty, inc.NewEvent(title="", kind="ufo", source="pigeon", phone="call me", lat=33.0))
    assert len(err.value.problems) >= 4
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 0


def test_the_grid_is_found_from_coordinates_or_from_the_address(ctx, street, duty):
    by_point = new(duty, address="", lat=33.285, lon=113.505)
    assert by_point.grid_id == street.grid1
    by_building = new(duty, address="兴钢社区3号楼2单元")
    assert by_building.grid_id == street.grid2 and by_building.community_name == "兴钢社区"
    by_grid = new(duty, address="兴钢社区第2网格东侧")
    assert by_grid.grid_id == street.grid2
    by_village = new(duty, address="李辉庄东头")
    assert by_village.grid_id == street.village_grid
    nowhere = new(duty, address="市中心广场")
    assert nowhere.grid_id is None


def test_a_building_the_registry_does_not_know_lands_in_the_communitys_one_comprehensive_grid(ctx, street, duty):
    """白云社区5号楼 with no household on file: the community has one comprehensive grid and a
    hospital's dedicated grid, so the event belongs to the comprehensive one (it stayed without a grid)."""
    from desk.models import Community, CommunityKind, Grid, GridKind, Street

    with ctx.unit() as u:
        st = u.session.scalar(select(Street))
        c = Community(street_id=st.id, code="410481004003", name="白云社区", kind=CommunityKind.COMMUNITY)
        u.session.add(c)
        u.session.flush()
        whole = Grid(community_id=c.id, code="410481004003001", name="白云社区第1网格", kind=GridKind.COMPREHENSIVE)
        hospital = Grid(community_id=c.id, code="410481004003002", name="院岭卫生院专属网格",
                        kind=GridKind.DEDICATED, dedicated_type="hospital")
        u.session.add_all([whole, hospital])
        u.session.flush()
        whole_id = whole.id
    assert new(duty, address="白云社区5号楼").grid_id == whole_id
    assert new(duty, address="兴钢社区9号楼").grid_id is None  # two comprehensive grids: the desk does not guess


def test_attachments_are_stored_with_a_safe_name_and_a_size_limit(ctx, street, duty):
    e = new(duty)
    att = inc.add_attachment(duty, e.id, "../../etc/照片 1.jpg", b"\xff\xd8fakejpeg")
    name, mime, data = inc.attachment_data(duty, att)
    assert name == "照片 1.jpg" and mime == "image/jpeg" and data == b"\xff\xd8fakejpeg"
    with pytest.raises(ValidationError):
        inc.add_attachment(duty, e.id, "big.jpg", b"x" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError):
        inc.add_attachment(duty, e.id, "run.exe", b"MZ")
    assert [a.filename for a in inc.event_detail(duty, e.id).attachments] == ["照片 1.jpg"]


def test_every_change_is_announced_on_the_change_feed(ctx, street):
    duty = ctx.as_actor(WANG).collecting()
    e = new(duty)
    inc.transition(duty, e.id, "accept")
    tables = {c.table for c in duty.collector}
    assert {"event", "event_step"} <= tables
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(EventStep)) == 2
        assert s.scalar(select(func.count()).select_from(BoardNotice)) == 0


def test_on_a_new_street_the_grid_is_found_from_the_buildings_its_residents_import_recorded(ctx, street, duty):
    from desk.models import StdAddress

    with ctx.unit() as u:   # 5号楼: no household yet, only the standard addresses of the people imported there
        u.session.add_all([StdAddress(community_id=street.community_id, grid_id=street.grid1, building="5号楼",
                                      unit_no="1单元", room=f"{i}01", full=f"兴钢社区5号楼1单元{i}01") for i in (1, 2)])
    e = new(duty, address="兴钢社区5号楼2单元302")
    assert e.grid_id == street.grid1
