"""Security: password history (no reuse of the last five) and settings shared by every seat."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class PasswordHistory(Base):
    """One password a user has had (its Argon2 hash only), newest last."""

    __tablename__ = "password_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime]


class AppSetting(Base):
    """A setting every seat of the room shares (e.g. the idle-lock minutes), as JSON text."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(48), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(32))
