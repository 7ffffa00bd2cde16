"""The meeting routine (会商研判; DOMAIN.md "The meeting routine", seed 002): daily meetings, weekly
reviews, monthly assessments and joint consultations with their minutes, attendees and agenda; the
action items (督办事项) their decisions produce, chased to the end; and the rest of the routine
recorded the same way: trainings, skill tests, joint patrols and drills.

Codes are short English words; the lists are in desk.services.meetings.codes."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class Meeting(Base):
    """One meeting: planned (a sign-in sheet can be printed) or held (minutes recorded)."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_kind_day", "kind", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)      # daily, weekly, monthly, joint
    state: Mapped[str] = mapped_column(String(12), default="held")  # planned, held
    day: Mapped[date] = mapped_column(Date, index=True)             # the local day it was held on
    starts_at: Mapped[datetime]
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="SET NULL"), index=True)
    place: Mapped[str] = mapped_column(String(120), default="")
    topic: Mapped[str] = mapped_column(String(120), default="")     # the named matter of a joint consultation
    chair_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    chair_name: Mapped[str] = mapped_column(String(32), default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(32))
    updated_name: Mapped[str] = mapped_column(String(32), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class MeetingAttendee(Base):
    """Someone expected at a meeting: present, absent, or a substitute sent in someone's place."""

    __tablename__ = "meeting_attendee"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(64), default="")       # role or department as printed
    presence: Mapped[str] = mapped_column(String(12), default="present")  # present, absent, substitute
    substitute_for: Mapped[str] = mapped_column(String(32), default="")


class MeetingAgendaLine(Base):
    """One line of the agenda; a pre-filled line names what it came from (an event, a dispatch, an item)."""

    __tablename__ = "meeting_agenda_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(12), default="manual")  # manual, figure, event, dispatch, item
    ref_id: Mapped[int | None] = mapped_column(Integer)
    prefilled: Mapped[bool] = mapped_column(default=False)


class ActionItem(Base):
    """A to-do a decision produced (督办事项): owner, due date, state; carried from meeting to meeting
    of the same kind until it is done or cancelled."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_state_due", "state", "due_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    current_meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    meeting_kind: Mapped[str] = mapped_column(String(12))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    owner_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    owner_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"),
                                                            index=True)
    owner_name: Mapped[str] = mapped_column(String(64), default="")
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), index=True)  # open, in_progress, done, cancelled
    carried: Mapped[int] = mapped_column(Integer, default=0)   # meetings it has been carried to
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(32))
    done_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class ActionItemLink(Base):
    """What an item is about: an event, a dispatch or a grid."""

    __tablename__ = "action_item_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # event, dispatch, grid
    ref_id: Mapped[int] = mapped_column(Integer)


class ActionItemStep(Base):
    """An item's history: created, carried, started, done, cancelled, with who and when."""

    __tablename__ = "action_item_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(32))
    actor_name: Mapped[str] = mapped_column(String(32), default="")
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")


class RoutineRecord(Base):
    """The rest of the routine: a training (案例讲解/情景模拟/业务知识指导), a grid leaders' skill test,
    a joint patrol or an emergency drill, with its participants (JSON: name, role, score) and findings."""

    __tablename__ = "routine_record"
    __table_args__ = (Index("ix_routine_record_kind_day", "kind", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)   # training, skill_test, patrol, drill
    sub_kind: Mapped[str] = mapped_column(String(16), default="")
    day: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[datetime]
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="SET NULL"))
    topic: Mapped[str] = mapped_column(String(120), default="")
    place: Mapped[str] = mapped_column(String(200), default="")  # place or route
    leader: Mapped[str] = mapped_column(String(32), default="")  # trainer, examiner, patrol leader
    participants: Mapped[str] = mapped_column(Text, default="[]")
    findings: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
