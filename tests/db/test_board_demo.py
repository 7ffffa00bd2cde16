"""The demo street's events: plausible, deterministic, some open and overdue at the demo's "now"."""
from __future__ import annotations

import hashlib

from sqlalchemy import select

from desk.config import Settings
from desk.db import Database
from desk.demo import DemoOptions, build_demo
from desk.demo.incidents import DEMO_NOW
from desk.models import Event
from desk.services import incidents as inc
from desk.services.context import Context
from desk.services.unit import Actor
from desk.services import schema

DUTY = Actor("wangli", "王丽", role="duty_staff")


def fingerprint(ctx) -> str:
    with ctx.read() as s:
        rows = s.execute(select(Event.id, Event.title, Event.status, Event.reported_at, Event.reporter_name,
                                  Event.phone_enc).order_by(Event.id)).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_the_demo_makes_plausible_events_with_some_open_and_overdue(ctx, clock):
    build_demo(ctx, DemoOptions(seed=3, days=90))
    with ctx.read() as s:
        events = s.execute(select(Event.id, Event.kind, Event.is_open, Event.ladder_level)).all()
    assert len(events) > 500
    disputes = [e for e in events if e.kind == "dispute" and not e.is_open]
    assert sum(e.ladder_level <= 2 for e in disputes) / len(disputes) > 0.9
    requests = [e for e in events if e.kind == "request"]
    assert len(requests) > len(disputes)
    duty = ctx.as_actor(DUTY)
    board = inc.open_events(duty)
    assert 5 <= len(board) <= 200
    states = [r.deadline(DEMO_NOW) for r in board]
    assert states.count("red") >= 3
    assert any(r.claimed_name == "王丽" for r in board)
    # the database's own id sequence still works after the bulk insert (PostgreSQL)
    new = inc.report_event(duty, inc.NewEvent(title="演示之后的新事件", kind="other", source="phone"))
    assert new.id > max(e.id for e in events)


def test_the_same_seed_gives_the_same_events(ctx, tmp_path):
    build_demo(ctx, DemoOptions(seed=5, days=30))
    other_db = Database(f"sqlite:///{tmp_path / 'again.db'}")
    schema.upgrade(other_db)
    other = Context(db=other_db, settings=Settings(), clock=ctx.clock)
    build_demo(other, DemoOptions(seed=5, days=30))
    assert fingerprint(ctx) == fingerprint(other)
    other_db.dispose()


def test_most_callers_and_visitors_in_the_demo_left_a_name_and_an_encrypted_mobile_number(ctx):
    build_demo(ctx, DemoOptions(seed=7, days=30))
    with ctx.read() as s:
        rows = s.execute(select(Event.source, Event.reporter_name, Event.phone_enc, Event.phone_idx)).all()
    callers = [r for r in rows if r.source in ("phone", "hotline_12345", "walk_in")]
    with_phone = [r for r in callers if r.phone_enc]
    assert len(with_phone) / len(callers) > 0.7
    assert all(r.reporter_name for r in with_phone)
    numbers = [ctx.cipher.decrypt(r.phone_enc) for r in with_phone]
    assert all(len(n) == 11 and n.startswith("1") and n.isdigit() for n in numbers)
    assert all(n[-4:] not in r.phone_enc for n, r in zip(numbers, with_phone))
    assert all(r.phone_idx == ctx.cipher.blind(n) for n, r in zip(numbers, with_phone))
    assert not any(r.phone_enc for r in rows if r.source in ("patrol", "grid_worker"))
