"""Meetings and action items as plain, immutable rows for the page, the dialogs, the CLI and the PDF."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import (
    ActionItem, ActionItemLink, ActionItemStep, Community, Grid, Meeting, MeetingAgendaLine, MeetingAttendee,
)
from desk.services.meetings import codes


@dataclass(frozen=True)
class AttendeeRow:
    staff_id: int | None
    name: str
    unit: str = ""
    presence: str = "present"        # present, absent, substitute
    substitute_for: str = ""


@dataclass(frozen=True)
class AgendaLine:
    text: str
    source: str = "manual"           # manual, figure, event, dispatch, item
    ref_id: int | None = None
    prefilled: bool = False

    @property
    def opens(self) -> str | None:
        """What a double-click opens: 'event' or 'dispatch' (with ref_id), else None."""
        return self.source if self.source in ("event", "dispatch") and self.ref_id is not None else None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    kind: str
    state: str
    day: date
    starts_at: datetime
    community_id: int | None
    community_name: str
    grid_id: int | None
    grid_name: str
    place: str
    topic: str
    chair_name: str
    present: int
    absent: int
    items: int
    updated_name: str
    version: int

    @property
    def kind_text(self) -> str:
        return codes.kind_name(self.kind)

    @property
    def scope_text(self) -> str:
        return self.grid_name or self.community_name or "街道"


@dataclass(frozen=True)
class ItemRow:
    id: int
    meeting_id: int
    current_meeting_id: int
    meeting_kind: str
    meeting_day: date
    community_id: int | None
    community_name: str
    title: str
    detail: str
    owner_staff_id: int | None
    owner_department_id: int | None
    owner_name: str
    due_on: date
    state: str              # stored state
    effective: str          # the state as shown: overdue once the due date passed unfinished
    carried: int
    done_at: datetime | None
    links: tuple[tuple[str, int], ...]
    version: int

    @property
    def state_text(self) -> str:
        return codes.item_state_name(self.effective)

    @property
    def open(self) -> bool:
        return self.state in codes.UNFINISHED


@dataclass(frozen=True)
class ItemStepRow:
    at: datetime
    actor_name: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str


@dataclass(frozen=True)
class MeetingDetail:
    row: MeetingRow
    chair_staff_id: int | None
    discussion: str
    decisions: str
    attendees: tuple[AttendeeRow, ...]
    agenda: tuple[AgendaLine, ...]
    items: tuple[ItemRow, ...]          # items this meeting made
    carried_in: tuple[ItemRow, ...]     # unfinished items carried to this meeting from earlier ones


def effective_state(state: str, due_on: date, today: date) -> str:
    return "overdue" if state in codes.UNFINISHED and due_on < today else state


def _names(s: Session) -> tuple[dict[int, str], dict[int, str]]:
    comms = dict(s.execute(select(Community.id, Community.name)).all())
    grids = dict(s.execute(select(Grid.id, Grid.name)).all())
    return comms, grids


def meeting_rows(s: Session, where=(), limit: int | None = None) -> list[MeetingRow]:
    q = (select(Meeting.id, Meeting.kind, Meeting.state, Meeting.day, Meeting.starts_at, Meeting.community_id,
                Meeting.grid_id, Meeting.place, Meeting.topic, Meeting.chair_name, Meeting.updated_name,
                Meeting.version)
         .where(*where).order_by(Meeting.day.desc(), Meeting.starts_at.desc(), Meeting.id.desc()))
    if limit:
        q = q.limit(limit)
    meetings = s.execute(q).all()
    if not meetings:
        return []
    comms, grids = _names(s)
    ids = [m.id for m in meetings]
    counts: dict[int, dict[str, int]] = {}
    items: dict[int, int] = {}
    for chunk in range(0, len(ids), 1000):
        part = ids[chunk:chunk + 1000]
        for mid, presence, n in s.execute(select(MeetingAttendee.meeting_id, MeetingAttendee.presence, func.count())
                                          .where(MeetingAttendee.meeting_id.in_(part))
                                          .group_by(MeetingAttendee.meeting_id, MeetingAttendee.presence)):
            counts.setdefault(mid, {})[presence] = int(n)
        items.update(s.execute(select(ActionItem.meeting_id, func.count()).where(ActionItem.meeting_id.in_(part))
                               .group_by(ActionItem.meeting_id)).all())
    out = []
    for m in meetings:
        c = counts.get(m.id, {})
        out.append(MeetingRow(m.id, m.kind, m.state, m.day, m.starts_at, m.community_id,
                              comms.get(m.community_id, ""), m.grid_id, grids.get(m.grid_id, ""), m.place, m.topic,
                              m.chair_name, c.get("present", 0) + c.get("substitute", 0), c.get("absent", 0),
                              int(items.get(m.id, 0)), m.updated_name, m.version))
    return out


def item_rows(s: Session, where=(), today: date | None = None, limit: int | None = None) -> list[ItemRow]:
    q = (select(ActionItem, Meeting.day).join(Meeting, Meeting.id == ActionItem.meeting_id)
         .where(*where).order_by(ActionItem.due_on, ActionItem.id))
    if limit:
        q = q.limit(limit)
    found = s.execute(q).all()
    if not found:
        return []
    comms = dict(s.execute(select(Community.id, Community.name)).all())
    ids = [i.id for i, _ in found]
    links: dict[int, list] = {}
    for chunk in range(0, len(ids), 1000):
        part = ids[chunk:chunk + 1000]
        for item_id, kind, ref in s.execute(select(ActionItemLink.item_id, ActionItemLink.kind, ActionItemLink.ref_id)
                                            .where(ActionItemLink.item_id.in_(part))
                                            .order_by(ActionItemLink.id)):
            links.setdefault(item_id, []).append((kind, ref))
    today = today or date.min
    return [ItemRow(i.id, i.meeting_id, i.current_meeting_id, i.meeting_kind, day, i.community_id,
                    comms.get(i.community_id, ""), i.title, i.detail, i.owner_staff_id, i.owner_department_id,
                    i.owner_name, i.due_on, i.state, effective_state(i.state, i.due_on, today), i.carried,
                    i.done_at, tuple(links.get(i.id, ())), i.version) for i, day in found]


def item_steps(s: Session, item_id: int) -> tuple[ItemStepRow, ...]:
    q = select(ActionItemStep).where(ActionItemStep.item_id == item_id).order_by(ActionItemStep.id)
    return tuple(ItemStepRow(x.at, x.actor_name or x.actor, x.action, x.from_state, x.to_state, x.note)
                 for x in s.scalars(q))


def meeting_detail(s: Session, meeting_id: int, today: date) -> MeetingDetail | None:
    rows = meeting_rows(s, (Meeting.id == meeting_id,))
    if not rows:
        return None
    m = s.get(Meeting, meeting_id)
    attendees = tuple(AttendeeRow(a.staff_id, a.name, a.unit, a.presence, a.substitute_for)
                      for a in s.scalars(select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id)
                                         .order_by(MeetingAttendee.position, MeetingAttendee.id)))
    agenda = tuple(AgendaLine(x.text, x.source, x.ref_id, x.prefilled)
                   for x in s.scalars(select(MeetingAgendaLine).where(MeetingAgendaLine.meeting_id == meeting_id)
                                      .order_by(MeetingAgendaLine.position, MeetingAgendaLine.id)))
    items = tuple(item_rows(s, (ActionItem.meeting_id == meeting_id,), today))
    carried = tuple(item_rows(s, (ActionItem.current_meeting_id == meeting_id,
                                  ActionItem.meeting_id != meeting_id), today))
    return MeetingDetail(rows[0], m.chair_staff_id, m.discussion, m.decisions, attendees, agenda, items, carried)
