"""Point in polygon: which grid a (lat, lon) lies in, with an STRtree of prepared grid shapes
cached per database and rebuilt when any grid changes (count, ids or versions differ);
which grids a police beat covers, by overlap; and placing households into their grids."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import shapely
from shapely import STRtree
from shapely.geometry import Point
from sqlalchemy import delete, func, insert, select

from desk.models import Grid, Household, PoliceBeat, beat_grid
from desk.services.context import Context
from desk.services.geo.validate import to_shape
from desk.services.permissions import require

BEAT_SHARE = 0.2   # a grid belongs to a beat when at least this share of its area lies in the beat


class GridIndex:
    """Grid shapes in an STRtree, prepared for fast repeated containment tests."""

    def __init__(self, rows: list[tuple[int, str]]):
        ids, shapes = [], []
        for gid, geometry in rows:
            shp = to_shape(json.loads(geometry)) if geometry else None
            if shp is None or shp.is_empty:
                continue
            if not shp.is_valid:
                shp = shp.buffer(0)
            shapely.prepare(shp)
            ids.append(gid)
            shapes.append(shp)
        self.ids = ids
        self.shapes = shapes
        self.tree = STRtree(shapes) if shapes else None

    def __len__(self) -> int:
        return len(self.ids)

    def locate(self, lat: float, lon: float) -> int | None:
        """The grid containing the point (on a shared edge: the lowest id), or None."""
        if self.tree is None:
            return None
        hits = self.tree.query(Point(lon, lat), predicate="intersects")
        return min((self.ids[int(i)] for i in hits), default=None)


_cache: dict[str, tuple[tuple, GridIndex]] = {}
_lock = threading.Lock()


def _fingerprint(s) -> tuple:
    return tuple(s.execute(select(func.count(Grid.id), func.coalesce(func.sum(Grid.version), 0),
                                  func.coalesce(func.sum(Grid.id), 0))).one())


def grid_index(ctx: Context) -> GridIndex:
    """The cached index for this database, rebuilt if any grid was added, removed or changed."""
    with ctx.read() as s:
        fp = _fingerprint(s)
        with _lock:
            hit = _cache.get(ctx.db.url)
            if hit and hit[0] == fp:
                return hit[1]
        rows = list(s.execute(select(Grid.id, Grid.geometry).order_by(Grid.id)))
    index = GridIndex(rows)
    with _lock:
        _cache[ctx.db.url] = (fp, index)
    return index


def invalidate(ctx: Context | None = None) -> None:
    with _lock:
        if ctx is None:
            _cache.clear()
        else:
            _cache.pop(ctx.db.url, None)


def grid_at(ctx: Context, lat: float, lon: float) -> int | None:
    return grid_index(ctx).locate(lat, lon)


def beat_grid_overlaps(ctx: Context, min_share: float = BEAT_SHARE) -> dict[int, tuple[int, ...]]:
    """For each police beat with a shape: the grids at least ``min_share`` of whose area it covers."""
    index = grid_index(ctx)
    with ctx.read() as s:
        beats = list(s.execute(select(PoliceBeat.id, PoliceBeat.geometry).where(PoliceBeat.geometry.is_not(None))))
    out: dict[int, tuple[int, ...]] = {}
    for beat_id, geometry in beats:
        shp = to_shape(json.loads(geometry))
        if shp is None or index.tree is None:
            continue
        if not shp.is_valid:
            shp = shp.buffer(0)
        found = []
        for i in index.tree.query(shp, predicate="intersects"):
            g = index.shapes[int(i)]
            if g.area and shp.intersection(g).area >= min_share * g.area:
                found.append(index.ids[int(i)])
        out[beat_id] = tuple(sorted(found))
    return out


@dataclass(frozen=True)
class AssignResult:
    checked: int        # households with coordinates
    moved: int          # placed into another grid than before
    outside: int        # with coordinates in no grid (left where they were)
    beat_links_added: int
    beat_links_removed: int


def assign(ctx: Context, beats: bool = True) -> AssignResult:
    """Place every household with coordinates into the grid containing it; grid counts follow.
    With ``beats``, link each police beat that has a shape to the grids it covers."""
    require(ctx.actor, "geo.assign")
    index = grid_index(ctx)
    overlaps = beat_grid_overlaps(ctx) if beats else {}
    with ctx.unit() as u:
        s = u.session
        rows = list(s.execute(select(Household.id, Household.grid_id, Household.lat, Household.lon, Household.members)
                              .where(Household.lat.is_not(None), Household.lon.is_not(None))))
        moved: dict[int, list[int]] = {}
        delta: dict[int, list[int]] = {}
        outside = 0
        for hid, old, lat, lon, members in rows:
            new = index.locate(lat, lon)
            if new is None:
                outside += 1
                continue
            if new != old:
                moved.setdefault(new, []).append(hid)
                for gid, sign in ((old, -1), (new, 1)):
                    d = delta.setdefault(gid, [0, 0])
                    d[0] += sign
                    d[1] += sign * (members or 0)
        for new, ids in moved.items():
            for i in range(0, len(ids), 500):
                s.execute(Household.__table__.update().where(Household.id.in_(ids[i:i + 500])).values(grid_id=new))
        for gid, (dh, dp) in delta.items():
            g = s.get(Grid, gid)
            if g is None or (dh == 0 and dp == 0):
                continue
            before = {"households": g.households, "population": g.population}
            g.households = max(0, g.households + dh)
            g.population = max(0, g.population + dp)
            u.changed("grid", gid, "update")
            u.audit("grid.recount_households", "grid", gid, before=before,
                    after={"households": g.households, "population": g.population})
        n_moved = sum(len(v) for v in moved.values())
        if n_moved:
            u.changed("household", "*", "bulk")
        added = removed = 0
        for beat_id, grid_ids in overlaps.items():
            now = set(s.scalars(select(beat_grid.c.grid_id).where(beat_grid.c.beat_id == beat_id)))
            want = set(grid_ids)
            if now == want:
                continue
            if now - want:
                s.execute(delete(beat_grid).where(beat_grid.c.beat_id == beat_id,
                                                  beat_grid.c.grid_id.in_(now - want)))
            if want - now:
                s.execute(insert(beat_grid), [{"beat_id": beat_id, "grid_id": g} for g in sorted(want - now)])
            added += len(want - now)
            removed += len(now - want)
            u.changed("beat_grid", beat_id, "update")
            u.audit("beat.link_grids", "police_beat", beat_id, before=sorted(now), after=sorted(want))
        u.audit("geo.assign", None, None, after={"checked": len(rows), "moved": n_moved, "outside": outside,
                                                 "beat_links_added": added, "beat_links_removed": removed})
    return AssignResult(len(rows), n_moved, outside, added, removed)
