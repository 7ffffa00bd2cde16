"""User accounts: who signs in at a seat, with which role."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base
from desk.models.org import _enum


class Role(str, enum.Enum):
    DUTY_STAFF = "duty_staff"            # 值班员
    LEADER = "leader"                    # 领导
    DEPARTMENT_LIAISON = "liaison"       # 职能部门联络员 (own department only)
    GRID_STAFF = "grid_staff"            # 网格员/网格长/社区民警 (own grids only)
    SYSTEM_ADMIN = "system_admin"        # 系统管理员
    SECURITY_ADMIN = "security_admin"    # 安全管理员
    AUDIT_ADMIN = "audit_admin"          # 审计管理员


class UserAccount(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(32))
    role: Mapped[Role] = mapped_column(_enum(Role, "user_role"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=True)
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
