"""Other seats' commits reach this seat's change feed within a second, on both engines."""
import os
import subprocess
import sys
import time
from pathlib import Path

from desk.models import Street
from desk.services.changefeed import ChangeFeed
from desk.services.unit import Actor

ROOT = Path(__file__).resolve().parents[2]


def _collect(feed, want: int, timeout: float):
    got, deadline = [], time.monotonic() + timeout
    while len(got) < want and time.monotonic() < deadline:
        got.extend(feed.wait(min(0.3, max(0.01, deadline - time.monotonic()))))
    return got


def test_a_row_committed_by_another_process_arrives_within_one_second(db):
    feed = ChangeFeed(db)
    feed.connect()
    try:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.run([sys.executable, str(ROOT / "tests/db/seat.py"), db.url, "院岭街道"],
                              capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        street_id = proc.stdout.split()[1]
        got = _collect(feed, 1, timeout=1.0)  # the process has committed: within a second
        assert [(c.table, c.row_id, c.kind) for c in got] == [("street", street_id, "insert")]
    finally:
        feed.close()


def test_a_seat_can_ignore_its_own_changes_and_still_hear_others(ctx):
    from desk.services.unit import seat_token

    feed = ChangeFeed(ctx.db, ignore_origin=seat_token())
    feed.connect()
    try:
        with ctx.as_actor(Actor("wangli")).unit() as u:
            u.session.add(Street(code="410481004", name="院岭街道"))
            u.changed("street", 1, "insert")
        assert _collect(feed, 1, timeout=0.8) == []
    finally:
        feed.close()


def test_a_rolled_back_change_is_never_announced(ctx):
    feed = ChangeFeed(ctx.db)
    feed.connect()
    try:
        try:
            with ctx.unit() as u:
                u.session.add(Street(code="410481004", name="院岭街道"))
                u.changed("street", 1, "insert")
                raise ValueError("cancelled")
        except ValueError:
            pass
        with ctx.unit() as u:
            u.changed("grid", 7, "update")
        got = _collect(feed, 1, timeout=1.0)
        assert [(c.table, c.row_id) for c in got] == [("grid", "7")]
    finally:
        feed.close()


def test_a_burst_of_changes_to_one_row_arrives_coalesced(ctx):
    feed = ChangeFeed(ctx.db)
    feed.connect()
    try:
        with ctx.unit() as u:
            for _ in range(50):
                u.changed("grid", 3, "update")
            u.changed("grid", 4, "update")
        got = _collect(feed, 2, timeout=1.0)
        assert sorted((c.table, c.row_id) for c in got) == [("grid", "3"), ("grid", "4")]
    finally:
        feed.close()


def test_after_losing_its_connection_the_feed_reconnects_and_asks_screens_to_resync(ctx):
    feed = ChangeFeed(ctx.db)
    feed.connect()
    feed.close()  # as if the connection dropped
    with ctx.unit() as u:
        u.changed("grid", 5, "update")
    got = feed.wait(0.3)
    assert got and got[0].kind == "resync"
    feed.close()
