"""Finding an event's grid: from coordinates (point in the grid's GeoJSON polygon, shapely),
or from the address text (community, grid and building names)."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import Community, Grid, GridKind, Household, StdAddress

_BUILDING = re.compile(r"(\d{1,3})\s*(?:号楼|栋|幢|号院)")
_GRID_NO = re.compile(r"第?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*网格")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


@dataclass(frozen=True)
class Place:
    grid_id: int | None
    community_id: int | None
    grid_name: str = ""
    community_name: str = ""
    how: str = ""  # point, grid, building, community, ''


@dataclass(frozen=True)
class Gazetteer:
    """The names the parser and the address lookup know: (id, name) of communities and grids."""

    communities: tuple[tuple[int, str], ...]
    grids: tuple[tuple[int, int, str], ...]  # id, community_id, name

    def community_in(self, text: str) -> tuple[int, str] | None:
        best = None
        for cid, name in self.communities:
            for alias in _aliases(name):
                if alias in text and (best is None or len(alias) > best[2]):
                    best = (cid, name, len(alias))
        return (best[0], best[1]) if best else None


def _aliases(name: str) -> tuple[str, ...]:
    """兴钢社区 → 兴钢社区, 兴钢; 李辉庄村 → 李辉庄村, 李辉庄."""
    base = name
    for suffix in ("社区", "村"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
    return (name, base) if base != name else (name,)


def gazetteer(session: Session) -> Gazetteer:
    cs = session.execute(select(Community.id, Community.name).order_by(Community.id)).all()
    gs = session.execute(select(Grid.id, Grid.community_id, Grid.name).order_by(Grid.id)).all()
    return Gazetteer(tuple((c.id, c.name) for c in cs), tuple((g.id, g.community_id, g.name) for g in gs))


def grid_at(session: Session, lat: float, lon: float) -> Place | None:
    from shapely.geometry import Point, shape  # numpy + GEOS: loaded when a point is first located

    point = Point(lon, lat)  # GeoJSON is (lon, lat)
    for gid, cid, name, geometry in session.execute(
            select(Grid.id, Grid.community_id, Grid.name, Grid.geometry).where(Grid.geometry.is_not(None))):
        try:
            if shape(json.loads(geometry)).covers(point):
                cname = session.scalar(select(Community.name).where(Community.id == cid)) or ""
                return Place(gid, cid, name, cname, "point")
        except (ValueError, TypeError, AttributeError):
            continue  # a broken polygon does not stop the search
    return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _CN_DIGITS.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS.get(text[0], 0) * 10 + _CN_DIGITS.get(text[2], 0)
    return _CN_DIGITS.get(text, 0)


def grid_from_address(session: Session, text: str, gaz: Gazetteer | None = None,
                      buildings: dict | None = None) -> Place | None:
    """Community from its name; then the grid by its name or number, or by the building's households.
    ``buildings``: a dict kept across calls (an import of many rows) so each community's building is
    counted once."""
    if not text:
        return None
    gaz = gaz or gazetteer(session)
    for gid, cid, name in sorted(gaz.grids, key=lambda g: -len(g[2])):
        if name in text:
            return Place(gid, cid, name, dict(gaz.communities).get(cid, ""), "grid")
    found = gaz.community_in(text)
    if found is None:
        return None
    cid, cname = found
    grids = [(gid, name) for gid, c, name in gaz.grids if c == cid]
    m = _GRID_NO.search(text)
    if m:
        n = _number(m.group(1))
        for gid, name in grids:
            if name.endswith(f"第{n}网格"):
                return Place(gid, cid, name, cname, "grid")
    m = _BUILDING.search(text)
    if m:
        building = f"{int(m.group(1))}号楼"
        counts = buildings.get((cid, building)) if buildings is not None else None
        if counts is None:
            counts = Counter(dict(session.execute(
                select(Household.grid_id, func.count()).join(Grid, Grid.id == Household.grid_id)
                .where(Grid.community_id == cid, Household.building == building).group_by(Household.grid_id)).all()))
            if not counts:  # a new street: the standard addresses its residents' import recorded, before any household
                counts = Counter(dict(session.execute(
                    select(StdAddress.grid_id, func.count()).where(StdAddress.community_id == cid,
                                                                   StdAddress.building == building)
                    .group_by(StdAddress.grid_id)).all()))
            if buildings is not None:
                buildings[(cid, building)] = counts
        if counts:
            gid = counts.most_common(1)[0][0]
            return Place(gid, cid, dict(grids).get(gid, ""), cname, "building")
    if len(grids) == 1:
        return Place(grids[0][0], cid, grids[0][1], cname, "community")
    # A building the registry does not know: a community with one comprehensive grid besides its
    # dedicated ones (a school's, a hospital's) holds its ordinary addresses there.
    whole = buildings.get((cid, None)) if buildings is not None else None
    if whole is None:
        whole = session.execute(select(Grid.id, Grid.name).where(
            Grid.community_id == cid, Grid.kind == GridKind.COMPREHENSIVE)).all()
        if buildings is not None:
            buildings[(cid, None)] = whole
    if len(whole) == 1:
        return Place(whole[0].id, cid, whole[0].name, cname, "community")
    return Place(None, cid, "", cname, "community")


def locate(session: Session, *, lat: float | None, lon: float | None, address: str) -> Place | None:
    if lat is not None and lon is not None:
        place = grid_at(session, lat, lon)
        if place is not None:
            return place
    return grid_from_address(session, address)
