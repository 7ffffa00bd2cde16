"""The demo part: dispatch records for the events the board's part dispatched, deterministically,
and figures that agree with the plain reference computation on them."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import delete, select

from desk.demo import dispatch as demo_dispatch
from desk.demo.street import DemoStreet
from desk.models import Dispatch, DispatchEntry, DispatchParty, Extension
from desk.services.dispatch.figures import compute
from desk.services.incidents import transition
from tests.board_support import WANG
from tests.db.test_dispatch_figures import assert_same, reference
from tests.dispatch_support import accepted_event, street

PATHS = [[], ["start"], ["start", "feedback"], ["start", "feedback", "verify", "close"],
         ["start", "feedback", "verify", "close", "call_back"]]
TEXTS = [("小区门口占道经营", "request", "城管"), ("消防通道堵塞", "fire_hazard", "消防"),
         ("饭店油烟扰民", "request", "环保"), ("停水三天", "request", "供水"), ("拖欠工资", "dispute", "人社")]


def board_style_events(ctx, clock, n=40):
    """Events walked through the board's lifecycle only, as the board's demo leaves them (the demo's
    dispatch part then writes their dispatch records, hence ``by_dispatch``)."""
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    for i in range(n):
        title, kind, dept = TEXTS[i % len(TEXTS)]
        eid = accepted_event(ctx, st, f"{title}{i}", kind=kind, grid="grid1" if i % 2 else "grid2")
        clock.advance(minutes=5)
        transition(duty, eid, "dispatch", department_id=st.dept[dept], by_dispatch=True)
        for action in PATHS[i % len(PATHS)]:
            clock.advance(minutes=20 + 7 * i)
            transition(duty, eid, action, satisfaction=("satisfied", "basic", "unsatisfied")[i % 3]
                       if action == "call_back" else None, by_dispatch=True)
    return st


def _snapshot(ctx):
    with ctx.read() as s:
        return sorted((d.event_id, d.department_id, d.state, d.returned_at, d.accepted_at, d.feedback_at, d.closed_at,
                       d.satisfaction, d.deadline_at, d.supervision) for d in s.scalars(select(Dispatch)))


def test_demo_dispatches_follow_the_events_and_are_the_same_for_the_same_seed(ctx, clock):
    board_style_events(ctx, clock)
    with ctx.unit() as u:
        summary = demo_dispatch.build(u, random.Random("1:desk.demo.dispatch"), DemoStreet(), None)
    assert "条派单" in summary
    first = _snapshot(ctx)
    with ctx.read() as s:
        active = s.scalars(select(Dispatch).where(Dispatch.active)).all()
        assert len(active) == 40 and len({d.event_id for d in active}) == 40
        returned = [d for d in s.scalars(select(Dispatch).where(Dispatch.returned_at.is_not(None)))]
        assert all(not d.active and d.state == "rerouted" for d in returned)
        states = {d.state for d in active}
        assert {"sent", "accepted", "feedback", "closed"} <= states
    with ctx.unit() as u:
        for model in (DispatchEntry, DispatchParty, Extension, Dispatch):
            u.session.execute(delete(model))
    with ctx.unit() as u:
        demo_dispatch.build(u, random.Random("1:desk.demo.dispatch"), DemoStreet(), None)
    assert _snapshot(ctx) == first


def test_demo_figures_agree_with_the_reference_computation(ctx, clock):
    board_style_events(ctx, clock)
    with ctx.unit() as u:
        demo_dispatch.build(u, random.Random(7), DemoStreet(), None)
    day = date(2026, 11, 25)
    for by in ("department", "grid", "community"):
        with ctx.read() as s:
            f = compute(s, day - timedelta(days=1), day + timedelta(days=2), by)
        assert_same(f, reference(ctx, day - timedelta(days=1), day + timedelta(days=2), by))


def test_demo_with_no_dispatched_events_adds_nothing(ctx):
    street(ctx)
    with ctx.unit() as u:
        assert "没有已派单" in demo_dispatch.build(u, random.Random(1), DemoStreet(), None)
