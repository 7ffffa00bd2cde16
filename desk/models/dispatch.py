"""Dispatch to departments (一网分流、一网办理、一网反馈): the matters list (网格事项清单),
dispatches with lead and assisting departments, what happens to them (accept, return, feedback,
verification, call-back, urges, supervision, instructions) and extension requests.

Codes are short English words; the lists are in desk.services.dispatch.codes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class Matter(Base):
    """One matter of the list: its domain, responsible (and assisting) departments, default time limit.
    A matter proposed by someone enters the list only once admitted (事务准入)."""

    __tablename__ = "matter"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    domain: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(80))
    department: Mapped[str] = mapped_column(String(16))   # department short name (departments.csv)
    assist: Mapped[str] = mapped_column(String(80), default="")  # short names, space separated
    limit_hours: Mapped[int] = mapped_column(Integer)
    kinds: Mapped[str] = mapped_column(String(80), default="")   # event kinds, space separated
    keywords: Mapped[str] = mapped_column(Text, default="")      # space separated
    status: Mapped[str] = mapped_column(String(12), index=True)  # proposed, approved, rejected, retired
    proposed_by: Mapped[str] = mapped_column(String(32), default="")
    proposed_at: Mapped[datetime | None]
    proposal_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Dispatch(Base):
    """One sending of an event to a lead department. A re-route ends it and starts a new one;
    a failed verification or a reopening keeps it (``rounds`` counts the department's closings)."""

    __tablename__ = "dispatch"
    __table_args__ = (
        Index("ix_dispatch_dept_at", "department_id", "dispatched_at"),
        Index("ix_dispatch_active", "active", "department_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id", ondelete="SET NULL"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="SET NULL"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    police: Mapped[bool] = mapped_column(default=False)
    instructions: Mapped[str] = mapped_column(Text, default="")
    dispatched_at: Mapped[datetime] = mapped_column(index=True)
    dispatched_by: Mapped[str] = mapped_column(String(32))
    dispatched_name: Mapped[str] = mapped_column(String(32), default="")
    accept_by: Mapped[datetime]           # 签收时限
    deadline_at: Mapped[datetime]         # 办理时限 (moved by approved extensions)
    proposed_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    routing_reason: Mapped[str] = mapped_column(Text, default="")
    overridden: Mapped[bool] = mapped_column(default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), index=True)  # sent, accepted, feedback, verified, closed, returned, rerouted
    active: Mapped[bool] = mapped_column(default=True)
    accepted_at: Mapped[datetime | None]
    accepted_by: Mapped[str | None] = mapped_column(String(32))
    returned_at: Mapped[datetime | None]
    return_reason: Mapped[str | None] = mapped_column(Text)
    feedback_at: Mapped[datetime | None]   # the first feedback (handling time)
    last_feedback_at: Mapped[datetime | None]  # the latest closing opinion (on time or not)
    closed_at: Mapped[datetime | None]
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    rounds: Mapped[int] = mapped_column(Integer, default=0)        # feedbacks given
    reopened: Mapped[int] = mapped_column(Integer, default=0)      # reopened after a call-back
    urgent: Mapped[bool] = mapped_column(default=False)            # 加急
    supervision: Mapped[int] = mapped_column(Integer, default=0)   # 0 none, 1 ordinary, 2 yellow, 3 red card
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class DispatchParty(Base):
    """A department on a dispatch: the lead, or one of the assisting departments (联办)."""

    __tablename__ = "dispatch_party"
    __table_args__ = (UniqueConstraint("dispatch_id", "department_id"),
                      Index("ix_dispatch_party_dept", "department_id", "dispatch_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("dispatch.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(8))  # lead, assist
    accepted_at: Mapped[datetime | None]
    accepted_by: Mapped[str | None] = mapped_column(String(32))


class DispatchEntry(Base):
    """Everything done on a dispatch, in order: accept, return, feedback (with its round), verification,
    call-back, urge, supervision, instruction, expediting, extension, re-route notice to the old department."""

    __tablename__ = "dispatch_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("dispatch.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(24))
    outcome: Mapped[str] = mapped_column(String(16), default="")
    level: Mapped[int] = mapped_column(Integer, default=0)
    round: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of event_attachment ids
    actor: Mapped[str] = mapped_column(String(32))
    actor_name: Mapped[str] = mapped_column(String(32), default="")


class Extension(Base):
    """An extension request (延期): asked by the department, approved or refused by a leader."""

    __tablename__ = "dispatch_extension"
    id: Mapped[int] = mapped_column(primary_key=True)
    dispatch_id: Mapped[int] = mapped_column(ForeignKey("dispatch.id", ondelete="CASCADE"), index=True)
    requested_at: Mapped[datetime]
    requested_by: Mapped[str] = mapped_column(String(32))
    hours: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), index=True)  # requested, approved, refused
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decision_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
