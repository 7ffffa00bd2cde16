"""Reading the organisation as plain, immutable rows for screens, reports and the CLI."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import (
    Community, Department, Grid, GridKind, Household, PoliceBeat, Staff, StaffRole, Street,
    beat_grid, grid_member,
)

# National standard (GB/T 34300 as applied): 300-500 households or about 1,000 people per grid.
MIN_HOUSEHOLDS, MAX_HOUSEHOLDS = 300, 500
MIN_PEOPLE, MAX_PEOPLE = 800, 1200


def grid_size_status(kind: str, households: int, population: int) -> str:
    """'ok', 'small' or 'large' against the standard; dedicated grids follow their own rule."""
    if kind == GridKind.DEDICATED.value:
        return "dedicated"
    if MIN_HOUSEHOLDS <= households <= MAX_HOUSEHOLDS or MIN_PEOPLE <= population <= MAX_PEOPLE:
        return "ok"
    return "small" if households < MIN_HOUSEHOLDS else "large"


@dataclass(frozen=True)
class StreetRow:
    id: int
    code: str
    name: str
    county: str
    city: str


@dataclass(frozen=True)
class CommunityRow:
    id: int
    street_id: int
    code: str
    name: str
    kind: str
    grid_count: int
    households: int
    population: int


@dataclass(frozen=True)
class GridRow:
    id: int
    community_id: int
    community_name: str
    code: str
    name: str
    kind: str
    dedicated_type: str | None
    households: int
    population: int
    leader_name: str
    member_count: int
    beat_names: tuple[str, ...]

    @property
    def size_status(self) -> str:
        return grid_size_status(self.kind, self.households, self.population)


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str
    community_name: str
    department_name: str
    grid_codes: tuple[str, ...]


@dataclass(frozen=True)
class BeatRow:
    id: int
    code: str
    name: str
    officer_name: str
    grid_ids: tuple[int, ...]
    grid_codes: tuple[str, ...]
    households: int
    population: int


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class OrgSummary:
    streets: int
    communities: int
    grids: int
    beats: int
    staff: int
    departments: int
    households: int


def summary(s: Session) -> OrgSummary:
    def count(model) -> int:
        return s.scalar(select(func.count()).select_from(model)) or 0

    return OrgSummary(count(Street), count(Community), count(Grid), count(PoliceBeat), count(Staff),
                      count(Department), count(Household))


def streets(s: Session) -> list[StreetRow]:
    return [StreetRow(r.id, r.code, r.name, r.county or "", r.city or "")
            for r in s.scalars(select(Street).order_by(Street.code))]


def communities(s: Session, street_id: int | None = None) -> list[CommunityRow]:
    q = (select(Community, func.count(Grid.id), func.coalesce(func.sum(Grid.households), 0),
                func.coalesce(func.sum(Grid.population), 0))
         .outerjoin(Grid, Grid.community_id == Community.id).group_by(Community.id).order_by(Community.code))
    if street_id is not None:
        q = q.where(Community.street_id == street_id)
    return [CommunityRow(c.id, c.street_id, c.code, c.name, c.kind.value, n, int(hh), int(pop))
            for c, n, hh, pop in s.execute(q)]


def _beats_by_grid(s: Session) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for grid_id, name in s.execute(select(beat_grid.c.grid_id, PoliceBeat.name)
                                   .join(PoliceBeat, PoliceBeat.id == beat_grid.c.beat_id)
                                   .order_by(PoliceBeat.code)):
        out[grid_id].append(name)
    return out


def grids(s: Session, community_id: int | None = None, grid_ids: list[int] | None = None) -> list[GridRow]:
    members = dict(s.execute(select(grid_member.c.grid_id, func.count()).group_by(grid_member.c.grid_id)).all())
    beats = _beats_by_grid(s)
    q = (select(Grid, Community.name, Staff.name).join(Community, Community.id == Grid.community_id)
         .outerjoin(Staff, Staff.id == Grid.leader_id).order_by(Grid.code))
    if community_id is not None:
        q = q.where(Grid.community_id == community_id)
    if grid_ids is not None:
        q = q.where(Grid.id.in_(grid_ids))
    return [GridRow(g.id, g.community_id, cname, g.code, g.name, g.kind.value, g.dedicated_type, g.households,
                    g.population, lname or "", members.get(g.id, 0), tuple(beats.get(g.id, ())))
            for g, cname, lname in s.execute(q)]


def staff(s: Session, grid_id: int | None = None, community_id: int | None = None,
          role: StaffRole | None = None) -> list[StaffRow]:
    codes: dict[int, list[str]] = defaultdict(list)
    for sid, code in s.execute(select(grid_member.c.staff_id, Grid.code)
                               .join(Grid, Grid.id == grid_member.c.grid_id).order_by(Grid.code)):
        codes[sid].append(code)
    q = (select(Staff, Community.name, Department.name)
         .outerjoin(Community, Community.id == Staff.community_id)
         .outerjoin(Department, Department.id == Staff.department_id).order_by(Staff.role, Staff.id))
    if grid_id is not None:
        q = q.where(Staff.id.in_(select(grid_member.c.staff_id).where(grid_member.c.grid_id == grid_id)))
    if community_id is not None:
        q = q.where(Staff.community_id == community_id)
    if role is not None:
        q = q.where(Staff.role == role)
    return [StaffRow(st.id, st.name, st.role.value, cname or "", dname or "", tuple(codes.get(st.id, ())))
            for st, cname, dname in s.execute(q)]


def beats(s: Session) -> list[BeatRow]:
    grid_rows: dict[int, list[tuple[int, str, int, int]]] = defaultdict(list)
    for beat_id, gid, code, hh, pop in s.execute(
            select(beat_grid.c.beat_id, Grid.id, Grid.code, Grid.households, Grid.population)
            .join(Grid, Grid.id == beat_grid.c.grid_id).order_by(Grid.code)):
        grid_rows[beat_id].append((gid, code, hh, pop))
    out = []
    for b, oname in s.execute(select(PoliceBeat, Staff.name).outerjoin(Staff, Staff.id == PoliceBeat.officer_id)
                              .order_by(PoliceBeat.code)):
        gs = grid_rows.get(b.id, [])
        out.append(BeatRow(b.id, b.code, b.name, oname or "", tuple(g[0] for g in gs), tuple(g[1] for g in gs),
                           sum(g[2] for g in gs), sum(g[3] for g in gs)))
    return out


def departments(s: Session) -> list[DepartmentRow]:
    return [DepartmentRow(d.id, d.code, d.name, d.short_name)
            for d in s.scalars(select(Department).order_by(Department.code))]
