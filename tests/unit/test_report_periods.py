"""The periods a street counts by: typed as people type them, in local time, with clear errors."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from desk.services.figures import periods
from desk.services.figures.periods import PeriodError


def test_a_week_is_monday_to_sunday_and_its_comparisons_are_last_week_and_the_same_week_last_year():
    w = periods.parse_week("2026-W47")
    assert (w.start, w.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert w.previous().code == "2026-W46"
    assert w.a_year_before().code == "2025-W47"
    assert w.label == "2026年第47周（11月16日至11月22日）"


def test_months_quarters_years_and_the_last_complete_month():
    assert periods.parse_month("2026-02").end == date(2026, 2, 28)
    assert periods.parse_month("2026-01").previous().code == "2025-12"
    assert periods.parse_quarter("2026-Q4").start == date(2026, 10, 1)
    assert periods.parse_quarter("2026-Q4").end == date(2026, 12, 31)
    assert periods.parse_year("2026").days == 365
    assert periods.last_complete_month(date(2026, 12, 1)).code == "2026-11"
    assert periods.last_complete_month(date(2026, 1, 15)).code == "2025-12"
    assert periods.parse("range", "2026-11-01..2026-11-10").days == 10


def test_a_day_starts_at_local_midnight():
    start, end = periods.parse_day("2026-11-24").bounds()
    assert start == datetime(2026, 11, 23, 16, 0, tzinfo=timezone.utc)
    assert end == datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("kind,text", [("week", "2026-W54"), ("week", "2025-W53"), ("week", "2026W"),
                                       ("month", "2026-13"), ("month", "2026-1x"), ("day", "2026-02-30"),
                                       ("quarter", "2026-Q5"), ("year", "26"), ("range", "2026-11-10..2026-11-01")])
def test_a_malformed_period_is_refused_with_a_message_saying_how_to_write_it(kind, text):
    with pytest.raises(PeriodError) as exc:
        periods.parse(kind, text)
    assert "格式" in str(exc.value) or "早于" in str(exc.value)


def test_a_period_that_has_not_started_is_refused_but_the_running_one_is_not():
    now = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)
    with pytest.raises(PeriodError, match="尚未开始"):
        periods.check_not_future(periods.parse_month("2026-12"), now)
    periods.check_not_future(periods.parse_month("2026-11"), now)
    periods.check_not_future(periods.parse_day("2026-11-25"), now)
