"""The dashboard's key figures on both engines, each against a count made here independently from the
raw rows; every drill-down adds up to its figure; an empty period says so; the default period is never
empty; and the same figure prints the same value on the monthly sheet."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from desk.models import Department, Dispatch, Event, Mediation
from desk.services.errors import PermissionDenied
from desk.services.figures import dashboard as fig
from desk.services.figures import periods
from desk.services.figures.overview import dashboard, drill_events, drill_figure
from desk.services.figures.sheets import monthly
from tests.board_support import GRIDMAN, LEADER, WANG
from tests.db.test_report_figures import a_day_with_a_dispute

DAY = periods.parse_day("2026-11-25")


def by_hand(ctx):
    """Each figure of 2026-11-25 counted in Python from the raw rows."""
    start, end = DAY.bounds()
    with ctx.read() as s:
        police = s.scalar(select(Department.id).where(Department.short_name == "公安"))
        evs = [e for e in s.scalars(select(Event)) if start <= _utc(e.reported_at) < end
               and e.status not in ("merged", "cancelled")]
        disp = [d for d in s.scalars(select(Dispatch)) if start <= _utc(d.dispatched_at) < end]
        meds = [m for m in s.scalars(select(Mediation)) if start <= _utc(m.at) < end]
        closed = [e for e in evs if e.status in ("closed", "called_back")]
        non_police = [e for e in evs if not e.police]
        kept = [d for d in disp if d.returned_at is None]
        requests = [e for e in evs if e.kind == "request" and e.feedback_at is not None]
        return {
            "events": (len(evs), len(evs)),
            "completion": (len(closed), len(evs)),
            "diversion": (sum(e.department_id != police for e in non_police), len(non_police)),
            "in_grid": (sum(e.department_id is None for e in closed), len(closed)),
            "on_time": (sum(d.closed_at is not None and d.last_feedback_at <= d.deadline_at for d in kept), len(kept)),
            "mediation": (sum(m.outcome == "resolved" for m in meds), len(meds)),
            "handling": (sum((_utc(e.feedback_at) - _utc(e.reported_at)).total_seconds() / 60 for e in requests),
                         len(requests)),
        }


def _utc(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def test_each_key_figure_equals_a_count_made_by_hand_and_its_drill_down(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    expected = by_hand(ctx)
    leader = ctx.as_actor(LEADER)
    board = dashboard(leader, "today")
    assert board.period == DAY
    for key, (n, d) in expected.items():
        f = board.figure(key)
        assert f.denominator == d, key
        assert f.numerator == pytest.approx(n, abs=0.1), key
        if key == "handling":
            assert f.value == pytest.approx(n / d, abs=0.1)
        elif key != "events":
            assert f.value == round(n / d, 4), key
        with ctx.read() as s:
            table, ids, num_ids = fig.drill_figure(s, key, DAY)
        assert len(table.rows) == len(ids) == d, key
        assert len(num_ids) == (d if key in ("events", "handling") else n), key  # a mean lists what it averages
    assert expected["completion"][1] == 6 and expected["mediation"] == (1, 2)


def test_figures_change_against_the_same_days_of_the_previous_period_and_targets_are_judged(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    board = dashboard(ctx.as_actor(LEADER), "week")
    assert board.previous == periods.Period("range", periods.parse_day("2026-11-16").start,
                                            periods.parse_day("2026-11-18").start)
    med = board.figure("mediation")
    assert med.value == 0.5 and med.previous is None and med.change is None and med.met is False
    assert fig.change_text(med) == "—"
    assert board.figure("events").text == "6"


def test_a_period_with_no_data_says_so_instead_of_zero(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    board = dashboard(ctx.as_actor(LEADER), "last_month")
    for f in board.figures:
        assert f.empty and f.text == fig.NO_DATA and f.met is None
    assert all(row[1] == fig.NO_DATA for row in board.key_table.rows)


def test_the_default_period_is_never_empty_on_the_first_of_a_month(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    with ctx.read() as s:
        assert fig.default_choice(s, clock.now()) == "month"
        first_of_december = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)
        assert fig.default_choice(s, first_of_december) == "last_month"
        quiet_december = datetime(2026, 12, 20, 2, 0, tzinfo=timezone.utc)
        assert fig.default_choice(s, quiet_december) == "last_month"  # nothing reported yet this month
        quiet_january = datetime(2027, 1, 2, 2, 0, tzinfo=timezone.utc)
        assert fig.default_choice(s, quiet_january) == "month"  # nothing anywhere: this month, saying so
    assert dashboard(ctx.as_actor(LEADER)).choice == "month"


def test_the_dashboard_and_the_monthly_sheet_print_the_same_figures(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    board = dashboard(ctx.as_actor(LEADER), "month")
    with ctx.read() as s:
        sheet = monthly(s, board.period, clock.now())
    key = next(t for t in sheet.tables if t.key == "key_figures")
    printed = {r[0]: r[1] for r in key.rows}
    assert printed["事件流转办结率"] == board.figure("completion").value
    assert printed["派单按时办结率"] == board.figure("on_time").value
    assert printed["非警务类诉求分流率"] == board.figure("diversion").value
    assert printed["网格内化解率"] == board.figure("in_grid").value
    assert printed["矛盾纠纷调解成功率"] == board.figure("mediation").value
    met = {r[0]: r[3] for r in key.rows}   # the sheet says met or not as the dashboard's tiles do
    for name, figure in (("事件流转办结率", "completion"), ("派单按时办结率", "on_time"), ("网格内化解率", "in_grid"),
                         ("非警务类诉求分流率", "diversion"), ("矛盾纠纷调解成功率", "mediation")):
        assert met[name] == {True: "达标", False: "未达标", None: "—"}[board.figure(figure).met], name


def test_hotspots_list_exactly_the_open_and_overdue_events_of_each_grid(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    clock.advance(hours=48)  # what is still open is now overdue
    leader = ctx.as_actor(LEADER)
    board = dashboard(leader, "month")
    with ctx.read() as s:
        open_by_grid = {}
        for e in s.scalars(select(Event).where(Event.is_open.is_(True))):
            open_by_grid.setdefault(e.grid_id, set()).add(e.id)
    rows = board.hot.grids.rows
    assert sum(r[2] for r in rows) == sum(len(v) for v in open_by_grid.values())
    for row, (opened, overdue) in zip(rows, board.hot.grid_ids):
        assert row[2] == len(opened) and row[3] == len(overdue)
        assert len(drill_events(leader, row[0], opened).rows) == row[2]
    assert rows[0][3] >= rows[-1][3]


def test_departments_and_trends_are_on_the_dashboard(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    board = dashboard(ctx.as_actor(LEADER), "today")
    names = [r[0] for r in board.departments.rows]
    assert "消防" in names and len(board.department_ids) == len(names)
    assert len(board.months.rows) == 12 and board.months.rows[-1][1] == 6
    assert len(board.days.rows) == 30 and board.days.rows[-1][1] == 6


def test_only_duty_staff_and_leaders_see_the_dashboard(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    assert dashboard(ctx.as_actor(WANG), "today").figure("events").value == 6
    with pytest.raises(PermissionDenied):
        dashboard(ctx.as_actor(GRIDMAN))
    with pytest.raises(PermissionDenied):
        drill_figure(ctx.as_actor(GRIDMAN), "completion", DAY)


def test_each_point_of_a_trend_equals_the_figure_of_its_month_and_day(ctx, clock):
    from desk.services.figures.trends import month_periods

    a_day_with_a_dispute(ctx, clock)
    board = dashboard(ctx.as_actor(LEADER), "month")
    with ctx.read() as s:
        for p, row in zip(month_periods(clock.now()), board.months.rows):
            assert row[1] == fig.measure(s, "events", p)[2]
            assert row[2] == fig.measure(s, "completion", p)[0] and row[3] == fig.measure(s, "on_time", p)[0]
        today = fig.measure(s, "completion", DAY)
    assert board.days.rows[-1][1:] == (today[2], today[1])


def test_a_month_just_begun_does_not_draw_a_collapse_and_months_without_events_are_gaps(ctx, clock):
    """On the 1st, two events and none closed yet: the running month is marked 本月至今 and has no rate
    (not 0 %) in its first week; from its 8th day on it has one. A month with no event has no rate."""
    from desk.services.figures.trends import SO_FAR, WHOLE
    from desk.services.incidents import NewEvent, report_event

    a_day_with_a_dispute(ctx, clock)
    clock.set(datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc))  # 2026-12-01 06:00 in Shanghai
    for title in ("路灯不亮", "窨井盖缺失"):
        report_event(ctx.as_actor(WANG), NewEvent(title=title, kind="request", source="phone"))
    months = dashboard(ctx.as_actor(LEADER), "last_month").months
    col = {c.key: i for i, c in enumerate(months.columns)}
    rows = {r[col["month"]]: r for r in months.rows}
    december, november, may = rows["2026-12"], rows["2026-11"], rows["2026-05"]
    assert december[col["events"]] == 2 and december[col["span"]] == SO_FAR
    assert december[col["completion"]] is None and december[col["on_time"]] is None
    assert november[col["span"]] == WHOLE and november[col["completion"]] is not None
    assert may[col["events"]] == 0 and may[col["completion"]] is None and may[col["on_time"]] is None
    clock.set(datetime(2026, 12, 8, 2, 0, tzinfo=timezone.utc))  # the 8th: the month so far has its rate
    later = dashboard(ctx.as_actor(LEADER), "month").months
    assert later.rows[-1][col["completion"]] == 0.0 and later.rows[-1][col["span"]] == SO_FAR
