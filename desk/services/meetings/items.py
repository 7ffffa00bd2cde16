"""Action items (督办事项): made by a meeting's decisions, owned by a person or a department, due on a
date, linked to events, dispatches or grids; open → in progress → done / cancelled, overdue once the
due date has passed unfinished. Every change is written to the item's history and audited.

Unfinished items carry over to the next held meeting of the same kind and place, counting how many
meetings they have been carried. A department liaison sees and updates only their department's items;
grid staff update the items they own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from desk.clock import LOCAL_TZ
from desk.models import ActionItem, ActionItemLink, ActionItemStep, Department, Dispatch, Event, Grid, Meeting, Staff
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import ConflictError, DeskError, NotFound, PermissionDenied, ValidationError
from desk.services.figures.table import Column, Table
from desk.services.meetings import codes
from desk.services.meetings.rows import ItemRow, ItemStepRow, item_rows, item_steps
from desk.services.permissions import allowed, require
from desk.services.unit import Unit

ITEM_TITLE = limits.Limit("督办事项", "action item", 200)
MAX_LINKS = 50
MAX_DUE_DAYS = 3 * 366


class IllegalMove(DeskError):
    """The item is not in a state where this is possible."""


@dataclass(frozen=True)
class ItemDraft:
    title: str
    due_on: date
    owner_staff_id: int | None = None
    owner_department_id: int | None = None
    owner_name: str = ""
    detail: str = ""
    community_id: int | None = None
    links: tuple[tuple[str, int], ...] = ()


def _today(now) -> date:
    return now.astimezone(LOCAL_TZ).date()


def _check(u: Unit, d: ItemDraft, meeting_day: date) -> tuple[str, list[str]]:
    p = limits.problems((ITEM_TITLE, d.title), (limits.NOTE, d.detail))
    if not (d.title or "").strip():
        p.append("督办事项需要填写内容 (an item needs a text)")
    if d.due_on < meeting_day:
        p.append(f"完成期限 {d.due_on} 早于会议日期 {meeting_day} (due before the meeting)")
    if d.due_on > meeting_day + timedelta(days=MAX_DUE_DAYS):
        p.append("完成期限过远（最多三年）(due date too far)")
    if len(d.links) > MAX_LINKS:
        p.append(f"关联最多 {MAX_LINKS} 项 (too many links)")
    owner = (d.owner_name or "").strip()
    s = u.session
    if d.owner_staff_id is not None:
        st = s.get(Staff, d.owner_staff_id)
        if st is None:
            p.append(f"人员 #{d.owner_staff_id} 不存在 (no such staff)")
        else:
            owner = owner or st.name
    if d.owner_department_id is not None:
        dep = s.get(Department, d.owner_department_id)
        if dep is None:
            p.append(f"部门 #{d.owner_department_id} 不存在 (no such department)")
        elif d.owner_staff_id is None:
            owner = owner or dep.short_name
    if not owner:
        p.append("督办事项需要责任人或责任部门 (an item needs an owner: a person or a department)")
    model = {"event": Event, "dispatch": Dispatch, "grid": Grid}
    for kind, ref in d.links:
        if kind not in model:
            p.append(f"未知的关联类型 {kind!r} (unknown link)")
        elif s.get(model[kind], ref) is None:
            p.append(f"关联的{codes.LINK_KINDS[kind]} #{ref} 不存在 (no such {kind})")
    return owner[:64], p


def add_items(u: Unit, m: Meeting, drafts) -> list[int]:
    """Make the items of a meeting's decisions inside the meeting's unit of work."""
    ids, problems = [], []
    for i, d in enumerate(drafts, 1):
        owner, p = _check(u, d, m.day)
        problems += [f"第 {i} 项: {x}" for x in p]
        if p:
            continue
        item = ActionItem(meeting_id=m.id, current_meeting_id=m.id, meeting_kind=m.kind,
                          community_id=d.community_id if d.community_id is not None else m.community_id,
                          title=d.title.strip(), detail=d.detail, owner_staff_id=d.owner_staff_id,
                          owner_department_id=d.owner_department_id, owner_name=owner, due_on=d.due_on,
                          state="open", carried=0, created_at=u.now, created_by=u.actor.username, version=1)
        u.session.add(item)
        u.session.flush()
        u.session.add_all([ActionItemLink(item_id=item.id, kind=k, ref_id=r) for k, r in dict.fromkeys(d.links)])
        _step(u, item, "create", None, "open", f"会议 #{m.id}")
        u.changed("action_item", item.id, "insert")
        u.audit("action_item.create", "action_item", item.id,
                after={"meeting_id": m.id, "title": item.title, "owner": owner, "due_on": d.due_on.isoformat()})
        ids.append(item.id)
    if problems:
        raise ValidationError("督办事项有误，未保存 (action items not saved)", problems)
    return ids


def add_item(ctx: Context, meeting_id: int, draft: ItemDraft) -> ItemRow:
    """One more item for a meeting already recorded."""
    require(ctx.actor, "meetings.write")
    with ctx.unit() as u:
        m = u.session.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(f"会议 #{meeting_id} 不存在 (no such meeting)")
        (item_id,) = add_items(u, m, [draft])
    with ctx.read() as s:
        return item_rows(s, (ActionItem.id == item_id,), _today(ctx.clock.now()))[0]


def _step(u: Unit, item: ActionItem, action: str, before: str | None, after: str | None, note: str = "") -> None:
    u.session.add(ActionItemStep(item_id=item.id, at=u.now, actor=u.actor.username,
                                 actor_name=u.actor.display_name or u.actor.username, action=action,
                                 from_state=before, to_state=after, note=note))
    u.changed("action_item_step", item.id, "insert")


def carry_over(u: Unit, m: Meeting) -> int:
    """Unfinished items of earlier meetings of the same kind and place move to meeting ``m``."""
    if m.kind == "joint":
        return 0  # joint consultations are each on their own matter
    s = u.session
    earlier = (select(Meeting.id).where(Meeting.kind == m.kind, Meeting.day < m.day,
                                        Meeting.community_id.is_(None) if m.community_id is None
                                        else Meeting.community_id == m.community_id,
                                        Meeting.grid_id.is_(None) if m.grid_id is None
                                        else Meeting.grid_id == m.grid_id))
    items = list(s.scalars(select(ActionItem).where(ActionItem.state.in_(codes.UNFINISHED),
                                                    ActionItem.current_meeting_id.in_(earlier))))
    for item in items:
        item.current_meeting_id = m.id
        item.carried += 1
        _step(u, item, "carry", item.state, item.state, f"结转至会议 #{m.id}（第 {item.carried} 次）")
        u.changed("action_item", item.id)
    if items:
        u.audit("action_item.carry", "meeting", m.id, after={"items": [i.id for i in items]})
    return len(items)


def may_update(actor, owner_staff_id: int | None, owner_department_id: int | None) -> bool:
    """Whether ``actor`` may move an item with these owners (liaison: own department; grid staff: own items)."""
    if not allowed(actor, "meetings.items.update"):
        return False
    if actor.role == "liaison":
        return actor.department_id is not None and owner_department_id == actor.department_id
    if actor.role == "grid_staff":
        return actor.staff_id is not None and owner_staff_id == actor.staff_id
    return True


def move_item(ctx: Context, item_id: int, action: str, *, expected_version: int | None = None,
              note: str = "") -> ItemRow:
    """start, finish, cancel or reopen an item; recorded in its history and audited."""
    require(ctx.actor, "meetings.items.update")
    if action not in codes.ITEM_MOVES:
        raise ValidationError(f"未知操作 {action!r} (unknown action)")
    limits.require((limits.NOTE, note))
    allowed_from, target, name = codes.ITEM_MOVES[action]
    if action == "cancel" and not note.strip():
        raise ValidationError("取消督办事项需要填写原因 (cancelling needs a reason)")
    with ctx.unit() as u:
        item = u.session.get(ActionItem, item_id)
        if item is None:
            raise NotFound(f"督办事项 #{item_id} 不存在 (no such action item)")
        if not may_update(u.actor, item.owner_staff_id, item.owner_department_id):
            raise PermissionDenied("只能更新本部门（本人）负责的督办事项 (only your own department's items)")
        if expected_version is not None and item.version != expected_version:
            raise ConflictError(f"督办事项 #{item_id} 刚被另一席位修改，当前为「{codes.item_state_name(item.state)}」"
                                f" (changed by another seat first)")
        if item.state not in allowed_from:
            raise IllegalMove(f"督办事项 #{item_id} 当前为「{codes.item_state_name(item.state)}」，不能{name} "
                              f"(cannot {action} an item that is {item.state})")
        before = {"state": item.state, "version": item.version}
        old = item.state
        item.state = target
        item.done_at = u.now if target == "done" else None
        if note.strip():
            item.note = note.strip()
        u.session.flush()
        _step(u, item, action, old, target, note.strip())
        u.changed("action_item", item.id)
        u.audit(f"action_item.{action}", "action_item", item.id, before=before,
                after={"state": target, "version": item.version, "note": note.strip()[:200]})
    with ctx.read() as s:
        return item_rows(s, (ActionItem.id == item_id,), _today(ctx.clock.now()))[0]


def reassign(ctx: Context, item_id: int, *, due_on: date | None = None, owner_staff_id: int | None = None,
             owner_department_id: int | None = None, note: str = "", expected_version: int | None = None) -> ItemRow:
    """A new due date (延期) and/or a new owner for an unfinished item, with the reason; audited."""
    require(ctx.actor, "meetings.items.assign")
    note = (note or "").strip()
    limits.require((limits.NOTE, note))
    if not note:
        raise ValidationError("调整督办事项需要填写原因 (a change needs a reason)")
    if due_on is None and owner_staff_id is None and owner_department_id is None:
        raise ValidationError("没有要调整的内容 (nothing to change)")
    with ctx.unit() as u:
        item = u.session.get(ActionItem, item_id)
        if item is None:
            raise NotFound(f"督办事项 #{item_id} 不存在 (no such action item)")
        if expected_version is not None and item.version != expected_version:
            raise ConflictError(f"督办事项 #{item_id} 刚被另一席位修改 (changed by another seat first)")
        if item.state not in codes.UNFINISHED:
            raise IllegalMove(f"督办事项 #{item_id} 当前为「{codes.item_state_name(item.state)}」，不能调整 "
                              f"(only an unfinished item can change)")
        m = u.session.get(Meeting, item.meeting_id)
        draft = ItemDraft(item.title, due_on or item.due_on,
                          owner_staff_id if owner_staff_id is not None or owner_department_id is not None
                          else item.owner_staff_id,
                          owner_department_id if owner_staff_id is not None or owner_department_id is not None
                          else item.owner_department_id)
        owner, problems = _check(u, draft, m.day)
        if problems:
            raise ValidationError("调整未完成 (not changed)", problems)
        before = {"due_on": item.due_on.isoformat(), "owner": item.owner_name, "version": item.version}
        changes = []
        if draft.due_on != item.due_on:
            changes.append(f"期限 {item.due_on:%m-%d} → {draft.due_on:%m-%d}")
        if owner != item.owner_name:
            changes.append(f"责任 {item.owner_name} → {owner}")
        item.due_on, item.owner_staff_id, item.owner_department_id = draft.due_on, draft.owner_staff_id, \
            draft.owner_department_id
        item.owner_name = owner
        u.session.flush()
        _step(u, item, "reassign", item.state, item.state, "；".join(changes + [note]))
        u.changed("action_item", item.id)
        u.audit("action_item.reassign", "action_item", item.id, before=before,
                after={"due_on": item.due_on.isoformat(), "owner": owner, "version": item.version, "note": note[:200]})
    with ctx.read() as s:
        return item_rows(s, (ActionItem.id == item_id,), _today(ctx.clock.now()))[0]


def _scope(ctx: Context) -> list:
    """What an actor may see of the items: a liaison only their department's."""
    if ctx.actor.role == "liaison":
        return [ActionItem.owner_department_id == (ctx.actor.department_id if ctx.actor.department_id else -1)]
    return []


def items(ctx: Context, *, open_only: bool = True, owner_staff_id: int | None = None,
          owner_department_id: int | None = None, community_id: int | None = None,
          limit: int = 20000) -> list[ItemRow]:
    """The one list of items: overdue first, then by due date; filterable by owner and community."""
    require(ctx.actor, "meetings.items")
    where = _scope(ctx)
    if open_only:
        where.append(ActionItem.state.in_(codes.UNFINISHED))
    if owner_staff_id is not None:
        where.append(ActionItem.owner_staff_id == owner_staff_id)
    if owner_department_id is not None:
        where.append(ActionItem.owner_department_id == owner_department_id)
    if community_id is not None:
        where.append(ActionItem.community_id == community_id)
    today = _today(ctx.clock.now())
    with ctx.read() as s:
        rows = item_rows(s, where, today, limit)
    rank = {"overdue": 0, "open": 1, "in_progress": 1, "done": 2, "cancelled": 3}
    return sorted(rows, key=lambda r: (rank.get(r.effective, 9), r.due_on, r.id))


def item_history(ctx: Context, item_id: int) -> tuple[ItemStepRow, ...]:
    require(ctx.actor, "meetings.items")
    with ctx.read() as s:
        item = s.get(ActionItem, item_id)
        if item is None or (_scope(ctx) and item.owner_department_id != ctx.actor.department_id):
            raise NotFound(f"督办事项 #{item_id} 不存在 (no such action item)")
        return item_steps(s, item_id)


@dataclass(frozen=True)
class Reminder:
    due_today: int
    overdue: int
    first: tuple[str, ...]   # a few titles, overdue first

    @property
    def any(self) -> bool:
        return bool(self.due_today or self.overdue)


def reminder(ctx: Context) -> Reminder:
    """What falls due: the actor's visible unfinished items due today or already overdue."""
    require(ctx.actor, "meetings.items")
    today = _today(ctx.clock.now())
    where = _scope(ctx) + [ActionItem.state.in_(codes.UNFINISHED), ActionItem.due_on <= today]
    if ctx.actor.role == "grid_staff":
        where.append(ActionItem.owner_staff_id == (ctx.actor.staff_id or -1))
    with ctx.read() as s:
        found = s.execute(select(ActionItem.id, ActionItem.title, ActionItem.due_on).where(*where)
                          .order_by(ActionItem.due_on, ActionItem.id)).all()
    overdue = [x for x in found if x.due_on < today]
    today_ = [x for x in found if x.due_on == today]
    return Reminder(len(today_), len(overdue), tuple(f"#{x.id} {x.title}" for x in (overdue + today_)[:3]))


ITEM_COLUMNS = (Column("id", "编号", "int"), Column("title", "督办事项"), Column("owner", "责任人/部门"),
                Column("community", "社区"), Column("meeting", "来源会议"), Column("due_on", "完成期限", "date"),
                Column("state", "状态"), Column("carried", "结转次数", "int", "次"))


def items_table(rows: list[ItemRow], title: str = "督办事项") -> Table:
    body = tuple((r.id, r.title, r.owner_name, r.community_name or "街道",
                  f"{codes.kind_name(r.meeting_kind)} {r.meeting_day.isoformat()}", r.due_on, r.state_text, r.carried)
                 for r in rows)
    return Table(title, ITEM_COLUMNS, body, key="action_items", empty_text="无督办事项。")


def owner_choices(ctx: Context) -> list[tuple[str, str, int]]:
    """('staff'|'department', name, id) of the owners of unfinished items, for the list's filter."""
    require(ctx.actor, "meetings.items")
    with ctx.read() as s:
        q = (select(ActionItem.owner_staff_id, ActionItem.owner_department_id, ActionItem.owner_name)
             .where(ActionItem.state.in_(codes.UNFINISHED), *_scope(ctx)).distinct())
        found = s.execute(q).all()
    out = {}
    for staff_id, dep_id, name in found:
        if staff_id is not None:
            out[("staff", staff_id)] = name
        elif dep_id is not None:
            out[("department", dep_id)] = name
    return sorted(((k[0], n, k[1]) for k, n in out.items()), key=lambda x: (x[0], x[1]))


__all__ = ["ItemDraft", "IllegalMove", "Reminder", "add_item", "add_items", "carry_over", "item_history", "items",
           "items_table", "may_update", "move_item", "owner_choices", "reassign", "reminder"]
