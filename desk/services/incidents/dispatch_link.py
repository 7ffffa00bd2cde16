"""The board's side of the link between an event and its department case (dispatch).

An event sent to a department has one *current* dispatch (``Dispatch.active``); its state and the
event's status move together, and only the dispatch services (desk.services.dispatch) move them,
passing ``by_dispatch=True`` to the lifecycle. A move made on the board directly is checked here:

- the department's and the case's own steps (dispatch, start, return, feedback, verify, close,
  call-back) are refused while a department case is current, naming the case and where to act —
  they would leave the case behind (a "handling" event whose case was never accepted, ...);
- the moves that take the event away from the department (back to the grid after a return,
  cancel, merge as a duplicate, reopening a closed case) end the current case in the same unit
  of work: it stops being current, the department is told on the case, a pending extension
  request lapses, and the event no longer names the department.

Only models are used here (the dispatch services import the lifecycle, not the other way round).
"""
from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, DispatchEntry, Event, Extension
from desk.services.unit import Unit

# Dispatch states (desk.services.dispatch.codes.STATES) as the board needs them.
OPEN_CASE = ("sent", "accepted", "feedback", "verified", "returned")
CASE_STATE_NAMES = {"sent": "待签收", "accepted": "办理中", "feedback": "待核查", "verified": "已核查",
                    "closed": "已办结", "returned": "已退单", "rerouted": "已改派", "withdrawn": "已撤回"}
# Steps the department case carries: on the board they would move the event without the case.
CASE_STEPS = frozenset({"start", "return", "feedback", "verify", "close", "call_back"})
# Board moves that take the event away from its department: the current case ends with them.
ENDS_CASE = frozenset({"handle_in_grid", "cancel", "merge"})
# Where the step is done instead (for the refusal message).
WHERE = {"start": "部门案件「签收」", "return": "部门案件「退单」", "feedback": "部门案件「反馈」",
         "verify": "派单页「核查」", "close": "派单页「办结」", "call_back": "派单页「回访」"}


def current_case(s: Session, event_id: int) -> Dispatch | None:
    """The event's current dispatch (there is at most one; the newest if old data has more)."""
    return s.scalars(select(Dispatch).where(Dispatch.event_id == event_id, Dispatch.active)
                     .order_by(Dispatch.id.desc())).first()


def _department(s: Session, department_id: int | None) -> str:
    dep = s.get(Department, department_id) if department_id is not None else None
    return dep.short_name if dep else (f"#{department_id}" if department_id is not None else "")


def check_board_move(u: Unit, e: Event, action: str, action_name: str, note: str) -> None:
    """Called by the lifecycle before a move made on the board (not by the dispatch services).
    Raises IllegalTransition for a step the department case must carry; ends the case for a move
    that takes the event away from the department. Changes nothing when it refuses."""
    from desk.services.incidents.lifecycle import IllegalTransition

    if action == "dispatch":
        raise IllegalTransition(
            f"事件 #{e.id} 派单请使用「派单」对话框选择承办部门和办理时限 "
            f"(dispatch through the dispatch service, which records the department case)")
    d = current_case(u.session, e.id)
    if d is None:
        return
    dep = _department(u.session, d.department_id)
    state = CASE_STATE_NAMES.get(d.state, d.state)
    if action in CASE_STEPS:
        raise IllegalTransition(
            f"事件 #{e.id} 已派给 {dep}（派单 #{d.id}，{state}），{action_name}请在{WHERE[action]}中办理 "
            f"(the department case #{d.id} carries this step: act on the dispatch)")
    if action == "reopen":
        if d.state != "closed":
            raise IllegalTransition(
                f"事件 #{e.id} 的派单 #{d.id} 在 {dep} {state}：核查不通过可退回部门重新办理，"
                f"办结后方可重新办理 (fail the verification to send it back, or close it first)")
        end_case(u, e, d, "closed", f"事件 #{e.id} 重新办理（{note}），本派单已结束；如需部门办理将重新派单")
    elif action in ENDS_CASE and d.state in OPEN_CASE:
        end_case(u, e, d, "returned" if d.state == "returned" else "withdrawn",
                 f"事件 #{e.id}「{e.title}」已{action_name}" + (f"（{note}）" if note else "") + "，本部门无需再办理")


def end_case(u: Unit, e: Event, d: Dispatch, state: str, text: str, *, clear_department: bool = True) -> None:
    """The case stops being current: ``state`` is what it ended as (returned, withdrawn, closed,
    rerouted); the department is told on the case; a pending extension request lapses."""
    before = {"state": d.state, "active": d.active, "version": d.version}
    d.state, d.active = state, False
    lapse_extensions(u, d, "案件已结束，延期申请失效")
    u.session.add(DispatchEntry(dispatch_id=d.id, event_id=d.event_id, department_id=d.department_id, at=u.now,
                                kind="withdraw", text=text, attachments=json.dumps([]), actor=u.actor.username,
                                actor_name=u.actor.display_name or u.actor.username))
    u.changed("dispatch_entry", d.id, "insert")
    if clear_department and e.department_id == d.department_id:
        e.department_id = None
    u.session.flush()
    u.changed("dispatch", d.id, "update")
    u.audit("dispatch.end", "dispatch", d.id, before=before,
            after={"state": d.state, "active": False, "event_id": d.event_id, "department_id": d.department_id})


def lapse_extensions(u: Unit, d: Dispatch, note: str) -> None:
    """Pending extension requests of a case that is no longer in the department's hands lapse."""
    for x in u.session.scalars(select(Extension).where(Extension.dispatch_id == d.id, Extension.state == "requested")):
        x.state, x.decided_at, x.decided_by, x.decision_note = "lapsed", u.now, u.actor.username, note
        u.changed("dispatch_extension", x.id, "update")
