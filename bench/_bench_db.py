"""Throwaway databases for the benches: an SQLite file and a PostgreSQL database (if a server answers)."""
from __future__ import annotations

import os
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, pool
from sqlalchemy.engine import make_url

from desk.db import Database
from desk.services import schema

PG_ADMIN = os.environ.get("DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def fresh_database(engine: str):
    """Yields a migrated, empty database URL, or None when that engine is not available."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            db = Database(url)
            schema.upgrade(db)
            db.dispose()
            yield url
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", poolclass=pool.NullPool,
                          connect_args={"connect_timeout": 3})
    name = f"desk_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception:  # noqa: BLE001 - no server: the bench says so
        yield None
        return
    url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    try:
        db = Database(url)
        schema.upgrade(db)
        db.dispose()
        yield url
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
