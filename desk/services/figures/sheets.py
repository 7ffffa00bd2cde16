"""The contents of the briefing sheets, compiled from what is already recorded (never typed again):
the daily duty report (值班日报), the weekly review pack (周研判材料) and the monthly assessment report
(月讲评通报). Each is a plain ``Sheet`` of sections; desk.reports renders it as PDF or .xlsx.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import Dispatch, Street
from desk.services.dispatch.figures import compute
from desk.services.figures import dispatch as dfig
from desk.services.figures import events as efig
from desk.services.figures import meetings as mfig
from desk.services.figures import registry as rfig
from desk.services.figures.periods import Period, local_today
from desk.services.incidents import codes
from desk.services.figures.table import Chart, Column, Section, Sheet, Table, rate

TITLES = {"daily": "值班日报", "weekly": "周研判材料", "monthly": "月讲评通报", "event": "事件处置单",
          "dispatch": "交办单"}


def street_name(s: Session) -> str:
    names = s.scalars(select(Street.name).order_by(Street.id)).all()
    return names[0] if len(names) == 1 else (names[0] if names else "")


def _dispatch_counts(s: Session, period: Period) -> tuple[int, int]:
    start, end = period.bounds()
    sent = s.scalar(select(func.count()).select_from(Dispatch)
                    .where(Dispatch.dispatched_at >= start, Dispatch.dispatched_at < end)) or 0
    returned = s.scalar(select(func.count()).select_from(Dispatch)
                        .where(Dispatch.returned_at >= start, Dispatch.returned_at < end)) or 0
    return int(sent), int(returned)


def _kind_chart(t: Table, title: str) -> Chart | None:
    if t.empty:
        return None
    return Chart(title, tuple(r[0] for r in t.rows), (("事件数", tuple(float(r[1]) for r in t.rows)),), "件")


def _section(heading: str, *tables: Table, paragraphs: tuple[str, ...] = (),
             charts: tuple[Chart | None, ...] = ()) -> Section:
    return Section(heading, paragraphs, tables, tuple(c for c in charts if c is not None))


def daily(s: Session, period: Period, now: datetime) -> Sheet:
    kinds = efig.by_kind(s, period, "事件分类")
    grids = efig.by_grid(s, period, "各网格事件")
    urgent = efig.urgent_events(s, period)
    overdue = efig.overdue_events(s, now, limit=50)  # the longest overdue; the summary gives them all
    escalated = efig.escalated_events(s, period)
    returned = dfig.returned_dispatches(s, period)
    due = dfig.due_next(s, now, limit=50)
    total = sum(kinds.values("events"))
    closed = sum(kinds.values("closed"))
    sent, back = _dispatch_counts(s, period)
    summary = (f"{period.label}，全街道共上报事件 {total} 件，其中紧急 {len(urgent.rows)} 件，"
               f"已办结 {closed} 件；派单 {sent} 件，退单 {back} 件；矛盾纠纷逐级上升 {len(escalated.rows)} 件；"
               f"截至制表时超时未办结 {efig.overdue_count(overdue)} 件。",) if total or sent else (
        f"{period.label}无上报事件，亦无派单。",)
    sections = (
        _section("一、事件总体情况", kinds, grids, charts=(_kind_chart(kinds, "事件分类（件）"),)),
        _section("二、紧急事件", urgent),
        _section("三、超时与逐级上升", overdue, escalated),
        _section("四、退单情况", returned),
        _section("五、近期到期事项", due),
    )
    return Sheet("daily", TITLES["daily"], street_name(s), period.label, sections, summary, period.code,
                 generated_at=now)


def _change(now_n: int, then_n: int) -> float | None:
    return rate(now_n - then_n, then_n)


def comparison(s: Session, period: Period) -> Table:
    """Events by kind this period against the previous period and the same period a year before."""
    prev, last_year = period.previous(), period.a_year_before()
    a, b, c = efig.kind_counts(s, period), efig.kind_counts(s, prev), efig.kind_counts(s, last_year)
    keys = sorted(set(a) | set(b) | set(c), key=lambda k: (-a.get(k, 0), k))
    rows = tuple((codes.kind_name(k), a.get(k, 0), b.get(k, 0), _change(a.get(k, 0), b.get(k, 0)),
                  c.get(k, 0), _change(a.get(k, 0), c.get(k, 0))) for k in keys)
    ta, tb, tc = sum(a.values()), sum(b.values()), sum(c.values())
    totals = ("合计", ta, tb, _change(ta, tb), tc, _change(ta, tc)) if rows else None
    return Table("与上期、去年同期对比", (Column("kind", "类别"), Column("now", "本期", "int", "件"),
                                          Column("previous", "上期", "int", "件"), Column("mom", "环比", "rate"),
                                          Column("last_year", "去年同期", "int", "件"), Column("yoy", "同比", "rate")),
                 rows, totals, (f"上期：{prev.label}；去年同期：{last_year.label}。环比、同比为增减幅度。",),
                 key="comparison")


def weekly(s: Session, period: Period, now: datetime) -> Sheet:
    cmp = comparison(s, period)
    kinds = efig.by_kind(s, period, "主要事件类别")
    hot = efig.by_grid(s, period, "热点网格", top=10)
    urgent = efig.urgent_events(s, period)
    escalated = efig.escalated_events(s, period)
    disp = dfig.department_table(s, period, "部门办理情况")
    total = cmp.totals[1] if cmp.totals else 0
    prev_total = cmp.totals[2] if cmp.totals else 0
    days = efig.daily_counts(s, period) if total else []
    trend = Chart("每日事件数（件）", tuple(label for label, _ in days),
                  (("事件数", tuple(float(n) for _, n in days)),), "件") if days else None
    top = "、".join(f"{r[0]}{r[1]}件" for r in kinds.rows[:3])
    hot_names = "、".join(r[0] for r in hot.rows[:3] if r[0] != efig.UNPLACED)
    summary = ((f"本周全街道共上报事件 {total} 件，上周 {prev_total} 件，去年同期 {cmp.totals[4] if cmp.totals else 0} 件。"
                f"主要类别：{top}。" + (f"事件较多的网格：{hot_names}。" if hot_names else "")),) if total else (
        f"{period.label}无上报事件。",)
    sections = (
        _section("一、本周事件态势", cmp, charts=(trend,)),
        _section("二、热点网格", hot),
        _section("三、主要事件类别", kinds, charts=(_kind_chart(kinds, "事件类别（件）"),)),
        _section("四、紧急与逐级上升事件", urgent, escalated),
        _section("五、部门办理情况", disp),
        _section("六、待办事项", mfig.open_items(s, local_today(now))),
    )
    return Sheet("weekly", TITLES["weekly"], street_name(s), period.label, sections, summary, period.code,
                 generated_at=now)


def _met(value: float | None, goal: float | None) -> str:
    """达标 / 未达标 against a rate's target, as the dashboard says it (— without data or target)."""
    if value is None or goal is None:
        return "—"
    return "达标" if value >= goal - 1e-9 else "未达标"


def monthly(s: Session, period: Period, now: datetime) -> Sheet:
    comm = efig.by_community(s, period, "各社区事件情况")
    grids = efig.by_grid(s, period, "各网格事件情况")
    disp = dfig.department_table(s, period, "各部门按时办结与退单情况")
    ladder = dfig.ladder_table(s, period)
    comm_fig = compute(s, period.start, period.end, "community").total
    cmp = comparison(s, period)
    total = comm.totals[1] if comm.totals else 0
    closed = comm.totals[3] if comm.totals else 0
    figures = (("事件流转办结率", rate(closed, total), "100%", 1.0),
               ("派单按时办结率", disp.totals[disp.column("closed_on_time_rate")] if disp.totals else None, "100%", 1.0),
               ("非警务类诉求分流率", comm_fig.diversion_rate, "75%", 0.75),
               ("网格内化解率", comm_fig.in_grid_rate, "90%以上", 0.9),
               ("矛盾纠纷调解成功率", ladder.totals[-1] if ladder.totals else None, "100%", 1.0),
               ("群众满意率", disp.totals[disp.column("satisfaction_rate")] if disp.totals else None, "—", None),
               ("网格基础信息采集登记率", rate(*rfig.registration(s, period)), "100%", 1.0),
               ("规范化服务走访覆盖率", rate(*rfig.visit_coverage(s, period)), "100%", 1.0))
    key = Table("主要指标", (Column("figure", "指标"), Column("value", "本月", "rate"), Column("target", "目标"),
                             Column("met", "达标情况")),
                tuple((name, value, text, _met(value, goal)) for name, value, text, goal in figures),
                notes=("事件流转办结率按本月上报的事件计；派单各率按本月派出的交办单计。",), key="key_figures")
    summary = ((f"{period.label}全街道共上报事件 {total} 件，已办结 {closed} 件，办结率 {_pct(rate(closed, total))}；"
                f"派单 {disp.totals[1] if disp.totals else 0} 件。"
                f"较上月（{cmp.totals[2] if cmp.totals else 0} 件）{_delta(total, cmp.totals[2] if cmp.totals else 0)}。"),
               ) if total else (f"{period.label}无上报事件。",)
    chart = None
    if not comm.empty:
        chart = Chart("各社区事件数（件）", tuple(r[0] for r in comm.rows),
                      (("事件数", tuple(float(r[1]) for r in comm.rows)), ("已办结", tuple(float(r[3]) for r in comm.rows))),
                      "件")
    sections = (
        _section("一、主要指标", key, cmp),
        _section("二、各社区、网格情况", comm, grids, charts=(chart,)),
        _section("三、部门办理讲评", disp),
        _section("四、矛盾纠纷化解", ladder),
        _section("五、会商研判落实情况", mfig.compliance(s, period, local_today(now)), mfig.routine_counts(s, period)),
        evaluation_section(s, period),
        registry_section(s, period),
    )
    return Sheet("monthly", TITLES["monthly"], street_name(s), period.label, sections, summary, period.code,
                 generated_at=now)


def evaluation_section(s: Session, period: Period) -> Section:
    """六、评价奖惩: the month's ranking of grids and officers (ratings and data combined), model grids marked."""
    from desk.services.evaluation.ranking import ranking_tables

    r = ranking_tables(s, period)
    models = [row[1] for row in r.grids.rows if row[-1]]
    text = (f"本月评选示范网格：{'、'.join(models)}。",) if models else ()
    if r.peer_weight is None:
        text += (f"{period.label}未开展民警与网格长互评，以下排名仅按数据计分。",)
    return _section("六、评价奖惩", r.grids, r.officers, paragraphs=text)


def registry_section(s: Session, period: Period) -> Section:
    """七、基础信息与走访: visit coverage and the registration rate per grid (counts only, nobody named),
    the grids under the 100% targets named; empty while the registry holds nobody."""
    table = rfig.coverage_table(s, period)
    if not rfig.in_use(s):
        return _section("七、基础信息与走访", replace(table, rows=(), totals=None, empty_text="尚未录入基础信息（人口）数据。"))
    c = {col.key: i for i, col in enumerate(table.columns)}
    tot = table.totals
    text = (f"本月在管特殊人群 {tot[c['cared']]} 人，至少走访一次 {tot[c['visited']]} 人，"
            f"走访覆盖率 {_pct(tot[c['coverage']])}；基础信息采集登记率 {_pct(tot[c['registration']])}。",)
    short = [r[c["grid"]] for r in table.rows if r[c["coverage"]] is not None and r[c["coverage"]] < rfig.TARGET]
    if short:
        text += (f"走访覆盖率未达100%的网格：{'、'.join(short[:12])}{'等' if len(short) > 12 else ''}"
                 f"（共 {len(short)} 个）。",)
    return _section("七、基础信息与走访", table, paragraphs=text)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _delta(a: int, b: int) -> str:
    if a == b:
        return "持平"
    return f"{'增加' if a > b else '减少'} {abs(a - b)} 件"


PERIOD_SHEETS = {"daily": daily, "weekly": weekly, "monthly": monthly}
