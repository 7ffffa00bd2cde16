"""The history of issued briefing sheets: issue numbers run per year and kind (第X期)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class ReportIssue(Base):
    """One issued sheet: printed, or saved as PDF or .xlsx, with its number in the year's series."""

    __tablename__ = "report_issue"
    __table_args__ = (UniqueConstraint("kind", "year", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)   # daily, weekly, monthly, event, dispatch
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(40))             # 2026-W47, 2026-10, event id, ...
    title: Mapped[str] = mapped_column(String(120))
    output: Mapped[str] = mapped_column(String(8))              # pdf, xlsx, print
    target: Mapped[str] = mapped_column(String(200), default="")  # file name (no folder)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(index=True)
    issued_by: Mapped[str] = mapped_column(String(32))
    issued_name: Mapped[str] = mapped_column(String(32), default="")
