"""Deadlines from the limit table with a moved clock, and the administrator's edits to the table."""
from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import ADMIN, WANG, small_street  # noqa: E402

from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import ConflictError, PermissionDenied, ValidationError  # noqa: E402


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    return ctx.as_actor(WANG)


def report(duty, **kw):
    base = dict(title="路灯不亮", kind="request", sub_kind="lighting", source="hotline_12345")
    base.update(kw)
    return inc.report_event(duty, inc.NewEvent(**base))


def test_an_unaccepted_report_turns_yellow_at_20_minutes_and_red_at_30(ctx, clock, duty):
    e = report(duty)
    assert e.deadline(clock.now()) == "ok"
    assert e.deadline(clock.now() + timedelta(minutes=19, seconds=59)) == "ok"
    assert e.deadline(clock.now() + timedelta(minutes=20)) == "yellow"
    assert e.deadline(clock.now() + timedelta(minutes=29)) == "yellow"
    assert e.deadline(clock.now() + timedelta(minutes=30)) == "red"


def test_an_ordinary_event_must_be_handled_within_24_hours_of_acceptance(ctx, clock, duty):
    e = report(duty, kind="other", sub_kind="")
    clock.advance(minutes=10)
    e = inc.transition(duty, e.id, "accept")
    assert e.stage == "handle" and e.red_at == clock.now() + timedelta(hours=24)
    clock.advance(hours=18)
    assert inc.event_row(duty, e.id).deadline(clock.now()) == "yellow"
    clock.advance(hours=6)
    assert inc.event_row(duty, e.id).deadline(clock.now()) == "red"


def test_urgent_events_have_shorter_limits(ctx, clock, duty):
    e = report(duty, urgent=True)
    assert e.red_at - e.reported_at == timedelta(minutes=15)


def test_after_feedback_the_verification_clock_runs_and_closing_stops_all_clocks(ctx, clock, duty):
    e = report(duty, kind="other", sub_kind="")
    for action in ("accept", "handle_in_grid", "feedback"):
        e = inc.transition(duty, e.id, action)
    assert e.stage == "verify" and e.red_at == clock.now() + timedelta(hours=8)
    for action in ("verify", "close"):
        e = inc.transition(duty, e.id, action)
    assert e.deadline(clock.now() + timedelta(days=100)) == "none"


def test_an_administrator_changes_a_limit_and_new_deadlines_follow_it(ctx, clock, duty):
    admin = ctx.as_actor(ADMIN)
    row = next(r for r in inc.list_limits(duty) if r.kind == "request" and r.urgency == "ordinary")
    minutes = dict(accept_yellow=5, accept_red=10, handle_yellow=60, handle_red=120, verify_yellow=30, verify_red=60)
    inc.set_limit(admin, kind="request", urgency="ordinary", minutes=minutes, expected_version=row.version)
    e = report(duty)
    assert e.red_at - e.reported_at == timedelta(minutes=10)
    with pytest.raises(ConflictError):  # a second admin with the old version
        inc.set_limit(admin, kind="request", urgency="ordinary", minutes=minutes, expected_version=row.version)


def test_a_sub_kind_row_is_more_specific_than_its_kind(ctx, clock, duty):
    minutes = dict(accept_yellow=1, accept_red=2, handle_yellow=3, handle_red=4, verify_yellow=5, verify_red=6)
    inc.set_limit(ctx.as_actor(ADMIN), kind="request", sub_kind="water", urgency="ordinary", minutes=minutes)
    assert report(duty, sub_kind="water").red_at - clock.now() == timedelta(minutes=2)
    assert report(duty, sub_kind="lighting").red_at - clock.now() == timedelta(minutes=30)


def test_duty_staff_may_not_change_the_limits_and_nonsense_limits_are_refused(ctx, duty):
    minutes = dict(accept_yellow=5, accept_red=10, handle_yellow=60, handle_red=120, verify_yellow=30, verify_red=60)
    with pytest.raises(PermissionDenied):
        inc.set_limit(duty, kind="request", urgency="ordinary", minutes=minutes)
    bad = dict(minutes, accept_yellow=50)
    with pytest.raises(ValidationError):
        inc.set_limit(ctx.as_actor(ADMIN), kind="request", urgency="ordinary", minutes=bad)
    with pytest.raises(ValidationError):
        inc.set_limit(ctx.as_actor(ADMIN), kind="ufo", urgency="ordinary", minutes=minutes)


def test_the_migration_seeds_the_default_limits(ctx, duty):
    rows = {(r.kind, r.urgency): r for r in inc.list_limits(duty)}
    assert rows[("*", "ordinary")].accept_red == 30 and rows[("*", "ordinary")].handle_red == 24 * 60
    assert ("*", "urgent") in rows
