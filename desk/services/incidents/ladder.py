"""The dispute ladder (seed 004): grid worker first → grid leader mediates → community police step
in → police station as backstop. A dispute not resolved at its level in time rises to the next
(``escalate_overdue``, run by every seat each minute; the version column lets only one act),
with a notice on the board. Mediation records carry the outcome and the "1+1+N" participants."""
from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlalchemy import select

from desk.models import Event, Mediation
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import ConflictError, ValidationError
from desk.services.incidents import codes
from desk.services.incidents.dispatch_link import OPEN_CASE, current_case
from desk.services.incidents.lifecycle import act, add_notice, add_step, actor_name, ladder_due
from desk.services.incidents.rows import EventRow
from desk.services.permissions import require
from desk.services.unit import SYSTEM, Unit


@dataclass(frozen=True)
class Escalation:
    event_id: int
    from_level: int
    to_level: int


def _rise(u: Unit, e: Event, why: str) -> Escalation:
    old = e.ladder_level
    e.ladder_level = old + 1
    e.ladder_due_at = ladder_due(e.ladder_level, u.now) if e.ladder_level < 4 else ladder_due(4, u.now)
    text = f"{codes.LADDER[old]} → {codes.LADDER[e.ladder_level]}：{why}"
    add_step(u, e, "escalate", e.status, e.status, text)
    add_notice(u, e, "escalated", f"矛盾纠纷 #{e.id}「{e.title}」{why}，已上升至{codes.LADDER[e.ladder_level]}")
    return Escalation(e.id, old, e.ladder_level)


def escalate_overdue(ctx: Context) -> list[Escalation]:
    """Raise every open dispute whose level's time is up by one level. Returns what rose."""
    require(ctx.actor, "board.read")
    now = ctx.clock.now()
    with ctx.read() as s:
        ids = s.scalars(select(Event.id).where(
            Event.is_open.is_(True), Event.kind == "dispute", Event.ladder_level.between(1, 3),
            Event.ladder_due_at < now, Event.on_record_until.is_(None)).order_by(Event.id)).all()
    done: list[Escalation] = []
    system = ctx.as_actor(replace(SYSTEM, seat=ctx.actor.seat))  # the rule acts, not the seat's user
    for event_id in ids:
        try:
            with system.unit() as u:
                e = u.session.get(Event, event_id)
                # Checked again inside the write: another seat may have escalated it meanwhile.
                if (e is None or not e.is_open or not 1 <= e.ladder_level <= 3 or e.ladder_due_at is None
                        or e.ladder_due_at >= u.now or e.on_record_until is not None):
                    continue
                before = {"ladder_level": e.ladder_level}
                hours = codes.LADDER_HOURS[e.ladder_level]
                esc = _rise(u, e, f"{codes.LADDER[e.ladder_level]}超过{hours}小时未化解")
                e.last_action, e.last_actor = "escalate", actor_name(u)
                u.session.flush()
                u.changed("event", e.id, "update")
                u.audit("event.escalate", "event", e.id, before=before, after={"ladder_level": e.ladder_level})
                done.append(esc)
        except ConflictError:
            continue  # another seat acted on it at the same moment; the next run sees the new state
    return done


def record_mediation(ctx: Context, event_id: int, *, outcome: str, mediator: str,
                     participants: list[tuple[str, str]] | None = None, joint: bool = False, note: str = "",
                     expected_version: int | None = None) -> EventRow:
    """A mediation attempt at the dispute's current level. Failed → the dispute rises at once;
    resolved or referred (court/arbitration) → the ladder stops and the event goes to feedback."""
    require(ctx.actor, "board.mediate")
    if outcome not in codes.OUTCOMES:
        raise ValidationError(f"调解结果 {outcome!r} 不存在 (unknown outcome)")
    if not (mediator or "").strip():
        raise ValidationError("请填写调解人 (who mediated?)")
    people = [(n.strip(), r.strip()) for n, r in (participants or []) if n.strip()]
    limits.require((limits.MEDIATOR, mediator.strip()), (limits.NOTE, (note or "").strip()),
                   *[(limits.DISPLAY_NAME, n) for n, _r in people], *[(limits.MEDIATOR, r) for _n, r in people],
                   message="调解记录未保存 (the mediation was not recorded)")
    if joint and len(people) < 3:
        raise ValidationError("\"1+1+N\"联合调解至少需要3名参与人 (joint mediation needs at least 3 people)")

    def apply(u: Unit, e: Event) -> str:
        if e.kind != "dispute" or not e.is_open:
            raise ValidationError(f"事件 #{e.id} 不是进行中的矛盾纠纷 (not an open dispute)")
        u.session.add(Mediation(event_id=e.id, at=u.now, level=e.ladder_level, mediator=mediator.strip(),
                                outcome=outcome, joint=joint, note=note.strip(), recorded_by=u.actor.username,
                                participants=json.dumps([{"name": n, "role": r} for n, r in people],
                                                        ensure_ascii=False)))
        u.changed("mediation", e.id, "insert")
        add_step(u, e, "mediate", e.status, e.status,
                 f"{codes.LADDER.get(e.ladder_level, '')} {mediator}：{codes.OUTCOMES[outcome]}"
                 + (f"（1+1+N：{'、'.join(n for n, _ in people)}）" if joint else "") + (f"；{note}" if note else ""))
        if outcome == "failed" and e.ladder_level < 4:
            _rise(u, e, f"{codes.LADDER[e.ladder_level]}调解未成")
        elif outcome in ("resolved", "referred"):
            e.ladder_due_at = None
            case = current_case(u.session, e.id)
            if case is not None and case.state in OPEN_CASE:
                pass  # a department holds the case: the event moves with the department's feedback, not here
            elif e.status in ("in_grid", "handling"):
                old, e.status, e.status_since, e.feedback_at = e.status, "feedback", u.now, u.now
                add_step(u, e, "feedback", old, "feedback", codes.OUTCOMES[outcome])
        return ""

    return act(ctx, event_id, expected_version, "mediate", apply)
