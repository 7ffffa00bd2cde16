"""Due and missed meetings with a moved clock, and compliance figures computed by hand."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from desk.services.figures.periods import month_of, parse_month, PeriodError, quarter_of
from desk.services.meetings import move_item, save_meeting
from desk.services.meetings import rhythm, routine
from desk.services.meetings.routine import Participant, RoutineDraft
from tests.meetings_support import WANG, daily, item, people, record_daily

MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def statuses(ctx, name="兴钢社区", on=None):
    w = rhythm.week(ctx.as_actor(WANG), on)
    return dict((n, st) for _, n, st in w.rows)[name], w


def test_a_daily_meeting_not_recorded_by_the_end_of_its_day_is_missed(ctx, clock):
    p = people(ctx)
    record_daily(ctx, p, MON)
    st, w = statuses(ctx)  # Wednesday 09:00
    assert st == ("held", "missed", "due", "upcoming", "upcoming", "upcoming", "upcoming")
    assert ("兴钢社区", TUE) in w.missed() and "兴钢社区" in w.due() and "李辉庄村" in w.due()
    clock.set(datetime(2026, 11, 25, 15, 59, tzinfo=timezone.utc))  # 23:59 local: still due
    assert statuses(ctx)[0][2] == "due"
    clock.set(datetime(2026, 11, 25, 16, 0, tzinfo=timezone.utc))   # local midnight: missed
    assert statuses(ctx)[0][2] == "missed"
    record_daily(ctx, p, WED)  # recorded late: held after all
    assert statuses(ctx)[0][2] == "held"


def test_weekly_review_is_due_in_its_week_and_missed_after_it(ctx, clock):
    p = people(ctx)
    assert statuses(ctx)[1].weekly == "due"
    clock.set(datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc))  # next Monday
    assert statuses(ctx, on=WED)[1].weekly == "missed"
    save_meeting(ctx.as_actor(WANG), daily(p, date(2026, 11, 26), kind="weekly", community_id=None))
    w = statuses(ctx, on=WED)[1]
    assert w.weekly == "held" and w.monthly == "due"
    table = rhythm.due(ctx.as_actor(WANG), WED)
    assert ("月讲评", "街道") in [(r[0], r[1]) for r in table.rows]
    assert ("周研判", "街道") not in [(r[0], r[1]) for r in table.rows]


def test_compliance_per_community_and_month_by_hand(ctx, clock):
    """November up to Wednesday the 25th: 24 days have ended. 兴钢社区 held 18 of them and today's;
    weekly reviews: weeks starting 2, 9, 16 have ended (23 not yet, none held): the street held 2.
    Items due in November: 3 in 兴钢社区, 2 done on time, 1 late."""
    p = people(ctx)
    for d in range(1, 19):
        record_daily(ctx, p, date(2026, 11, d))
    record_daily(ctx, p, WED)
    for d in (5, 12):
        save_meeting(ctx.as_actor(WANG), daily(p, date(2026, 11, d), kind="weekly", community_id=None))
    m = record_daily(ctx, p, date(2026, 11, 2), items=(
        item("按期一", date(2026, 11, 10), owner_staff_id=p.secretary),
        item("按期二", date(2026, 11, 20), owner_staff_id=p.secretary),
        item("逾期", date(2026, 11, 24), owner_staff_id=p.secretary)))
    from desk.services.meetings import get_meeting
    ids = {i.title: i.id for i in get_meeting(ctx.as_actor(WANG), m.id).items}
    clock.set(datetime(2026, 11, 9, 1, 0, tzinfo=timezone.utc))
    move_item(ctx.as_actor(WANG), ids["按期一"], "finish")
    clock.set(datetime(2026, 11, 20, 15, 0, tzinfo=timezone.utc))  # 23:00 local on the due day
    move_item(ctx.as_actor(WANG), ids["按期二"], "finish")
    clock.set(datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc))
    t = rhythm.compliance(ctx.as_actor(WANG), month_of(WED))
    row = dict((r[0], r) for r in t.rows)["兴钢社区"]
    assert row[1:] == (25, 19, 0.76, 3, 2, 0.6667, 3, 2, 0.6667)
    village = dict((r[0], r) for r in t.rows)["李辉庄村"]
    assert village[1:4] == (24, 0, 0.0)
    assert t.totals[1:3] == (49, 19)
    with pytest.raises(PeriodError):
        rhythm.compliance(ctx.as_actor(WANG), parse_month("2026-12"))


def test_trainings_patrols_and_drills_counted_per_quarter_and_community_and_a_finding_goes_on_the_board(ctx):
    from desk.services.incidents import event_row

    p = people(ctx)
    r = routine.record(ctx.as_actor(WANG), RoutineDraft(
        "patrol", date(2026, 11, 20), community_id=p.community_id, place="兴钢社区1号楼至3号楼",
        participants=(Participant("陈民警", "police"), Participant("王志愿", "volunteer"),
                      Participant("李保安", "guard")), findings="3号楼消防通道堵塞"))
    routine.record(ctx.as_actor(WANG), RoutineDraft("training", date(2026, 10, 9), sub_kind="case_study",
                                                    topic="邻里纠纷调解案例", leader="周所长",
                                                    participants=(Participant("刘书记", "grid"),)))
    routine.record(ctx.as_actor(WANG), RoutineDraft("skill_test", date(2026, 11, 3), community_id=p.village_id,
                                                    participants=(Participant("刘书记", "grid", 86),
                                                                  Participant("赵网格", "grid", 72))))
    t = rhythm.routine_counts(ctx.as_actor(WANG), quarter_of(WED))
    rows = {x[0]: x[1:] for x in t.rows}
    assert rows["兴钢社区"] == (0, 0, 1, 0) and rows["李辉庄村"] == (0, 1, 0, 0) and rows["街道"] == (1, 0, 0, 0)
    assert t.totals == ("合计", 1, 1, 1, 0)
    ev = routine.finding_to_event(ctx.as_actor(WANG), r.id, "3号楼消防通道堵塞", kind="fire_hazard")
    assert event_row(ctx.as_actor(WANG), ev.id).status == "reported"
    assert routine.get(ctx.as_actor(WANG), r.id).event_id == ev.id
    tests = routine.records(ctx.as_actor(WANG), date(2026, 11, 1), WED, "skill_test")
    assert tests[0].average_score == 79.0


def test_the_monthly_sheet_reports_meeting_compliance_and_the_weekly_sheet_the_open_items(ctx):
    from desk.services.figures import period_sheet
    from desk.services.figures.periods import parse_month, parse_week

    p = people(ctx)
    record_daily(ctx, p, date(2026, 10, 5), items=(item("修路灯", date(2026, 10, 9), owner_staff_id=p.secretary),))
    monthly = period_sheet(ctx.as_actor(WANG), "monthly", parse_month("2026-10"))
    tables = {t.key: t for t in monthly.tables}
    row = dict((r[0], r) for r in tables["meeting_compliance"].rows)["兴钢社区"]
    assert row[1:3] == (31, 1) and row[7:9] == (1, 0)  # one daily meeting of 31 days; its item not done
    assert "routine_counts" in tables
    weekly = period_sheet(ctx.as_actor(WANG), "weekly", parse_week("2026-W47"))
    items = {t.key: t for t in weekly.tables}["open_items"]
    assert [(r[1], r[4]) for r in items.rows] == [("修路灯", "已逾期")]
