"""The figures layer on both engines: a hand-made day of cases gives the counts a person would
count, the ladder and return tables say what happened, sheets of empty periods say so, and issue
numbers run per year and kind."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from desk.models import AuditRecord, Event
from desk.services.errors import PermissionDenied
from desk.services.figures import build_sheet, periods
from desk.services.figures import dispatch as dfig
from desk.services.figures import events as efig
from desk.services.figures.board import board_counts, board_table
from desk.services.figures.issues import history, issue, next_number
from desk.services.figures.sheets import comparison
from desk.services.incidents import open_events, record_mediation
from tests.board_support import GRIDMAN, LEADER, WANG
from tests.db.test_dispatch_figures import a_day_of_cases
from tests.dispatch_support import accepted_event

DAY = periods.parse_day("2026-11-25")


def a_day_with_a_dispute(ctx, clock):
    st = a_day_of_cases(ctx, clock)
    dispute = accepted_event(ctx, st, "邻里因漏水争吵", kind="dispute", sub_kind="neighbour")
    grid = ctx.as_actor(GRIDMAN)
    record_mediation(grid, dispute, outcome="failed", mediator="赵网格")
    record_mediation(grid, dispute, outcome="resolved", mediator="网格长")
    return st, dispute


def test_a_day_of_cases_is_counted_by_kind_grid_and_department(ctx, clock):
    a_day_with_a_dispute(ctx, clock)
    with ctx.read() as s:
        kinds = efig.by_kind(s, DAY)
        grids = efig.by_grid(s, DAY)
        depts = dfig.department_table(s, DAY)
        returned = dfig.returned_dispatches(s, DAY)
        ladder = dfig.ladder_table(s, DAY)
        escalated = efig.escalated_events(s, DAY)
        raw = s.execute(select(Event.status, Event.grid_id)).all()
    by_kind = {r[0]: r[1] for r in kinds.rows}
    assert by_kind == {"民生诉求": 3, "消防隐患": 1, "治安线索": 1, "矛盾纠纷": 1}
    closed = sum(st in ("closed", "called_back") for st, _ in raw)
    assert kinds.totals[1] == 6 and kinds.totals[3] == closed
    assert sum(grids.values("events")) == 6 and len(grids.rows) == 2
    fire = depts.rows[[r[0] for r in depts.rows].index("消防")]
    assert fire[depts.column("dispatched")] == 2 and fire[depts.column("return_rate")] == 0.5
    assert [(r[2], r[5]) for r in returned.rows] == [("消防", "不属于消防")]
    levels = {r[0]: r for r in ladder.rows}
    assert levels["网格员首接"][5] == 1 and levels["网格长调解"][3] == 1 and ladder.totals[-1] == 0.5
    assert len(escalated.rows) == 1 and "网格长调解" in escalated.rows[0][4]


def test_the_week_is_compared_with_the_week_before_and_last_year(ctx, clock):
    a_day_of_cases(ctx, clock)
    with ctx.read() as s:
        t = comparison(s, periods.parse_week("2026-W48"))
    assert t.totals[1] == 5 and t.totals[2] == 0 and t.totals[3] is None  # no change without a base


def test_sheets_of_an_empty_period_say_so_and_future_periods_are_refused(ctx):
    duty = ctx.as_actor(WANG)
    sheet = build_sheet(duty, "monthly", periods.parse_month("2026-09"))
    assert "无上报事件" in sheet.summary[0] and all(t.empty for t in sheet.tables if t.key != "key_figures")
    with pytest.raises(periods.PeriodError):
        build_sheet(duty, "weekly", periods.parse_week("2026-W50"))
    with pytest.raises(PermissionDenied):
        build_sheet(ctx.as_actor(GRIDMAN), "daily", DAY)


def test_issue_numbers_run_per_year_and_kind_and_each_issue_is_audited(ctx, clock):
    duty = ctx.as_actor(WANG)
    assert next_number(duty, "daily") == 1
    first = issue(duty, "daily", "2026-11-24", "值班日报", "pdf", "a.pdf")
    second = issue(duty, "daily", "2026-11-25", "值班日报", "print")
    weekly = issue(ctx.as_actor(LEADER), "weekly", "2026-W47", "周研判材料", "xlsx", "w.xlsx")
    assert (first.number, second.number, weekly.number) == (1, 2, 1)
    clock.set(datetime(2027, 1, 2, 1, 0, tzinfo=timezone.utc))
    assert issue(duty, "daily", "2027-01-01", "值班日报", "pdf", "b.pdf").number_text == "2027年第1期"
    assert [h.number_text for h in history(duty, "daily")] == ["2027年第1期", "2026年第2期", "2026年第1期"]
    with ctx.read() as s:
        actions = s.scalars(select(AuditRecord.action).where(AuditRecord.action.startswith("data."))).all()
    assert sorted(actions) == ["data.export", "data.export", "data.export", "data.print"]


def test_the_board_counts_come_from_the_figures_layer(ctx, clock):
    a_day_of_cases(ctx, clock)
    rows = open_events(ctx.as_actor(WANG))
    c = board_counts(rows, clock.now())
    assert c.open == len(rows) and sum(n for _, n in c.per_status) == c.open
    assert board_table(c).totals == ("未办结合计", c.open)


def test_urgent_events_are_listed_in_full_with_numbers_in_the_text_masked(ctx, clock):
    st = a_day_of_cases(ctx, clock)
    accepted_event(ctx, st, "燃气泄漏", "住户王先生13912345678称楼道有燃气味", kind="safety_hazard", urgent=True,
                   address="兴钢社区3号楼")
    with ctx.read() as s:
        t = efig.urgent_events(s, DAY)
    assert len(t.rows) == 1
    what = t.rows[0][t.column("what")]
    assert what == "燃气泄漏：住户王先生139****5678称楼道有燃气味（兴钢社区3号楼）"
