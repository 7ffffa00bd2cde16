"""Migrations build the schema from empty; a database newer than the program is refused."""
import pytest
from sqlalchemy import inspect, text

from desk.db import Database
from desk.services import schema
from desk.services.errors import SchemaTooNew

EXPECTED_TABLES = {"street", "community", "grid", "police_beat", "beat_grid", "joint_defence_point", "department",
                   "staff", "grid_member", "user_account", "audit_log", "audit_head", "change_log", "household"}


def _upgrade_from_empty(url):
    db = Database(url)
    try:
        assert schema.state(db).empty
        after = schema.upgrade(db)
        assert after.up_to_date and not after.empty
        assert EXPECTED_TABLES <= set(inspect(db.write_engine).get_table_names())
        again = schema.upgrade(db)  # a second upgrade changes nothing
        assert again.current == after.current
    finally:
        db.dispose()


def test_migrations_build_the_whole_schema_from_an_empty_sqlite_file(empty_db_url):
    _upgrade_from_empty(empty_db_url)


def test_migrations_build_the_whole_schema_from_an_empty_postgresql_database(pg_empty_url):
    _upgrade_from_empty(pg_empty_url)


def test_a_database_made_by_a_newer_desk_is_refused_with_a_clear_message(db):
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(SchemaTooNew, match="9999_from_the_future.*upgrade"):
        schema.upgrade(db)


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(empty_db_url):
    db = Database(empty_db_url)
    with db.read_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
