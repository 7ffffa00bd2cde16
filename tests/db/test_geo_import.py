"""Importing grid and police-beat boundaries from GeoJSON: good files go in whole, bad files
change nothing and every defect is named by its feature."""
import json

import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord, ChangeRecord, Grid, PoliceBeat
from desk.services.errors import ValidationError
from desk.services.geo import gcj02
from desk.services.geo.features import PropertyNames
from desk.services.geo.importer import import_geojson

from .geo_fixtures import EAST_CODE, WEST_CODE, X0, Y0, feature, four_west_grids, make_street, poly, write


def grid_count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Grid))


def problems_of(ctx, path, kind="grid", **kw) -> list[str]:
    with pytest.raises(ValidationError) as err:
        import_geojson(ctx, path, kind, **kw)
    assert grid_count(ctx) == 0
    return err.value.problems


def test_a_clean_grid_file_creates_every_grid_audited_and_announced(ctx, tmp_path):
    make_street(ctx)
    r = import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    assert (r.created, r.updated, r.skipped) == (4, 0, 0)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(ChangeRecord).where(ChangeRecord.table_name == "grid")) == 4
        actions = set(s.scalars(select(AuditRecord.action)))
    assert {"grid.create", "geo.import_grids"} <= actions


def test_reimporting_a_grid_by_code_updates_its_shape_and_name(ctx, tmp_path):
    make_street(ctx)
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    again = four_west_grids()
    again[0]["properties"]["name"] = "兴钢社区一网格"
    r = import_geojson(ctx, write(tmp_path, again), "grid")
    assert (r.created, r.updated, r.unchanged) == (0, 1, 3)
    with ctx.read() as s:
        g = s.scalar(select(Grid).where(Grid.code == f"{WEST_CODE}001"))
        assert g.name == "兴钢社区一网格" and g.version == 2


def test_a_bowtie_polygon_is_named_as_self_intersecting(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[1]["geometry"] = {"type": "Polygon", "coordinates": [[[X0 + 0.005, Y0], [X0 + 0.01, Y0 + 0.01],
                                                                [X0 + 0.01, Y0], [X0 + 0.005, Y0 + 0.01],
                                                                [X0 + 0.005, Y0]]]}
    problems = problems_of(ctx, write(tmp_path, feats))
    assert any("第 2 个要素" in p and "自相交" in p for p in problems)


def test_overlapping_grids_are_both_named(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[1]["geometry"] = poly(X0 + 0.003, Y0, X0 + 0.01, Y0 + 0.01)  # reaches into grid 1
    problems = problems_of(ctx, write(tmp_path, feats))
    overlap = [p for p in problems if "重叠" in p]
    assert any(p.startswith("第 1 个要素") for p in overlap) and any(p.startswith("第 2 个要素") for p in overlap)


def test_a_hole_between_grids_of_a_community_is_reported_as_a_gap(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    # grid 4 shrinks from the middle, leaving an unassigned pocket surrounded by the others
    x, y = X0 + 0.005, Y0 + 0.01
    feats[3]["geometry"] = {"type": "Polygon", "coordinates": [
        [[x, y], [x + 0.005, y], [x + 0.005, y + 0.01], [x, y + 0.01], [x, y]],
        [[x + 0.001, y + 0.001], [x + 0.003, y + 0.001], [x + 0.003, y + 0.003], [x + 0.001, y + 0.003],
         [x + 0.001, y + 0.001]]]}
    problems = problems_of(ctx, write(tmp_path, feats))
    assert any("第 4 个要素" in p and "空隙" in p for p in problems)


def test_a_grid_reaching_outside_the_street_is_refused(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[0]["geometry"] = poly(X0 - 0.004, Y0, X0 + 0.005, Y0 + 0.01)
    assert any("第 1 个要素" in p and "超出街道" in p for p in problems_of(ctx, write(tmp_path, feats)))


def test_missing_properties_and_unknown_community_are_named(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    del feats[0]["properties"]["code"]
    del feats[1]["properties"]["name"]
    feats[2]["properties"]["community"] = "410481004999"
    problems = problems_of(ctx, write(tmp_path, feats))
    assert any(p.startswith("第 1 个要素:") and "缺少属性" in p and "'code'" in p for p in problems)
    assert any("第 2 个要素" in p and "'name'" in p for p in problems)
    assert any("第 3 个要素" in p and "未知的社区代码" in p and "410481004999" in p for p in problems)


def test_latitude_and_longitude_swapped_is_recognised(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[2]["geometry"]["coordinates"] = [[[y, x] for x, y in feats[2]["geometry"]["coordinates"][0]]]
    problems = problems_of(ctx, write(tmp_path, feats))
    assert any("第 3 个要素" in p and "颠倒" in p for p in problems)


def test_a_point_feature_is_not_a_grid(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[0]["geometry"] = {"type": "Point", "coordinates": [X0 + 0.001, Y0 + 0.001]}
    assert any("第 1 个要素" in p and "不是面" in p for p in problems_of(ctx, write(tmp_path, feats)))


def test_skip_bad_imports_the_good_features_and_reports_the_rest(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[3]["geometry"]["coordinates"] = [[[y, x] for x, y in feats[3]["geometry"]["coordinates"][0]]]
    r = import_geojson(ctx, write(tmp_path, feats), "grid", skip_bad=True)
    assert (r.created, r.skipped) == (3, 1) and r.defects[0].index == 4
    assert grid_count(ctx) == 3


def test_amap_coordinates_are_converted_to_wgs84_on_import(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    for f in feats:  # as an Amap tracing would give them
        f["geometry"]["coordinates"] = gcj02.convert_coordinates(f["geometry"]["coordinates"], gcj02.wgs84_to_gcj02)
    import_geojson(ctx, write(tmp_path, feats), "grid", crs="gcj02")
    with ctx.read() as s:
        geometry = s.scalar(select(Grid.geometry).where(Grid.code == f"{WEST_CODE}001"))
    assert json.loads(geometry)["coordinates"][0][0] == pytest.approx([X0, Y0], abs=1e-6)


def test_beats_with_other_property_names_are_imported(ctx, tmp_path):
    make_street(ctx)
    feats = [{"type": "Feature", "properties": {"adcode": 4104810041, "jwq": "兴钢警务区"},
              "geometry": {"type": "MultiPolygon", "coordinates": [[poly(X0, Y0, X0 + 0.01, Y0 + 0.02)["coordinates"][0]]]}},
             {"type": "Feature", "properties": {"adcode": 4104810042, "jwq": "白云警务区"},
              "geometry": poly(X0 + 0.01, Y0, X0 + 0.02, Y0 + 0.02)}]
    r = import_geojson(ctx, write(tmp_path, feats, "beats.geojson"), "beat",
                       names=PropertyNames(code="adcode", name="jwq"))
    assert r.created == 2
    with ctx.read() as s:
        assert sorted(s.scalars(select(PoliceBeat.name))) == ["兴钢警务区", "白云警务区"]


def test_a_new_grid_overlapping_a_grid_already_stored_is_refused(ctx, tmp_path):
    make_street(ctx)
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    extra = [feature(f"{WEST_CODE}005", "兴钢社区第5网格", poly(X0 + 0.003, Y0, X0 + 0.008, Y0 + 0.005))]
    with pytest.raises(ValidationError) as err:
        import_geojson(ctx, write(tmp_path, extra, "more.geojson"), "grid")
    assert any("已有网格" in p for p in err.value.problems)


def test_real_county_boundaries_in_gcj02_are_reported_not_crashed(ctx, shared_data):
    make_street(ctx)
    path = shared_data / "geo" / "410400-pingdingshan-counties-gcj02.geojson"
    with pytest.raises(ValidationError) as err:
        import_geojson(ctx, path, "beat", names=PropertyNames(code="adcode"), crs="gcj02")
    assert len(err.value.problems) >= 10
    assert any("410423" in p and "自相交" in p for p in err.value.problems)


def test_a_grid_given_the_wrong_community_lies_outside_it_and_is_named(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[1]["properties"]["community"] = EAST_CODE   # drawn in the west community
    problems = problems_of(ctx, write(tmp_path, feats))
    assert any(p.startswith("第 2 个要素") and "超出所属社区" in p for p in problems)


def test_a_grids_households_and_people_come_with_its_boundary_and_a_reimport_updates_them(ctx, tmp_path):
    make_street(ctx)
    grids = four_west_grids()
    grids[0]["properties"].update({"户数": 420, "人口": 1050})
    import_geojson(ctx, write(tmp_path, grids), "grid")
    grids[0]["properties"]["户数"] = 430
    import_geojson(ctx, write(tmp_path, grids), "grid")
    with ctx.read() as s:
        figures = {g.name: (g.households, g.population) for g in s.scalars(select(Grid))}
    assert figures["兴钢社区第1网格"] == (430, 1050) and figures["兴钢社区第2网格"] == (0, 0)
