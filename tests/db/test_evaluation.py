"""Mutual evaluation on both engines: who may rate whom, cell by cell (a community officer rates the
grid leaders of their beat, a grid leader the officers of their grid, nobody else anyone), every rating
audited under the real user; bad scores change nothing; the ranking combines ratings and data with the
administrator's weight exactly as computed here by hand; model grids are marked."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord, EvaluationRating, Grid, PoliceBeat, Staff, StaffRole, Street, beat_grid, grid_member
from desk.services import evaluation as ev
from desk.services.errors import NotFound, PermissionDenied, ValidationError
from desk.services.figures.periods import PeriodError
from desk.services.incidents import NewEvent, record_mediation, report_event, transition
from desk.services.unit import Actor
from tests.board_support import ADMIN, GRIDMAN, LEADER, LIAISON, WANG, small_street

MONTH = "2026-11"
LEADER_SCORES = {"data_accuracy": 90, "hazard_discovery": 80, "mediation_success": 70, "response_speed": 60}
POLICE_SCORES = {"integration": 60, "handling": 80, "guidance": 70, "cooperation": 90}


@dataclass
class People:
    grids: tuple[int, int, int]
    p1: int   # community officer, beat over grids 1 and 2
    p2: int   # community officer, beat over the village grid
    a1: int   # auxiliary officer, member of grid 1
    l1: int   # grid leaders of grid 1, 2 and the village grid
    l2: int
    l3: int

    def actor(self, staff_id: int, name: str) -> Actor:
        return Actor(name, name, role="grid_staff", staff_id=staff_id, seat="grid")


def people(ctx, sm=None) -> People:
    sm = sm or small_street(ctx)
    with ctx.unit() as u:
        s = u.session
        street = s.scalar(select(Street.id))
        mk = {}
        for key, name, role in (("p1", "李警官", StaffRole.COMMUNITY_POLICE), ("p2", "周警官", StaffRole.COMMUNITY_POLICE),
                                ("a1", "吴辅警", StaffRole.AUXILIARY_POLICE), ("l1", "陈网格长", StaffRole.GRID_LEADER),
                                ("l2", "刘网格长", StaffRole.GRID_LEADER), ("l3", "郑网格长", StaffRole.GRID_LEADER)):
            st = Staff(name=name, role=role, street_id=street)
            s.add(st)
            s.flush()
            mk[key] = st.id
        for gid, leader in ((sm.grid1, "l1"), (sm.grid2, "l2"), (sm.village_grid, "l3")):
            s.get(Grid, gid).leader_id = mk[leader]
        b1 = PoliceBeat(street_id=street, code="B1", name="第一警务区", officer_id=mk["p1"])
        b2 = PoliceBeat(street_id=street, code="B2", name="第二警务区", officer_id=mk["p2"])
        s.add_all([b1, b2])
        s.flush()
        s.execute(beat_grid.insert(), [{"beat_id": b1.id, "grid_id": sm.grid1}, {"beat_id": b1.id, "grid_id": sm.grid2},
                                       {"beat_id": b2.id, "grid_id": sm.village_grid}])
        s.execute(grid_member.insert(), [{"grid_id": sm.grid1, "staff_id": mk["a1"]}])
    return People((sm.grid1, sm.grid2, sm.village_grid), **mk)


@pytest.fixture
def town(ctx):
    p = people(ctx)
    ev.open_round(ctx.as_actor(LEADER), MONTH)
    return p


# (rater, subject, may rate?) -- every pair of the six people
CELLS = [
    ("p1", "l1", True), ("p1", "l2", True), ("p1", "l3", False), ("p1", "p2", False), ("p1", "a1", False),
    ("p2", "l3", True), ("p2", "l1", False),
    ("a1", "l1", True), ("a1", "l2", False), ("a1", "p1", False),
    ("l1", "p1", True), ("l1", "a1", True), ("l1", "p2", False), ("l1", "l2", False),
    ("l2", "p1", True), ("l2", "a1", False),
    ("l3", "p2", True), ("l3", "p1", False), ("l3", "l1", False),
]


@pytest.mark.parametrize("rater,subject,may", CELLS, ids=[f"{a}->{b}" for a, b, _ in CELLS])
def test_who_may_rate_whom_cell_by_cell(ctx, town, rater, subject, may):
    who = ctx.as_actor(town.actor(getattr(town, rater), rater))
    scores = LEADER_SCORES if subject.startswith("l") else POLICE_SCORES
    if may:
        assert ev.rate(who, MONTH, getattr(town, subject), scores, "配合积极") == 4
        with ctx.read() as s:
            rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "evaluation.rate")).all()
        assert [r.actor for r in rec] == [rater]
    else:
        with pytest.raises(PermissionDenied):
            ev.rate(who, MONTH, getattr(town, subject), scores)
        with ctx.read() as s:
            assert s.scalar(select(func.count()).select_from(EvaluationRating)) == 0


@pytest.mark.parametrize("actor", [WANG, LEADER, ADMIN, GRIDMAN], ids=["duty", "leader", "admin", "unlinked grid"])
def test_nobody_but_linked_police_and_grid_leaders_rates(ctx, town, actor):
    with pytest.raises(PermissionDenied):
        ev.rate(ctx.as_actor(actor), MONTH, town.l1, LEADER_SCORES)


def test_bad_scores_and_criteria_change_nothing(ctx, town):
    p1 = ctx.as_actor(town.actor(town.p1, "p1"))
    for scores in ({"data_accuracy": 101}, {"data_accuracy": -1}, {"handling": 80}, {}, {"data_accuracy": "九十"}):
        with pytest.raises(ValidationError):
            ev.rate(p1, MONTH, town.l1, scores)
    with pytest.raises(PeriodError):
        ev.rate(p1, "2026-13", town.l1, LEADER_SCORES)
    with pytest.raises(NotFound):
        ev.rate(p1, "2026-10", town.l1, LEADER_SCORES)  # that month was never opened
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(EvaluationRating)) == 0
    ev.close_round(ctx.as_actor(LEADER), MONTH)
    with pytest.raises(ValidationError):
        ev.rate(p1, MONTH, town.l1, LEADER_SCORES)


def test_opening_weights_and_model_grids_belong_to_their_roles(ctx, town):
    with pytest.raises(ValidationError):
        ev.open_round(ctx.as_actor(LEADER), MONTH)  # already open
    with pytest.raises(PeriodError):
        ev.open_round(ctx.as_actor(LEADER), "2027-01")  # the future
    for actor in (WANG, GRIDMAN, ADMIN):
        with pytest.raises(PermissionDenied):
            ev.open_round(ctx.as_actor(actor), "2026-10")
    with pytest.raises(PermissionDenied):
        ev.set_weights(ctx.as_actor(LEADER), MONTH, 70)
    with pytest.raises(ValidationError):
        ev.set_weights(ctx.as_actor(ADMIN), MONTH, 101)
    assert ev.set_weights(ctx.as_actor(ADMIN), MONTH, 70).peer_weight == 70
    with pytest.raises(PermissionDenied):
        ev.choose_model_grid(ctx.as_actor(WANG), MONTH, town.grids[0], "成绩突出")
    with pytest.raises(ValidationError):
        ev.choose_model_grid(ctx.as_actor(LEADER), MONTH, town.grids[0], "  ")
    ev.choose_model_grid(ctx.as_actor(LEADER), MONTH, town.grids[0], "隐患发现及时，调解成功率高")
    with ctx.read() as s:
        actions = [(r.action, r.actor) for r in s.scalars(select(AuditRecord).where(
            AuditRecord.action.like("evaluation.%")).order_by(AuditRecord.id))]
    assert actions == [("evaluation.open", "zhang"), ("evaluation.weights", "admin"),
                       ("evaluation.model_grid", "zhang")]


def _event(ctx, clock, grid, kind, source, delay):
    duty = ctx.as_actor(WANG)
    row = report_event(duty, NewEvent(title=f"{kind}事项", kind=kind, source=source, grid_id=grid))
    clock.advance(minutes=delay)
    transition(duty, row.id, "accept")
    return row.id


def test_the_ranking_combines_ratings_and_data_with_the_weight_as_computed_by_hand(ctx, clock, town):
    g1, g2, g3 = town.grids
    _event(ctx, clock, g1, "safety_hazard", "grid_worker", 10)   # found by the grid, answered in time
    _event(ctx, clock, g1, "fire_hazard", "phone", 45)           # found by others, answered late
    dispute = _event(ctx, clock, g1, "dispute", "grid_worker", 5)
    record_mediation(ctx.as_actor(GRIDMAN), dispute, outcome="resolved", mediator="陈网格长")
    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), MONTH, town.l1, LEADER_SCORES)
    ev.rate(ctx.as_actor(town.actor(town.a1, "a1")), MONTH, town.l1, dict.fromkeys(LEADER_SCORES, 85))
    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), MONTH, town.l2, dict.fromkeys(LEADER_SCORES, 60))
    ev.rate(ctx.as_actor(town.actor(town.l1, "l1")), MONTH, town.p1, POLICE_SCORES)
    ev.rate(ctx.as_actor(town.actor(town.l2, "l2")), MONTH, town.p1, dict.fromkeys(POLICE_SCORES, 65))
    ev.set_weights(ctx.as_actor(ADMIN), MONTH, 70)
    ev.choose_model_grid(ctx.as_actor(LEADER), MONTH, g1, "综合第一")
    r = ev.ranking(ctx.as_actor(LEADER), MONTH)
    # by hand: grid 1's peer score = mean of per-criterion means (87.5, 82.5, 77.5, 72.5) = 80.0;
    # data: hazards found by the grid 1/2 = 50, mediation 1/1 = 100, accepted within 30 minutes 2/3 = 66.67
    # -> 72.2; combined = 80.0 x 0.7 + 72.2 x 0.3 = 77.66 -> 77.7
    rows = {row[1]: row for row in r.grids.rows}
    first = rows["兴钢社区第1网格"]
    c = {col.key: i for i, col in enumerate(r.grids.columns)}
    assert (first[c["peer"]], first[c["raters"]], first[c["data"]], first[c["score"]]) == (80.0, 2, 72.2, 77.7)
    assert first[c["rank"]] == 1 and first[c["award"]] == "示范网格" and first[c["leader"]] == "陈网格长"
    second = rows["兴钢社区第2网格"]
    assert (second[c["rank"]], second[c["peer"]], second[c["data"]], second[c["score"]]) == (2, 60.0, None, 60.0)
    assert rows["李辉庄村第1网格"][c["rank"]] is None and r.grids.rows[-1][c["score"]] is None
    # officers: 李警官 peer = mean(72.5, 67.5, 77.5, 62.5) = 70.0 from 2 raters; no police data this month
    off = {row[1]: row for row in r.officers.rows}
    oc = {col.key: i for i, col in enumerate(r.officers.columns)}
    li = off["李警官"]
    assert (li[oc["rank"]], li[oc["peer"]], li[oc["raters"]], li[oc["data"]], li[oc["score"]]) == (1, 70.0, 2, None, 70.0)
    assert li[oc["grids"]] == 2 and off["吴辅警"][oc["role"]] == "辅警"
    with pytest.raises(PermissionDenied):
        ev.ranking(ctx.as_actor(GRIDMAN), MONTH)


def test_a_revised_rating_replaces_the_first_and_is_audited_with_both(ctx, town):
    p1 = ctx.as_actor(town.actor(town.p1, "p1"))
    ev.rate(p1, MONTH, town.l1, {"data_accuracy": 70})
    ev.rate(p1, MONTH, town.l1, {"data_accuracy": 90}, "复核后上调")
    with ctx.read() as s:
        assert s.scalars(select(EvaluationRating.score)).all() == [90]
        last = s.scalars(select(AuditRecord).where(AuditRecord.action == "evaluation.rate")
                         .order_by(AuditRecord.id.desc())).first()
    assert "70" in (last.before or "") and "90" in (last.after or "")


def test_the_ranking_goes_into_the_monthly_assessment_sheet(ctx, town):
    from desk.services.figures import build_sheet, periods

    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), MONTH, town.l1, LEADER_SCORES)
    ev.choose_model_grid(ctx.as_actor(LEADER), MONTH, town.grids[0], "综合第一")
    sheet = build_sheet(ctx.as_actor(LEADER), "monthly", periods.parse_month(MONTH))
    section = next(sec for sec in sheet.sections if sec.heading == "六、评价奖惩")
    grids = next(t for t in section.tables if t.key == "grid_ranking")
    assert grids.rows == ev.ranking(ctx.as_actor(LEADER), MONTH).grids.rows
    assert "兴钢社区第1网格" in section.paragraphs[0]


def test_the_officers_data_side_counts_police_matters_their_mediations_and_the_police_dispatches(ctx, clock):
    """On the dispatch tests' day (a police matter in grid 2 only accepted, a non-police matter sent to 公安
    and accepted, not closed) plus a dispute that rises to the community officer and is resolved there:
    李警官 covers grids 1 and 2 -> handling 0/1, guidance 1/1, cooperation 0/1 -> data (0 + 100 + 0) / 3 = 33.3;
    吴辅警 belongs to grid 1 only, where only the mediation happened -> 100."""
    from tests.db.test_dispatch_figures import a_day_of_cases
    from tests.dispatch_support import accepted_event

    st = a_day_of_cases(ctx, clock)
    town = people(ctx, st.small)
    dispute = accepted_event(ctx, st, "宅基地纠纷", kind="dispute")
    grid = ctx.as_actor(GRIDMAN)
    record_mediation(grid, dispute, outcome="failed", mediator="赵网格")
    record_mediation(grid, dispute, outcome="failed", mediator="陈网格长")
    record_mediation(grid, dispute, outcome="resolved", mediator="李警官")
    ev.open_round(ctx.as_actor(LEADER), MONTH)
    r = ev.ranking(ctx.as_actor(LEADER), MONTH)
    c = {col.key: i for i, col in enumerate(r.officers.columns)}
    li = next(row for row in r.officers.rows if row[c["officer"]] == "李警官")
    assert (li[c["data"]], li[c["score"]], li[c["rank"]]) == (33.3, 33.3, 2)
    wu = next(row for row in r.officers.rows if row[c["officer"]] == "吴辅警")  # grid 1 only: guidance 1/1
    assert (wu[c["data"]], wu[c["rank"]]) == (100.0, 1)
    zhou = next(row for row in r.officers.rows if row[c["officer"]] == "周警官")
    assert zhou[c["data"]] is None and zhou[c["rank"]] is None  # the village had no police work this month


def test_on_the_first_of_a_month_the_evaluation_opens_on_the_last_month_with_ratings(ctx, clock, town):
    from datetime import datetime, timezone

    from desk.services.evaluation.months import default_month

    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), MONTH, town.l1, LEADER_SCORES)
    clock.set(datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc))  # 2026-12-01 06:00 in Shanghai
    ev.open_round(ctx.as_actor(LEADER), "2026-12")                  # opened, nobody has rated yet
    report_event(ctx.as_actor(WANG), NewEvent(title="路灯不亮", kind="request", source="phone"))
    assert default_month(ctx.as_actor(LEADER)) == "2026-11"
    assert default_month(ctx.as_actor(WANG)) == "2026-11"
    assert default_month(ctx.as_actor(town.actor(town.l1, "l1"))) == "2026-12"  # a rater: where the form saves
    clock.set(datetime(2026, 12, 10, 2, 0, tzinfo=timezone.utc))    # past the first week, with an event
    assert default_month(ctx.as_actor(LEADER)) == "2026-12"


def test_an_empty_street_opens_on_the_last_complete_month_early_in_a_month(ctx, clock):
    from datetime import datetime, timezone

    from desk.services.evaluation.months import default_month

    small_street(ctx)
    clock.set(datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc))
    assert default_month(ctx.as_actor(LEADER)) == "2026-11"
    clock.set(datetime(2026, 12, 20, 2, 0, tzinfo=timezone.utc))
    assert default_month(ctx.as_actor(LEADER)) == "2026-12"
    with pytest.raises(PermissionDenied):
        default_month(ctx.as_actor(LIAISON))
