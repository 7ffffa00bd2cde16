"""Meeting routine figures as Tables: the week's rhythm (which meetings were held, are due or were
missed), compliance per community and month, and trainings/patrols/drills counted per community.

A daily meeting is due every day in every community (the community police officer and the secretary
meet: a community-level meeting, not a grid's link-up); a day ends at local midnight, and a daily
meeting not recorded by then is missed. The weekly review is due every ISO week and the monthly
assessment every month, at street level (a community's own weekly review counts for it too).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.clock import LOCAL_TZ
from desk.models import ActionItem, Community, Meeting, RoutineRecord
from desk.services.figures.periods import Period, month_of, week_of
from desk.services.figures.table import Column, Table, rate

STATUS = {"held": "已召开", "missed": "未召开", "due": "待召开", "upcoming": "—"}
MARKS = {"held": "✓", "missed": "✗", "due": "待开", "upcoming": ""}
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def day_status(d: date, held: bool, today: date) -> str:
    if held:
        return "held"
    if d < today:
        return "missed"
    return "due" if d == today else "upcoming"


def period_status(p: Period, held: bool, today: date) -> str:
    if held:
        return "held"
    if p.end < today:
        return "missed"
    return "due" if p.start <= today else "upcoming"


def communities(s: Session) -> list[tuple[int, str]]:
    return [(i, n) for i, n in s.execute(select(Community.id, Community.name).order_by(Community.code))]


def held_daily(s: Session, first: date, last: date) -> set[tuple[int, date]]:
    q = (select(Meeting.community_id, Meeting.day).where(
        Meeting.kind == "daily", Meeting.state == "held", Meeting.grid_id.is_(None),
        Meeting.community_id.is_not(None), Meeting.day >= first, Meeting.day <= last).distinct())
    return {(c, d) for c, d in s.execute(q)}


def held_days(s: Session, kind: str, first: date, last: date, community_id: int | None = None) -> list[date]:
    """Days with a held meeting of ``kind`` at street level, or of the street or the community when given."""
    q = select(Meeting.day).where(Meeting.kind == kind, Meeting.state == "held", Meeting.day >= first,
                                  Meeting.day <= last)
    street = Meeting.community_id.is_(None)
    q = q.where(street if community_id is None else street | (Meeting.community_id == community_id))
    return sorted(set(s.scalars(q)))


@dataclass(frozen=True)
class WeekRhythm:
    week: Period
    today: date
    rows: tuple[tuple[int, str, tuple[str, ...]], ...]   # community id, name, status per day Mon..Sun
    weekly: str                                          # the street's weekly review
    monthly: str                                         # the month of the asked day's assessment
    month: Period

    def missed(self) -> list[tuple[str, date]]:
        return [(name, self.week.start + timedelta(days=i)) for _, name, st in self.rows
                for i, x in enumerate(st) if x == "missed"]

    def due(self) -> list[str]:
        return [name for _, name, st in self.rows for i, x in enumerate(st)
                if x == "due" and self.week.start + timedelta(days=i) == self.today]


def week_rhythm(s: Session, on: date, today: date) -> WeekRhythm:
    week = week_of(on)
    held = held_daily(s, week.start, week.end)
    rows = tuple((cid, name, tuple(day_status(d, (cid, d) in held, today) for d in week.split_days()))
                 for cid, name in communities(s))
    weekly = period_status(week, bool(held_days(s, "weekly", week.start, week.end)), today)
    month = month_of(on)
    monthly = period_status(month, bool(held_days(s, "monthly", month.start, month.end)), today)
    return WeekRhythm(week, today, rows, weekly, monthly, month)


def rhythm_table(r: WeekRhythm) -> Table:
    days = r.week.split_days()
    cols = (Column("community", "社区"),
            *[Column(f"d{i}", f"周{WEEKDAYS[i]} {d.month}/{d.day}") for i, d in enumerate(days)],
            Column("held", "已开", "int", "天"), Column("missed", "未开", "int", "天"))
    rows = tuple((name, *[MARKS[x] for x in st], st.count("held"), st.count("missed")) for _, name, st in r.rows)
    notes = (f"街道周研判：{STATUS[r.weekly]}；{r.month.label}月讲评：{STATUS[r.monthly]}。",
             "✓ 已召开，✗ 未召开（当日结束前未记录即为未召开），待开 今日待召开。")
    return Table(f"日见面会议召开情况 {r.week.label}", cols, rows, notes=notes, key="rhythm",
                 empty_text="尚无社区。")


def due_table(r: WeekRhythm) -> Table:
    """What is due today and what was missed this week: one line each."""
    rows = [("日见面", name, r.today, STATUS["due"]) for name in r.due()]
    rows += [("日见面", name, d, STATUS["missed"]) for name, d in r.missed()]
    if r.weekly in ("due", "missed"):
        rows.append(("周研判", "街道", r.week.start, STATUS[r.weekly]))
    if r.monthly in ("due", "missed"):
        rows.append(("月讲评", "街道", r.month.start, STATUS[r.monthly]))
    return Table(f"应召开和未召开的会议（{r.week.label}）",
                 (Column("kind", "会议"), Column("scope", "范围"), Column("day", "日期", "date"),
                  Column("status", "情况")), tuple(rows), key="due", empty_text="本周会议均已按时召开。")


def compliance(s: Session, month: Period, today: date) -> Table:
    """Per community in ``month``: the share of daily meetings held (days ended so far), of weekly reviews
    held (weeks begun in the month and ended, or held), and of items due in the month done on time."""
    first, last = month.start, month.end
    counted_days = [d for d in month.split_days() if d < today]
    held = held_daily(s, first, last)
    weeks = [week_of(d) for d in month.split_days() if d.weekday() == 0]
    items = s.execute(select(ActionItem.community_id, ActionItem.state, ActionItem.due_on, ActionItem.done_at)
                      .where(ActionItem.due_on >= first, ActionItem.due_on <= last,
                             ActionItem.state != "cancelled")).all()
    weekly_all = held_days(s, "weekly", weeks[0].start, weeks[-1].end)  # the street's own
    rows, tot = [], [0] * 6
    for cid, name in communities(s):
        held_today = (cid, today) in held and first <= today <= last  # today counts once it is held
        days_due = len(counted_days) + held_today
        days_held = sum(1 for d in counted_days if (cid, d) in held) + held_today
        own = held_days(s, "weekly", weeks[0].start, weeks[-1].end, community_id=cid)
        got = set(own) | set(weekly_all)
        wk_held = sum(1 for w in weeks if any(w.start <= d <= w.end for d in got))
        wk_due = sum(1 for w in weeks if w.end < today or any(w.start <= d <= w.end for d in got))
        mine = [x for x in items if x.community_id == cid and (x.due_on < today or x.state == "done")]
        on_time = sum(1 for x in mine if x.state == "done" and x.done_at is not None
                      and x.done_at.astimezone(LOCAL_TZ).date() <= x.due_on)
        vals = (days_due, days_held, wk_due, wk_held, len(mine), on_time)
        tot = [a + b for a, b in zip(tot, vals)]
        rows.append((name, days_due, days_held, rate(days_held, days_due), wk_due, wk_held, rate(wk_held, wk_due),
                     len(mine), on_time, rate(on_time, len(mine))))
    totals = ("合计", tot[0], tot[1], rate(tot[1], tot[0]), tot[2], tot[3], rate(tot[3], tot[2]), tot[4], tot[5],
              rate(tot[5], tot[4])) if rows else None
    street_items = [x for x in items if x.community_id is None and (x.due_on < today or x.state == "done")]
    notes = ("日见面以社区（民警与书记）会议计，当日结束前未记录即为未召开；街道周研判计入每个社区。",
             f"街道层面督办事项 {len(street_items)} 件未计入各社区。")
    cols = (Column("community", "社区"), Column("daily_due", "应开日见面", "int", "天"),
            Column("daily_held", "已开日见面", "int", "天"), Column("daily_rate", "日见面召开率", "rate"),
            Column("weekly_due", "应开周研判", "int", "次"), Column("weekly_held", "已开周研判", "int", "次"),
            Column("weekly_rate", "周研判召开率", "rate"), Column("items_due", "到期督办事项", "int", "件"),
            Column("items_on_time", "按期完成", "int", "件"), Column("items_rate", "按期完成率", "rate"))
    return Table(f"会商研判落实情况 {month.label}", cols, tuple(rows), totals, notes, key="meeting_compliance")


def routine_counts(s: Session, period: Period) -> Table:
    """Trainings, skill tests, joint patrols and drills per community in ``period`` (seed 000 reports them
    per quarter); street-level ones on their own line."""
    q = (select(RoutineRecord.community_id, RoutineRecord.kind, func.count())
         .where(RoutineRecord.day >= period.start, RoutineRecord.day <= period.end)
         .group_by(RoutineRecord.community_id, RoutineRecord.kind))
    counts: dict = {}
    for cid, kind, n in s.execute(q):
        counts.setdefault(cid, {})[kind] = int(n)
    kinds = ("training", "skill_test", "patrol", "drill")
    rows = [(name, *[counts.get(cid, {}).get(k, 0) for k in kinds]) for cid, name in communities(s)]
    if None in counts:
        rows.append(("街道", *[counts[None].get(k, 0) for k in kinds]))
    totals = ("合计", *[sum(r[i + 1] for r in rows) for i in range(4)]) if rows else None
    cols = (Column("community", "社区"), Column("training", "业务培训", "int", "次"),
            Column("skill_test", "能力测试", "int", "次"), Column("patrol", "联合巡逻", "int", "次"),
            Column("drill", "应急演练", "int", "次"))
    return Table(f"培训、测试、巡逻和演练 {period.label}", cols, tuple(rows), totals, key="routine_counts")


def open_items(s: Session, today: date, limit: int = 40) -> Table:
    """Unfinished action items, overdue first, then by due date (the weekly sheet lists them)."""
    q = (select(ActionItem.id, ActionItem.title, ActionItem.owner_name, ActionItem.due_on, ActionItem.carried)
         .where(ActionItem.state.in_(("open", "in_progress"))).order_by(ActionItem.due_on, ActionItem.id))
    found = s.execute(q.limit(limit + 1)).all()
    total = s.scalar(select(func.count()).select_from(ActionItem)
                     .where(ActionItem.state.in_(("open", "in_progress")))) or 0
    rows = tuple((i, t, o, d, "已逾期" if d < today else "未到期", c) for i, t, o, d, c in found[:limit])
    notes = (f"共 {total} 项，仅列期限最早的 {limit} 项。",) if total > limit else ()
    return Table("未完成的督办事项", (Column("id", "编号", "int"), Column("title", "督办事项"),
                                      Column("owner", "责任人/部门"), Column("due_on", "完成期限", "date"),
                                      Column("state", "情况"), Column("carried", "结转次数", "int", "次")),
                 rows, notes=notes, key="open_items", empty_text="无未完成的督办事项。")
