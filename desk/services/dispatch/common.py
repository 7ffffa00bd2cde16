"""Shared steps of the dispatch services: loading a dispatch with the rules that guard it,
recording an entry, and the wrap around the board's lifecycle for moves it does not have."""
from __future__ import annotations

import json

from sqlalchemy import select

from desk.models import Department, Dispatch, DispatchEntry, DispatchParty, Event
from desk.services.errors import NotFound, PermissionDenied, ValidationError
from desk.services.incidents.lifecycle import actor_name, add_step
from desk.services.unit import Actor, Unit

LIAISON = "liaison"


def is_liaison(actor: Actor) -> bool:
    return actor.role == LIAISON


def party_departments(u: Unit, dispatch_id: int) -> dict[int, str]:
    rows = u.session.execute(select(DispatchParty.department_id, DispatchParty.role)
                             .where(DispatchParty.dispatch_id == dispatch_id)).all()
    return {d: r for d, r in rows}


def check_department(u: Unit, d: Dispatch, lead_only: bool = False) -> None:
    """A liaison acts only on their own department's cases (the lead's, or an assisting one's)."""
    actor = u.actor
    if not is_liaison(actor):
        return
    parties = party_departments(u, d.id)
    mine = actor.department_id
    if mine is None or mine not in parties or (lead_only and parties[mine] != "lead"):
        raise PermissionDenied(f"只能办理本部门的案件 (case #{d.event_id} belongs to another department)")


def load(u: Unit, dispatch_id: int, *, lock: bool = True) -> Dispatch:
    d = u.session.get(Dispatch, dispatch_id, with_for_update=lock and not u.db.sqlite)
    if d is None:
        raise NotFound(f"派单 #{dispatch_id} 不存在 (no such dispatch)")
    return d


def active_dispatch(u: Unit, event_id: int) -> Dispatch | None:
    return u.session.scalars(select(Dispatch).where(Dispatch.event_id == event_id, Dispatch.active)
                             .order_by(Dispatch.id.desc())).first()


def need_state(d: Dispatch, *states: str, what: str) -> None:
    from desk.services.dispatch.codes import state_name

    if not d.active:
        raise ValidationError(f"派单 #{d.id} 已结束（{state_name(d.state)}），不能{what}；请查看案件 #{d.event_id} 的当前派单 "
                              f"(this dispatch is no longer the event's current case)")
    if d.state not in states:
        raise ValidationError(f"案件 #{d.event_id} 当前「{state_name(d.state)}」，不能{what} "
                              f"(dispatch is {d.state})")


def entry(u: Unit, d: Dispatch, kind: str, *, text: str = "", outcome: str = "", level: int = 0,
          round_: int = 0, department_id: int | None = None, attachments: list[int] | None = None) -> None:
    u.session.add(DispatchEntry(
        dispatch_id=d.id, event_id=d.event_id, department_id=department_id or d.department_id, at=u.now,
        kind=kind, outcome=outcome, level=level, round=round_, text=text, attachments=json.dumps(attachments or []),
        actor=u.actor.username, actor_name=actor_name(u)))
    u.changed("dispatch_entry", d.id, "insert")


def touch(u: Unit, d: Dispatch, action: str, before: dict | None = None, **after) -> None:
    """Change record and audit for the dispatch row."""
    u.session.flush()
    u.changed("dispatch", d.id, "update")
    u.audit(f"dispatch.{action}", "dispatch", d.id, before=before,
            after={"state": d.state, "event_id": d.event_id, "department_id": d.department_id, **after})


def snapshot(d: Dispatch) -> dict:
    return {"state": d.state, "department_id": d.department_id, "deadline_at": d.deadline_at,
            "supervision": d.supervision, "urgent": d.urgent, "version": d.version}


def department_name(u: Unit, department_id: int | None) -> str:
    if department_id is None:
        return ""
    dep = u.session.get(Department, department_id)
    return dep.short_name if dep else f"#{department_id}"


def event_step(u: Unit, event_id: int, action: str, note: str) -> None:
    """A line on the event's timeline (the board's) without a status change."""
    e = u.session.get(Event, event_id)
    add_step(u, e, action, e.status, e.status, note)
    u.changed("event", e.id, "update")


def move_event(u: Unit, event_id: int, action: str, source: str, target: str, note: str) -> None:
    """A status move the board's state machine does not offer (feedback → handling after a failed
    verification). Kept here, recorded on the event's timeline and audited like the board's moves.
    The event must be in ``source`` (its case's state says so; anything else is refused, not forced)."""
    from desk.services.incidents.codes import status_name
    from desk.services.incidents.lifecycle import IllegalTransition

    e = u.session.get(Event, event_id)
    before = e.status
    if before != source:
        raise IllegalTransition(f"事件 #{e.id} 当前为「{status_name(before)}」，与派单不一致，不能退回重新办理 "
                                f"(event is {before}, expected {source})")
    e.status, e.status_since, e.is_open = target, u.now, True
    e.feedback_at = None
    e.last_action, e.last_actor = action, actor_name(u)
    add_step(u, e, action, before, target, note)
    u.session.flush()
    u.changed("event", e.id, "update")
    u.audit(f"event.{action}", "event", e.id, before={"status": before}, after={"status": target})
