"""A department liaison acts for their own department only; grid staff in their own grids only."""
from __future__ import annotations

import pytest

from desk.models import Community, CommunityKind, Department, Grid, GridKind, PoliceBeat, Staff, StaffRole, Street
from desk.models import beat_grid, grid_member
from desk.services.errors import PermissionDenied
from desk.services.scope import grid_scope, require_department, require_grid
from desk.services.unit import Actor


def small_street(ctx):
    with ctx.unit() as u:
        s = u.session
        st = Street(code="410481004", name="院岭街道")
        s.add(st)
        s.flush()
        c = Community(street_id=st.id, code="410481004001", name="兴钢社区", kind=CommunityKind.COMMUNITY)
        s.add(c)
        s.flush()
        people = [Staff(name=n, role=StaffRole.FULLTIME_GRID_WORKER, community_id=c.id, active=True)
                  for n in ("甲", "乙", "丙")]
        s.add_all(people)
        s.flush()
        grids = [Grid(community_id=c.id, code=f"G{i}", name=f"第{i}网格", kind=GridKind.COMPREHENSIVE, households=400,
                      population=1000, leader_id=people[0].id if i == 1 else None) for i in (1, 2, 3)]
        s.add_all(grids)
        s.flush()
        s.execute(grid_member.insert().values(grid_id=grids[1].id, staff_id=people[1].id))
        beat = PoliceBeat(street_id=st.id, code="B1", name="一号警务区", officer_id=people[2].id)
        s.add(beat)
        s.flush()
        s.execute(beat_grid.insert().values(beat_id=beat.id, grid_id=grids[2].id))
        d1, d2 = Department(code="D1", name="城管", short_name="城管"), Department(code="D2", name="市监", short_name="市监")
        s.add_all([d1, d2])
        s.flush()
        return [p.id for p in people], [g.id for g in grids], (d1.id, d2.id)


def test_grid_staff_act_only_in_the_grids_they_lead_belong_to_or_police(ctx):
    people, grids, _ = small_street(ctx)
    with ctx.read() as s:
        for person, own in zip(people, grids):
            actor = Actor("g", role="grid_staff", staff_id=person)
            assert grid_scope(s, actor) == {own}
            require_grid(s, actor, own)
            with pytest.raises(PermissionDenied):
                require_grid(s, actor, next(g for g in grids if g != own))
        assert grid_scope(s, Actor("g", role="grid_staff")) == frozenset()
        assert grid_scope(s, Actor("d", role="duty_staff")) is None
        require_grid(s, Actor("d", role="leader"), grids[0])


def test_a_department_liaison_acts_for_their_own_department_only(ctx):
    _, _, (d1, d2) = small_street(ctx)
    liaison = Actor("l", role="liaison", department_id=d1)
    require_department(liaison, d1)
    with pytest.raises(PermissionDenied):
        require_department(liaison, d2)
    with pytest.raises(PermissionDenied):
        require_department(Actor("l", role="liaison"), d1)
    require_department(Actor("d", role="duty_staff"), d2)
