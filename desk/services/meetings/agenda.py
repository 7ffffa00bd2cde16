"""The agenda pre-filled from the data: a weekly review's from the seven days up to its day (new,
overdue, escalated and high-risk events and disputes, returned dispatches, open action items of
earlier meetings), a monthly assessment's from the past month's figures, a daily meeting's from its
community's new events and open items. Every line is marked as pre-filled and names its event,
dispatch or item so that a double-click can open it. The person edits the agenda afterwards.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desk.models import ActionItem, Community, Department, Dispatch, Event, Grid
from desk.services.context import Context
from desk.services.dispatch.figures import compute
from desk.services.errors import ValidationError
from desk.services.figures import events as ev
from desk.services.figures import meetings as mfigs
from desk.services.figures.periods import Period, last_complete_month, local_today
from desk.services.figures.table import cell_text, rate
from desk.services.incidents import codes as icodes
from desk.services.meetings import codes
from desk.services.meetings.rows import AgendaLine
from desk.services.permissions import require

PER_SECTION = 15   # lines per kind of matter; the rest is counted on one line


def prefill(ctx: Context, kind: str, day: date, community_id: int | None = None) -> tuple[AgendaLine, ...]:
    """The pre-filled agenda of a meeting of ``kind`` on ``day`` (community for a daily meeting)."""
    require(ctx.actor, "meetings.write")
    if kind not in codes.KINDS:
        raise ValidationError(f"未知的会议类型 {kind!r} (unknown kind)")
    now = ctx.clock.now()
    with ctx.read() as s:
        if kind == "weekly":
            return weekly(s, day, now)
        if kind == "monthly":
            return monthly(s, day, now)
        if kind == "daily":
            return daily(s, day, community_id)
        return tuple(_open_items(s, "joint", None, day))


def _line(text: str, source: str = "figure", ref: int | None = None) -> AgendaLine:
    return AgendaLine(text, source, ref, True)


def _section(title: str, lines: list[AgendaLine], more: int = 0, unit: str = "件") -> list[AgendaLine]:
    if not lines:
        return []
    out = [_line(title)] + lines
    if more > 0:
        out.append(_line(f"    …另有 {more} {unit}"))
    return out


def _open_items(s: Session, kind: str, community_id: int | None, day: date) -> list[AgendaLine]:
    """The unfinished items of earlier meetings of this kind (those the meeting carries over), one per line;
    for the street's weekly and monthly meetings, the other meetings' unfinished items as one count."""
    where = [ActionItem.state.in_(codes.UNFINISHED), ActionItem.created_at < _end_of(day)]
    if community_id is not None:
        where.append(ActionItem.community_id == community_id)
    own = [*where, ActionItem.meeting_kind == kind]
    found = s.execute(select(ActionItem.id, ActionItem.title, ActionItem.owner_name, ActionItem.due_on,
                             ActionItem.carried).where(*own).order_by(ActionItem.due_on, ActionItem.id)
                      .limit(PER_SECTION + 1)).all()
    total = s.scalar(select(_count()).select_from(ActionItem).where(*own)) or 0
    lines = [_line(f"#{i} {t}（{o}，期限 {d:%m-%d}{'，已逾期' if d < day else ''}"
                   f"{f'，已结转 {c} 次' if c else ''}）", "item", i) for i, t, o, d, c in found[:PER_SECTION]]
    name = codes.kind_name(kind) if kind in ("weekly", "monthly") else "会议"
    out = _section(f"前次{name}未完成的督办事项（{total} 项）", lines, total - len(lines), "项")
    if kind in ("weekly", "monthly"):  # the communities' items: one count, the list is on the items page
        other = [*where, ActionItem.meeting_kind != kind]
        others = s.scalar(select(_count()).select_from(ActionItem).where(*other)) or 0
        late = s.scalar(select(_count()).select_from(ActionItem).where(*other, ActionItem.due_on < day)) or 0
        if others:
            out.append(_line(f"其他会议（日见面、联席会议等）未完成的督办事项 {others} 项，其中逾期 {late} 项（见督办事项页）"))
    return out


def _count():
    from sqlalchemy import func

    return func.count()


def _end_of(day: date):
    from desk.services.figures.periods import local_midnight

    return local_midnight(day + timedelta(days=1))


def weekly(s: Session, day: date, now) -> tuple[AgendaLine, ...]:
    period = Period("range", day - timedelta(days=6), day)
    start, end = period.bounds()
    total = ev.total_events(s, period)
    urgent = ev.urgent_events(s, period, limit=PER_SECTION)
    out = [_line(f"本周（{period.start:%m月%d日}至{period.end:%m月%d日}）新增事件 {total} 件，"
                 f"其中紧急 {len(urgent.rows)}{'+' if urgent.notes else ''} 件。")]
    kinds = ev.kind_counts(s, period)
    if kinds:
        out.append(_line("按类别：" + "，".join(f"{icodes.kind_name(k)} {n} 件"
                                               for k, n in sorted(kinds.items(), key=lambda x: -x[1]))))
    overdue = ev.overdue_events(s, now, limit=PER_SECTION)
    n_over = ev.overdue_count(overdue)
    out += _section(f"超时未办结事件（{n_over} 件）",
                    [_line(f"#{r[0]} {r[4]}（{r[3]}，{r[5]}，已超时 {r[6]:.1f} 天）", "event", r[0])
                     for r in overdue.rows], n_over - len(overdue.rows))
    esc = ev.escalated_events(s, period, limit=PER_SECTION)
    out += _section("矛盾纠纷逐级上升", [_line(f"#{r[0]} {r[3]}（{r[2]}，目前{r[5]}）", "event", r[0])
                                   for r in esc.rows])
    risky = [_line(f"#{r[0]} {r[4][:60]}（{r[3]}，紧急，{r[5]}）", "event", r[0]) for r in urgent.rows]
    q = (select(Event.id, Event.title, Grid.name, Event.ladder_level).outerjoin(Grid, Grid.id == Event.grid_id)
         .where(Event.is_open.is_(True), Event.kind.in_(("dispute", "petition")), Event.ladder_level >= 3)
         .order_by(Event.ladder_level.desc(), Event.id).limit(PER_SECTION))
    seen = {x.ref_id for x in risky}
    risky += [_line(f"#{i} {t}（{g or ev.UNPLACED}，{icodes.LADDER.get(lv, '')}）", "event", i)
              for i, t, g, lv in s.execute(q) if i not in seen]
    out += _section("高风险事件和矛盾纠纷", risky)
    out += _section("隐患集中的网格", _hazard_clusters(s, period))
    q = (select(Dispatch.id, Dispatch.event_id, Event.title, Department.short_name, Dispatch.return_reason)
         .join(Event, Event.id == Dispatch.event_id).join(Department, Department.id == Dispatch.department_id)
         .where(and_(Dispatch.returned_at >= start, Dispatch.returned_at < end))
         .order_by(Dispatch.returned_at).limit(PER_SECTION + 1))
    returned = s.execute(q).all()
    out += _section("退单", [_line(f"派单 #{d}（事件 #{e} {t}）被{dep}退回：{(r or '')[:60]}", "dispatch", d)
                           for d, e, t, dep, r in returned[:PER_SECTION]], len(returned) - PER_SECTION)
    out += _open_items(s, "weekly", None, day)
    return tuple(out)


HAZARDS = ("safety_hazard", "fire_hazard")
CLUSTER = 3  # hazards reported in one grid within the week that make it a matter for the review


def _hazard_clusters(s: Session, period: Period) -> list[AgendaLine]:
    """Grids where CLUSTER or more hazards were reported this week, the most first."""
    q = (select(Grid.name, Event.kind, func.count()).join(Grid, Grid.id == Event.grid_id)
         .where(ev._in(period), Event.kind.in_(HAZARDS)).group_by(Grid.name, Event.kind))
    per_grid: dict[str, dict[str, int]] = {}
    for grid, kind, n in s.execute(q):
        per_grid.setdefault(grid, {})[kind] = int(n)
    hot = sorted(((sum(k.values()), g, k) for g, k in per_grid.items() if sum(k.values()) >= CLUSTER),
                 key=lambda x: (-x[0], x[1]))
    return [_line(f"{g}：本周隐患 {n} 件（" + "，".join(f"{icodes.kind_name(k)} {c}" for k, c in
                                                  sorted(kinds.items(), key=lambda x: -x[1])) + "）")
            for n, g, kinds in hot[:PER_SECTION]]


def monthly(s: Session, day: date, now) -> tuple[AgendaLine, ...]:
    month = last_complete_month(day)
    today = local_today(now)
    out = [_line(f"{month.label}工作讲评")]
    total = ev.total_events(s, month)
    by_comm = ev.by_community(s, month)
    if by_comm.totals is not None:
        closed = by_comm.totals[by_comm.column("closed")]
        out.append(_line(f"全月事件 {total} 件，已办结 {closed} 件，办结率 "
                         f"{cell_text(by_comm.columns[by_comm.column('closed_rate')], rate(closed, total))}。"))
    f = compute(s, month.start, month.end, "department")
    if f.total.dispatched:
        out.append(_line(f"派单 {f.total.dispatched} 件，退单 {f.total.returned} 件，按时办结率 "
                         f"{_pct(f.total.closed_on_time_rate)}，满意率 {_pct(f.total.satisfaction_rate)}。"))
        late = sorted((r for r in f.rows if r.closed_on_time_rate is not None), key=lambda r: r.closed_on_time_rate)
        if late:
            out.append(_line("按时办结率较低的部门：" + "，".join(f"{r.name} {_pct(r.closed_on_time_rate)}"
                                                         for r in late[:3])))
    comp = mfigs.compliance(s, month, today)
    if comp.totals is not None:
        t = comp.totals
        out.append(_line(f"会商研判落实：日见面召开率 {_pct(t[3])}，周研判召开率 {_pct(t[6])}，"
                         f"督办事项按期完成率 {_pct(t[9])}。"))
        weak = sorted((r for r in comp.rows if r[3] is not None), key=lambda r: r[3])[:3]
        if weak:
            out.append(_line("日见面召开率较低的社区：" + "，".join(f"{r[0]} {_pct(r[3])}" for r in weak)))
    rc = mfigs.routine_counts(s, month)
    if rc.totals is not None:
        t = rc.totals
        out.append(_line(f"业务培训 {t[1]} 次，能力测试 {t[2]} 次，联合巡逻 {t[3]} 次，应急演练 {t[4]} 次。"))
    out += _open_items(s, "monthly", None, day)
    return tuple(out)


def daily(s: Session, day: date, community_id: int | None) -> tuple[AgendaLine, ...]:
    if community_id is None:
        return ()
    period = Period("range", day - timedelta(days=1), day)
    start, end = period.bounds()
    name = s.scalar(select(Community.name).where(Community.id == community_id)) or ""
    q = (select(Event.id, Event.title, Event.status).where(
        Event.community_id == community_id, Event.reported_at >= start, Event.reported_at < end,
        Event.status.not_in(("merged", "cancelled"))).order_by(Event.reported_at).limit(PER_SECTION + 1))
    found = s.execute(q).all()
    out = _section(f"{name}昨日以来新增事件", [_line(f"#{i} {t}（{icodes.status_name(st)}）", "event", i)
                                          for i, t, st in found[:PER_SECTION]], len(found) - PER_SECTION)
    return tuple(out + _open_items(s, "daily", community_id, day))


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"
