"""An event's own case sheet (事件处置单) with its timeline, and a dispatch's sheet (交办单) that the
department signs. Personal data masked: the reporter's name keeps its first character, the phone
its first three and last four digits."""
from __future__ import annotations

from desk.services.context import Context
from desk.services.dispatch import codes as dcodes
from desk.services.dispatch.rows import case_detail, event_dispatches
from desk.services.figures.sheets import TITLES, street_name
from desk.services.figures.table import Column, Section, Sheet, Table, mask_text
from desk.services.incidents import codes
from desk.services.incidents.rows import event_detail
from desk.clock import format_local


def mask_name(name: str) -> str:
    """王小明 → 王**; a name is personal data on paper too."""
    name = (name or "").strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def _facts(title: str, pairs: list[tuple[str, str]], key: str) -> Table:
    return Table(title, (Column("item", "项目"), Column("value", "内容")), tuple(pairs), key=key)


def event_sheet(ctx: Context, event_id: int) -> Sheet:
    d = event_detail(ctx, event_id)
    r = d.row
    facts = [("事件编号", str(r.id)), ("上报时间", format_local(r.reported_at)), ("来源", codes.SOURCES.get(r.source, r.source)),
             ("类别", codes.kind_name(r.kind, r.sub_kind)), ("紧急程度", "紧急" if r.urgent else "一般"),
             ("涉警", "是" if r.police else "否"), ("社区 / 网格", f"{r.community_name or '—'} / {r.grid_name or '—'}"),
             ("地点", r.address or "—"), ("反映人", mask_name(d.reporter_name) or "—"), ("联系电话", d.phone or "—"),
             ("事项", r.title), ("情况描述", mask_text(d.description) or "—"), ("当前状态", codes.status_name(r.status)),
             ("承办部门", r.department_name or "—")]
    if r.ladder_level:
        facts.append(("调解层级", codes.LADDER.get(r.ladder_level, "")))
    if d.satisfaction:
        facts.append(("回访满意度", codes.SATISFACTION.get(d.satisfaction, d.satisfaction)))
    timeline = Table("处置过程", (Column("at", "时间", "datetime"), Column("action", "环节"), Column("who", "经办人"),
                                  Column("status", "状态"), Column("note", "情况")),
                     tuple((x.at, codes.ACTION_NAMES.get(x.action, x.action), x.actor_name or x.actor,
                            codes.status_name(x.to_status) if x.to_status else "", mask_text(x.note)) for x in d.steps),
                     key="timeline", empty_text="暂无处置记录。")
    tables = [timeline]
    if d.mediations:
        tables.append(Table("调解记录", (Column("at", "时间", "datetime"), Column("level", "层级"),
                                         Column("mediator", "调解人"), Column("outcome", "结果"), Column("note", "说明")),
                            tuple((m.at, codes.LADDER.get(m.level, ""), m.mediator, codes.OUTCOMES.get(m.outcome, m.outcome),
                                   mask_text(m.note) + ("（1+1+N联合调解）" if m.joint else "")) for m in d.mediations),
                            key="mediations"))
    cases = event_dispatches(ctx, event_id)
    if cases:
        tables.append(Table("派单情况", (Column("id", "交办单号", "int"), Column("department", "承办部门"),
                                         Column("at", "派单时间", "datetime"), Column("deadline", "办理时限", "datetime"),
                                         Column("state", "状态")),
                            tuple((c.dispatch_id, c.department, c.dispatched_at, c.deadline_at, c.state_text)
                                  for c in sorted(cases, key=lambda c: c.dispatched_at)), key="dispatches"))
    with ctx.read() as s:
        street = street_name(s)
    return Sheet("event", TITLES["event"], street, f"事件 #{r.id}",
                 (Section("一、事件基本情况", tables=(_facts("基本情况", facts, "facts"),)),
                  Section("二、处置过程", tables=tuple(tables))),
                 (f"{r.title}（{codes.status_name(r.status)}）",), str(r.id), entity_id=r.id,
                 signature=("经办人：__________", "审核人：__________", "日期：____年__月__日"),
                 generated_at=ctx.clock.now())


def dispatch_sheet(ctx: Context, dispatch_id: int) -> Sheet:
    d = case_detail(ctx, dispatch_id)
    c = d.case
    facts = [("交办单号", str(c.dispatch_id)), ("事件编号", str(c.event_id)), ("事项", c.title),
             ("类别", c.kind_text), ("社区 / 网格", f"{c.community_name or '—'} / {c.grid_name or '—'}"),
             ("地点", d.address or "—"), ("情况描述", mask_text(d.description) or "—"), ("承办部门", c.department),
             ("协办部门", "、".join(c.assist) or "—"), ("派单时间", format_local(c.dispatched_at)),
             ("派单人", c.dispatched_name or "—"), ("签收时限", format_local(c.accept_by)),
             ("办理时限", format_local(c.deadline_at)), ("交办要求", mask_text(d.instructions) or "—"),
             ("加急", "是" if c.urgent else "否"), ("督办", dcodes.SUPERVISION.get(c.supervision, "无")),
             ("当前状态", c.state_text)]
    entries = Table("办理记录", (Column("at", "时间", "datetime"), Column("kind", "环节"), Column("dept", "部门"),
                                 Column("who", "经办人"), Column("text", "内容")),
                    tuple((e.at, e.kind_text, e.department, e.actor_name, mask_text(e.text)) for e in d.entries),
                    key="entries", empty_text="暂无办理记录。")
    with ctx.read() as s:
        street = street_name(s)
    return Sheet("dispatch", TITLES["dispatch"], street, f"交办单 #{c.dispatch_id}",
                 (Section("一、交办事项", tables=(_facts("交办事项", facts, "facts"),)),
                  Section("二、办理记录", tables=(entries,)),
                  Section("三、部门签收与办理意见", paragraphs=("办理意见：", "", "", ""))),
                 (f"{c.department}：请按时限签收办理，并将办理结果反馈街道警网融合中心。",),
                 str(c.dispatch_id), entity_id=c.dispatch_id,
                 signature=(f"承办部门（盖章）：{c.department}", "签收人：__________", "签收时间：____年__月__日  __时__分"),
                 generated_at=ctx.clock.now())
