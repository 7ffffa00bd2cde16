"""The basic data registry (基础信息, 一标三实): standard addresses, houses, units, households, people,
special populations under graded care and their visits (走访).

ID and phone numbers are stored only encrypted (``*_enc``, desk.services.pii) with a blind index
(``*_idx``) for exact search; nothing here holds them in clear.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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


class StdAddress(Base):
    """标准地址: community → building or group (楼栋/村民组) → unit (单元) → room, each in one grid."""

    __tablename__ = "std_address"
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="RESTRICT"), index=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    building: Mapped[str] = mapped_column(String(32), default="")
    unit_no: Mapped[str] = mapped_column(String(16), default="")
    room: Mapped[str] = mapped_column(String(16), default="")
    full: Mapped[str] = mapped_column(String(160), unique=True)  # the whole address as written


class House(Base):
    """实有房屋: owner-occupied, rented (出租房: landlord and tenants) or vacant."""

    __tablename__ = "house"
    id: Mapped[int] = mapped_column(primary_key=True)
    address_id: Mapped[int] = mapped_column(ForeignKey("std_address.id", ondelete="RESTRICT"), unique=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    use: Mapped[str] = mapped_column(String(16), default="owner")  # owner, rented, vacant
    area_m2: Mapped[float | None]
    owner_name: Mapped[str] = mapped_column(String(32), default="")
    landlord_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class OrgUnit(Base):
    """实有单位: shops, enterprises, schools, sites, hospitals, social organisations."""

    __tablename__ = "org_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    address_id: Mapped[int | None] = mapped_column(ForeignKey("std_address.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(16), default="shop")
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    contact_name: Mapped[str] = mapped_column(String(32), default="")
    phone_enc: Mapped[str | None] = mapped_column(String(120))
    phone_idx: Mapped[str | None] = mapped_column(String(40), index=True)
    staff_count: Mapped[int | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Person(Base):
    """实有人口: one row per ID number (the blind index is unique)."""

    __tablename__ = "person"
    __table_args__ = (Index("ix_person_grid_name", "grid_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    address_id: Mapped[int | None] = mapped_column(ForeignKey("std_address.id", ondelete="SET NULL"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)
    initials: Mapped[str] = mapped_column(String(32), default="", index=True)  # pinyin initials: 张三 → zs
    id_enc: Mapped[str] = mapped_column(String(120))
    id_idx: Mapped[str] = mapped_column(String(40), unique=True)
    sex: Mapped[str] = mapped_column(String(8))          # male, female (from the ID number)
    birth: Mapped[date] = mapped_column(Date)
    phone_enc: Mapped[str | None] = mapped_column(String(120))
    phone_idx: Mapped[str | None] = mapped_column(String(40), index=True)
    residence: Mapped[str] = mapped_column(String(16), default="registered")  # registered, resident, floating
    relation: Mapped[str] = mapped_column(String(16), default="")  # head, spouse, child, parent, ..., tenant
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class CareLevel(Base):
    """分级: how often a special-population person of each level is visited (set by an administrator)."""

    __tablename__ = "care_level"
    level: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1 red (closest), 2 yellow, 3 green
    name: Mapped[str] = mapped_column(String(16))
    visit_days: Mapped[int] = mapped_column(Integer)


class SpecialCare(Base):
    """A person in a special population (特殊人群), with a care level and who looks after them."""

    __tablename__ = "special_care"
    __table_args__ = (UniqueConstraint("person_id", "category"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    category: Mapped[str] = mapped_column(String(24), index=True)
    level: Mapped[int] = mapped_column(ForeignKey("care_level.level", ondelete="RESTRICT"))
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))   # grid worker
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))  # police
    since: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(String(200), default="")


class Visit(Base):
    """走访: a visit to a person, a house or a unit, with what was found and what follows."""

    __tablename__ = "visit"
    __table_args__ = (Index("ix_visit_grid_day", "grid_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    house_id: Mapped[int | None] = mapped_column(ForeignKey("house.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    visitor_name: Mapped[str] = mapped_column(String(32))
    findings: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(32))
