"""Households (住户) in their buildings; the registry issue extends this with people."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class Household(Base):
    __tablename__ = "household"
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    address: Mapped[str] = mapped_column(String(128))
    building: Mapped[str | None] = mapped_column(String(32))
    members: Mapped[int] = mapped_column(Integer, default=1)
    residence: Mapped[str] = mapped_column(String(16), default="registered")  # registered, resident, floating
    rented: Mapped[bool] = mapped_column(default=False)
    lat: Mapped[float | None]
    lon: Mapped[float | None]
