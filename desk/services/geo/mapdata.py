"""What the map shows, read as plain values: the street, its communities, grids (with their
figures against the standard) and police beats as GeoJSON geometries in WGS84; and one grid's
profile for the side panel."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from desk.models import (
    Community, Grid, Household, JointDefencePoint, PoliceBeat, Staff, StaffRole, Street, beat_grid, grid_member,
)
from desk.services.context import Context
from desk.services.errors import NotFound
from desk.services.org import MAX_HOUSEHOLDS, MAX_PEOPLE, MIN_HOUSEHOLDS, MIN_PEOPLE, grid_size_status
from desk.services.permissions import require


@dataclass(frozen=True)
class AreaShape:
    id: int
    code: str
    name: str
    geometry: dict


@dataclass(frozen=True)
class GridShape:
    id: int
    code: str
    name: str
    community_name: str
    kind: str
    dedicated_type: str | None
    households: int
    population: int
    geometry: dict

    @property
    def size_status(self) -> str:
        return grid_size_status(self.kind, self.households, self.population)

    @property
    def short_name(self) -> str:
        return self.name[len(self.community_name):] if self.name.startswith(self.community_name) else self.name


@dataclass(frozen=True)
class BeatShape:
    id: int
    code: str
    name: str
    officer_name: str
    geometry: dict


@dataclass(frozen=True)
class MapLayers:
    street: AreaShape | None
    communities: tuple[AreaShape, ...]
    grids: tuple[GridShape, ...]
    beats: tuple[BeatShape, ...]

    @property
    def empty(self) -> bool:
        return not (self.street or self.communities or self.grids or self.beats)


def _geom(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        g = json.loads(text)
    except ValueError:
        return None
    return g if isinstance(g, dict) and g.get("type") in ("Polygon", "MultiPolygon") else None


def map_layers(ctx: Context) -> MapLayers:
    require(ctx.actor, "map.read")
    with ctx.read() as s:
        grids = tuple(GridShape(g.id, g.code, g.name, cname, g.kind.value, g.dedicated_type, g.households,
                                g.population, geom)
                      for g, cname in s.execute(select(Grid, Community.name).join(Community).order_by(Grid.code))
                      if (geom := _geom(g.geometry)))
        # a street or community with no drawn boundary (a new street imports only its grids): drawn round its grids
        by_community: dict[str, list[dict]] = {}
        for g in grids:
            by_community.setdefault(g.community_name, []).append(g.geometry)
        streets = list(s.scalars(select(Street).order_by(Street.code)))
        street = next((AreaShape(st.id, st.code, st.name, g) for st in streets if (g := _geom(st.geometry))), None)
        if street is None and len(streets) == 1 and grids:
            street = AreaShape(streets[0].id, streets[0].code, streets[0].name, _union([g.geometry for g in grids]))
        communities = tuple(AreaShape(c.id, c.code, c.name, g) for c in s.scalars(select(Community)
                                                                                   .order_by(Community.code))
                            if (g := _geom(c.geometry) or _union(by_community.get(c.name, []))))
        links: dict[int, list[int]] = {}
        for beat_id, gid in s.execute(select(beat_grid.c.beat_id, beat_grid.c.grid_id)):
            links.setdefault(beat_id, []).append(gid)
        grid_geom = {g.id: g.geometry for g in grids}
        beats = []
        for b, oname in s.execute(select(PoliceBeat, Staff.name).outerjoin(Staff, Staff.id == PoliceBeat.officer_id)
                                  .order_by(PoliceBeat.code)):
            geom = _geom(b.geometry) or _union([grid_geom[g] for g in links.get(b.id, ()) if g in grid_geom])
            if geom:
                beats.append(BeatShape(b.id, b.code, b.name, oname or "", geom))
    return MapLayers(street, communities, grids, tuple(beats))


def _union(geometries: list[dict]) -> dict | None:
    """A beat (or a community, a street) drawn by no one is shown as the outline of the grids it covers."""
    if not geometries:
        return None
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    merged = unary_union([shape(g) for g in geometries])
    return mapping(merged.buffer(0)) if not merged.is_empty else None


@dataclass(frozen=True)
class Person:
    name: str
    role: str


@dataclass(frozen=True)
class DefencePoint:
    name: str
    run_by: str
    contact_name: str


@dataclass(frozen=True)
class GridProfile:
    id: int
    code: str
    name: str
    community_name: str
    kind: str
    dedicated_type: str | None
    households: int
    population: int
    size_status: str
    leader: str
    workers: tuple[Person, ...]
    police: tuple[Person, ...]          # the community officers and auxiliaries of the grid's beats
    beats: tuple[str, ...]
    defence_points: tuple[DefencePoint, ...]
    registered_households: int          # household rows on record in this grid
    standard_households: tuple[int, int] = (MIN_HOUSEHOLDS, MAX_HOUSEHOLDS)
    standard_people: tuple[int, int] = (MIN_PEOPLE, MAX_PEOPLE)


def grid_profile(ctx: Context, grid_id: int) -> GridProfile:
    require(ctx.actor, "map.read")
    with ctx.read() as s:
        row = s.execute(select(Grid, Community.name).join(Community).where(Grid.id == grid_id)).first()
        if row is None:
            raise NotFound(f"网格 {grid_id} 不存在 (no such grid)")
        g, cname = row
        leader = s.get(Staff, g.leader_id).name if g.leader_id else ""
        workers = tuple(Person(st.name, st.role.value) for st in s.scalars(
            select(Staff).join(grid_member, grid_member.c.staff_id == Staff.id)
            .where(grid_member.c.grid_id == g.id).order_by(Staff.role, Staff.id)) if st.id != g.leader_id)
        beats = list(s.execute(select(PoliceBeat.name, PoliceBeat.officer_id, PoliceBeat.id)
                               .join(beat_grid, beat_grid.c.beat_id == PoliceBeat.id)
                               .where(beat_grid.c.grid_id == g.id).order_by(PoliceBeat.code)))
        police: list[Person] = []
        for _name, officer_id, _bid in beats:
            if officer_id:
                officer = s.get(Staff, officer_id)
                police.append(Person(officer.name, officer.role.value))
                if officer.community_id:
                    police.extend(Person(a.name, a.role.value) for a in s.scalars(
                        select(Staff).where(Staff.role == StaffRole.AUXILIARY_POLICE,
                                            Staff.community_id == officer.community_id).order_by(Staff.id)))
        points = tuple(DefencePoint(p.name, p.run_by, p.contact_name or "") for p in s.scalars(
            select(JointDefencePoint).where(JointDefencePoint.grid_id == g.id).order_by(JointDefencePoint.id)))
        count = s.scalar(select(func.count()).select_from(Household).where(Household.grid_id == g.id)) or 0
        return GridProfile(g.id, g.code, g.name, cname, g.kind.value, g.dedicated_type, g.households, g.population,
                           grid_size_status(g.kind.value, g.households, g.population), leader, workers,
                           tuple(dict.fromkeys(police)), tuple(b[0] for b in beats), points, count)
