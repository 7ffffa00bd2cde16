"""A unit of work commits all or nothing, audits in the same transaction, and turns a
second seat's stale write into a clear conflict."""
import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord, ChangeRecord, Community, CommunityKind, Grid, GridKind, Street
from desk.services.audit import verify_chain
from desk.services.errors import ConflictError
from desk.services.unit import Actor


def _street_with_grid(ctx):
    with ctx.unit() as u:
        st = Street(code="410481004", name="院岭街道")
        u.session.add(st)
        u.session.flush()
        c = Community(street_id=st.id, code="410481004001", name="兴钢社区", kind=CommunityKind.COMMUNITY)
        u.session.add(c)
        u.session.flush()
        g = Grid(community_id=c.id, code="410481004001001", name="兴钢社区第1网格", kind=GridKind.COMPREHENSIVE,
                 households=400, population=1100)
        u.session.add(g)
        u.session.flush()
        u.changed("grid", g.id, "insert")
        u.audit("grid.create", "grid", g.id, after={"households": 400})
        return g.id


def test_a_failed_unit_leaves_no_row_no_audit_and_no_change_record(ctx):
    with pytest.raises(RuntimeError):
        with ctx.unit() as u:
            u.session.add(Street(code="410481004", name="院岭街道"))
            u.session.flush()
            u.changed("street", 1, "insert")
            u.audit("street.create", "street", 1)
            raise RuntimeError("power cut")
    with ctx.read() as s:
        for model in (Street, AuditRecord, ChangeRecord):
            assert s.scalar(select(func.count()).select_from(model)) == 0


def test_a_committed_unit_writes_its_change_records_and_a_verifiable_audit_chain(ctx):
    grid_id = _street_with_grid(ctx)
    with ctx.read() as s:
        changes = s.execute(select(ChangeRecord.table_name, ChangeRecord.row_id, ChangeRecord.kind)).all()
        assert [tuple(c) for c in changes] == [("grid", str(grid_id), "insert")]
        assert verify_chain(s).ok
        rec = s.scalars(select(AuditRecord)).one()
        assert rec.actor == "system" and rec.action == "grid.create" and '"households": 400' in rec.after


def test_two_seats_editing_one_grid_the_second_gets_a_conflict_not_a_silent_overwrite(ctx):
    grid_id = _street_with_grid(ctx)
    seat1 = ctx.as_actor(Actor("wangli", "王丽", "duty_staff"))
    seat2 = ctx.as_actor(Actor("lina", "李娜", "duty_staff"))
    with seat1.read() as s:
        seen1 = s.get(Grid, grid_id).version
    with seat2.read() as s:
        seen2 = s.get(Grid, grid_id).version
    with seat1.unit() as u:
        u.get_current(Grid, grid_id, seen1, "网格").households = 410
    with pytest.raises(ConflictError, match="另一席位") as err:
        with seat2.unit() as u:
            u.get_current(Grid, grid_id, seen2, "网格").households = 390
    assert err.value.current["households"] == 410  # the loser sees the current state
    with ctx.read() as s:
        assert s.get(Grid, grid_id).households == 410


def test_the_orm_version_check_catches_a_stale_write_inside_one_transaction(ctx):
    grid_id = _street_with_grid(ctx)
    with pytest.raises(ConflictError):
        with ctx.unit() as u:
            g = u.session.get(Grid, grid_id)
            # another writer bumps the version under us (simulated in the same transaction)
            u.session.execute(Grid.__table__.update().where(Grid.id == grid_id).values(version=Grid.version + 1))
            g.households = 420
            u.session.flush()
    with ctx.read() as s:
        assert s.get(Grid, grid_id).households == 400


def test_the_audit_chain_stays_whole_when_seats_append_in_turn(ctx):
    for i in range(5):
        with ctx.as_actor(Actor(f"seat{i}")).unit() as u:
            u.audit("note", "grid", i)
    with ctx.read() as s:
        report = verify_chain(s)
    assert report.ok and report.checked == 5
