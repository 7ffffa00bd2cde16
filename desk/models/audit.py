"""The append-only audit log (事后可查) and the change feed's table."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base

BigId = BigInteger().with_variant(Integer, "sqlite")


class AuditRecord(Base):
    """One audited action. Never updated or deleted; chained by hash to the one before."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(32), index=True)
    seat: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48), index=True)
    entity: Mapped[str | None] = mapped_column(String(48))
    entity_id: Mapped[str | None] = mapped_column(String(48))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)   # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # How ``hash`` was computed: "sm3"/"sha256" in Python, "pg-sha256" by the PostgreSQL server;
    # none on records from before migration 0006 (the program's own Python algorithm).
    alg: Mapped[str | None] = mapped_column(String(16))


class AuditHead(Base):
    """A single row locked by each audit append so the chain never forks between seats."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(BigId, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class ChangeRecord(Base):
    """What changed, for other seats: written in the same transaction as the change."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    table_name: Mapped[str] = mapped_column(String(48))
    row_id: Mapped[str] = mapped_column(String(48))
    kind: Mapped[str] = mapped_column(String(12))  # insert, update, delete
    seat: Mapped[str] = mapped_column(String(64))
