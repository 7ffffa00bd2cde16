"""Dates as other systems write them: ISO (with or without ``T``, seconds, fractions, a zone),
``2020/1/6 12:09:38``, US ``03/01/2011 02:27:57 PM``, Chinese ``2020年1月6日 12时9分``, compact
``20200106120938``, Excel serial numbers (``43836.5``) and real Excel dates. ``--date-format`` names
the format when detection is not wanted (``%d/%m/%Y %H:%M``: a day-first export).

Times without a zone are the street's local time; the result is UTC.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from desk.clock import LOCAL_TZ
from desk.services.errors import ValidationError

FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%Y.%m.%d %H:%M:%S", "%Y.%m.%d %H:%M", "%Y.%m.%d",
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
    "%Y/%m/%d %I:%M:%S %p", "%Y/%m/%d %I:%M %p", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p",
    "%Y年%m月%d日 %I:%M:%S %p", "%Y年%m月%d日 %I:%M %p",
    "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H:%M:%S", "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日%H时%M分%S秒", "%Y年%m月%d日 %H时%M分%S秒", "%Y年%m月%d日%H时%M分", "%Y年%m月%d日 %H时%M分",
    "%Y年%m月%d日", "%Y%m%d%H%M%S", "%Y%m%d",
)
_YMD = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_WHITESPACE = re.compile(r"\s+")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)
_CN_NOON = {"上午": "AM", "下午": "PM", "早上": "AM", "晚上": "PM", "中午": "PM"}


def check_format(fmt: str | None) -> str | None:
    """``--date-format`` checked once: a format that can write a date and read it back."""
    if not fmt:
        return None
    sample = datetime(2011, 3, 1, 14, 27, 57)
    try:
        back = datetime.strptime(sample.strftime(fmt), fmt)
    except ValueError as exc:
        raise ValidationError(f"--date-format {fmt!r} 不是有效的日期格式 (invalid date format: {exc}); "
                              f"例如 %m/%d/%Y %I:%M:%S %p") from exc
    if back.year != 2011 or back.month != 3 or back.day != 1:
        raise ValidationError(f"--date-format {fmt!r} 缺少年、月或日 (needs %Y, %m and %d); 例如 %Y-%m-%d %H:%M")
    return fmt


class TimeReader:
    """Reads one column's dates; remembers the format that worked last (a file keeps to one)."""

    def __init__(self, fmt: str | None = None):
        self.fmt = check_format(fmt)
        self._last: str | None = None

    def __call__(self, value) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return _utc(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _serial(float(value))
        text = _WHITESPACE.sub(" ", str(value)).strip()
        if not text:
            return None
        if self.fmt:
            try:
                return _utc(datetime.strptime(text, self.fmt))
            except ValueError:
                return None
        return self._detect(text)

    def _detect(self, text: str) -> datetime | None:
        m = _YMD.match(text)  # the common case, without strptime's cost (200,000 rows)
        if m:
            y, _sep, mo, d, h, mi, sec = m.groups()
            try:
                local = datetime(int(y), int(mo), int(d), int(h) if h else 0, int(mi) if mi else 0,
                                 int(sec) if sec else 0, tzinfo=LOCAL_TZ)
            except ValueError:
                return None
            return local.astimezone(timezone.utc)
        if self._last:
            try:
                return _utc(datetime.strptime(text, self._last))
            except ValueError:
                pass
        if _SERIAL.match(text):
            return _serial(float(text))
        for word, ampm in _CN_NOON.items():  # 2020/1/6 下午 2:30
            if word in text:
                return _try_all(re.sub(r"\s*" + word + r"\s*", " ", text).strip() + " " + ampm)
        if "T" in text or "+" in text or text.endswith("Z") or re.search(r"\.\d+$", text):
            iso = _iso(text)
            if iso is not None:
                return iso
        for fmt in FORMATS:
            try:
                found = datetime.strptime(text, fmt)
            except ValueError:
                continue
            self._last = fmt
            return _utc(found)
        return _iso(text)


def _try_all(text: str) -> datetime | None:
    for fmt in FORMATS:
        try:
            return _utc(datetime.strptime(text, fmt))
        except ValueError:
            continue
    return None


def _iso(text: str) -> datetime | None:
    try:
        return _utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None


def _serial(days: float) -> datetime | None:
    if not 20000 < days < 80000:  # 1954 .. 2119: a date, not a count or a year
        return None
    return _utc(_EXCEL_EPOCH + timedelta(days=days))


def _utc(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)).astimezone(timezone.utc)


def parse_time(value, fmt: str | None = None) -> datetime | None:
    """One value read alone (tests, one-off uses); an import keeps one TimeReader per column."""
    return TimeReader(fmt)(value)
