"""The leaders' key figures (DOMAIN.md, "The figures the street is judged by") for a period, against
their targets and the previous period, and the list behind each one (drill-down).

Each figure is a ratio (or a mean) over rows chosen by SQL conditions; the figure counts them and the
drill-down lists them with the *same* conditions, so the list a leader opens always adds up to the
figure on the wall. Definitions are those of the monthly sheet (desk.services.figures.sheets) and the
dispatch figures (desk.services.dispatch.figures): the same figure prints the same value everywhere.

Registration and visit coverage belong to the registry: it adds them through ``EXTRA_FIGURES``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Grid, Mediation
from desk.services.dispatch.figures import _hours
from desk.services.figures.events import CLOSED, COUNTED, UNPLACED
from desk.services.figures.periods import (Period, day, last_complete_month, local_today, month_of, week_of)
from desk.services.figures.table import Column, Table, mask_text
from desk.services.incidents import codes

NO_DATA = "本期无数据"
CHOICES = {"today": "今日", "week": "本周", "month": "本月", "last_month": "上月", "30days": "近30日"}


@dataclass(frozen=True)
class FigureDef:
    key: str
    title: str
    kind: str            # rate (0..1), minutes, int
    target: float | None
    target_text: str
    better: str          # up or down: which way is good
    source: str          # event, dispatch, mediation: what the drill-down lists
    note: str = ""


DEFS: tuple[FigureDef, ...] = (
    FigureDef("events", "上报事件", "int", None, "—", "none", "event", "本期上报的事件（不含合并、撤销）"),
    FigureDef("completion", "事件流转办结率", "rate", 1.0, "100%", "up", "event",
              "本期上报的事件中已办结的比例"),
    FigureDef("handling", "群众求助平均处理时长", "minutes", 40.0, "40分钟", "down", "event",
              "本期上报的民生诉求，从上报到处置反馈的平均分钟数"),
    FigureDef("on_time", "派单按时办结率", "rate", 1.0, "100%", "up", "dispatch",
              "本期派出的交办单（不计退单）中按时限办结的比例"),
    FigureDef("diversion", "非警务类诉求分流率", "rate", 0.75, "75%", "up", "event",
              "本期非警务事件中未交公安、分流到其他部门或网格的比例"),
    FigureDef("in_grid", "网格内化解率", "rate", 0.90, "90%以上", "up", "event",
              "本期已办结事件中未派单、在网格内办结的比例"),
    FigureDef("mediation", "矛盾纠纷调解成功率", "rate", 1.0, "100%", "up", "mediation",
              "本期调解次数中调解成功的比例"),
)
BY_KEY = {d.key: d for d in DEFS}

# Figures other areas add (the registry: registration and visit coverage): key -> (FigureDef, fn(session,
# period) -> (numerator, denominator)). Shown after the built-in figures when present.
EXTRA_FIGURES: dict[str, tuple[FigureDef, Callable[[Session, Period], tuple[int, int]]]] = {}
# Their drill-downs: key -> fn(session, period, limit) -> (table, ids counted, ids in the numerator), the
# same contract as ``drill_figure``.
EXTRA_DRILLS: dict[str, Callable[[Session, Period, int], tuple[Table, tuple[int, ...], tuple[int, ...]]]] = {}


def all_defs() -> tuple[FigureDef, ...]:
    """The built-in figures, then those other areas added (in the order they were added)."""
    return (*DEFS, *(d for d, _ in EXTRA_FIGURES.values()))


def known(key: str) -> bool:
    return key in BY_KEY or key in EXTRA_FIGURES


@dataclass(frozen=True)
class KeyFigure:
    key: str
    title: str
    kind: str
    value: float | None        # None: no data in the period
    numerator: float
    denominator: int
    previous: float | None
    target: float | None
    target_text: str
    better: str
    note: str = ""
    source: str = "event"      # what the drill-down lists: event, dispatch, mediation, household, person

    @property
    def empty(self) -> bool:
        return self.value is None

    @property
    def change(self) -> float | None:
        """Against the previous period: percentage points for rates, the difference otherwise."""
        if self.value is None or self.previous is None:
            return None
        return round(self.value - self.previous, 4)

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target if self.better == "up" else self.value <= self.target

    @property
    def text(self) -> str:
        return value_text(self.kind, self.value)


def value_text(kind: str, value: float | None) -> str:
    if value is None:
        return NO_DATA
    if kind == "rate":
        return f"{value:.1%}"
    if kind == "minutes":
        return f"{value:.0f}分钟" if value < 120 else f"{value / 60:.1f}小时"
    return f"{int(value)}"


def change_text(f: KeyFigure) -> str:
    c = f.change
    if c is None:
        return "—"
    if c == 0:
        return "持平"
    arrow = "↑" if c > 0 else "↓"
    if f.kind == "rate":
        return f"{arrow}{abs(c) * 100:.1f}个百分点"
    if f.kind == "minutes":
        return f"{arrow}{abs(c):.0f}分钟" if abs(c) < 120 else f"{arrow}{abs(c) / 60:.1f}小时"
    return f"{arrow}{abs(int(c))}"


# --- the conditions: one place for the figure and its drill-down ---
# A figure is (source, extra, numerator): the rows of its source in the period (``period_condition``),
# narrowed by ``extra`` to its denominator, and ``numerator`` among those. One query per source sums
# every figure of that source at once (``measure_all``); the drill-down lists the same rows.

def _police_dept():
    return select(Department.id).where(Department.short_name == "公安").scalar_subquery()


def period_condition(source: str, start: datetime, end: datetime):
    if source == "event":
        return and_(Event.reported_at >= start, Event.reported_at < end, COUNTED)
    if source == "dispatch":
        return and_(Dispatch.dispatched_at >= start, Dispatch.dispatched_at < end)
    return and_(Mediation.at >= start, Mediation.at < end)


def parts(key: str):
    """(extra denominator condition or None, numerator condition or None) of a built-in figure."""
    return {
        "events": (None, None),
        "completion": (None, CLOSED),
        "handling": (and_(Event.kind == "request", Event.feedback_at.is_not(None)), None),
        "diversion": (Event.police.is_(False), or_(Event.department_id.is_(None), Event.department_id != _police_dept())),
        "in_grid": (CLOSED, Event.department_id.is_(None)),
        "on_time": (Dispatch.returned_at.is_(None),
                    and_(Dispatch.closed_at.is_not(None), Dispatch.last_feedback_at <= Dispatch.deadline_at)),
        "mediation": (None, Mediation.outcome == "resolved"),
    }[key]


def conditions(key: str, period: Period):
    """(denominator condition, numerator condition) of a figure; None numerator: a count or a mean."""
    start, end = period.bounds()
    extra, num = parts(key)
    base = period_condition(BY_KEY[key].source, start, end)
    return (and_(base, extra) if extra is not None else base), num


def _sum(cond):
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def sums(s: Session, source: str, key: str):
    """The SQL sums of one figure: (denominator, numerator) expressions over its source's rows."""
    extra, num = parts(key)
    den = _sum(extra) if extra is not None else func.count()
    if key == "handling":
        return den, func.coalesce(func.sum(case((extra, _hours(s, Event.feedback_at, Event.reported_at)),
                                                else_=0.0)), 0.0)
    if num is None:
        return den, den
    return den, _sum(and_(extra, num) if extra is not None else num)


def _value(key: str, n: float, d: int) -> float | None:
    if not d:
        return None
    if key == "events":
        return float(d)
    if key == "handling":
        return round(n * 60 / d, 1)
    return round(n / d, 4)


def measure_all(s: Session, period: Period, keys: tuple[str, ...] | None = None) -> dict[str, tuple]:
    """{key: (value, numerator, denominator)} of the built-in figures, one query per source."""
    keys = keys or tuple(BY_KEY)
    start, end = period.bounds()
    out = {}
    for source in ("event", "dispatch", "mediation"):
        mine = [k for k in keys if BY_KEY[k].source == source]
        if not mine:
            continue
        cols = [c for k in mine for c in sums(s, source, k)]
        row = s.execute(select(*cols).select_from({"event": Event, "dispatch": Dispatch,
                                                    "mediation": Mediation}[source].__table__)
                        .where(period_condition(source, start, end))).one()
        for i, k in enumerate(mine):
            d, n = int(row[2 * i] or 0), float(row[2 * i + 1] or 0)
            n = round(n * 60, 1) if k == "handling" else int(n)
            out[k] = (_value(k, n / 60 if k == "handling" else n, d), n, d)
    return out


def measure(s: Session, key: str, period: Period) -> tuple[float | None, float, int]:
    """(value, numerator, denominator) of one figure for one period (handling: numerator in minutes)."""
    if key in EXTRA_FIGURES:
        n, d = EXTRA_FIGURES[key][1](s, period)
        return (round(n / d, 4) if d else None), n, d
    return measure_all(s, period, (key,))[key]


def comparable_previous(period: Period, now: datetime) -> Period:
    """The period before; while ``period`` is still running, only as many days of it as have passed,
    so that a Wednesday is not compared with a whole week."""
    prev = period.previous()
    today = local_today(now)
    if period.start <= today <= period.end:
        elapsed = (today - period.start).days
        return Period("range", prev.start, min(prev.end, prev.start + timedelta(days=elapsed)))
    return prev


def key_figures(s: Session, period: Period, now: datetime) -> tuple[KeyFigure, ...]:
    prev = comparable_previous(period, now)
    out = []
    defs = all_defs()
    now_all, prev_all = measure_all(s, period), measure_all(s, prev)
    for d in defs:
        value, n, den = now_all[d.key] if d.key in now_all else measure(s, d.key, period)
        before = (prev_all[d.key] if d.key in prev_all else measure(s, d.key, prev))[0]
        out.append(KeyFigure(d.key, d.title, d.kind, value, n, den, before, d.target, d.target_text, d.better, d.note,
                             d.source))
    return tuple(out)


def key_table(figures: tuple[KeyFigure, ...], period: Period, previous: Period) -> Table:
    """The key figures as one Table (the CLI, the exports)."""
    rows = tuple((f.title, f.text, value_text(f.kind, f.previous), change_text(f), f.target_text,
                  {True: "达标", False: "未达标", None: "—"}[f.met], None if f.kind == "minutes" else int(f.numerator),
                  f.denominator) for f in figures)
    return Table(f"关键指标（{period.label}）",
                 (Column("figure", "指标"), Column("value", "本期"), Column("previous", "上期"), Column("change", "变化"),
                  Column("target", "目标"), Column("met", "达标情况"), Column("numerator", "计入", "int"),
                  Column("denominator", "基数", "int")),
                 rows, notes=(f"上期：{previous.label}。未办结的时期与上期相同天数比较。",
                              "计入/基数：比率的分子与分母，即点开指标所列清单的条数；平均时长的基数为计入平均的事件数。",
                              *(() if any(f.key in EXTRA_FIGURES for f in figures) else
                                ("基础信息采集登记率、走访覆盖率在基础信息模块启用后列出。",))), key="dashboard_key")


# --- periods ---

def resolve_period(choice: str, now: datetime) -> Period:
    today = local_today(now)
    if choice == "today":
        return day(today)
    if choice == "week":
        return week_of(today)
    if choice == "month":
        return month_of(today)
    if choice == "last_month":
        return last_complete_month(today)
    if choice == "30days":
        return Period("range", today - timedelta(days=29), today)
    raise KeyError(choice)


def default_choice(s: Session, now: datetime) -> str:
    """This month, unless it is the 1st or nothing has been reported yet: then the last complete
    month, or the last 30 days when that is empty too. The wall never opens on an empty screen."""
    today = local_today(now)
    for choice in (("month",) if today.day > 1 else ()) + ("last_month", "30days"):
        if measure(s, "events", resolve_period(choice, now))[2]:
            return choice
    return "month" if today.day > 1 else "last_month"


# --- drill-down: the rows behind a figure ---

def _mark(v) -> str:
    return "是" if v else "否"


def drill_figure(s: Session, key: str, period: Period, limit: int = 5000) -> tuple[Table, tuple[int, ...], tuple[int, ...]]:
    """The rows behind a key figure: (table, ids counted, ids in the numerator). ``ids counted`` has as
    many entries as the figure's denominator, ``ids in the numerator`` as its numerator."""
    if key in EXTRA_DRILLS:
        return EXTRA_DRILLS[key](s, period, limit)
    d = BY_KEY[key]
    den, num = conditions(key, period)
    flag = num if num is not None else None
    if d.source == "event":
        cols = [Event.id, Event.reported_at, Event.kind, Event.sub_kind, Grid.name, Event.title, Event.status]
        q = select(*cols, *([flag] if flag is not None else [])).outerjoin(Grid, Event.grid_id == Grid.id).where(den)
        found = s.execute(q.order_by(Event.reported_at, Event.id)).all()
        rows = tuple((r[0], r[1], codes.kind_name(r[2], r[3]), r[4] or UNPLACED, mask_text(r[5]),
                      codes.status_name(r[6]), *([_mark(r[7])] if flag is not None else ())) for r in found)
        columns = [Column("id", "事件编号", "int"), Column("reported_at", "上报时间", "datetime"), Column("kind", "类别"),
                   Column("grid", "网格"), Column("title", "事项"), Column("status", "当前状态")]
    elif d.source == "dispatch":
        q = (select(Dispatch.id, Dispatch.event_id, Dispatch.dispatched_at, Department.short_name, Grid.name, Event.title,
                    Dispatch.state, flag).join(Event, Dispatch.event_id == Event.id)
             .join(Department, Dispatch.department_id == Department.id).outerjoin(Grid, Dispatch.grid_id == Grid.id)
             .where(den))
        found = s.execute(q.order_by(Dispatch.dispatched_at, Dispatch.id)).all()
        from desk.services.dispatch import codes as dcodes
        rows = tuple((r[0], r[1], r[2], r[3], r[4] or UNPLACED, mask_text(r[5]), dcodes.state_name(r[6]), _mark(r[7]))
                     for r in found)
        columns = [Column("id", "交办单号", "int"), Column("event", "事件编号", "int"),
                   Column("dispatched_at", "派单时间", "datetime"), Column("department", "承办部门"),
                   Column("grid", "网格"), Column("title", "事项"), Column("state", "状态")]
    else:
        q = (select(Mediation.id, Mediation.event_id, Mediation.at, Mediation.level, Grid.name, Event.title,
                    Mediation.outcome, flag).join(Event, Mediation.event_id == Event.id)
             .outerjoin(Grid, Event.grid_id == Grid.id).where(den))
        found = s.execute(q.order_by(Mediation.at, Mediation.id)).all()
        rows = tuple((r[1], r[2], codes.LADDER.get(r[3], ""), r[4] or UNPLACED, mask_text(r[5]),
                      codes.OUTCOMES.get(r[6], r[6]), _mark(r[7])) for r in found)
        columns = [Column("event", "事件编号", "int"), Column("at", "调解时间", "datetime"), Column("level", "层级"),
                   Column("grid", "网格"), Column("title", "事项"), Column("outcome", "结果")]
    if flag is not None:
        columns.append(Column("counted", {"completion": "已办结", "diversion": "已分流", "in_grid": "网格内办结",
                                          "on_time": "按时办结", "mediation": "调解成功"}[key]))
    ids = tuple(r[0] for r in found)
    num_ids = tuple(r[0] for r in found if flag is not None and r[-1]) if flag is not None else ids
    notes = (f"共 {len(rows)} 条，仅列前 {limit} 条。",) if len(rows) > limit else ()
    return (Table(f"{d.title}：{period.label}", tuple(columns), rows[:limit], notes=notes, key=f"drill_{key}",
                  empty_text=NO_DATA + "。"), ids, num_ids)
