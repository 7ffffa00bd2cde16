"""What the map and its side panel read: shapes with figures, a beat outlined by its grids,
a grid's profile with its people and its size against the standard."""
import json

from sqlalchemy import insert, select

from desk.models import Community, Grid, Street, JointDefencePoint, PoliceBeat, Staff, StaffRole, beat_grid, grid_member
from desk.services.geo.importer import import_geojson
from desk.services.geo.mapdata import grid_profile, map_layers

from .geo_fixtures import four_west_grids, make_street, write


def test_the_map_gets_every_shape_and_a_beat_without_a_boundary_is_drawn_round_its_grids(ctx, tmp_path):
    make_street(ctx)
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    with ctx.unit() as u:
        officer = Staff(name="刘帅", role=StaffRole.COMMUNITY_POLICE)
        u.session.add(officer)
        u.session.flush()
        beat = PoliceBeat(street_id=1, code="J01", name="兴钢警务区", officer_id=officer.id)
        u.session.add(beat)
        u.session.flush()
        ids = list(u.session.scalars(select(Grid.id).order_by(Grid.code)))[:2]
        u.session.execute(insert(beat_grid), [{"beat_id": beat.id, "grid_id": g} for g in ids])
    layers = map_layers(ctx)
    assert layers.street.name == "院岭街道" and len(layers.communities) == 2 and len(layers.grids) == 4
    (b,) = layers.beats
    assert b.officer_name == "刘帅" and b.geometry["type"] == "Polygon"  # the two southern grids, merged
    assert json.dumps(b.geometry)


def test_a_new_street_with_only_its_grids_drawn_shows_its_communities_and_street_round_them(ctx, tmp_path):
    make_street(ctx)
    with ctx.unit() as u:   # as `desk import divisions` leaves them: codes and names, no boundaries
        for area in (*u.session.scalars(select(Community)), *u.session.scalars(select(Street))):
            area.geometry = None
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    layers = map_layers(ctx)
    assert layers.street is not None and layers.street.name == "院岭街道"   # the map's title names the street
    assert [c.name for c in layers.communities] == ["兴钢社区"]             # the one with grids, outlined round them
    assert layers.communities[0].geometry["type"] == "Polygon"


def test_a_grid_profile_names_its_leader_workers_officer_and_defence_points(ctx, tmp_path):
    make_street(ctx)
    import_geojson(ctx, write(tmp_path, four_west_grids()), "grid")
    with ctx.unit() as u:
        s = u.session
        g = s.scalars(select(Grid).order_by(Grid.code)).first()
        people = {name: Staff(name=name, role=role) for name, role in (
            ("赵佳", StaffRole.GRID_LEADER), ("杨成鹏", StaffRole.FULLTIME_GRID_WORKER),
            ("王海", StaffRole.COMMUNITY_POLICE))}
        s.add_all(people.values())
        s.flush()
        g.leader_id, g.households, g.population = people["赵佳"].id, 520, 1400
        s.execute(insert(grid_member), [{"grid_id": g.id, "staff_id": people[n].id} for n in ("赵佳", "杨成鹏")])
        beat = PoliceBeat(street_id=1, code="J01", name="兴钢警务区", officer_id=people["王海"].id)
        s.add(beat)
        s.flush()
        s.execute(insert(beat_grid), [{"beat_id": beat.id, "grid_id": g.id}])
        s.add(JointDefencePoint(grid_id=g.id, name="兴钢一号联防点", run_by="volunteers", contact_name="马健波"))
        gid = g.id
    p = grid_profile(ctx, gid)
    assert p.leader == "赵佳" and [w.name for w in p.workers] == ["杨成鹏"]
    assert [x.name for x in p.police] == ["王海"] and p.beats == ("兴钢警务区",)
    assert p.size_status == "large" and p.standard_households == (300, 500)
    assert p.defence_points[0].name == "兴钢一号联防点"
