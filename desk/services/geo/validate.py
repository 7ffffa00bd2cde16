"""Shape checks with shapely: invalid or self-intersecting polygons, features outside the
street or far from it (often lat/lon swapped), overlaps between grids of one street and gaps
inside a community. Tolerances are relative, so shared edges digitised a hair apart pass."""
from __future__ import annotations

from dataclasses import dataclass

from shapely import STRtree
from shapely.geometry import Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from desk.services.geo.features import Candidate, Defect

OUTSIDE_TOLERANCE = 0.01     # share of a feature's area allowed outside the street
OVERLAP_TOLERANCE = 0.005    # share of the smaller polygon's area two grids may share
GAP_TOLERANCE = 0.002        # share of the community's grid area a hole may have before it counts
FAR_DEGREES = 0.5            # a feature whose centre is this far from the street is not in it


@dataclass(frozen=True)
class Surroundings:
    street_geometry: BaseGeometry | None
    community_codes: frozenset[str]
    kept_grids: tuple[tuple[str, str, BaseGeometry], ...] = ()  # (code, community code, shape) not in the file
    community_shapes: tuple[tuple[str, BaseGeometry], ...] = ()  # communities that have a drawn boundary


def to_shape(geometry: dict) -> BaseGeometry | None:
    try:
        return shape(geometry)
    except Exception:  # noqa: BLE001 - malformed coordinates are a defect of the feature
        return None


VALIDITY_WORDS = (("Ring Self-intersection", "环自相交"), ("Self-intersection", "自相交"), ("Too few points", "点数过少"),
                  ("Hole lies outside shell", "内环在外环之外"), ("Nested shells", "外环相互嵌套"),
                  ("Interior is disconnected", "内部不连通"), ("Duplicate Rings", "环重复"))


def why_invalid(g: BaseGeometry, file_geometry: dict | None) -> str:
    """Shapely's reason in Chinese, with the place in the file's own coordinates (GCJ-02 as drawn), so that
    the person finds it where they drew it."""
    drawn = to_shape(file_geometry) if file_geometry is not None else None
    reason = explain_validity(drawn if drawn is not None and not drawn.is_valid else g)
    text, _, where = reason.partition("[")
    word = next((zh for en, zh in VALIDITY_WORDS if text.strip() == en), text.strip())
    if not where:
        return word
    point = where.rstrip("]").split()
    try:
        return f"{word}，位置 {float(point[0]):.6f}, {float(point[1]):.6f}（文件坐标）"
    except (IndexError, ValueError):
        return f"{word} [{where}"


def check_shapes(cands: list[Candidate], around: Surroundings, grids: bool) -> dict[int, BaseGeometry]:
    """Adds defects to the candidates; returns the shapes of those still good, by index."""
    shapes: dict[int, BaseGeometry] = {}
    street = around.street_geometry
    for c in cands:
        if grids and c.community_code and c.community_code not in around.community_codes:
            c.defects.append(Defect(c.index, c.code, "unknown_community", c.community_code))
        if any(d.kind in ("not_polygon", "swapped", "out_of_china") for d in c.defects):
            continue
        g = to_shape(c.geometry)
        if g is None or g.is_empty:
            c.defects.append(Defect(c.index, c.code, "invalid", "坐标无法构成多边形"))
            continue
        if not g.is_valid:
            c.defects.append(Defect(c.index, c.code, "invalid", why_invalid(g, c.file_geometry)))
            continue
        if street is not None:
            far = g.centroid.distance(street)
            if far > FAR_DEGREES:
                swapped = Polygon([(p[1], p[0]) for p in g.envelope.exterior.coords]) if g.area else None
                hint = "; 交换经纬度后在街道内，可能顺序颠倒" if swapped is not None and swapped.intersects(street) else ""
                c.defects.append(Defect(c.index, c.code, "far_away", f"距街道约 {far * 111:.0f} km{hint}"))
                continue
            outside = g.difference(street).area
            if outside > OUTSIDE_TOLERANCE * g.area:
                c.defects.append(Defect(c.index, c.code, "outside_street", f"{outside / g.area:.0%} 的面积在街道外"))
                continue
        community = dict(around.community_shapes).get(c.community_code) if grids else None
        if community is not None and g.difference(community).area > OUTSIDE_TOLERANCE * g.area:
            c.defects.append(Defect(c.index, c.code, "outside_community",
                                    f"{g.difference(community).area / g.area:.0%} 的面积不在社区 {c.community_code} 内"))
            continue
        shapes[c.index] = g
    if grids:
        _overlaps(cands, shapes, around)
        _gaps(cands, shapes, around)
    return shapes


def _overlaps(cands: list[Candidate], shapes: dict[int, BaseGeometry], around: Surroundings) -> None:
    by_index = {c.index: c for c in cands}
    items = [(f"第 {i} 个要素 ({by_index[i].code})", i, g) for i, g in shapes.items()]
    items += [(f"已有网格 {code}", None, g) for code, _comm, g in around.kept_grids]
    tree = STRtree([g for _l, _i, g in items])
    flagged: set[tuple[int, str]] = set()
    for a, (label_a, idx_a, ga) in enumerate(items):
        if idx_a is None:
            continue
        for b in tree.query(ga, predicate="intersects"):
            b = int(b)
            if b == a or (items[b][1] is not None and b < a):
                continue
            label_b, idx_b, gb = items[b]
            shared = ga.intersection(gb).area
            if shared > OVERLAP_TOLERANCE * min(ga.area, gb.area):
                for idx, other in ((idx_a, label_b), (idx_b, label_a)):
                    if idx is not None and (idx, other) not in flagged:
                        flagged.add((idx, other))
                        c = by_index[idx]
                        c.defects.append(Defect(idx, c.code, "overlap",
                                                f"与{other}重叠 {shared / min(ga.area, gb.area):.1%}"))


def _gaps(cands: list[Candidate], shapes: dict[int, BaseGeometry], around: Surroundings) -> None:
    by_index = {c.index: c for c in cands}
    groups: dict[str, list[tuple[int | None, BaseGeometry]]] = {}
    for i, g in shapes.items():
        groups.setdefault(by_index[i].community_code, []).append((i, g))
    for _code, comm, g in around.kept_grids:
        if comm in groups:
            groups[comm].append((None, g))
    for comm, members in groups.items():
        union = unary_union([g for _i, g in members])
        total = sum(g.area for _i, g in members)
        polys = getattr(union, "geoms", [union])
        for poly in polys:
            for ring in poly.interiors:
                hole = Polygon(ring)
                if hole.area <= GAP_TOLERANCE * total:
                    continue
                around_hole = [i for i, g in members if i is not None and g.distance(hole) < 1e-9]
                for i in around_hole:
                    c = by_index[i]
                    c.defects.append(Defect(i, c.code, "gap",
                                            f"社区 {comm} 内有约 {hole.area * 111e3 * 92e3:.0f} 平方米未覆盖，"
                                            f"在 ({hole.centroid.x:.5f}, {hole.centroid.y:.5f}) 附近"))
