"""Helpers for the audit-chain attack tests: the seats' restricted PostgreSQL role, and an insider
(the SQLite file's holder, or the PostgreSQL owner) lifting the append-only guards."""
from __future__ import annotations

import uuid
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.config import Settings
from desk.db import Database
from desk.services import pg_roles
from desk.services.context import Context


@contextmanager
def app_role_db(db: Database, db_url: str, clock=None):
    """A database and context connected as a fresh restricted role (`desk db app-role`); dropped after."""
    role = f"desk_app_{uuid.uuid4().hex[:8]}"
    pg_roles.grant_app_role(db, role)
    app_db = Database(make_url(db_url).set(username=role).render_as_string(hide_password=False))
    try:
        kwargs = {"clock": clock} if clock is not None else {}
        yield app_db, Context(db=app_db, settings=Settings(), **kwargs)
    finally:
        app_db.dispose()
        with db.write_engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))


def owner_lifts_the_guards(db: Database) -> None:
    """What an insider does first: SQLite drops the triggers, the PostgreSQL owner disables them."""
    with db.write_engine.begin() as conn:
        if db.sqlite:
            names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name IN ('audit_log', 'audit_head')")).scalars().all()
            for name in names:
                conn.execute(text(f'DROP TRIGGER "{name}"'))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            conn.execute(text("ALTER TABLE audit_head DISABLE TRIGGER USER"))
