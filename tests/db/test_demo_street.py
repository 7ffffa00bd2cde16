"""The demo street: realistic, sized by the standard (bar the deliberate outliers), deterministic."""
import re
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from desk.demo import DemoOptions, build_demo
from desk.models import Community, Grid, Household, PoliceBeat, Staff, StaffRole, Street
from desk.services import org
from desk.services.errors import ValidationError

DATA_TABLES = ("street", "community", "grid", "police_beat", "beat_grid", "joint_defence_point", "department",
               "staff", "grid_member", "household")


def _dump(ctx) -> dict[str, list[tuple]]:
    with ctx.read() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in DATA_TABLES}


@pytest.fixture
def demo(ctx):
    result = build_demo(ctx, DemoOptions(seed=7, households=16000, days=30))
    return result


def test_the_demo_street_is_yuanling_with_its_nine_real_communities_and_villages(ctx, demo):
    with ctx.read() as s:
        street = s.scalars(select(Street)).one()
        assert (street.code, street.name) == ("410481004", "院岭街道")
        kinds = Counter(c.kind.value for c in s.scalars(select(Community)))
        assert kinds == {"community": 5, "village": 4}
        names = {c.name for c in s.scalars(select(Community))}
        assert {"兴钢社区", "白云社区", "李辉庄村", "胡庄村"} <= names


def test_about_forty_grids_mostly_within_the_standard_with_a_few_deliberate_outliers(ctx, demo):
    with ctx.read() as s:
        rows = org.grids(s)
        households = s.scalar(select(func.count()).select_from(Household))
    assert 36 <= len(rows) <= 46
    status = Counter(g.size_status for g in rows)
    comprehensive = [g for g in rows if g.kind == "comprehensive"]
    assert status["small"] + status["large"] in range(2, 7)
    assert status["ok"] >= 0.85 * len(comprehensive)
    assert status["dedicated"] >= 3
    assert sum(g.households for g in rows) == households == 16000


def test_beats_cover_every_grid_and_each_has_a_named_officer(ctx, demo):
    with ctx.read() as s:
        beats = org.beats(s)
        grid_count = s.scalar(select(func.count()).select_from(Grid))
    assert 4 <= len(beats) <= 6
    assert sum(len(b.grid_ids) for b in beats) == grid_count
    assert all(len(b.officer_name) in (2, 3) for b in beats)


def test_staff_have_plausible_chinese_names_and_every_role_is_present(ctx, demo):
    with ctx.read() as s:
        people = s.scalars(select(Staff)).all()
    assert {p.role for p in people} == set(StaffRole)
    assert all(2 <= len(p.name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in p.name) for p in people)
    assert "王丽" in {p.name for p in people if p.role == StaffRole.DUTY_STAFF}
    for p in people:  # phones are stored encrypted and read back with the key
        assert not re.search(r"1[3-9]\d{9}", p.phone_enc)
        assert re.fullmatch(r"1[3-9]\d{9}", ctx.cipher.decrypt(p.phone_enc))


def test_the_same_seed_gives_the_same_street(ctx, tmp_path):
    from desk.config import Settings
    from desk.db import Database
    from desk.services import schema
    from desk.services.context import Context

    build_demo(ctx, DemoOptions(seed=7, households=4000, days=5))
    other = Database(f"sqlite:///{tmp_path / 'again.db'}")
    schema.upgrade(other)
    ctx2 = Context(db=other, settings=Settings(), clock=ctx.clock)
    build_demo(ctx2, DemoOptions(seed=7, households=4000, days=5))
    first, second = _dump(ctx), _dump(ctx2)
    other.dispose()
    for table in DATA_TABLES:
        assert first[table] == second[table], table


def test_a_different_seed_gives_a_different_street(ctx, tmp_path):
    from desk.config import Settings
    from desk.db import Database
    from desk.services import schema
    from desk.services.context import Context

    build_demo(ctx, DemoOptions(seed=1, households=4000))
    other = Database(f"sqlite:///{tmp_path / 'other.db'}")
    schema.upgrade(other)
    ctx2 = Context(db=other, settings=Settings(), clock=ctx.clock)
    build_demo(ctx2, DemoOptions(seed=2, households=4000))
    assert _dump(ctx)["staff"] != _dump(ctx2)["staff"]
    other.dispose()


def test_the_demo_refuses_a_database_that_already_holds_a_street(ctx, demo):
    with pytest.raises(ValidationError, match="already holds a street"):
        build_demo(ctx, DemoOptions(seed=8))
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(PoliceBeat)) == 5
