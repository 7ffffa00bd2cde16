"""Graded care: visits due and overdue from the care level, a visit's finding on the board in one step,
and visit coverage per grid and month computed as a person would by hand."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk.models import Event
from desk.services import registry as reg
from desk.services.errors import PermissionDenied, ValidationError
from desk.services.figures.periods import local_today, month_of
from desk.services.figures.registry import coverage_table
from tests.board_support import ADMIN, LEADER, WANG, small_street
from tests.registry_support import person


def _people(ctx, sm, n):
    duty = ctx.as_actor(WANG)
    return [reg.add_person(duty, person(sm.grid2, name="测试" + "甲乙丙丁戊"[i], seq=100 + i)).id for i in range(n)]


def test_overdue_visits_come_first_then_due_then_the_rest(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    today = local_today(ctx.clock.now())
    a, b, c = _people(ctx, sm, 3)
    reg.add_care(duty, a, "elderly_alone", 3, since=today - timedelta(days=100))   # green: every 30 days
    reg.add_care(duty, b, "mental", 1, since=today - timedelta(days=100))          # red: every 7 days
    reg.add_care(duty, c, "disabled", 2, since=today - timedelta(days=100))        # yellow: every 15 days
    reg.record_visit(duty, reg.VisitInput(today - timedelta(days=10), "赵网格", "身体尚好", person_id=a))
    reg.record_visit(duty, reg.VisitInput(today - timedelta(days=9), "赵网格", "按时服药", person_id=b))
    reg.record_visit(duty, reg.VisitInput(today - timedelta(days=13), "赵网格", "无异常", person_id=c))
    rows = reg.care_list(duty)
    assert [(r.person_id, r.state) for r in rows] == [(b, "overdue"), (c, "due"), (a, "ok")]
    assert rows[0].days_late == 2 and rows[0].level_name == "红色"


def test_someone_never_visited_is_overdue_from_the_day_they_came_into_care(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    today = local_today(ctx.clock.now())
    (a,) = _people(ctx, sm, 1)
    reg.add_care(duty, a, "elderly_alone", 1, since=today - timedelta(days=8))
    (row,) = reg.care_list(duty)
    assert row.state == "never" and row.days_late == 1


def test_the_visit_interval_per_level_is_set_by_an_administrator_and_audited(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    today = local_today(ctx.clock.now())
    (a,) = _people(ctx, sm, 1)
    reg.add_care(duty, a, "elderly_alone", 1, since=today - timedelta(days=8))
    with pytest.raises(PermissionDenied):
        reg.set_visit_days(duty, 1, 10)
    reg.set_visit_days(ctx.as_actor(ADMIN), 1, 10)
    assert reg.care_list(duty)[0].state == "due"
    with pytest.raises(ValidationError):
        reg.set_visit_days(ctx.as_actor(ADMIN), 1, 0)


def test_a_visit_in_the_future_is_refused(ctx):
    sm = small_street(ctx)
    (a,) = _people(ctx, sm, 1)
    with pytest.raises(ValidationError, match="晚于今天"):
        reg.record_visit(ctx.as_actor(WANG), reg.VisitInput(local_today(ctx.clock.now()) + timedelta(days=1),
                                                           "赵网格", "x", person_id=a))


def test_a_visit_finding_becomes_a_board_event_in_one_step(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    (a,) = _people(ctx, sm, 1)
    vid = reg.record_visit(duty, reg.VisitInput(local_today(ctx.clock.now()), "赵网格", "独居老人家中燃气软管老化",
                                                person_id=a))
    eid = reg.visit_to_board(duty, vid, kind="safety_hazard")
    with ctx.read() as s:
        e = s.get(Event, eid)
        assert e.grid_id == sm.grid2 and "燃气软管" in e.title and e.source == "grid_worker"
    assert reg.visits_of(duty, person_id=a)[0].event_id == eid
    with pytest.raises(ValidationError, match="已上报"):
        reg.visit_to_board(duty, vid)
    with pytest.raises(PermissionDenied):
        reg.visit_to_board(ctx.as_actor(LEADER), vid)


def test_visit_coverage_per_grid_and_month_matches_hand_counting(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    today = local_today(ctx.clock.now())
    month = month_of(today)
    ids = _people(ctx, sm, 4)
    for pid in ids:
        reg.add_care(duty, pid, "elderly_alone", 2, since=month.start - timedelta(days=40))
    # three of four visited this month (one twice); one only last month
    for pid in ids[:3]:
        reg.record_visit(duty, reg.VisitInput(month.start, "赵网格", "好", person_id=pid))
    reg.record_visit(duty, reg.VisitInput(month.start, "赵网格", "又去", person_id=ids[0]))
    reg.record_visit(duty, reg.VisitInput(month.start - timedelta(days=3), "赵网格", "好", person_id=ids[3]))
    with ctx.read() as s:
        t = coverage_table(s, month)
    row = next(r for r in t.rows if r[1] == "兴钢社区第2网格")
    assert row[2:5] == (4, 3, 0.75)
    # households: grid 2 has four; everyone here lives at 3号楼1单元101, so one household is registered
    assert row[5:8] == (4, 1, 0.25)
    assert t.totals[2:5] == (4, 3, 0.75)


def test_the_grid_profile_visits_section_shows_coverage_overdue_and_the_last_visits(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    today = local_today(ctx.clock.now())
    a, b = _people(ctx, sm, 2)
    reg.add_care(duty, a, "elderly_alone", 1, since=today - timedelta(days=60))
    reg.add_care(duty, b, "disabled", 3, since=today - timedelta(days=60))
    reg.record_visit(duty, reg.VisitInput(today, "赵网格", "身体尚好", person_id=a))
    v = reg.grid_visits(duty, sm.grid2)
    assert (v.cared, v.visited_this_month, v.overdue) == (2, 1, 1) and v.coverage == 0.5
    assert [r.findings for r in v.last] == ["身体尚好"]
    assert v.categories == (("残障人士", 1), ("独居老人", 1))   # the grid's special populations by kind


def test_police_graded_categories_are_looked_after_by_the_grid_leader_and_the_beat_officer(ctx):
    from desk.models import Grid, PoliceBeat, Staff, StaffRole, beat_grid
    sm = small_street(ctx)
    with ctx.unit() as u:
        s = u.session
        leader = Staff(name="网格长甲", role=StaffRole.GRID_LEADER)
        officer = Staff(name="民警乙", role=StaffRole.COMMUNITY_POLICE)
        s.add_all([leader, officer])
        s.flush()
        s.get(Grid, sm.grid2).leader_id = leader.id
        beat = PoliceBeat(street_id=s.get(Grid, sm.grid2).community.street_id, code="B9", name="九号警务区",
                          officer_id=officer.id)
        s.add(beat)
        s.flush()
        s.execute(beat_grid.insert().values(beat_id=beat.id, grid_id=sm.grid2))
    duty = ctx.as_actor(WANG)
    a, b = _people(ctx, sm, 2)
    reg.add_care(duty, a, "correction", 1)
    reg.add_care(duty, b, "elderly_alone", 3)
    carers = {r.person_id: r.carer for r in reg.care_list(duty)}
    assert carers == {a: "网格长甲、民警乙", b: "网格长甲"}
