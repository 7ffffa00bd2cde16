"""A restricted PostgreSQL role for the seats (GB/T 22239: the application cannot alter its audit trail).

The schema's owner (who runs ``desk db upgrade``) keeps full rights; the seats connect as an
application role that may read and write the desk's tables but has no UPDATE, DELETE or TRUNCATE
on ``audit_log`` and may only read ``audit_head`` (and, not owning the tables, cannot drop or disable
their triggers either): it adds audit records only through the server's chain (desk.services.audit_guard).
``desk db app-role NAME`` prints or applies these statements; run it again after an upgrade
that adds tables (default privileges cover tables the same owner creates later).
"""
from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from desk.db import Database
from desk.services.errors import DatabaseError, DeskError, PermissionDenied, ValidationError

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{1,62}$")


def app_role_statements(role: str, password: str | None = None, database: str | None = None) -> list[str]:
    if not ROLE_NAME.match(role):
        raise ValidationError("角色名须为小写字母、数字和下划线 (role: lower-case letters, digits, _)")
    q = f'"{role}"'
    create = f"CREATE ROLE {q} LOGIN" + (" PASSWORD " + _literal(password) if password else "")
    stmts = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN {create}; END IF; END $$",
    ]
    if database:
        stmts.append(f'GRANT CONNECT ON DATABASE "{database}" TO {q}')
    stmts += [
        f"GRANT USAGE ON SCHEMA public TO {q}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {q}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {q}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {q}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {q}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {q}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_head FROM {q}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON alembic_version FROM {q}",
    ]
    return stmts


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def grant_app_role(db: Database, role: str, password: str | None = None) -> list[str]:
    if db.sqlite:
        raise ValidationError("应用角色只适用于 PostgreSQL (an application role is a PostgreSQL matter)")
    database = db.write_engine.url.database
    stmts = app_role_statements(role, password, database)
    try:
        with db.write_engine.begin() as conn:
            for stmt in stmts:
                conn.execute(text(stmt))
    except sa_exc.DBAPIError as exc:
        raise _refusal(exc) from exc
    return stmts


def _refusal(exc: sa_exc.DBAPIError) -> DeskError:
    """The server's refusal in words an administrator can act on; nothing was changed (one transaction)."""
    reason = (str(exc.orig).strip().splitlines() or [""])[0] if exc.orig is not None else type(exc).__name__
    if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
        return PermissionDenied(
            "数据库拒绝: 权限不足，未做任何修改。请以本库所有者且有 CREATEROLE 权限的账号连接，"
            "或把 desk db app-role NAME (不带 --apply) 打印的 SQL 交给数据库管理员执行 "
            f"(insufficient privilege: connect as the owner with CREATEROLE, or have a DBA run the SQL): {reason}")
    if isinstance(exc, sa_exc.OperationalError):
        return DatabaseError(f"数据库不可用，未做任何修改 (database unavailable): {reason}")
    return DatabaseError(f"数据库拒绝了建立角色的语句，未做任何修改 (the server refused): {reason}")
