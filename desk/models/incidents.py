"""Events (事件) from report to call-back: the event, its timeline, attachments, mediation
records, the deadline table and the notices the board shows (DOMAIN.md, "Events and how they move").

Codes are stored as short English words (see desk.services.incidents.codes for the lists)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_open_status", "is_open", "status"),
                      Index("ix_event_source_number", "source", "source_no"))
    id: Mapped[int] = mapped_column(primary_key=True)
    reported_at: Mapped[datetime] = mapped_column(index=True)
    source: Mapped[str] = mapped_column(String(16))      # grid_worker, phone, hotline_12345, wechat, ...
    source_no: Mapped[str | None] = mapped_column(String(40), index=True)  # hotline work-order number
    kind: Mapped[str] = mapped_column(String(24), index=True)
    sub_kind: Mapped[str] = mapped_column(String(24), default="")
    police: Mapped[bool] = mapped_column(default=False)  # police matter (涉警) or not
    urgent: Mapped[bool] = mapped_column(default=False)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="SET NULL"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    reporter_name: Mapped[str] = mapped_column(String(32), default="")
    phone_enc: Mapped[str | None] = mapped_column(String(120))
    phone_idx: Mapped[str | None] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    initials: Mapped[str] = mapped_column(Text, default="")  # pinyin initials of title+description+address
    status: Mapped[str] = mapped_column(String(16), index=True)
    is_open: Mapped[bool] = mapped_column(default=True)
    accepted_at: Mapped[datetime | None]
    feedback_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    status_since: Mapped[datetime]
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    assignee_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_name: Mapped[str | None] = mapped_column(String(32))
    claimed_at: Mapped[datetime | None]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    on_record_reason: Mapped[str | None] = mapped_column(String(200))  # 挂账
    on_record_until: Mapped[datetime | None]
    ladder_level: Mapped[int] = mapped_column(Integer, default=0)  # 0: not a dispute; 1..4
    ladder_due_at: Mapped[datetime | None]
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(32))
    last_action: Mapped[str] = mapped_column(String(24), default="report")
    last_actor: Mapped[str] = mapped_column(String(32), default="")
    # Imported from another system (desk.services.incidents.importer): the source's own category and
    # department as written there, and for a closed case of the past (history=True) its reply. History
    # never enters the live queue, deadlines or the ladder, and no dispatch figure counts it.
    source_category: Mapped[str] = mapped_column(String(80), default="", server_default="")
    source_department: Mapped[str] = mapped_column(String(64), default="", server_default="")
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None]
    history: Mapped[bool] = mapped_column(default=False, server_default=false())
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class EventStep(Base):
    """One line of an event's timeline: who did what when, from which status to which."""

    __tablename__ = "event_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(32))
    actor_name: Mapped[str] = mapped_column(String(32), default="")
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


class EventAttachment(Base):
    __tablename__ = "event_attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(120))
    mime: Mapped[str] = mapped_column(String(80))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(String(32))


class Mediation(Base):
    """A mediation attempt on a dispute, at one level of the ladder ("1+1+N" when joint)."""

    __tablename__ = "mediation"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    level: Mapped[int] = mapped_column(Integer)
    mediator: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))  # resolved, partly, failed, referred
    joint: Mapped[bool] = mapped_column(default=False)
    participants: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"name", "role"}
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(32))


class DeadlineLimit(Base):
    """Minutes allowed per stage, by kind / sub-kind x urgency; yellow warns, red is overdue.
    kind '*' is the default row; sub_kind '' applies to every sub-kind of the kind."""

    __tablename__ = "deadline_limit"
    __table_args__ = (UniqueConstraint("kind", "sub_kind", "urgency"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    sub_kind: Mapped[str] = mapped_column(String(24), default="")
    urgency: Mapped[str] = mapped_column(String(12))  # urgent, ordinary
    accept_yellow: Mapped[int] = mapped_column(Integer)
    accept_red: Mapped[int] = mapped_column(Integer)
    handle_yellow: Mapped[int] = mapped_column(Integer)
    handle_red: Mapped[int] = mapped_column(Integer)
    verify_yellow: Mapped[int] = mapped_column(Integer)
    verify_red: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class BoardNotice(Base):
    """A notice every seat shows: an urgent event, a dispute escalated up the ladder, ..."""

    __tablename__ = "board_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # urgent, escalated
    text: Mapped[str] = mapped_column(String(300))
