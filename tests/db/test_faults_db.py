"""Faults the room will meet: a connection killed, a read-only or full database, a database from
a newer program, SQLite on a network share. Each gives a clear DatabaseError and changes nothing."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from desk import bootstrap
from desk.config import Settings
from desk.db import Database, looks_like_network_path
from desk.models import AuditRecord, Staff, StaffRole
from desk.services import audit_log, schema
from desk.services.changefeed import RESYNC, ChangeFeed
from desk.services.context import Context
from desk.services.errors import DatabaseError, SchemaTooNew


def terminate_other_backends(db) -> int:
    """What a server restart or a network cut does to the connections (the shared server keeps running)."""
    from sqlalchemy import create_engine, pool

    from tests.conftest import PG_ADMIN
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
    try:
        with admin.connect() as c:
            return c.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                  "WHERE datname = :d AND pid <> pg_backend_pid()"),
                             {"d": db.write_engine.url.database}).scalar()
    finally:
        admin.dispose()


def audited_actions(ctx):
    with ctx.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


def test_a_connection_killed_mid_transaction_fails_clearly_and_the_next_write_reconnects(ctx, db):
    if db.sqlite:
        pytest.skip("a server connection is a PostgreSQL matter")
    with ctx.unit() as u:
        u.audit("before.cut")
    with pytest.raises(DatabaseError, match="数据库不可用"):
        with ctx.unit() as u:
            u.session.execute(text("SELECT 1"))
            assert terminate_other_backends(db) >= 1
            u.audit("lost.write")
    terminate_other_backends(db)  # idle pooled connections die too: pool_pre_ping replaces them
    with ctx.unit() as u:
        u.audit("after.reconnect")
    assert audited_actions(ctx) == ["before.cut", "after.reconnect"]
    assert audit_log.verify(ctx).ok


def test_a_read_on_a_killed_connection_fails_clearly_then_reads_work_again(ctx, db):
    if db.sqlite:
        pytest.skip("a server connection is a PostgreSQL matter")
    with pytest.raises(DatabaseError, match="数据库不可用"):
        with ctx.read() as s:
            s.execute(text("SELECT 1"))
            terminate_other_backends(db)
            s.execute(text("SELECT 1"))
    with ctx.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1


def test_the_live_feed_reconnects_after_its_connection_is_killed_and_asks_for_a_resync(ctx, db):
    if db.sqlite:
        pytest.skip("LISTEN/NOTIFY is a PostgreSQL matter")
    feed = ChangeFeed(db)
    try:
        feed.connect()
        assert feed.wait(0.05) == []
        terminate_other_backends(db)
        with pytest.raises(DatabaseError, match="实时更新"):
            feed.wait(0.5)
        assert feed.wait(0.05) == [RESYNC]
        with ctx.unit() as u:
            u.changed("staff", 42, "insert")
        changes = feed.wait(2.0)
        assert [(c.table, c.row_id) for c in changes] == [("staff", "42")]
    finally:
        feed.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_sqlite_database_refuses_writes_clearly_and_stays_unchanged(db_url, clock, tmp_path):
    if not db_url.startswith("sqlite"):
        pytest.skip("a database file is an SQLite matter")
    path = Path(db_url.split(":///", 1)[1])
    first = Database(db_url)
    with Context(db=first, settings=Settings(), clock=clock).unit() as u:
        u.audit("setup")
    first.dispose()
    before = file_digest(path)
    ro = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        ctx = Context(db=ro, settings=Settings(), clock=clock)
        with pytest.raises(DatabaseError, match="只读|不可用"):
            with ctx.unit() as u:
                u.audit("should.not.stay")
        assert audited_actions(ctx) == ["setup"]
    finally:
        ro.dispose()
    assert file_digest(path) == before


def test_a_full_disk_gives_a_clear_error_and_leaves_nothing_half_written(db_url, clock):
    if not db_url.startswith("sqlite"):
        pytest.skip("simulated with SQLite's max_page_count")
    full = Database(db_url)

    @event.listens_for(full.write_engine, "connect")
    def _cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    ctx = Context(db=full, settings=Settings(), clock=clock)
    try:
        with pytest.raises(DatabaseError, match="磁盘已满"):
            with ctx.unit() as u:
                u.session.add_all([Staff(name=f"人员{i}" * 3, role=StaffRole.FULLTIME_GRID_WORKER, active=True)
                                   for i in range(3000)])
                u.audit("big.write")
        with ctx.read() as s:
            assert s.scalar(select(func.count()).select_from(Staff)) == 0
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert audit_log.verify(ctx).ok and audited_actions(ctx) == []
    finally:
        full.dispose()


def test_a_database_from_a_newer_program_is_refused(db):
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="更新版本"):
        schema.upgrade(db)


def test_sqlite_on_a_network_path_is_recognised_and_warned(monkeypatch, tmp_path, sqlite_template):
    assert looks_like_network_path(Path("//fileserver/share/desk.db"))
    assert looks_like_network_path(Path("\\\\fileserver\\share\\desk.db"))
    assert not looks_like_network_path(tmp_path / "desk.db")
    target = tmp_path / "desk.db"
    shutil.copy(sqlite_template, target)
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setattr(bootstrap, "looks_like_network_path", lambda p: True)
    warnings = []

    class Args:
        db = str(target)
    ctx = bootstrap.open_context(Args(), warn=warnings.append)
    ctx.db.dispose()
    assert len(warnings) == 1 and "网络路径" in warnings[0] and "PostgreSQL" in warnings[0]


def test_a_tls_requirement_in_the_url_reaches_the_driver_and_fails_clearly(db_url):
    if db_url.startswith("sqlite"):
        pytest.skip("TLS is a PostgreSQL matter")
    from sqlalchemy.engine import make_url
    url = make_url(db_url).update_query_dict({"sslmode": "verify-full", "sslrootcert": "/nonexistent/root.crt"})
    db = Database(url.render_as_string(hide_password=False))
    try:
        with pytest.raises(DatabaseError, match="不可用"):
            schema.state(db)
    finally:
        db.dispose()


@pytest.mark.parametrize("name", ["名" * 65, "a\x00b"])
def test_text_the_database_cannot_hold_gives_a_clear_message_and_writes_nothing(ctx, name):
    from desk.services.errors import DeskError
    if ctx.db.sqlite:
        pytest.skip("SQLite holds both (no length limit, NUL allowed)")
    with pytest.raises(DeskError):
        with ctx.unit() as u:
            u.session.add(Staff(name=name, role=StaffRole.FULLTIME_GRID_WORKER, active=True))
            u.audit("staff.add")
            u.session.flush()
    assert audited_actions(ctx) == []
