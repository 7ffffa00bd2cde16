"""Sending an event to a department (派单) and re-routing it (改派).

One lead department plus assisting departments (联办), an acceptance time limit, a handling
deadline and instructions. The routing proposal is stored beside the choice, and a choice that
differs from it is recorded as an override. Two seats dispatching the same event at once: the
first wins; the second gets a ConflictError saying who sent it to whom (SCENARIOS.md, 7)."""
from __future__ import annotations

from datetime import datetime, timedelta

from desk.clock import format_local
from desk.models import Department, Dispatch, DispatchParty, Event, Matter
from desk.services import limits
from desk.services.context import Context
from desk.services.dispatch import common
from desk.services.dispatch.codes import ACCEPT_MINUTES, URGENT_ACCEPT_MINUTES
from desk.services.dispatch.routing import RouteProposal, propose_route
from desk.services.errors import ConflictError, NotFound, ValidationError
from desk.services.incidents.deadlines import load_limits
from desk.services.incidents.dispatch_link import current_case, end_case, lapse_extensions
from desk.services.incidents.lifecycle import IllegalTransition, transition
from desk.services.permissions import require
from desk.services.unit import Unit


def _who_has_it(ctx: Context, event_id: int) -> str | None:
    with ctx.read() as s:
        from sqlalchemy import select

        d = s.scalars(select(Dispatch).where(Dispatch.event_id == event_id, Dispatch.active)
                      .order_by(Dispatch.id.desc())).first()
        if d is None or d.state not in ("sent", "accepted", "feedback", "verified"):
            return None
        dep = s.get(Department, d.department_id)
        return (f"事件 #{event_id} 刚刚已由 {d.dispatched_name or d.dispatched_by} 派给 "
                f"{dep.short_name if dep else '#' + str(d.department_id)}（{format_local(d.dispatched_at)}），"
                f"当前状态：{'待签收' if d.state == 'sent' else '办理中'}")


def _create(u: Unit, e: Event, department_id: int, assist_ids: list[int], matter_id: int | None,
            deadline_at: datetime | None, instructions: str, proposal: RouteProposal | None,
            override_reason: str) -> Dispatch:
    s = u.session
    if s.get(Department, department_id) is None:
        raise NotFound(f"部门 #{department_id} 不存在 (no such department)")
    assist_ids = [a for a in dict.fromkeys(assist_ids) if a != department_id]
    for a in assist_ids:
        if s.get(Department, a) is None:
            raise NotFound(f"协办部门 #{a} 不存在 (no such department)")
    matter = s.get(Matter, matter_id) if matter_id is not None else None
    if matter_id is not None and matter is None:
        raise NotFound(f"事项 #{matter_id} 不存在 (no such matter)")
    now = u.now
    if deadline_at is None:
        if matter is not None:
            deadline_at = now + timedelta(hours=matter.limit_hours)
        else:
            limit = load_limits(s).for_event(e.kind, e.sub_kind, e.urgent)
            deadline_at = now + timedelta(minutes=limit.handle_red)
    if deadline_at <= now:
        raise ValidationError("办理时限应晚于现在 (the deadline must be in the future)")
    proposed = proposal.department_id if proposal else None
    overridden = proposed is not None and proposed != department_id
    d = Dispatch(event_id=e.id, matter_id=matter_id, department_id=department_id, grid_id=e.grid_id,
                 community_id=e.community_id, police=e.police, instructions=(instructions or "").strip(),
                 dispatched_at=now, dispatched_by=u.actor.username, dispatched_name=common.actor_name(u),
                 accept_by=now + timedelta(minutes=URGENT_ACCEPT_MINUTES if e.urgent else ACCEPT_MINUTES),
                 deadline_at=deadline_at, proposed_department_id=proposed,
                 routing_reason=proposal.reason if proposal else "", overridden=overridden,
                 override_reason=(override_reason or "").strip() if overridden else "", state="sent",
                 active=True, urgent=e.urgent)
    s.add(d)
    s.flush()
    s.add(DispatchParty(dispatch_id=d.id, department_id=department_id, role="lead"))
    s.add_all([DispatchParty(dispatch_id=d.id, department_id=a, role="assist") for a in assist_ids])
    names = [common.department_name(u, x) for x in [department_id, *assist_ids]]
    text = f"承办 {names[0]}" + (f"，协办 {'、'.join(names[1:])}" if names[1:] else "")
    common.entry(u, d, "dispatch", text=text + (f"；{d.instructions}" if d.instructions else ""))
    if overridden:
        common.entry(u, d, "override", text=f"建议 {common.department_name(u, proposed)}（{d.routing_reason}），"
                                            f"改派 {names[0]}" + (f"：{d.override_reason}" if d.override_reason else ""))
    u.changed("dispatch", d.id, "insert")
    u.audit("dispatch.send", "dispatch", d.id, after={
        "event_id": e.id, "department_id": department_id, "assist": assist_ids, "matter_id": matter_id,
        "deadline_at": deadline_at, "proposed_department_id": proposed, "overridden": overridden})
    return d


def _end_previous(u: Unit, e: Event, old: Dispatch, department_id: int, reason: str,
                  before: dict | None = None) -> None:
    """The event's current case ends because it is sent to a department again: a returned or open
    case counts as re-routed (the old department is told); a closed one just stops being current."""
    new_name = common.department_name(u, department_id)
    if old.state == "closed":
        end_case(u, e, old, "closed", f"事件 #{e.id} 重新派给 {new_name}，本派单已结束", clear_department=False)
        return
    before = before or common.snapshot(old)
    # a case the event no longer agrees with (old data) ends the same way; the transition checked the event
    old.state, old.active = "rerouted", False
    lapse_extensions(u, old, "案件已改派，延期申请失效")
    common.entry(u, old, "reroute", text=f"改派 {new_name}：{reason}")
    common.entry(u, old, "reroute_notice", department_id=old.department_id,
                 text=f"案件 #{e.id}「{e.title}」已改派 {new_name}，本部门无需再办理")
    common.touch(u, old, "reroute", before, to_department_id=department_id, reason=reason)


def dispatch_event(ctx: Context, event_id: int, department_id: int, *, assist_ids: list[int] | None = None,
                   matter_id: int | None = None, deadline_at: datetime | None = None, instructions: str = "",
                   override_reason: str = "", expected_version: int | None = None,
                   proposal: RouteProposal | None = None) -> int:
    """派单. Returns the dispatch id. ``expected_version`` is the event version the seat saw."""
    require(ctx.actor, "dispatch.send")
    limits.require((limits.NOTE, (instructions or "").strip()), (limits.REASON, (override_reason or "").strip()),
                   message="未派单 (not dispatched)")
    if proposal is None:
        proposal = propose_route(ctx, event_id, matter_id)
    if matter_id is None:
        matter_id = proposal.matter_id  # the matters list's match sets the time limit
    try:
        with ctx.unit() as u:
            e = u.session.get(Event, event_id)
            if e is None:
                raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
            previous = current_case(u.session, event_id)
            transition(ctx, event_id, "dispatch", expected_version=expected_version, department_id=department_id,
                       note=f"派给 {common.department_name(u, department_id)}", unit=u, by_dispatch=True)
            if previous is not None:  # e.g. sent again from the board's dialog after a return
                _end_previous(u, e, previous, department_id, "重新派单")
            d = _create(u, e, department_id, assist_ids or [], matter_id, deadline_at, instructions, proposal,
                        override_reason)
            return d.id
    except (ConflictError, IllegalTransition) as exc:
        said = _who_has_it(ctx, event_id)
        if said is None:
            raise
        with ctx.read() as s:
            from desk.services.incidents.rows import event_rows

            current = event_rows(s, [event_id]).get(event_id)
        raise ConflictError(said, current) from exc


def reroute(ctx: Context, dispatch_id: int, department_id: int, reason: str, *,
            assist_ids: list[int] | None = None, matter_id: int | None = None, deadline_at: datetime | None = None,
            instructions: str = "", expected_version: int | None = None) -> int:
    """改派: after a return, or when the matter turns out different. The old department is told.
    The return counts against the routing in the figures, not against the department that returned it."""
    require(ctx.actor, "dispatch.send")
    reason = (reason or "").strip()
    limits.require((limits.REASON, reason), (limits.NOTE, (instructions or "").strip()), message="未改派 (not re-routed)")
    if not reason:
        raise ValidationError("改派需要说明原因 (re-routing needs a reason)")
    with ctx.read() as s:
        old = s.get(Dispatch, dispatch_id)
        if old is None:
            raise NotFound(f"派单 #{dispatch_id} 不存在 (no such dispatch)")
        event_id = old.event_id
    proposal = propose_route(ctx, event_id, matter_id)
    with ctx.unit() as u:
        old = common.load(u, dispatch_id)
        if expected_version is not None and old.version != expected_version:
            raise ConflictError(f"案件 #{old.event_id} 刚被另一席位处理，请刷新后再改派 (changed by another seat)")
        common.need_state(old, "sent", "accepted", "returned", what="改派")
        if department_id == old.department_id:
            raise ValidationError("改派应选择另一个部门 (choose another department)")
        before = common.snapshot(old)
        e = u.session.get(Event, old.event_id)
        if old.state in ("sent", "accepted"):
            transition(ctx, e.id, "return", reason=f"改派：{reason}", unit=u, by_dispatch=True)
        new_name = common.department_name(u, department_id)
        transition(ctx, e.id, "dispatch", department_id=department_id, note=f"改派 {new_name}：{reason}", unit=u,
                   by_dispatch=True)
        _end_previous(u, e, old, department_id, reason, before)
        d = _create(u, e, department_id, assist_ids or [], matter_id if matter_id is not None else old.matter_id,
                    deadline_at, instructions, proposal, reason)
        return d.id
