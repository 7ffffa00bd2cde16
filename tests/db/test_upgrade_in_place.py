"""Upgrading a street's database keeps its big tables in place: a migration that rebuilt the event
table (an Alembic batch on SQLite: copy, then drop the old table with its foreign keys checked) took
more than 17 minutes on a street of 100,000 events."""
from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from desk.services import schema


def _root_pages(engine) -> dict[str, int]:
    with engine.connect() as c:
        return dict(c.execute(text("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")).all())


def test_the_event_and_household_tables_are_upgraded_in_place_not_rebuilt(tmp_path):
    url = f"sqlite:///{tmp_path / 'street.db'}"
    cfg = schema.alembic_config(url)
    command.upgrade(cfg, "0007")  # the schema of the last release before the meetings
    engine = create_engine(url)
    before = _root_pages(engine)
    command.upgrade(cfg, "head")
    after = _root_pages(engine)
    engine.dispose()
    for table in ("event", "event_step", "household", "dispatch", "staff", "grid", "audit_log"):
        assert after[table] == before[table], f"{table} was rebuilt by a migration"
