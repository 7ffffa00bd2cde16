"""The database's guards around the audit log: `desk db check` names one that is missing, disabled or
altered, `desk db upgrade` (audit_guard.restore_in) puts it back, and migration 0006 carries an
existing chain over to the server without breaking it."""
from __future__ import annotations

import uuid

import pytest
from alembic import command
from sqlalchemy import text

from desk.db import Database
from desk.services import audit_guard, audit_log, integrity, schema
from desk.services.context import Context


def some_records(ctx, n=3):
    for i in range(n):
        with ctx.unit() as u:
            u.audit("test.step", "thing", i, after={"i": i})


def test_a_new_database_has_every_guard_and_check_finds_nothing(ctx):
    some_records(ctx)
    assert integrity.problems(ctx) == []


def test_check_names_each_guard_taken_away_and_upgrade_restores_them(ctx, db):
    some_records(ctx)
    with db.write_engine.begin() as conn:
        if db.sqlite:
            conn.execute(text("DROP TRIGGER audit_head_follows_log"))
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END"))
            taken = ["audit_head_follows_log", "audit_log_no_update"]
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain"))
            conn.execute(text("DROP TRIGGER user_account_audit_change ON user_account"))
            conn.execute(text("CREATE OR REPLACE FUNCTION desk_account_audit() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN RETURN NULL; END $$"))
            taken = ["audit_log_chain", "user_account_audit_change", "desk_account_audit"]
    found = "\n".join(integrity.problems(ctx))
    for name in taken:
        assert name in found
    assert audit_guard.restore_in(db)
    assert integrity.problems(ctx) == []
    some_records(ctx, 2)
    assert audit_log.verify(ctx).ok


def test_check_names_a_role_that_may_still_move_the_head(ctx, db):
    if db.sqlite:
        pytest.skip("database roles are a PostgreSQL matter")
    role = f"desk_old_{uuid.uuid4().hex[:8]}"
    with db.write_engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}"'))
        conn.execute(text(f'GRANT SELECT, UPDATE ON audit_head TO "{role}"'))
    try:
        assert any(role in p and "audit_head" in p for p in integrity.problems(ctx))
    finally:
        with db.write_engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_url(request, empty_db_url):
    return empty_db_url if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")


def test_an_existing_chain_goes_on_across_migration_0006_and_back(blank_url, clock):
    """A database chained in Python before 0006 keeps its records; new ones continue the same chain."""
    from desk.config import Settings

    db = Database(blank_url)
    cfg = schema.alembic_config(blank_url)
    try:
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0005")
        # Records written as a desk before 0006 would (the Python chain, no alg column yet):
        from desk.services import audit
        with db.write_engine.begin() as conn:
            prev = audit.GENESIS
            for i in range(1, 4):
                at = clock.now()
                h = audit.record_hash(prev, i, at, "system", "seat", "test.old", None, None, None, f'{{"i": {i}}}')
                conn.execute(text("INSERT INTO audit_log (id, at, actor, seat, action, after, prev_hash, hash) "
                                  "VALUES (:i, :at, 'system', 'seat', 'test.old', :a, :p, :h)"),
                             {"i": i, "at": at if not db.sqlite else at.replace(tzinfo=None),
                              "a": f'{{"i": {i}}}', "p": prev, "h": h})
                prev = h
            conn.execute(text("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 3, :h)"), {"h": prev})
        schema.upgrade(db)
        ctx = Context(db=db, settings=Settings(), clock=clock)
        some_records(ctx, 2)
        report = audit_log.verify(ctx)
        assert (report.ok, report.checked) == (True, 5)
        assert integrity.problems(ctx) == []
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        with db.write_engine.begin() as conn:
            triggers = ("SELECT name FROM sqlite_master WHERE type = 'trigger'" if db.sqlite else
                        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            assert set(conn.execute(text(triggers)).scalars()) == (
                {"audit_log_no_update", "audit_log_no_delete"} if db.sqlite
                else {"audit_log_append_only", "audit_log_no_truncate"})
    finally:
        db.dispose()
