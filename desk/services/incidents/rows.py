"""Reading events as plain, immutable rows for the board, the event dialog and the CLI."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from desk.models import (
    BoardNotice, Community, Department, Dispatch, DispatchParty, Event, EventAttachment, EventStep, Grid,
    Mediation, Role, Staff,
)
from desk.services.context import Context
from desk.services.errors import NotFound
from desk.services.incidents import codes
from desk.services.incidents.deadlines import Limits, due_times, load_limits, state_at
from desk.services.permissions import require
from desk.services.pii import mask_phone
from desk.services.scope import grid_scope


@dataclass(frozen=True)
class EventRow:
    id: int
    reported_at: datetime
    source: str
    kind: str
    sub_kind: str
    police: bool
    urgent: bool
    grid_id: int | None
    grid_name: str
    community_id: int | None
    community_name: str
    address: str
    title: str
    text: str          # title, description and address: what search looks in
    initials: str
    status: str
    claimed_by: str | None
    claimed_name: str | None
    department_name: str
    assignee_name: str
    stage: str | None
    yellow_at: datetime | None
    red_at: datetime | None
    on_record_reason: str | None
    on_record_until: datetime | None
    ladder_level: int
    ladder_due_at: datetime | None
    merged_into_id: int | None
    last_action: str
    last_actor: str
    status_since: datetime
    version: int
    history: bool = False  # an imported case closed elsewhere: nothing more to do on it here

    def deadline(self, now: datetime) -> str:
        """'none', 'ok', 'yellow', 'red' or 'on_record' at ``now``."""
        state = state_at(now, self.yellow_at, self.red_at, self.on_record_until)
        if state not in ("red", "on_record") and self.ladder_due_at is not None and now > self.ladder_due_at:
            return "red"
        return state

    @property
    def kind_text(self) -> str:
        return codes.kind_name(self.kind, self.sub_kind)

    @property
    def status_text(self) -> str:
        return codes.status_name(self.status)


@dataclass(frozen=True)
class StepRow:
    at: datetime
    actor: str
    actor_name: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    mime: str
    size: int
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class MediationRow:
    at: datetime
    level: int
    mediator: str
    outcome: str
    joint: bool
    participants: tuple[tuple[str, str], ...]
    note: str


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    description: str
    reporter_name: str
    phone: str          # masked (138****5678); the full number via incidents.reporter_phone (audited)
    lat: float | None
    lon: float | None
    cancel_reason: str | None
    satisfaction: str | None
    duplicates: tuple[int, ...]
    steps: tuple[StepRow, ...]
    attachments: tuple[AttachmentRow, ...]
    mediations: tuple[MediationRow, ...]


@dataclass(frozen=True)
class NoticeRow:
    id: int
    at: datetime
    event_id: int | None
    kind: str
    text: str


_Assignee = aliased(Staff)


def _query():
    return (select(Event, Grid.name, Community.name, Department.short_name, _Assignee.name)
            .outerjoin(Grid, Grid.id == Event.grid_id)
            .outerjoin(Community, Community.id == Event.community_id)
            .outerjoin(Department, Department.id == Event.department_id)
            .outerjoin(_Assignee, _Assignee.id == Event.assignee_staff_id))


def to_row(e: Event, grid_name, community_name, dept_name, assignee_name, limits: Limits) -> EventRow:
    stage, yellow, red = due_times(limits, kind=e.kind, sub_kind=e.sub_kind, urgent=e.urgent, status=e.status,
                                   reported_at=e.reported_at, accepted_at=e.accepted_at, feedback_at=e.feedback_at)
    return EventRow(
        e.id, e.reported_at, e.source, e.kind, e.sub_kind, e.police, e.urgent, e.grid_id, grid_name or "",
        e.community_id, community_name or "", e.address, e.title,
        " ".join((e.title, e.description, e.address)), e.initials, e.status, e.claimed_by, e.claimed_name,
        dept_name or "", assignee_name or "", stage, yellow, red, e.on_record_reason, e.on_record_until,
        e.ladder_level, e.ladder_due_at if e.is_open else None, e.merged_into_id, e.last_action, e.last_actor,
        e.status_since, e.version, bool(e.history))


def open_events(ctx: Context) -> tuple[EventRow, ...]:
    """Every open event the person works on, newest first: what the board shows. Grid staff see
    their own grids' events; a department's liaison the events sent to their department."""
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        limits = load_limits(s)
        query = _query().where(Event.is_open.is_(True))
        place = _place_filter(s, ctx.actor)
        if place is not None:
            query = query.where(place)
        result = s.execute(query.order_by(Event.reported_at.desc(), Event.id.desc()))
        return tuple(to_row(*r, limits) for r in result)


def _place_filter(s: Session, actor):
    grids = grid_scope(s, actor)
    if grids is not None:
        return Event.grid_id.in_(grids)
    if actor.role == Role.DEPARTMENT_LIAISON.value:
        sent = (select(Dispatch.event_id).join(DispatchParty, DispatchParty.dispatch_id == Dispatch.id)
                .where(DispatchParty.department_id == actor.department_id))
        return or_(Event.department_id == actor.department_id, Event.id.in_(sent))
    return None


def event_rows(session: Session, ids: list[int]) -> dict[int, EventRow]:
    limits = load_limits(session)
    result = session.execute(_query().where(Event.id.in_(ids)))
    return {r[0].id: to_row(*r, limits) for r in result}


def event_row(ctx: Context, event_id: int) -> EventRow:
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        rows = event_rows(s, [event_id])
    if event_id not in rows:
        raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
    return rows[event_id]


def event_detail(ctx: Context, event_id: int) -> EventDetail:
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        rows = event_rows(s, [event_id])
        if event_id not in rows:
            raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
        e = s.get(Event, event_id)
        # Always masked here; the full number only through reporter.reporter_phone (checked, audited).
        phone = mask_phone(ctx.cipher.decrypt(e.phone_enc) or "")
        steps = s.execute(select(EventStep).where(EventStep.event_id == event_id)
                          .order_by(EventStep.at, EventStep.id)).scalars()
        atts = s.execute(select(EventAttachment.id, EventAttachment.filename, EventAttachment.mime,
                                EventAttachment.size, EventAttachment.added_at, EventAttachment.added_by)
                         .where(EventAttachment.event_id == event_id).order_by(EventAttachment.id)).all()
        meds = s.scalars(select(Mediation).where(Mediation.event_id == event_id).order_by(Mediation.at, Mediation.id))
        dups = s.scalars(select(Event.id).where(Event.merged_into_id == event_id).order_by(Event.id)).all()
        return EventDetail(
            rows[event_id], e.description, e.reporter_name, phone, e.lat, e.lon, e.cancel_reason, e.satisfaction,
            tuple(dups),
            tuple(StepRow(x.at, x.actor, x.actor_name, x.action, x.from_status, x.to_status, x.note) for x in steps),
            tuple(AttachmentRow(*a) for a in atts),
            tuple(MediationRow(m.at, m.level, m.mediator, m.outcome, m.joint,
                               tuple((p.get("name", ""), p.get("role", "")) for p in json.loads(m.participants)),
                               m.note) for m in meds))


def notices(ctx: Context, after_id: int = 0, limit: int = 50) -> tuple[NoticeRow, ...]:
    """The latest notices (newest last), after ``after_id``."""
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        rows = s.scalars(select(BoardNotice).where(BoardNotice.id > after_id)
                         .order_by(BoardNotice.id.desc()).limit(limit)).all()
        return tuple(NoticeRow(n.id, n.at, n.event_id, n.kind, n.text) for n in reversed(rows))


def describe(row: EventRow) -> str:
    """The current state in a sentence, for conflict messages."""
    who = row.last_actor or "另一席位"
    action = codes.ACTION_NAMES.get(row.last_action, row.last_action)
    extra = f"，认领人：{row.claimed_name}" if row.claimed_name else ""
    return f"事件 #{row.id} 刚刚已由 {who} {action}，当前状态：{row.status_text}{extra}"
