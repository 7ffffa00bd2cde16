"""`desk import grids|beats FILE.geojson`: all features good, or nothing imported
(unless skip_bad, which imports the good ones and reports the rest). Existing grids and
beats are updated by code. Every row written is audited and recorded as a change."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desk.models import Community, Grid, GridKind, PoliceBeat, Street
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.geo.features import Candidate, Defect, PropertyNames, read_candidates
from desk.services.geo.validate import Surroundings, check_shapes, to_shape
from desk.services.permissions import require


@dataclass(frozen=True)
class GeoImportResult:
    kind: str                       # grid or beat
    street_name: str
    total: int
    created: int
    updated: int
    unchanged: int
    defects: tuple[Defect, ...]     # of the features skipped (skip_bad) -- empty otherwise

    @property
    def skipped(self) -> int:
        return len({d.index for d in self.defects})


def _street(s, street_code: str | None) -> Street:
    rows = list(s.scalars(select(Street).order_by(Street.code)))
    if street_code:
        rows = [r for r in rows if r.code == street_code]
        if not rows:
            raise ValidationError(f"没有代码为 {street_code} 的街道 (no such street)")
    if not rows:
        raise ValidationError("数据库中还没有街道：请先用 desk import divisions 导入区划 (no street yet)")
    if len(rows) > 1:
        raise ValidationError("数据库中有多个街道，请用 --street CODE 指定 (several streets: use --street)")
    return rows[0]


def _digest(geometry: str | None) -> str:
    return hashlib.sha256((geometry or "").encode()).hexdigest()[:16] if geometry else ""


def _surroundings(s, street: Street, cands: list[Candidate], grids: bool) -> Surroundings:
    street_shape = to_shape(json.loads(street.geometry)) if street.geometry else None
    communities = {c.code: c for c in s.scalars(select(Community).where(Community.street_id == street.id))}
    kept = []
    if grids:
        in_file = {c.code for c in cands}
        for g, comm_code in s.execute(select(Grid, Community.code).join(Community)
                                      .where(Community.street_id == street.id)):
            if g.code not in in_file and g.geometry:
                shp = to_shape(json.loads(g.geometry))
                if shp is not None and shp.is_valid:
                    kept.append((g.code, comm_code, shp))
    community_shapes = []
    for code, c in communities.items():
        shp = to_shape(json.loads(c.geometry)) if c.geometry else None
        if shp is not None and shp.is_valid and not shp.is_empty:
            community_shapes.append((code, shp))
    return Surroundings(street_shape, frozenset(communities), tuple(kept), tuple(community_shapes))


def validate_file(ctx: Context, path: Path, kind: str, names: PropertyNames = PropertyNames(),
                  crs: str = "wgs84", street_code: str | None = None) -> list[Candidate]:
    """The file's features with every defect found (no writes)."""
    cands = read_candidates(path, kind, names, crs)
    with ctx.read() as s:
        street = _street(s, street_code)
        check_shapes(cands, _surroundings(s, street, cands, kind == "grid"), grids=kind == "grid")
    return cands


def import_geojson(ctx: Context, path: Path, kind: str, names: PropertyNames = PropertyNames(),
                   crs: str = "wgs84", street_code: str | None = None, skip_bad: bool = False) -> GeoImportResult:
    if kind not in ("grid", "beat"):
        raise ValueError(kind)
    require(ctx.actor, "geo.import")
    cands = read_candidates(path, kind, names, crs)
    with ctx.unit() as u:
        s = u.session
        street = _street(s, street_code)
        check_shapes(cands, _surroundings(s, street, cands, kind == "grid"), grids=kind == "grid")
        bad = [d for c in cands for d in c.defects]
        if bad and not skip_bad:
            n = len({d.index for d in bad})
            raise ValidationError(f"{path.name}: {n} 个要素有问题，未导入任何数据 (nothing imported; "
                                  f"fix the file or use --skip-bad)", [str(d) for d in bad])
        good = [c for c in cands if c.good]
        if kind == "grid":
            counts = _write_grids(u, street, good)
        else:
            counts = _write_beats(u, street, good)
        u.audit(f"geo.import_{kind}s", "street", street.id, after={
            "file": path.name, "crs": crs, "features": len(cands), "created": counts[0], "updated": counts[1],
            "skipped": len(cands) - len(good)})
        street_name = street.name
    return GeoImportResult(kind, street_name, len(cands), *counts, tuple(bad))


def _write_grids(u, street: Street, good: list[Candidate]) -> tuple[int, int, int]:
    s = u.session
    communities = {c.code: c for c in s.scalars(select(Community).where(Community.street_id == street.id))}
    existing = {g.code: g for g in s.scalars(select(Grid).where(Grid.code.in_([c.code for c in good])))}
    created = updated = unchanged = 0
    for c in good:
        geometry = json.dumps(c.geometry, separators=(",", ":"))
        comm = communities[c.community_code]
        kind = GridKind(c.kind)
        g = existing.get(c.code)
        if g is None:
            g = Grid(community_id=comm.id, code=c.code, name=c.name, kind=kind, dedicated_type=c.dedicated_type,
                     households=c.households or 0, population=c.population or 0, geometry=geometry)
            s.add(g)
            s.flush()
            u.changed("grid", g.id, "insert")
            u.audit("grid.create", "grid", g.id, after=_grid_state(g))
            created += 1
            continue
        before = _grid_state(g)
        g.name, g.community_id, g.kind, g.geometry = c.name, comm.id, kind, _same_or(g.geometry, geometry)
        if c.dedicated_type or kind == GridKind.COMPREHENSIVE:
            g.dedicated_type = c.dedicated_type
        g.households = g.households if c.households is None else c.households
        g.population = g.population if c.population is None else c.population
        after = _grid_state(g)
        if after == before:
            unchanged += 1
            continue
        s.flush()
        u.changed("grid", g.id, "update")
        u.audit("grid.update_geometry", "grid", g.id, before=before, after=after)
        updated += 1
    return created, updated, unchanged


def _same_or(stored: str | None, new: str) -> str:
    """Keep the stored text when it holds the same shape (no spurious update, no new version)."""
    try:
        if stored and json.loads(stored) == json.loads(new):
            return stored
    except ValueError:
        pass
    return new


def _grid_state(g: Grid) -> dict:
    return {"code": g.code, "name": g.name, "community_id": g.community_id,
            "kind": g.kind.value if hasattr(g.kind, "value") else g.kind,
            "dedicated_type": g.dedicated_type, "households": g.households, "population": g.population,
            "geometry_sha": _digest(g.geometry)}


def _write_beats(u, street: Street, good: list[Candidate]) -> tuple[int, int, int]:
    s = u.session
    existing = {b.code: b for b in s.scalars(select(PoliceBeat).where(PoliceBeat.code.in_([c.code for c in good])))}
    created = updated = unchanged = 0
    for c in good:
        geometry = json.dumps(c.geometry, separators=(",", ":"))
        b = existing.get(c.code)
        if b is None:
            b = PoliceBeat(street_id=street.id, code=c.code, name=c.name, geometry=geometry)
            s.add(b)
            s.flush()
            u.changed("police_beat", b.id, "insert")
            u.audit("beat.create", "police_beat", b.id, after={"code": b.code, "name": b.name,
                                                              "geometry_sha": _digest(geometry)})
            created += 1
            continue
        before = {"code": b.code, "name": b.name, "geometry_sha": _digest(b.geometry)}
        b.name, b.geometry = c.name, _same_or(b.geometry, geometry)
        after = {"code": b.code, "name": b.name, "geometry_sha": _digest(b.geometry)}
        if before == after:
            unchanged += 1
            continue
        u.changed("police_beat", b.id, "update")
        u.audit("beat.update_geometry", "police_beat", b.id, before=before, after=after)
        updated += 1
    return created, updated, unchanged
