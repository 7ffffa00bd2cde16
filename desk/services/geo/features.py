"""Reading a GeoJSON FeatureCollection into candidate features, with the defects that can be
seen without the database: not a polygon, missing properties, coordinates in the wrong order
or outside China. Each defect names the feature by its index (from 1) and its code."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from desk.services import files, limits
from desk.services.errors import ValidationError
from desk.services.geo import gcj02

CRS_CHOICES = ("wgs84", "cgcs2000", "gcj02")
KIND_WORDS = {"comprehensive": "comprehensive", "综合": "comprehensive", "综合网格": "comprehensive",
              "dedicated": "dedicated", "专属": "dedicated", "专属网格": "dedicated"}

# Defect kinds, each with the Chinese words the report uses.
DEFECT_LABELS = {
    "not_feature": "不是要素 (not a GeoJSON Feature)",
    "not_polygon": "不是面 (Polygon/MultiPolygon)",
    "missing_property": "缺少属性",
    "too_long": "属性过长",
    "swapped": "经纬度顺序颠倒 (lat/lon swapped)",
    "out_of_china": "坐标不在中国范围内",
    "invalid": "多边形无效或自相交",
    "outside_street": "超出街道范围",
    "outside_community": "超出所属社区范围",
    "overlap": "与其他网格重叠",
    "gap": "社区内网格之间有空隙",
    "unknown_community": "未知的社区代码",
    "duplicate_code": "代码重复",
    "far_away": "远离本街道",
}


@dataclass(frozen=True)
class Defect:
    index: int          # feature number in the file, from 1
    code: str           # the feature's code ('' when missing)
    kind: str           # a key of DEFECT_LABELS
    detail: str = ""

    def __str__(self) -> str:
        who = f"第 {self.index} 个要素" + (f" ({self.code})" if self.code else "")
        label = DEFECT_LABELS.get(self.kind, self.kind)
        return f"{who}: {label}" + (f": {self.detail}" if self.detail else "")


@dataclass
class Candidate:
    index: int
    code: str
    name: str
    geometry: dict                      # GeoJSON geometry in WGS84
    community_code: str = ""
    kind: str = "comprehensive"
    dedicated_type: str | None = None
    defects: list[Defect] = field(default_factory=list)
    file_geometry: dict | None = None   # as in the file, when converted (GCJ-02): where problems are pointed at
    households: int | None = None       # a grid's own figures when the file has them (户数, 人口)
    population: int | None = None

    @property
    def good(self) -> bool:
        return not self.defects


COMMUNITY_DIGITS = 12   # a community's national division code; a grid's code may add its suffix to it


@dataclass(frozen=True)
class PropertyNames:
    code: str = "code"
    name: str = "name"
    community: str = "community"
    kind: str = "kind"
    dedicated_type: str = "dedicated_type"


def load_collection(path: Path) -> list[dict]:
    raw = files.read_bytes(path, limits.MAX_GEOJSON_FILE)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(f"{path.name}: 不是有效的 GeoJSON (not valid JSON: {limits.shown(str(exc), 120)})") from exc
    except RecursionError as exc:
        raise ValidationError(f"{path.name}: 不是有效的 GeoJSON，嵌套过深 (not valid GeoJSON: nested too deep)") from exc
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise ValidationError(f"{path.name}: 需要 GeoJSON FeatureCollection (expected a FeatureCollection)")
    if not data["features"]:
        raise ValidationError(f"{path.name}: 文件中没有要素 (no features)")
    return data["features"]


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a number")
    number = float(value)  # OverflowError for an integer beyond a float
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _position(p) -> tuple[float, float]:
    if not isinstance(p, list) or not 2 <= len(p) <= 3:
        raise ValueError("a position is [lon, lat]")
    x, y = _number(p[0]), _number(p[1])
    if len(p) == 3:
        _number(p[2])
    return x, y


def _rings(geom_type: str, coords) -> list[list]:
    """The rings of a Polygon or MultiPolygon, after checking the nesting (ValueError if wrong)."""
    polygons = [coords] if geom_type == "Polygon" else coords
    if not isinstance(polygons, list) or not polygons:
        raise ValueError("no polygon")
    rings = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise ValueError("a polygon is a list of rings")
        for ring in polygon:
            if not isinstance(ring, list):
                raise ValueError("a ring is a list of positions")
            rings.append(ring)
    return rings


def _positions(coords, geom_type: str = "Polygon"):
    """Every position as (lon, lat) floats; ValueError (OverflowError) when the nesting or a number is wrong."""
    return [_position(p) for ring in _rings(geom_type, coords) for p in ring]


def _text(props: dict, key: str) -> str:
    value = props.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def coordinate_defect(coords, geom_type: str = "Polygon") -> tuple[str, str] | None:
    """('swapped' | 'out_of_china', detail) when positions cannot be WGS84 lon/lat in China;
    ('not_polygon', detail) when the coordinates are not a polygon's nested lists of numbers."""
    try:
        points = _positions(coords, geom_type)
    except (TypeError, ValueError, IndexError, OverflowError):
        return "not_polygon", ("坐标不是数字 [经度, 纬度] 组成的多边形 "
                               "(coordinates are not a polygon of [lon, lat] numbers)")
    if not points:
        return "not_polygon", "没有坐标"
    outside = [(x, y) for x, y in points if not gcj02.in_china(x, y)]
    if not outside:
        return None
    if all(gcj02.in_china(y, x) for x, y in outside):
        x, y = outside[0]
        return "swapped", f"如 [{x}, {y}] 应为 [{y}, {x}] (GeoJSON 为 [经度, 纬度])"
    x, y = outside[0]
    if abs(x) > 180 or abs(y) > 90:
        return "out_of_china", f"如 [{x}, {y}]：像是投影坐标 (米)，请导出为 WGS84 经纬度 (EPSG:4326)"
    return "out_of_china", f"如 [{x}, {y}]"


def read_candidates(path: Path, kind: str, names: PropertyNames = PropertyNames(),
                    crs: str = "wgs84") -> list[Candidate]:
    """Every feature of the file as a candidate, with the defects seen so far."""
    if crs not in CRS_CHOICES:
        raise ValidationError(f"不支持的坐标系 {crs} (use one of {', '.join(CRS_CHOICES)})")
    out = []
    for i, feature in enumerate(load_collection(path), start=1):
        if not isinstance(feature, dict):
            out.append(Candidate(i, "", "", {}, defects=[Defect(i, "", "not_feature", f"而是 {type(feature).__name__}")]))
            continue
        props = feature.get("properties") or {}
        geom = feature.get("geometry") or {}
        if not isinstance(props, dict):
            props = {}
        if not isinstance(geom, dict):
            geom = {"type": type(geom).__name__}
        c = Candidate(i, _text(props, names.code), _text(props, names.name), geom)
        if not c.code:
            c.defects.append(Defect(i, "", "missing_property", f"'{names.code}'"))
        if not c.name:
            c.defects.append(Defect(i, c.code, "missing_property", f"'{names.name}'"))
        too_long = limits.problems((limits.ORG_CODE, c.code), (limits.ORG_NAME, c.name))
        if too_long:
            c.code, c.name = limits.shown(c.code, 20), limits.shown(c.name, 64)
            c.defects.append(Defect(i, c.code, "too_long", "；".join(too_long)))
        if kind == "grid":
            c.community_code = _text(props, names.community) or _text(props, "community_code")
            if not c.community_code and c.code.isdigit() and len(c.code) > COMMUNITY_DIGITS:
                c.community_code = c.code[:COMMUNITY_DIGITS]  # national community code + the grid's own suffix
            if not c.community_code:
                c.defects.append(Defect(i, c.code, "missing_property",
                                        f"'{names.community}' (社区代码；或网格代码以12位社区代码开头)"))
            word = _text(props, names.kind) or "comprehensive"
            c.kind = KIND_WORDS.get(word.lower(), "")
            if not c.kind:
                c.defects.append(Defect(i, c.code, "missing_property",
                                        f"'{names.kind}' 应为 comprehensive/dedicated (综合/专属)，"
                                        f"而不是 {limits.shown(repr(word))}"))
            c.dedicated_type = _text(props, names.dedicated_type) or None
            for attr, keys in (("households", ("households", "户数")), ("population", ("population", "人口", "人数"))):
                word = next((w for k in keys if (w := _text(props, k))), "")
                if word and not (word.isdigit() and int(word) < 1_000_000):
                    c.defects.append(Defect(i, c.code, "missing_property",
                                            f"'{keys[1]}' 应为整数，而不是 {limits.shown(repr(word))}"))
                elif word:
                    setattr(c, attr, int(word))
            too_long = limits.problems((limits.ORG_CODE, c.community_code), (limits.DEDICATED_TYPE, c.dedicated_type))
            if too_long:
                c.community_code = limits.shown(c.community_code, 20)
                c.defects.append(Defect(i, c.code, "too_long", "；".join(too_long)))
        if geom.get("type") not in ("Polygon", "MultiPolygon") or not isinstance(geom.get("coordinates"), list):
            c.defects.append(Defect(i, c.code, "not_polygon", f"类型为 {limits.shown(repr(geom.get('type')))}"))
        else:
            bad = coordinate_defect(geom["coordinates"], geom["type"])
            if bad:
                c.defects.append(Defect(i, c.code, bad[0], bad[1]))
            elif crs == "gcj02":
                c.file_geometry = geom
                c.geometry = {"type": geom["type"],
                              "coordinates": gcj02.convert_coordinates(geom["coordinates"], gcj02.gcj02_to_wgs84)}
        out.append(c)
    seen: dict[str, int] = {}
    for c in out:
        if c.code and c.code in seen:
            c.defects.append(Defect(c.index, c.code, "duplicate_code", f"与第 {seen[c.code]} 个要素相同"))
        seen.setdefault(c.code, c.index)
    return out
