"""Many seats on one database: two seats acting on one event at once, bulk actions with per-row
results, and a change committed by one process seen by another through the change feed."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import LI, WANG, small_street  # noqa: E402

from desk.config import Settings  # noqa: E402
from desk.db import Database  # noqa: E402
from desk.models import AuditRecord, EventStep  # noqa: E402
from desk.services import dispatch as dsp  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.changefeed import ChangeFeed  # noqa: E402
from desk.services.context import Context  # noqa: E402
from desk.services.errors import ConflictError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def street(ctx):
    return small_street(ctx)


def seat(db_url, clock, actor):
    """A second seat: its own Database (engines, pool) on the same URL, as another PC would have."""
    return Context(db=Database(db_url), settings=Settings(), clock=clock, actor=actor)


def count(ctx, model, **where):
    with ctx.read() as s:
        q = select(func.count()).select_from(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return s.scalar(q)


def test_two_seats_dispatching_the_same_event_one_wins_the_other_is_told_who_did_what(ctx, db_url, clock, street):
    seat1, seat2 = seat(db_url, clock, WANG), seat(db_url, clock, LI)
    e = inc.report_event(seat1, inc.NewEvent(title="无照摊贩占道", kind="request", source="phone"))
    e = inc.transition(seat1, e.id, "accept")
    seen = e.version  # both seats show this version on their boards
    dsp.dispatch_event(seat1, e.id, street.department_id, expected_version=seen)
    with pytest.raises(ConflictError) as err:
        dsp.dispatch_event(seat2, e.id, street.department_id, expected_version=seen)
    msg = str(err.value)
    assert "王丽" in msg and "派给 消防" in msg and "待签收" in msg
    assert err.value.current.status == "dispatched" and err.value.current.department_name == "消防"
    assert count(ctx, AuditRecord, action="event.dispatch") == 1
    assert count(ctx, EventStep, action="dispatch") == 1
    seat1.db.dispose()
    seat2.db.dispose()


def test_two_seats_accepting_at_the_same_instant_exactly_one_wins(ctx, db_url, clock, street):
    seats = [seat(db_url, clock, WANG), seat(db_url, clock, LI)]
    e = inc.report_event(seats[0], inc.NewEvent(title="楼道漏水", kind="request", source="phone"))
    barrier = threading.Barrier(2)
    results: list = [None, None]

    def go(i):
        barrier.wait()
        try:
            results[i] = inc.transition(seats[i], e.id, "accept", expected_version=e.version)
        except ConflictError as exc:
            results[i] = exc

    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    wins = [r for r in results if not isinstance(r, ConflictError)]
    losses = [r for r in results if isinstance(r, ConflictError)]
    assert len(wins) == 1 and len(losses) == 1
    assert losses[0].current.status == "accepted"
    assert count(ctx, AuditRecord, action="event.accept") == 1
    assert count(ctx, EventStep, action="accept") == 1
    for s in seats:
        s.db.dispose()


def test_without_a_version_the_second_seat_gets_a_clear_illegal_step_not_a_double_accept(ctx, street):
    e = inc.report_event(ctx.as_actor(WANG), inc.NewEvent(title="x", kind="other", source="phone"))
    inc.transition(ctx.as_actor(WANG), e.id, "accept")
    with pytest.raises(inc.IllegalTransition):
        inc.transition(ctx.as_actor(LI), e.id, "accept")
    assert count(ctx, AuditRecord, action="event.accept") == 1


def test_bulk_accept_reports_each_row_and_a_row_taken_by_another_seat_does_not_stop_the_rest(ctx, street):
    duty, other = ctx.as_actor(WANG), ctx.as_actor(LI)
    rows = [inc.report_event(duty, inc.NewEvent(title=f"报告{i}", kind="other", source="phone")) for i in range(3)]
    inc.transition(other, rows[1].id, "accept")  # seat 2 took the middle one meanwhile
    results = inc.bulk_accept(duty, [(r.id, r.version) for r in rows])
    assert [r.ok for r in results] == [True, False, True]
    assert "李娜" in results[1].message
    assert count(ctx, AuditRecord, action="event.accept") == 3


def test_bulk_close_as_duplicate_and_bulk_assign(ctx, street):
    duty = ctx.as_actor(WANG)
    rows = [inc.report_event(duty, inc.NewEvent(title="噪音扰民", kind="request", source="phone")) for _ in range(3)]
    results = inc.bulk_close_duplicate(duty, [(r.id, r.version) for r in rows], rows[0].id)
    assert [r.event_id for r in results] == [rows[1].id, rows[2].id] and all(r.ok for r in results)
    assert inc.event_detail(duty, rows[0].id).duplicates == (rows[1].id, rows[2].id)
    more = [inc.report_event(duty, inc.NewEvent(title="路灯", kind="request", source="phone")) for _ in range(2)]
    results = inc.bulk_assign(duty, [(r.id, None) for r in more] + [(99999, None)], street.worker_id)
    assert [r.ok for r in results] == [True, True, False]
    assert inc.event_row(duty, more[0].id).assignee_name == "赵网格"


WRITER = """
import sys
from desk.config import Settings
from desk.db import Database
from desk.services.context import Context
from desk.services import incidents as inc
from desk.services.unit import Actor
ctx = Context(db=Database(sys.argv[1]), settings=Settings(), actor=Actor("lina", "李娜", role="duty_staff"))
row = inc.report_event(ctx, inc.NewEvent(title="另一席位上报", kind="other", source="phone"))
print(row.id)
"""


def test_an_event_reported_in_another_process_reaches_this_seat_within_a_second(ctx, db_url, street):
    feed = ChangeFeed(ctx.db, poll_interval=0.05)
    feed.connect()
    try:
        proc = subprocess.run([sys.executable, "-c", WRITER, db_url], cwd=ROOT, capture_output=True, text=True,
                              timeout=60, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
        assert proc.returncode == 0, proc.stderr
        new_id = proc.stdout.strip().splitlines()[-1]
        committed = time.monotonic()
        got = []
        while time.monotonic() - committed < 1.0 and not any(c.table == "event" for c in got):
            got.extend(feed.wait(0.1))
        assert any(c.table == "event" and c.row_id == new_id for c in got), got
        assert new_id in {str(r.id) for r in inc.open_events(ctx.as_actor(WANG))}
    finally:
        feed.close()
