"""The dashboard's trends: the last 12 months and the last 30 days, counted with the key figures'
own conditions (desk.services.figures.dashboard.measure), so a point on a chart equals the figure
of that month or day."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desk.services.figures.dashboard import measure
from desk.services.figures.periods import day, local_today, month_of
from desk.services.figures.table import Column, Table


def month_periods(now: datetime, months: int = 12):
    first = local_today(now).replace(day=1)
    out = []
    for _ in range(months):
        out.append(month_of(first))
        first = (first - timedelta(days=1)).replace(day=1)
    return out[::-1]


def monthly_trend(s: Session, now: datetime, months: int = 12) -> Table:
    """Per month: events reported, flow completion and dispatches closed on time (the current month so far)."""
    rows = []
    for p in month_periods(now, months):
        events = measure(s, "events", p)[2]
        rows.append((f"{p.start.year}-{p.start.month:02d}", events, measure(s, "completion", p)[0],
                     measure(s, "on_time", p)[0]))
    return Table(f"近{months}个月趋势", (Column("month", "月份"), Column("events", "上报事件", "int", "件"),
                                       Column("completion", "事件流转办结率", "rate"),
                                       Column("on_time", "派单按时办结率", "rate")),
                 tuple(rows), notes=("本月为截至目前的数据。",), key="trend_months")


def daily_trend(s: Session, now: datetime, days: int = 30) -> Table:
    """Per local day of the last ``days`` days: events reported and how many of them are closed now."""
    today = local_today(now)
    rows = []
    for i in range(days - 1, -1, -1):
        p = day(today - timedelta(days=i))
        value, closed, events = measure(s, "completion", p)
        rows.append((f"{p.start.month}/{p.start.day}", events, int(closed)))
    return Table(f"近{days}日事件", (Column("day", "日期"), Column("events", "上报事件", "int", "件"),
                                     Column("closed", "其中已办结", "int", "件")), tuple(rows), key="trend_days")
