"""Point in polygon: households land in the grid that contains them; a beat finds its grids by overlap."""
from sqlalchemy import select

from desk.models import Grid, Household, beat_grid
from desk.services.geo.importer import import_geojson
from desk.services.geo.locate import assign, grid_at

from .geo_fixtures import X0, Y0, four_west_grids, make_street, poly, write


def setup_grids(ctx, tmp_path) -> dict[str, int]:
    make_street(ctx)
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    with ctx.read() as s:
        return {code[-1]: gid for code, gid in s.execute(select(Grid.code, Grid.id))}


def test_a_point_is_found_in_its_grid_and_a_point_outside_in_none(ctx, tmp_path):
    ids = setup_grids(ctx, tmp_path)
    assert grid_at(ctx, Y0 + 0.002, X0 + 0.002) == ids["1"]
    assert grid_at(ctx, Y0 + 0.015, X0 + 0.007) == ids["4"]
    assert grid_at(ctx, Y0 + 0.015, X0 + 0.015) is None  # the east community has no grids yet


def test_a_reimported_grid_shape_is_used_at_once(ctx, tmp_path):
    make_street(ctx)
    feats = four_west_grids()
    feats[1]["geometry"] = poly(X0 + 0.005, Y0, X0 + 0.01, Y0 + 0.005)  # grid 2 drawn too short at first
    import_geojson(ctx, write(tmp_path, feats), "grid")
    assert grid_at(ctx, Y0 + 0.008, X0 + 0.008) is None
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")  # corrected: same grids, new shape
    with ctx.read() as s:
        grid2 = s.scalar(select(Grid.id).where(Grid.code.like("%002")))
    assert grid_at(ctx, Y0 + 0.008, X0 + 0.008) == grid2


def test_households_are_moved_into_the_grid_their_coordinates_fall_in(ctx, tmp_path):
    ids = setup_grids(ctx, tmp_path)
    with ctx.unit() as u:
        for gid in ids.values():
            u.session.get(Grid, gid).households = 2
        u.session.add_all([
            Household(grid_id=ids["1"], address="在一网格", lat=Y0 + 0.002, lon=X0 + 0.002, members=3),
            Household(grid_id=ids["1"], address="其实在四网格", lat=Y0 + 0.015, lon=X0 + 0.007, members=2),
            Household(grid_id=ids["2"], address="在街道外", lat=Y0 + 0.5, lon=X0 + 0.5),
            Household(grid_id=ids["3"], address="无坐标"),
        ])
    r = assign(ctx)
    assert (r.checked, r.moved, r.outside) == (3, 1, 1)
    with ctx.read() as s:
        moved = s.scalar(select(Household).where(Household.address == "其实在四网格"))
        assert moved.grid_id == ids["4"]
        assert s.get(Grid, ids["1"]).households == 1 and s.get(Grid, ids["4"]).households == 3
    assert assign(ctx).moved == 0


def test_a_police_beat_is_linked_to_the_grids_it_covers(ctx, tmp_path):
    ids = setup_grids(ctx, tmp_path)
    beat = [{"type": "Feature", "properties": {"code": "J01", "name": "南片警务区"},
             "geometry": poly(X0, Y0, X0 + 0.01, Y0 + 0.011)}]  # the two southern grids, a sliver of the others
    import_geojson(ctx, write(tmp_path, beat, "beats.geojson"), "beat")
    r = assign(ctx)
    assert r.beat_links_added == 2
    with ctx.read() as s:
        assert sorted(s.scalars(select(beat_grid.c.grid_id))) == sorted([ids["1"], ids["2"]])
