"""The organisation: street, communities and villages, grids, police beats, joint-defence
points, departments and staff (DOMAIN.md, "Structure" and "People in a grid")."""
from __future__ import annotations

import enum

from sqlalchemy import Column, Enum, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as the value (short English word), checked on every engine.
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e], native_enum=False,
                create_constraint=True, length=24, validate_strings=True)


class CommunityKind(str, enum.Enum):
    COMMUNITY = "community"   # 社区
    VILLAGE = "village"       # 行政村


class GridKind(str, enum.Enum):
    COMPREHENSIVE = "comprehensive"  # 综合网格
    DEDICATED = "dedicated"          # 专属网格


class StaffRole(str, enum.Enum):
    GRID_LEADER = "grid_leader"                   # 网格长
    FULLTIME_GRID_WORKER = "fulltime_worker"      # 专职网格员
    PARTTIME_GRID_WORKER = "parttime_worker"      # 兼职网格员
    PROFESSIONAL_GRID_WORKER = "professional_worker"  # 专业网格员
    COMMUNITY_POLICE = "community_police"         # 社区民警
    AUXILIARY_POLICE = "auxiliary_police"         # 辅警
    DUTY_STAFF = "duty_staff"                     # 值班员
    LEADER = "leader"                             # 领导
    DEPARTMENT_LIAISON = "department_liaison"     # 职能部门联络员


class Street(Base):
    __tablename__ = "street"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    county: Mapped[str | None] = mapped_column(String(64))
    city: Mapped[str | None] = mapped_column(String(64))
    geometry: Mapped[str | None] = mapped_column(Text)  # GeoJSON geometry, WGS84
    communities: Mapped[list["Community"]] = relationship(back_populates="street", order_by="Community.code")


class Community(Base):
    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[CommunityKind] = mapped_column(_enum(CommunityKind, "community_kind"))
    geometry: Mapped[str | None] = mapped_column(Text)
    street: Mapped[Street] = relationship(back_populates="communities")
    grids: Mapped[list["Grid"]] = relationship(back_populates="community", order_by="Grid.code")


grid_member = Table(
    "grid_member",
    Base.metadata,
    Column("grid_id", ForeignKey("grid.id", ondelete="CASCADE"), primary_key=True),
    Column("staff_id", ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True),
)

beat_grid = Table(
    "beat_grid",
    Base.metadata,
    Column("beat_id", ForeignKey("police_beat.id", ondelete="CASCADE"), primary_key=True),
    Column("grid_id", ForeignKey("grid.id", ondelete="CASCADE"), primary_key=True),
)


class Grid(Base):
    __tablename__ = "grid"
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[GridKind] = mapped_column(_enum(GridKind, "grid_kind"))
    dedicated_type: Mapped[str | None] = mapped_column(String(24))  # school, hospital, market, ...
    households: Mapped[int] = mapped_column(Integer, default=0)
    population: Mapped[int] = mapped_column(Integer, default=0)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    geometry: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    community: Mapped[Community] = relationship(back_populates="grids")
    leader: Mapped["Staff | None"] = relationship(foreign_keys=[leader_id])
    members: Mapped[list["Staff"]] = relationship(secondary=grid_member, order_by="Staff.id")
    beats: Mapped[list["PoliceBeat"]] = relationship(secondary=beat_grid, back_populates="grids")
    __mapper_args__ = {"version_id_col": version}


class PoliceBeat(Base):
    __tablename__ = "police_beat"
    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    geometry: Mapped[str | None] = mapped_column(Text)
    officer: Mapped["Staff | None"] = relationship(foreign_keys=[officer_id])
    grids: Mapped[list[Grid]] = relationship(secondary=beat_grid, back_populates="beats", order_by="Grid.code")


class JointDefencePoint(Base):
    __tablename__ = "joint_defence_point"
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    run_by: Mapped[str] = mapped_column(String(24))  # volunteers, property, security
    contact_name: Mapped[str | None] = mapped_column(String(32))


class Department(Base):
    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("street_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(16))


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32))
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole, "staff_role"), index=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id", ondelete="RESTRICT"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="SET NULL"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"), index=True)
    phone_enc: Mapped[str | None] = mapped_column(String(120))  # AES-GCM token (desk.services.pii)
    phone_idx: Mapped[str | None] = mapped_column(String(40), index=True)  # blind index for exact search
    active: Mapped[bool] = mapped_column(default=True)
