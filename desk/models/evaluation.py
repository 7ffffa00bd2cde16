"""Mutual evaluation (评价奖惩, seed 002): each month police rate grid leaders, and grid leaders rate
police, on four criteria each; an administrator sets how peer ratings and the data-driven side are
weighed; leaders choose the month's model grids (示范网格)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class EvaluationRound(Base):
    """One month's evaluation: open for ratings, then closed."""

    __tablename__ = "evaluation_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)      # 2026-11
    state: Mapped[str] = mapped_column(String(8), default="open")   # open, closed
    peer_weight: Mapped[int] = mapped_column(Integer, default=60)   # percent of the ranking from ratings
    opened_at: Mapped[datetime]
    opened_by: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class EvaluationRating(Base):
    """One person's score (0–100) of another on one criterion, with a comment."""

    __tablename__ = "evaluation_rating"
    __table_args__ = (UniqueConstraint("round_id", "rater_staff_id", "subject_staff_id", "criterion"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_round.id", ondelete="CASCADE"), index=True)
    subject_kind: Mapped[str] = mapped_column(String(12))   # grid_leader, police
    rater_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    subject_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(24))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_by: Mapped[str] = mapped_column(String(32))        # the account that rated
    rated_at: Mapped[datetime]


class ModelGrid(Base):
    """A grid chosen as the month's model grid (示范网格), by whom and why."""

    __tablename__ = "evaluation_model_grid"
    __table_args__ = (UniqueConstraint("round_id", "grid_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_round.id", ondelete="CASCADE"), index=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    chosen_by: Mapped[str] = mapped_column(String(32))
    chosen_at: Mapped[datetime]
