"""Pinyin initials matching and the state machine's table, without a database."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desk.services.incidents import codes, search
from desk.services.incidents.deadlines import FALLBACK, Limits, due_times, state_at


def test_initials_line_up_with_the_characters():
    text = "张三家纠纷 3号楼"
    inits = search.initials(text)
    assert len(inits) == len(text) and inits.startswith("zsjjf") and "3hl" in inits


@pytest.mark.parametrize("query,hit", [("zsjf", True), ("zsjjf", True), ("sjjf", True), ("zs", True),
                                       ("zf", False), ("jfzs", False), ("xyz", False)])
def test_initials_allow_a_small_gap_but_keep_the_order(query, hit):
    assert search.initials_match(query, search.initials("张三家纠纷")) is hit


def test_every_word_of_a_query_must_match():
    text = "张三家纠纷 兴钢社区3号楼"
    inits = search.initials(text)
    assert search.matches("zsjf 兴钢", text, inits)
    assert not search.matches("zsjf 白云", text, inits)
    assert search.matches("  ", text, inits)


def test_like_patterns_escape_the_users_wildcards():
    assert search.like_pattern("50%_x\\") == "%50\\%\\_x\\\\%"


def test_the_state_machine_reaches_every_status_and_closed_ones_only_leave_by_reopening():
    reached = {to for _, to, _ in codes.TRANSITIONS.values()} | {"reported"}
    assert reached == set(codes.STATUSES)
    for action, (allowed, _to, _name) in codes.TRANSITIONS.items():
        if allowed & {"merged", "cancelled"}:
            pytest.fail(f"{action} leaves a terminal status")
    leaving_closed = {a for a, (allowed, _, _) in codes.TRANSITIONS.items() if "closed" in allowed}
    assert leaving_closed == {"call_back", "reopen"}


def test_deadline_states_with_a_moving_time():
    t0 = datetime(2026, 11, 25, 1, tzinfo=timezone.utc)
    stage, yellow, red = due_times(Limits([FALLBACK]), kind="other", sub_kind="", urgent=False, status="reported",
                                   reported_at=t0, accepted_at=None, feedback_at=None)
    assert stage == "accept"
    assert [state_at(t0 + timedelta(minutes=m), yellow, red) for m in (0, 20, 30)] == ["ok", "yellow", "red"]
    assert state_at(t0, yellow, red, on_record_until=t0 + timedelta(days=1)) == "on_record"
    assert due_times(Limits([]), kind="other", sub_kind="", urgent=False, status="closed", reported_at=t0,
                     accepted_at=t0, feedback_at=t0) == (None, None, None)


def test_a_safe_attachment_name():
    from desk.services.incidents.attachments import safe_filename

    assert safe_filename("..\\..\\windows\\system32\\a.jpg") == "a.jpg"
    assert safe_filename("a<b>:c?.png") == "a_b_c_.png"
    assert safe_filename("...") == "附件"
    assert len(safe_filename("长" * 300 + ".jpg")) <= 120
