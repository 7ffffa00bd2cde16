"""The dashboard's trends: the last 12 months and the last 30 days, counted with the key figures'
own sums (desk.services.figures.dashboard.sums), so a point on a chart equals the figure of that month
or day. One query per source covers every bucket (a sum per bucket over one range scan)."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desk.models import Dispatch, Event
from desk.services.figures.dashboard import parts, period_condition
from desk.services.figures.periods import Period, day, local_today, month_of
from desk.services.figures.table import Column, Table, rate

_COL = {"event": Event.reported_at, "dispatch": Dispatch.dispatched_at}
_TABLE = {"event": Event.__table__, "dispatch": Dispatch.__table__}


def month_periods(now: datetime, months: int = 12) -> list[Period]:
    first = local_today(now).replace(day=1)
    out = []
    for _ in range(months):
        out.append(month_of(first))
        first = (first - timedelta(days=1)).replace(day=1)
    return out[::-1]


def bucket_figure(s: Session, source: str, key: str, buckets: list[Period]) -> list[tuple[int, int]]:
    """(numerator, denominator) of one figure in each bucket, from a single scan of the whole span
    grouped by the bucket each row falls in."""
    extra, num = parts(key)
    at = _COL[source]
    which = case(*[(at < p.bounds()[1], i) for i, p in enumerate(buckets)], else_=len(buckets))
    den = func.count() if extra is None else func.coalesce(func.sum(case((extra, 1), else_=0)), 0)
    hit = (func.coalesce(func.sum(case((and_(extra, num) if extra is not None else num, 1), else_=0)), 0)
           if num is not None else den)
    start, end = buckets[0].bounds()[0], buckets[-1].bounds()[1]
    found = {int(b): (int(n or 0), int(d or 0)) for b, d, n in s.execute(
        select(which.label("bucket"), den, hit).select_from(_TABLE[source])
        .where(period_condition(source, start, end)).group_by("bucket"))}
    return [found.get(i, (0, 0)) for i in range(len(buckets))]


# Completed months change little (an old event closed late): their points are kept for a few minutes
# per database, so a live refresh counts only the month that is running.
KEEP_SECONDS = 600
_KEPT: dict[tuple, tuple[float, tuple[int, int]]] = {}


def _kept_buckets(s: Session, source: str, key: str, ps: list[Period], today) -> list[tuple[int, int]]:
    url = str(s.get_bind().url)
    now = time.monotonic()
    out: dict[int, tuple[int, int]] = {}
    for i, p in enumerate(ps):
        hit = _KEPT.get((url, source, key, p.code))
        if p.end < today and hit is not None and now - hit[0] < KEEP_SECONDS:
            out[i] = hit[1]
    missing = [i for i in range(len(ps)) if i not in out]
    if missing:
        first, last = missing[0], missing[-1]
        for i, v in zip(range(first, last + 1), bucket_figure(s, source, key, ps[first:last + 1])):
            out[i] = v
            if ps[i].end < today:
                _KEPT[(url, source, key, ps[i].code)] = (now, v)
    return [out[i] for i in range(len(ps))]


# A month that began fewer than this many days ago has no rates on the trend: its events have not had
# the time to be closed, and two events none closed yet would draw a collapse to 0 %.
RATE_AFTER_DAYS = 7
SO_FAR, WHOLE = "本月至今", "整月"


def monthly_trend(s: Session, now: datetime, months: int = 12) -> Table:
    """Per month: events reported, flow completion and dispatches closed on time. The running month is
    marked 本月至今 and has its rates only from its 8th day on; a month without events or dispatches has
    no rate (a gap on the chart, never 0 %)."""
    ps = month_periods(now, months)
    today = local_today(now)
    done = _kept_buckets(s, "event", "completion", ps, today)
    on_time = _kept_buckets(s, "dispatch", "on_time", ps, today)
    young = (today - ps[-1].start).days < RATE_AFTER_DAYS  # the 1st to the 7th
    rows = []
    for i, (p, (n, d), (n2, d2)) in enumerate(zip(ps, done, on_time)):
        running = i == len(ps) - 1
        rates = (None, None) if running and young else (rate(n, d), rate(n2, d2))
        rows.append((f"{p.start.year}-{p.start.month:02d}", d, *rates, SO_FAR if running else WHOLE))
    return Table(f"近{months}个月趋势", (Column("month", "月份"), Column("events", "上报事件", "int", "件"),
                                       Column("completion", "事件流转办结率", "rate"),
                                       Column("on_time", "派单按时办结率", "rate"), Column("span", "统计范围")),
                 tuple(rows), notes=("本月为截至目前的数据（本月至今）；本月前7天不计办结率，刚上报的事件尚未到办结时限。",
                              "没有事件或派单的月份不计比率。"), key="trend_months")


def daily_trend(s: Session, now: datetime, days: int = 30) -> Table:
    """Per local day of the last ``days`` days: events reported and how many of them are closed now."""
    today = local_today(now)
    ps = [day(today - timedelta(days=i)) for i in range(days - 1, -1, -1)]
    rows = tuple((f"{p.start.month}/{p.start.day}", d, n) for p, (n, d) in zip(ps, bucket_figure(s, "event",
                                                                                                 "completion", ps)))
    return Table(f"近{days}日事件", (Column("day", "日期"), Column("events", "上报事件", "int", "件"),
                                     Column("closed", "其中已办结", "int", "件")), rows, key="trend_days")
