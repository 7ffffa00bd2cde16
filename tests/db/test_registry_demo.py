"""`desk demo` fills the registry: people for the households it has, a realistic share of floating
people, rented houses, special populations by category and level, a year of visits with a few gaps,
every ID number valid and encrypted, and the same street again from the same seed."""
from __future__ import annotations

from sqlalchemy import func, select

from desk.demo import DemoOptions, build_demo
from desk.models import Household, House, Person, SpecialCare, Visit
from desk.services.figures.periods import local_today, month_of
from desk.services.figures.registry import coverage_table
from desk.services.registry.idcard import parse


def test_the_demo_street_has_its_registry(ctx):
    build_demo(ctx, DemoOptions(seed=5, households=1000, days=365))
    with ctx.read() as s:
        people = s.scalar(select(func.count()).select_from(Person))
        households = s.scalar(select(func.count()).select_from(Household))
        members = s.scalar(select(func.sum(Household.members)))
        assert households == 1000 and 0.9 * members <= people <= members
        floating = s.scalar(select(func.count()).select_from(Person).where(Person.residence == "floating"))
        assert 0.05 <= floating / people <= 0.3
        assert s.scalar(select(func.count()).select_from(House).where(House.use == "rented")) > 20
        cats = set(s.scalars(select(SpecialCare.category).distinct()))
        levels = set(s.scalars(select(SpecialCare.level).distinct()))
        assert "elderly_alone" in cats and len(cats) >= 5 and levels == {1, 2, 3}
        first, last = s.execute(select(func.min(Visit.day), func.max(Visit.day))).one()
        assert (last - first).days >= 300
        sample = s.scalars(select(Person.id_enc).limit(50)).all()
        assert all(token.startswith("g1:") for token in sample)
        for token in sample:
            parse(ctx.cipher.decrypt(token))
        t = coverage_table(s, month_of(local_today(ctx.clock.now())))
        assert 0.5 < t.totals[4] < 1.0   # most visited this month, a few gaps


def test_the_same_seed_gives_the_same_registry(ctx, tmp_path):
    from desk.config import Settings
    from desk.db import Database
    from desk.services import schema
    from desk.services.context import Context

    def fill(ctx_):
        build_demo(ctx_, DemoOptions(seed=9, households=1000, days=60))
        with ctx_.read() as s:
            return (s.execute(select(Person.name, Person.id_idx, Person.birth).order_by(Person.id)).all(),
                    s.execute(select(Visit.person_id, Visit.day).order_by(Visit.id)).all())

    if not ctx.db.sqlite:
        return
    other = Database(f"sqlite:///{tmp_path / 'again.db'}")
    schema.upgrade(other)
    try:
        assert fill(ctx) == fill(Context(db=other, settings=Settings(), clock=ctx.clock,
                                         cipher_override=ctx.cipher))
    finally:
        other.dispose()
