"""A meeting's minutes and its sign-in sheet (签到表) as plain Sheets, printed by desk.reports (the one
place that turns a document into a PDF): the street's header, the meeting's facts, attendees,
agenda, discussion, decisions and the action items with owners and dates."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from desk.clock import format_local
from desk.models import Street
from desk.services.context import Context
from desk.services.figures.periods import cn_date
from desk.services.figures.table import Column, Section, Sheet, Table, mask_text
from desk.services.meetings import codes
from desk.services.meetings.items import items_table
from desk.services.meetings.minutes import get_meeting
from desk.services.meetings.rows import MeetingDetail


def _street(ctx: Context) -> str:
    with ctx.read() as s:
        names = list(s.scalars(select(Street.name)))
    return names[0] if len(names) == 1 else ""


def _facts(d: MeetingDetail) -> tuple[str, ...]:
    r = d.row
    lines = [f"时间：{format_local(r.starts_at)}", f"地点：{r.place or '—'}", f"范围：{r.scope_text}",
             f"主持人：{r.chair_name or '—'}"]
    if r.topic:
        lines.insert(0, f"议题：{r.topic}")
    present = [a for a in d.attendees if a.presence != "absent"]
    absent = [a for a in d.attendees if a.presence == "absent"]
    lines.append("出席：" + ("、".join(a.name + (f"（代{a.substitute_for}）" if a.presence == "substitute" and
                                                a.substitute_for else "") for a in present) or "—"))
    if absent:
        lines.append("缺席：" + "、".join(absent_name.name for absent_name in absent))
    return tuple(lines)


def _title(d: MeetingDetail) -> str:
    return f"{codes.KIND_TITLES[d.row.kind]}纪要"


def _printed_items(rows, title: str) -> Table:
    """The items as printed: the source meeting's date on a line of its own (a narrow column never
    breaks a date in two)."""
    t = items_table(list(rows), title)
    return replace(t, rows=tuple((*r[:4], r[4].replace(" ", "\n", 1), *r[5:]) for r in t.rows))


def minutes_sheet(ctx: Context, meeting_id: int) -> Sheet:
    """The minutes of a meeting, as printed and signed."""
    d = get_meeting(ctx, meeting_id)
    attendees = Table("参会人员", (Column("n", "序号", "int"), Column("name", "姓名"), Column("unit", "单位/职务"),
                                   Column("presence", "出席情况")),
                      tuple((i, a.name, a.unit, codes.PRESENCE[a.presence] + (f"（代{a.substitute_for}）"
                                                                              if a.substitute_for else ""))
                            for i, a in enumerate(d.attendees, 1)), key="attendees", empty_text="未登记参会人员。")
    agenda = tuple(mask_text(("【数据】" if x.prefilled else "") + x.text.strip()) for x in d.agenda) or ("无。",)
    sections = [Section("一、会议概况", _facts(d), (attendees,)),
                Section("二、议程", agenda),
                Section("三、讨论情况", tuple(mask_text(x) for x in (d.discussion or "无。").splitlines() if x.strip())),
                Section("四、会议决定", tuple(mask_text(x) for x in (d.decisions or "无。").splitlines() if x.strip())),
                Section("五、督办事项", (), (_printed_items(d.items, "本次会议形成的督办事项"),
                                          _printed_items(d.carried_in, "结转的未完成督办事项")))]
    return Sheet("minutes", _title(d), _street(ctx), cn_date(d.row.day), tuple(sections), entity_id=d.row.id,
                 signature=("记录人：＿＿＿＿＿＿", "主持人：＿＿＿＿＿＿"), generated_at=ctx.clock.now())


def signin_sheet(ctx: Context, meeting_id: int, blank_lines: int = 3) -> Sheet:
    """The sign-in sheet of a (planned) meeting: its expected attendees and a few blank lines."""
    d = get_meeting(ctx, meeting_id)
    room = "\u00a0\n\u00a0"  # two lines' height: room to sign by hand
    rows = [(i, a.name, a.unit, room, "") for i, a in enumerate(d.attendees, 1)]
    rows += [(len(rows) + i, "", "", room, "") for i in range(1, blank_lines + 1)]
    t = Table("签到表", (Column("n", "序号", "int"), Column("name", "姓名"), Column("unit", "单位/职务"),
                         Column("sign", "本人签名"), Column("note", "备注")), tuple(rows), key="signin")
    facts = _facts(d)[:-1] if d.attendees else _facts(d)
    return Sheet("signin", f"{codes.KIND_TITLES[d.row.kind]}签到表", _street(ctx), cn_date(d.row.day),
                 (Section("会议信息", tuple(x for x in facts if not x.startswith(("出席", "缺席"))), (t,)),),
                 entity_id=d.row.id, generated_at=ctx.clock.now())
