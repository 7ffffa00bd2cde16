"""The dispatch figures: hand-computed values on a small day of cases, the same numbers on both
engines, and a straightforward reference computation in Python over the raw rows."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk.models import Department, Dispatch, Event
from desk.services import dispatch as dsp
from desk.services.dispatch.figures import FigureRow, compute, figures, period_bounds
from desk.services.errors import PermissionDenied, ValidationError
from desk.services.incidents import transition
from tests.board_support import LEADER, WANG
from tests.dispatch_support import accepted_event, grid_worker, street

DAY = date(2026, 11, 25)


def a_day_of_cases(ctx, clock):
    """A: 消防 on time, closed, satisfied. B: sent to 消防, returned, re-routed to 城管, accepted late,
    closed, dissatisfied call-back reopens it. C: handled in grid 2 and closed. D: a police matter,
    only accepted. E: a non-police matter sent to 公安, accepted. Times from 09:00 Shanghai."""
    st = street(ctx)
    duty, grid = ctx.as_actor(WANG), grid_worker(ctx, st)
    fire, city, police = (ctx.as_actor(st.liaison(n)) for n in ("消防", "城管", "公安"))
    a = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    da = dsp.dispatch_event(duty, a, st.dept["消防"])
    clock.advance(minutes=10)
    dsp.accept(fire, da)
    clock.advance(minutes=110)
    dsp.feedback(fire, da, "已清理")
    dsp.verify(grid, da, "passed")
    dsp.close(duty, da)
    dsp.call_back(duty, da, "satisfied")
    b = accepted_event(ctx, st, "门口占道经营", kind="request")
    db_ = dsp.dispatch_event(duty, b, st.dept["消防"])
    dsp.return_case(fire, db_, "不属于消防")
    db2 = dsp.reroute(duty, db_, st.dept["城管"], "改派城管")
    clock.advance(hours=1)
    dsp.accept(city, db2)
    clock.advance(hours=2)
    dsp.feedback(city, db2, "已劝离")
    dsp.verify(grid, db2, "passed")
    dsp.close(duty, db2)
    dsp.call_back(duty, db2, "unsatisfied", "又来了", reopen=True)
    c = accepted_event(ctx, st, "楼道堆放杂物", grid="grid2")
    for action in ("handle_in_grid", "feedback", "verify", "close"):
        transition(duty, c, action)
    accepted_event(ctx, st, "有人打架", kind="public_order", grid="grid2", police=True)
    e = accepted_event(ctx, st, "钥匙锁在家里", grid="grid2")
    de = dsp.dispatch_event(duty, e, st.dept["公安"])
    dsp.accept(police, de)
    return st


def by_name(f):
    return {r.name: r for r in f.rows}


def test_department_figures_match_the_hand_computed_values(ctx, clock):
    a_day_of_cases(ctx, clock)
    f = by_name(figures(ctx.as_actor(LEADER), DAY, DAY, "department"))
    fire, city, police = f["消防"], f["城管"], f["公安"]
    assert (fire.dispatched, fire.returned, fire.accepted_on_time, fire.closed, fire.closed_on_time) == (2, 1, 1, 1, 1)
    assert fire.accepted_on_time_rate == 1.0 and fire.closed_on_time_rate == 1.0  # the return is the routing's
    assert fire.average_handling_hours == 2.0 and fire.satisfaction_rate == 1.0 and fire.reopen_rate == 0.0
    assert (city.dispatched, city.returned, city.accepted_on_time, city.closed) == (1, 0, 0, 0)
    assert city.accepted_on_time_rate == 0.0 and city.average_handling_hours == 3.0
    assert city.satisfaction_rate == 0.0 and city.reopen_rate == 1.0
    assert (police.dispatched, police.accepted_on_time, police.closed, police.average_handling_hours) == (1, 1, 0, None)
    assert fire.diversion_rate is None  # event figures are by grid or community
    total = figures(ctx.as_actor(LEADER), DAY, DAY, "department").total
    assert (total.dispatched, total.returned, total.closed) == (4, 1, 1)
    assert total.average_handling_hours == 2.5


def test_grid_and_community_figures_match_the_hand_computed_values(ctx, clock):
    st = a_day_of_cases(ctx, clock)
    g = by_name(figures(ctx.as_actor(WANG), DAY, DAY, "grid"))
    g1, g2 = g["兴钢社区第1网格"], g["兴钢社区第2网格"]
    assert (g1.dispatched, g1.events, g1.non_police, g1.diverted, g1.events_closed, g1.closed_in_grid) == (3, 2, 2, 2, 1, 0)
    assert (g2.dispatched, g2.events, g2.non_police, g2.diverted, g2.events_closed, g2.closed_in_grid) == (1, 3, 2, 1, 1, 1)
    assert g1.diversion_rate == 1.0 and g2.diversion_rate == 0.5
    assert g1.in_grid_rate == 0.0 and g2.in_grid_rate == 1.0
    c = by_name(figures(ctx.as_actor(WANG), DAY, DAY, "community"))["兴钢社区"]
    assert (c.dispatched, c.events, c.non_police, c.diverted, c.events_closed, c.closed_in_grid) == (4, 5, 4, 3, 2, 1)
    assert c.diversion_rate == 0.75 and c.in_grid_rate == 0.5


def test_a_period_without_the_day_counts_nothing(ctx, clock):
    a_day_of_cases(ctx, clock)
    f = figures(ctx.as_actor(WANG), DAY - timedelta(days=30), DAY - timedelta(days=1), "grid")
    assert f.rows == () and f.total.dispatched == 0
    with pytest.raises(ValidationError):
        figures(ctx.as_actor(WANG), DAY, DAY - timedelta(days=1))


def test_a_liaison_does_not_read_the_street_figures(ctx, clock):
    st = street(ctx)
    with pytest.raises(PermissionDenied):
        figures(ctx.as_actor(st.liaison("消防")), DAY, DAY)


def reference(ctx, date_from, date_to, by) -> dict:
    """The definitions of figures.py, computed the slow and obvious way over every row."""
    start, end = period_bounds(date_from, date_to)
    out: dict = {}
    with ctx.read() as s:
        police = s.scalar(select(Department.id).where(Department.short_name == "公安"))
        for d in s.scalars(select(Dispatch)):
            if not start <= d.dispatched_at < end:
                continue
            k = {"department": d.department_id, "grid": d.grid_id, "community": d.community_id}[by]
            r = out.setdefault(k, {})
            add = lambda name, n=1: r.__setitem__(name, r.get(name, 0) + n)  # noqa: E731
            add("dispatched")
            ret = d.returned_at is not None
            add("returned", ret)
            add("accepted_on_time", bool(not ret and d.accepted_at and d.accepted_at <= d.accept_by))
            add("closed", d.closed_at is not None)
            add("closed_on_time", bool(not ret and d.closed_at and d.last_feedback_at <= d.deadline_at))
            if d.feedback_at:
                add("handled")
                add("handling_hours", (d.feedback_at - d.dispatched_at).total_seconds() / 3600)
            add("called_back", d.satisfaction is not None)
            add("satisfied", d.satisfaction == "satisfied")
            add("basic", d.satisfaction == "basic")
            add("reopened", d.reopened > 0)
        if by != "department":
            for e in s.scalars(select(Event)):
                if not start <= e.reported_at < end or e.status in ("merged", "cancelled"):
                    continue
                r = out.setdefault(e.grid_id if by == "grid" else e.community_id, {})
                add = lambda name, n=1: r.__setitem__(name, r.get(name, 0) + n)  # noqa: E731
                closed = e.status in ("closed", "called_back")
                add("events")
                add("non_police", not e.police)
                add("diverted", bool(not e.police and e.department_id != police))
                add("events_closed", closed)
                add("closed_in_grid", closed and e.department_id is None)
    return out


def assert_same(f, ref):
    got = {r.key: r for r in f.rows}
    assert set(got) == set(ref)
    for k, want in ref.items():
        row: FigureRow = got[k]
        for name, value in want.items():
            assert getattr(row, name) == pytest.approx(value), (k, name)


@pytest.mark.parametrize("by", ["department", "grid", "community"])
def test_the_sql_figures_equal_a_plain_python_computation(ctx, clock, by):
    a_day_of_cases(ctx, clock)
    with ctx.read() as s:
        f = compute(s, DAY, DAY, by)
    assert_same(f, reference(ctx, DAY, DAY, by))


def test_a_second_closing_opinion_after_the_deadline_is_not_closed_on_time(ctx, clock):
    st = street(ctx)
    duty, fire, grid = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防")), grid_worker(ctx, st)
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")  # matter limit: 4 hours
    did = dsp.dispatch_event(duty, eid, st.dept["消防"])
    dsp.accept(fire, did)
    clock.advance(hours=1)
    dsp.feedback(fire, did, "已处理")
    dsp.verify(grid, did, "thin", "没有现场照片")
    clock.advance(hours=5)
    dsp.feedback(fire, did, "已清理并附照片", [("现场.png", b"\x89PNG")])
    dsp.verify(grid, did, "passed")
    dsp.close(duty, did)
    fire_row = by_name(figures(ctx.as_actor(WANG), DAY, DAY))["消防"]
    assert (fire_row.closed, fire_row.closed_on_time, fire_row.average_handling_hours) == (1, 0, 1.0)
