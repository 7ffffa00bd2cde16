"""The stored grids or police beats as a GeoJSON FeatureCollection (WGS84), with the same
properties the import reads -- to edit in QGIS and import again."""
from __future__ import annotations

import json

from sqlalchemy import select

from desk.models import Community, Grid, PoliceBeat
from desk.services.context import Context
from desk.services.permissions import require


def export_geojson(ctx: Context, kind: str) -> dict:
    require(ctx.actor, "org.read")
    features = []
    with ctx.read() as s:
        if kind == "grid":
            for g, comm in s.execute(select(Grid, Community.code).join(Community).order_by(Grid.code)):
                if g.geometry:
                    props = {"code": g.code, "name": g.name, "community": comm, "kind": g.kind.value}
                    if g.dedicated_type:
                        props["dedicated_type"] = g.dedicated_type
                    features.append({"type": "Feature", "properties": props, "geometry": json.loads(g.geometry)})
        elif kind == "beat":
            for b in s.scalars(select(PoliceBeat).order_by(PoliceBeat.code)):
                if b.geometry:
                    features.append({"type": "Feature", "properties": {"code": b.code, "name": b.name},
                                     "geometry": json.loads(b.geometry)})
        else:
            raise ValueError(kind)
    return {"type": "FeatureCollection", "features": features}
