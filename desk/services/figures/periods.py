"""The periods a street counts by, in local time (Asia/Shanghai), in one place.

A period is whole local days, ``start`` to ``end`` inclusive: a day, an ISO week (2026-W47), a month
(2026-10), a quarter (2026-Q4), a year (2026), a custom range, or "the last complete month".
Text that is not a period raises ``PeriodError`` (the CLI exits 2 on it), and so does a period that
starts in the future: there is nothing to count yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from desk.clock import LOCAL_TZ
from desk.services.errors import ValidationError

KINDS = ("day", "week", "month", "quarter", "year", "range")


class PeriodError(ValidationError):
    """A period that is malformed, reversed or in the future."""


@dataclass(frozen=True)
class Period:
    kind: str
    start: date          # first local day
    end: date            # last local day, inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def code(self) -> str:
        """The period as typed on the command line: 2026-11-24, 2026-W47, 2026-10, 2026-Q4, 2026."""
        if self.kind == "day":
            return self.start.isoformat()
        if self.kind == "week":
            y, w, _ = self.start.isocalendar()
            return f"{y}-W{w:02d}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The period as printed on a sheet: 2026年11月24日, 2026年第47周（11月16日—11月22日）, ..."""
        s, e = self.start, self.end
        if self.kind == "day":
            return cn_date(s)
        if self.kind == "week":
            y, w, _ = s.isocalendar()
            return f"{y}年第{w}周（{s.month}月{s.day}日至{e.month}月{e.day}日）"
        if self.kind == "month":
            return f"{s.year}年{s.month}月"
        if self.kind == "quarter":
            return f"{s.year}年第{(s.month - 1) // 3 + 1}季度"
        if self.kind == "year":
            return f"{s.year}年"
        return f"{cn_date(s)}至{cn_date(e)}"

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as UTC instants: local midnight of the first day to local midnight after the last."""
        return local_midnight(self.start), local_midnight(self.end + timedelta(days=1))

    def previous(self) -> "Period":
        """The period just before, of the same kind (last week, last month, ...)."""
        if self.kind == "day":
            return day(self.start - timedelta(days=1))
        if self.kind == "week":
            return week_of(self.start - timedelta(days=7))
        if self.kind == "month":
            return month_of(self.start - timedelta(days=1))
        if self.kind == "quarter":
            return quarter_of(self.start - timedelta(days=1))
        if self.kind == "year":
            return year_of(self.start.year - 1)
        return Period("range", self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def a_year_before(self) -> "Period":
        """The same period last year: the same ISO week number, month, quarter or dates."""
        if self.kind == "week":
            y, w, _ = self.start.isocalendar()
            try:
                return week_of(date.fromisocalendar(y - 1, w, 1))
            except ValueError:  # week 53 in a year with 52
                return week_of(date.fromisocalendar(y - 1, 52, 1))
        if self.kind in ("month", "quarter", "year"):
            start = _same_day_last_year(self.start)
            return {"month": month_of, "quarter": quarter_of, "year": lambda d: year_of(d.year)}[self.kind](start)
        return Period(self.kind, _same_day_last_year(self.start), _same_day_last_year(self.end))

    def split_days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def local_midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), LOCAL_TZ).astimezone(timezone.utc)


def local_today(now: datetime) -> date:
    return now.astimezone(LOCAL_TZ).date()


def _same_day_last_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def day(d: date) -> Period:
    return Period("day", d, d)


def week_of(d: date) -> Period:
    monday = d - timedelta(days=d.weekday())
    return Period("week", monday, monday + timedelta(days=6))


def month_of(d: date) -> Period:
    first = d.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return Period("month", first, nxt - timedelta(days=1))


def quarter_of(d: date) -> Period:
    q = (d.month - 1) // 3
    first = date(d.year, 3 * q + 1, 1)
    last = month_of(date(d.year, 3 * q + 3, 1)).end
    return Period("quarter", first, last)


def year_of(y: int) -> Period:
    return Period("year", date(y, 1, 1), date(y, 12, 31))


def last_complete_month(today: date) -> Period:
    return month_of(today.replace(day=1) - timedelta(days=1))


_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str) -> Period:
    t = (text or "").strip()
    try:
        if not _DAY.match(t):
            raise ValueError
        return day(date.fromisoformat(t))
    except ValueError:
        raise PeriodError(f"日期格式应为 YYYY-MM-DD，如 2026-11-24: {text!r} (bad date)") from None


def parse_week(text: str) -> Period:
    m = _WEEK.match((text or "").strip())
    try:
        if not m:
            raise ValueError
        return week_of(date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1))
    except ValueError:
        raise PeriodError(f"周的格式应为 YYYY-Www（ISO 周），如 2026-W47: {text!r} (bad ISO week)") from None


def parse_month(text: str) -> Period:
    m = _MONTH.match((text or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
        raise PeriodError(f"月份格式应为 YYYY-MM，如 2026-10: {text!r} (bad month)")
    return month_of(date(int(m.group(1)), int(m.group(2)), 1))


def parse_quarter(text: str) -> Period:
    m = _QUARTER.match((text or "").strip())
    if not m or int(m.group(1)) < 1:
        raise PeriodError(f"季度格式应为 YYYY-Qn，如 2026-Q4: {text!r} (bad quarter)")
    return quarter_of(date(int(m.group(1)), 3 * int(m.group(2)), 1))


def parse_year(text: str) -> Period:
    m = _YEAR.match((text or "").strip())
    if not m or int(m.group(1)) < 1:
        raise PeriodError(f"年份格式应为 YYYY，如 2026: {text!r} (bad year)")
    return year_of(int(m.group(1)))


def parse_range(first: str, last: str) -> Period:
    a, b = parse_day(first).start, parse_day(last).start
    if b < a:
        raise PeriodError(f"结束日期 {b} 早于开始日期 {a} (the range ends before it starts)")
    return Period("range", a, b)


PARSERS = {"day": parse_day, "week": parse_week, "month": parse_month, "quarter": parse_quarter, "year": parse_year}


def parse(kind: str, text: str) -> Period:
    """A period of ``kind`` from its text; "range" takes 'FROM..TO'."""
    if kind == "range":
        first, sep, last = (text or "").partition("..")
        if not sep:
            raise PeriodError(f"日期范围格式应为 YYYY-MM-DD..YYYY-MM-DD: {text!r} (bad range)")
        return parse_range(first, last)
    if kind not in PARSERS:
        raise PeriodError(f"未知的时期类型 {kind!r} (unknown period kind)")
    return PARSERS[kind](text)


def check_not_future(period: Period, now: datetime) -> None:
    """A period that has not started yet has nothing to count: a clear error, not an empty sheet."""
    today = local_today(now)
    if period.start > today:
        raise PeriodError(f"{period.label}尚未开始，无法统计 (the period {period.code} is in the future)")


def elapsed_end(period: Period, now: datetime) -> datetime:
    """Where counting stops: the period's end, or now for the period that is still running."""
    return min(period.bounds()[1], now)
