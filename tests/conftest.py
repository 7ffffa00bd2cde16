"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, a movable clock,
and an offscreen Qt that fails a test which leaves top-level windows behind.

PostgreSQL: the server at DESK_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres).
Each test gets its own database, cloned from a migrated template, and it is dropped afterwards.
Where no server answers, PostgreSQL tests skip with the reason -- unless DESK_REQUIRE_PG=1
(as .ci/run sets), where they fail.
"""
from __future__ import annotations

import gc
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# A fixed data key for the tests (base64 of 32 bytes), never the user's own key file.
os.environ["DESK_DATA_KEY"] = "ZGVzay10ZXN0LWtleS1kZXNrLXRlc3Qta2V5LTAwMDA="

from desk.clock import FixedClock  # noqa: E402
from desk.config import Settings  # noqa: E402
from desk.db import Database  # noqa: E402
from desk.services import schema  # noqa: E402
from desk.services.context import Context  # noqa: E402
from desk.views.main_thread_gc import collect_due  # noqa: E402

PG_ADMIN = os.environ.get("DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("DESK_REQUIRE_PG") == "1"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# 2026-11-25 09:00 in Shanghai: a Wednesday morning in the command room.
MORNING = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


class _Postgres:
    def __init__(self):
        self.engine = None
        self.error: str | None = None
        self.template: str | None = None

    def start(self) -> None:
        if self.engine is not None or self.error is not None:
            return
        try:
            eng = _pg_admin_engine()
            with eng.connect() as c:
                c.exec_driver_sql("SELECT 1")
            self.engine = eng
        except Exception as exc:  # noqa: BLE001 - the reason is reported
            self.error = f"no PostgreSQL server at {PG_ADMIN}: {exc.__class__.__name__}: {str(exc)[:200]}"

    def url_for(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)

    def create(self) -> str:
        if self.template is None:
            self.template = f"desk_tmpl_{uuid.uuid4().hex[:10]}"
            with self.engine.connect() as c:
                c.exec_driver_sql(f'CREATE DATABASE "{self.template}"')
            db = Database(self.url_for(self.template))
            schema.upgrade(db)
            db.dispose()
        name = f"desk_t_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return name

    def drop(self, name: str) -> None:
        with self.engine.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def finish(self) -> None:
        if self.engine is not None and self.template:
            self.drop(self.template)


_PG = _Postgres()


def pytest_sessionfinish(session, exitstatus):
    _PG.finish()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    db = Database(f"sqlite:///{path}")
    schema.upgrade(db)
    db.dispose()
    return path


def _need_pg() -> None:
    _PG.start()
    if _PG.error:
        if REQUIRE_PG:
            pytest.fail(_PG.error + " (DESK_REQUIRE_PG=1: the PostgreSQL run must happen)")
        pytest.skip(_PG.error)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, sqlite_template) -> str:
    """A fresh, migrated, empty database on each engine; dropped after the test."""
    if request.param == "sqlite":
        target = tmp_path / "desk.db"
        shutil.copy(sqlite_template, target)
        yield f"sqlite:///{target}"
        return
    _need_pg()
    name = _PG.create()
    try:
        yield _PG.url_for(name)
    finally:
        _PG.drop(name)


@pytest.fixture
def empty_db_url(request, tmp_path) -> str:
    """An SQLite file URL with no tables at all (for migration tests)."""
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def pg_empty_url():
    """An empty PostgreSQL database (no schema), dropped afterwards."""
    _need_pg()
    name = f"desk_e_{uuid.uuid4().hex[:12]}"
    with _PG.engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield _PG.url_for(name)
    finally:
        _PG.drop(name)


@pytest.fixture
def db(db_url) -> Database:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MORNING)


@pytest.fixture
def ctx(db, clock) -> Context:
    return Context(db=db, settings=Settings(), clock=clock)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED.joinpath("data").exists():
        pytest.skip(f"shared data not found at {SHARED / 'data'}")
    return SHARED / "data"


@pytest.fixture
def no_leftover_windows(qapp):
    """Fails a GUI test that leaves visible top-level widgets behind."""
    yield
    from PySide6.QtWidgets import QApplication

    qapp.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in left:
        w.close()
    assert not left, f"test left top-level windows open: {[type(w).__name__ for w in left]}"


# Garbage is collected on the main thread only, between tests, as the program collects it on the UI
# thread only (desk.views.main_thread_gc): a collection started by the database worker thread can
# free Qt wrappers of the UI thread and crash the whole run (a segfault "Garbage-collecting").
gc.disable()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    yield
    collect_due()
