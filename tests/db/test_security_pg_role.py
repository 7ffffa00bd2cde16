"""On PostgreSQL the seats can run as a role that cannot change or clear the audit log."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.config import Settings
from desk.db import Database
from desk.services import accounts, audit_log, pg_roles
from desk.services.context import Context


def test_the_application_role_writes_but_cannot_touch_the_audit_log(db, clock, db_url):
    if db.sqlite:
        pytest.skip("database roles are a PostgreSQL matter")
    role = f"desk_app_{uuid.uuid4().hex[:8]}"
    pg_roles.grant_app_role(db, role)
    app_db = Database(make_url(db_url).set(username=role).render_as_string(hide_password=False))
    try:
        app = Context(db=app_db, settings=Settings(), clock=clock)
        accounts.add_user(app, "admin", "王管理", "security_admin", "Yuanling-2026")  # writes + audit append
        accounts.set_idle_lock_minutes(app, 7)
        assert audit_log.verify(app).ok
        for stmt in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                     "DELETE FROM audit_head",
                     "DROP TRIGGER audit_log_append_only ON audit_log"):
            with pytest.raises(sa_exc.ProgrammingError, match="permission denied|must be owner"):
                with app_db.write_engine.begin() as conn:
                    conn.execute(text(stmt))
    finally:
        app_db.dispose()
        with db.write_engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))


def test_the_statements_refuse_a_role_name_that_could_inject_sql():
    from desk.services.errors import ValidationError
    with pytest.raises(ValidationError):
        pg_roles.app_role_statements('x"; DROP TABLE audit_log; --')
