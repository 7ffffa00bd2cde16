"""The event lifecycle: reporting, the state machine's transitions, claim, urgent flag, on-record.

Every change happens in one unit of work that also writes the timeline step, the audit record
and the change-feed record. A seat passes the version it saw (``expected_version``); when another
seat got there first the call raises ConflictError naming who did what and carrying the current row.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from desk.models import BoardNotice, Department, Event, EventStep, Staff
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import ConflictError, DeskError, NotFound, ValidationError
from desk.services.incidents import codes, dispatch_link
from desk.services.incidents.rows import EventRow, describe, event_rows
from desk.services.permissions import require
from desk.services.unit import Unit

PERMISSION_OF = {
    "accept": "board.act", "handle_in_grid": "board.act", "dispatch": "board.act", "merge": "board.act",
    "cancel": "board.act", "close": "board.act", "reopen": "board.act", "call_back": "board.act",
    "start": "board.handle", "return": "board.handle", "feedback": "board.handle", "verify": "board.verify",
}


class IllegalTransition(DeskError):
    """The event is not in a state where this action is possible."""


def actor_name(u: Unit) -> str:
    return u.actor.display_name or u.actor.username


def add_step(u: Unit, e: Event, action: str, before: str | None, after: str | None, note: str = "") -> None:
    u.session.add(EventStep(event_id=e.id, at=u.now, actor=u.actor.username, actor_name=actor_name(u),
                            action=action, from_status=before, to_status=after, note=note))
    u.changed("event_step", e.id, "insert")


def add_notice(u: Unit, e: Event, kind: str, text: str) -> None:
    u.session.add(BoardNotice(at=u.now, event_id=e.id, kind=kind, text=text[:300]))
    u.changed("board_notice", e.id, "insert")


def _snapshot(e: Event) -> dict:
    return {"status": e.status, "version": e.version, "claimed_by": e.claimed_by, "urgent": e.urgent,
            "department_id": e.department_id, "assignee_staff_id": e.assignee_staff_id,
            "merged_into_id": e.merged_into_id, "on_record_until": e.on_record_until,
            "ladder_level": e.ladder_level}


def act(ctx: Context, event_id: int, expected_version: int | None, action: str,
        apply: Callable[[Unit, Event], str], *, unit: Unit | None = None) -> EventRow:
    """Load the event, check the version the seat saw, apply, record step/audit/change, commit."""
    def body(u: Unit) -> EventRow:
        e = u.session.get(Event, event_id)
        if e is None:
            raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
        if expected_version is not None and e.version != expected_version:
            current = event_rows(u.session, [event_id])[event_id]
            raise ConflictError(describe(current) + " (changed by another seat first)", current)
        before = _snapshot(e)
        apply(u, e)
        e.last_action = action
        e.last_actor = actor_name(u)
        u.session.flush()
        u.changed("event", e.id, "update")
        u.audit(f"event.{action}", "event", e.id, before=before, after=_snapshot(e))
        return event_rows(u.session, [event_id])[event_id]

    if unit is not None:
        return body(unit)
    try:
        with ctx.unit() as u:
            return body(u)
    except ConflictError as exc:
        if exc.current is not None:
            raise
        with ctx.read() as s:  # a version-column race: say what it is now
            current = event_rows(s, [event_id]).get(event_id)
        if current is None:
            raise
        raise ConflictError(describe(current) + " (changed by another seat first)", current) from exc


def transition(ctx: Context, event_id: int, action: str, *, expected_version: int | None = None,
               reason: str = "", note: str = "", department_id: int | None = None,
               merged_into: int | None = None, satisfaction: str | None = None,
               review_hours: int | None = None, unit: Unit | None = None, by_dispatch: bool = False) -> EventRow:
    """Move an event along the state machine (codes.TRANSITIONS); illegal moves raise IllegalTransition.

    ``by_dispatch``: the dispatch services move the event together with its department case. A move
    made on the board directly is checked against the case (desk.services.incidents.dispatch_link)."""
    if action not in codes.TRANSITIONS:
        raise ValidationError(f"未知操作 {action!r} (unknown action)")
    require(ctx.actor, PERMISSION_OF[action])
    allowed_from, target, name = codes.TRANSITIONS[action]
    reason = (reason or "").strip()
    limits.require((limits.REASON if action == "cancel" else limits.NOTE, reason), (limits.NOTE, note),
                   message=f"{name}未完成 (not done)")
    if action in codes.NEEDS_REASON and not reason:
        raise ValidationError(f"{name}需要填写原因 ({action} needs a reason)")
    if action == "call_back" and satisfaction not in codes.SATISFACTION:
        raise ValidationError("回访需要填写满意度 (call-back needs a satisfaction)")

    def apply(u: Unit, e: Event) -> str:
        if e.history:
            raise IllegalTransition(f"事件 #{e.id} 是导入的历史件，已在原系统办结，不能{name} "
                                    f"(an imported history case is not worked on here)")
        if e.status not in allowed_from:
            raise IllegalTransition(
                f"事件 #{e.id} 当前为「{codes.status_name(e.status)}」，不能{name} "
                f"(cannot {action} an event that is {e.status}); "
                f"可从以下状态{name}: {'、'.join(codes.status_name(s) for s in sorted(allowed_from))}")
        if not by_dispatch:
            dispatch_link.check_board_move(u, e, action, name, reason or note)
        now = u.now
        old = e.status
        if action == "accept":
            e.accepted_at = now
        elif action == "dispatch":
            if department_id is None:
                raise ValidationError("派单需要选择承办部门 (dispatch needs a department)")
            if u.session.get(Department, department_id) is None:
                raise NotFound(f"部门 #{department_id} 不存在 (no such department)")
            e.department_id = department_id
        elif action == "feedback":
            e.feedback_at = now
        elif action == "close":
            e.closed_at = now
        elif action == "call_back":
            e.satisfaction = satisfaction
        elif action == "reopen":
            e.accepted_at, e.feedback_at, e.closed_at = now, None, None
        elif action == "cancel":
            e.cancel_reason = reason
        elif action == "merge":
            e.merged_into_id = _merge_target(u, e, merged_into)
        e.status = target
        e.status_since = now
        e.is_open = target not in codes.CLOSED_STATUSES
        if not e.is_open:
            e.ladder_due_at = None
            e.on_record_reason = e.on_record_until = None
        text = "；".join(x for x in (reason, note) if x)
        if action == "merge":
            text = f"与事件 #{e.merged_into_id} 重复，已合并" + (f"；{text}" if text else "")
        add_step(u, e, action, old, target, text)
        return text

    return act(ctx, event_id, expected_version, action, apply, unit=unit)


def _merge_target(u: Unit, e: Event, merged_into: int | None) -> int:
    if merged_into is None:
        raise ValidationError("合并需要指明原事件 (merge needs the original event)")
    seen = {e.id}
    target = u.session.get(Event, merged_into)
    while target is not None and target.merged_into_id is not None and target.id not in seen:
        seen.add(target.id)
        target = u.session.get(Event, target.merged_into_id)
    if target is None:
        raise NotFound(f"原事件 #{merged_into} 不存在 (no such event)")
    if target.id == e.id:
        raise ValidationError("事件不能与自身合并 (an event cannot duplicate itself)")
    if target.status == "cancelled":
        raise ValidationError(f"原事件 #{target.id} 已撤销，不能合并到它 (the original was cancelled)")
    return target.id


def claim(ctx: Context, event_id: int, *, expected_version: int | None = None, force: bool = False) -> EventRow:
    """Mark the event as handled by the current user, so that every seat sees who has it."""
    require(ctx.actor, "board.claim")

    def apply(u: Unit, e: Event) -> str:
        if not e.is_open:
            raise IllegalTransition(f"事件 #{e.id} 当前为「{codes.status_name(e.status)}」，无需认领 (event is not open)")
        if e.claimed_by and e.claimed_by != u.actor.username and not force:
            current = event_rows(u.session, [e.id])[e.id]
            raise ConflictError(f"事件 #{e.id} 已由 {e.claimed_name} 认领 (already claimed)", current)
        e.claimed_by, e.claimed_name, e.claimed_at = u.actor.username, actor_name(u), u.now
        add_step(u, e, "claim", e.status, e.status)
        return ""

    return act(ctx, event_id, expected_version, "claim", apply)


def unclaim(ctx: Context, event_id: int, *, expected_version: int | None = None) -> EventRow:
    require(ctx.actor, "board.claim")

    def apply(u: Unit, e: Event) -> str:
        if e.claimed_by is None:
            raise IllegalTransition(f"事件 #{e.id} 未被认领 (not claimed)")
        e.claimed_by = e.claimed_name = e.claimed_at = None
        add_step(u, e, "unclaim", e.status, e.status)
        return ""

    return act(ctx, event_id, expected_version, "unclaim", apply)


def assign(ctx: Context, event_id: int, staff_id: int, *, expected_version: int | None = None,
           unit: Unit | None = None) -> EventRow:
    """Name the person (grid worker, officer, ...) who handles the event on the spot."""
    require(ctx.actor, "board.act")

    def apply(u: Unit, e: Event) -> str:
        staff = u.session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(f"人员 #{staff_id} 不存在 (no such staff)")
        if not e.is_open:
            raise IllegalTransition(f"事件 #{e.id} 当前为「{codes.status_name(e.status)}」，不能指派 (event is not open)")
        e.assignee_staff_id = staff_id
        add_step(u, e, "assign", e.status, e.status, f"指派给 {staff.name}")
        return ""

    return act(ctx, event_id, expected_version, "assign", apply, unit=unit)


def set_urgent(ctx: Context, event_id: int, urgent: bool = True, *, expected_version: int | None = None) -> EventRow:
    """The urgent flag: the row turns red and every seat gets a notice."""
    require(ctx.actor, "board.act")

    def apply(u: Unit, e: Event) -> str:
        e.urgent = urgent
        add_step(u, e, "urgent" if urgent else "not_urgent", e.status, e.status)
        if urgent:
            add_notice(u, e, "urgent", f"紧急事件 #{e.id}：{e.title}（{actor_name(u)} 标记）")
        return ""

    return act(ctx, event_id, expected_version, "urgent" if urgent else "not_urgent", apply)


def put_on_record(ctx: Context, event_id: int, reason: str, review_at: datetime | None, *,
                  expected_version: int | None = None) -> EventRow:
    """挂账: cannot be resolved for now; stays on the board with a reason until its review date.
    ``review_at`` None takes it off record."""
    require(ctx.actor, "board.act")
    reason = (reason or "").strip()
    limits.require((limits.REASON, reason), message="挂账未完成 (not put on record)")
    if review_at is not None and not reason:
        raise ValidationError("挂账需要填写原因 (putting on record needs a reason)")

    def apply(u: Unit, e: Event) -> str:
        if not e.is_open:
            raise IllegalTransition(f"事件 #{e.id} 当前为「{codes.status_name(e.status)}」，不能挂账 (event is not open)")
        if review_at is not None and review_at <= u.now:
            raise ValidationError("复核日期应晚于现在 (the review date must be in the future)")
        if review_at is None:
            e.on_record_reason = e.on_record_until = None
            add_step(u, e, "off_record", e.status, e.status)
        else:
            e.on_record_reason, e.on_record_until = reason, review_at
            add_step(u, e, "on_record", e.status, e.status, f"{reason}；复核日期 {review_at:%Y-%m-%d}")
        return ""

    return act(ctx, event_id, expected_version, "on_record" if review_at else "off_record", apply)


def ladder_due(level: int, start: datetime) -> datetime:
    return start + timedelta(hours=codes.LADDER_HOURS[level])
