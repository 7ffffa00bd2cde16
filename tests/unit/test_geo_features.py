"""Reading a GeoJSON file: what can be told about each feature before any shape check."""
import json

import pytest

from desk.services.errors import ValidationError
from desk.services.geo.features import PropertyNames, read_candidates


def write(tmp_path, features, raw=None):
    path = tmp_path / "f.geojson"
    path.write_text(raw if raw is not None else json.dumps({"type": "FeatureCollection", "features": features}),
                    encoding="utf-8")
    return path


def square(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


def test_a_file_that_is_not_geojson_is_refused_with_its_name(tmp_path):
    with pytest.raises(ValidationError, match="f.geojson"):
        read_candidates(write(tmp_path, [], raw="code,name\n1,2\n"), "beat")
    with pytest.raises(ValidationError, match="没有要素"):
        read_candidates(write(tmp_path, []), "beat")


def test_projected_metre_coordinates_are_recognised(tmp_path):
    feats = [{"type": "Feature", "properties": {"code": "J1", "name": "一"},
              "geometry": square(12636000, 3935000, 500)}]
    (c,) = read_candidates(write(tmp_path, feats), "beat")
    assert c.defects[0].kind == "out_of_china" and "投影坐标" in str(c.defects[0])


def test_numeric_codes_and_three_dimensional_positions_are_taken(tmp_path):
    geom = {"type": "Polygon", "coordinates": [[[113.5, 33.28, 100], [113.51, 33.28, 100], [113.51, 33.29, 100],
                                                [113.5, 33.28, 100]]]}
    feats = [{"type": "Feature", "properties": {"adcode": 410481.0, "名称": "舞钢"}, "geometry": geom}]
    (c,) = read_candidates(write(tmp_path, feats), "beat", PropertyNames(code="adcode", name="名称"), crs="gcj02")
    assert c.good and c.code == "410481" and c.name == "舞钢"
    assert len(c.geometry["coordinates"][0][0]) == 2   # converted to WGS84, height dropped


def test_a_duplicate_code_and_an_unknown_grid_kind_are_named(tmp_path):
    feats = [{"type": "Feature", "properties": {"code": "G1", "name": "一", "community": "C", "kind": "综合"},
              "geometry": square(113.5, 33.28)},
             {"type": "Feature", "properties": {"code": "G1", "name": "二", "community": "C", "kind": "big"},
              "geometry": square(113.52, 33.28)}]
    first, second = read_candidates(write(tmp_path, feats), "grid")
    assert first.good and first.kind == "comprehensive"
    kinds = {d.kind for d in second.defects}
    assert kinds == {"duplicate_code", "missing_property"}
    assert "第 2 个要素 (G1): 代码重复: 与第 1 个要素相同" in [str(d) for d in second.defects]


def test_a_grid_coded_after_its_community_needs_no_community_property(tmp_path):
    feats = [{"type": "Feature", "properties": {"fid": 1, "code": "410481001001001", "name": "鑫源社区第1网格"},
              "geometry": square(113.5, 33.28)},
             {"type": "Feature", "properties": {"code": "W-07", "name": "七号网格"}, "geometry": square(113.52, 33.28)}]
    by_suffix, free = read_candidates(write(tmp_path, feats), "grid")
    assert by_suffix.good and by_suffix.community_code == "410481001001"   # national code + the grid's suffix
    assert [d.kind for d in free.defects] == ["missing_property"]
    assert "社区代码" in str(free.defects[0]) and "12位" in str(free.defects[0])


def test_a_self_intersecting_grid_drawn_in_gcj02_is_pointed_at_where_it_was_drawn(tmp_path):
    from desk.services.geo.validate import Surroundings, check_shapes

    x, y, d = 113.515, 33.275, 0.006
    bow_tie = {"type": "MultiPolygon", "coordinates": [[[[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]]]]}
    feats = [{"type": "Feature", "properties": {"code": "410481001202003", "name": "垭口村第3网格"}, "geometry": bow_tie}]
    cands = read_candidates(write(tmp_path, feats), "grid", crs="gcj02")
    check_shapes(cands, Surroundings(None, frozenset({"410481001202"})), grids=True)
    (defect,) = cands[0].defects
    assert defect.kind == "invalid"
    assert "自相交，位置 113.518000, 33.278000（文件坐标）" in str(defect)   # the crossing as drawn, in Chinese


def test_a_grids_households_and_people_are_read_from_its_attributes(tmp_path):
    feats = [{"type": "Feature", "properties": {"code": "410481001001001", "name": "一", "户数": 420, "人口": "1050"},
              "geometry": square(113.5, 33.28)},
             {"type": "Feature", "properties": {"code": "410481001001002", "name": "二", "户数": "约400"},
              "geometry": square(113.52, 33.28)}]
    first, second = read_candidates(write(tmp_path, feats), "grid")
    assert first.good and (first.households, first.population) == (420, 1050)
    assert [d.kind for d in second.defects] == ["missing_property"] and "户数" in str(second.defects[0])
