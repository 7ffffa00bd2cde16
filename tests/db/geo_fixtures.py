"""A small street for the geometry tests: a 0.02° square street, two communities side by side,
and helpers that write GeoJSON files of grids and beats."""
from __future__ import annotations

import json
from pathlib import Path

from desk.models import Community, CommunityKind, Street

X0, Y0 = 113.50, 33.28
STREET = (X0, Y0, X0 + 0.02, Y0 + 0.02)
EAST_CODE, WEST_CODE = "410481004001", "410481004002"


def ring(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def poly(x0, y0, x1, y1) -> dict:
    return {"type": "Polygon", "coordinates": [ring(x0, y0, x1, y1)]}


def make_street(ctx) -> dict[str, int]:
    with ctx.unit() as u:
        st = Street(code="410481004", name="院岭街道", geometry=json.dumps(poly(*STREET)))
        u.session.add(st)
        u.session.flush()
        ids = {}
        for code, name, box in ((WEST_CODE, "兴钢社区", (X0, Y0, X0 + 0.01, Y0 + 0.02)),
                                (EAST_CODE, "白云社区", (X0 + 0.01, Y0, X0 + 0.02, Y0 + 0.02))):
            c = Community(street_id=st.id, code=code, name=name, kind=CommunityKind.COMMUNITY,
                          geometry=json.dumps(poly(*box)))
            u.session.add(c)
            u.session.flush()
            ids[code] = c.id
    return ids


def feature(code, name, geometry, community=WEST_CODE, kind="comprehensive", **extra) -> dict:
    props = {"code": code, "name": name, "community": community, "kind": kind, **extra}
    return {"type": "Feature", "properties": {k: v for k, v in props.items() if v is not None},
            "geometry": geometry}


def four_west_grids() -> list[dict]:
    """The west community cut into four quarters that meet exactly."""
    out = []
    for i, (x, y) in enumerate(((0, 0), (0.005, 0), (0, 0.01), (0.005, 0.01)), start=1):
        out.append(feature(f"{WEST_CODE}{i:03d}", f"兴钢社区第{i}网格",
                           poly(X0 + x, Y0 + y, X0 + x + 0.005, Y0 + y + 0.01)))
    return out


def write(tmp_path: Path, features: list[dict], name="grids.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path
