"""The database's own guards around the audit log: what they are, whether they are in place, restoring them.

SQLite (whoever holds the file can drop these; anchors outside the database reveal what they did):
``audit_log`` refuses UPDATE and DELETE; ``audit_head`` refuses DELETE and any move that does not
point at a stored record or that goes back.

PostgreSQL (owned by the schema's owner; the seats' restricted role cannot drop or disable them):
- ``audit_log_chain``: every insert is chained by the server -- id, time (``clock_timestamp()``,
  taken under the head's lock, so times never run backwards along the chain), previous hash, SHA-256
  hash, algorithm ``pg-sha256`` -- whatever the inserting session supplied. The function is SECURITY
  DEFINER: the restricted role, which may not write ``audit_head``, moves the head only through it.
- ``audit_head_guard``: the head changes only from inside that trigger (not even the owner's plain UPDATE).
- ``audit_log_append_only``/``audit_log_no_truncate``/``audit_head_no_truncate``: no UPDATE, DELETE, TRUNCATE.
- ``user_account_audit_change``/``user_account_audit_add_remove``: any change to an account's role,
  state (disabled, lock, must-change), name, department, staff link or password, by any path (the
  program or SQL typed by hand), adds a record ``db.account.*`` naming the database login that made it;
  ``app_setting_audit`` does the same for the shared security settings (``db.setting.*``).

``problems`` lists what is missing, disabled or altered (``desk db check``); ``restore`` puts it back
(``desk db upgrade``, as the owner); migration 0006 installs it.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.engine import Connection

from desk.db import Database
from desk.services.audit import SERVER_ALG, genesis
from desk.services.errors import DatabaseError

# --- SQLite ---

SQLITE_TRIGGERS: dict[str, str] = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END",
    "audit_head_no_delete": "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
                            "BEGIN SELECT RAISE(ABORT, 'audit_head is append-only: DELETE refused'); END",
    "audit_head_follows_log": (
        "CREATE TRIGGER audit_head_follows_log BEFORE UPDATE ON audit_head "
        "WHEN NEW.id <> OLD.id OR NEW.last_id < OLD.last_id OR NOT EXISTS "
        "(SELECT 1 FROM audit_log WHERE id = NEW.last_id AND hash = NEW.last_hash) "
        "BEGIN SELECT RAISE(ABORT, 'audit_head must point at the last stored audit record'); END"),
}

# --- PostgreSQL ---

ACCOUNT_FIELDS = ("username", "role", "disabled", "must_change_password", "locked_until", "department_id",
                  "staff_id")

PG_FUNCTIONS: dict[str, tuple[bool, str]] = {  # name: (security definer, body)
    "desk_audit_append_only": (False, """
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
"""),
    "desk_audit_head_guard": (False, """
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'audit_head is moved only by the audit chain: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
"""),
    "desk_audit_chain": (True, f"""
DECLARE
    head_id bigint;
    head_hash text;
    body text := '';
    part text;
    parts text[];
BEGIN
    SELECT last_id, last_hash INTO head_id, head_hash FROM public.audit_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO public.audit_head (id, last_id, last_hash) VALUES (1, 0, '{genesis(SERVER_ALG)}')
            ON CONFLICT (id) DO NOTHING;
        SELECT last_id, last_hash INTO head_id, head_hash FROM public.audit_head WHERE id = 1 FOR UPDATE;
    END IF;
    NEW.id := head_id + 1;
    NEW.at := clock_timestamp();
    NEW.alg := '{SERVER_ALG}';
    NEW.prev_hash := head_hash;
    parts := ARRAY[NEW.alg, NEW.prev_hash, NEW.id::text,
                   to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                   NEW.actor, NEW.seat, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after];
    FOREACH part IN ARRAY parts LOOP
        body := body || CASE WHEN body = '' THEN '' ELSE '|' END
                     || CASE WHEN part IS NULL THEN '~' ELSE length(part)::text || ':' || part END;
    END LOOP;
    NEW.hash := encode(sha256(convert_to(body, 'UTF8')), 'hex');
    UPDATE public.audit_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END
"""),
    "desk_account_audit": (True, """
DECLARE
    before_text text;
    after_text text;
    row_id text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        before_text := json_build_object('username', OLD.username, 'role', OLD.role, 'disabled', OLD.disabled,
            'must_change_password', OLD.must_change_password, 'locked_until', OLD.locked_until,
            'department_id', OLD.department_id, 'staff_id', OLD.staff_id)::text;
        row_id := OLD.id::text;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        after_text := json_build_object('username', NEW.username, 'role', NEW.role, 'disabled', NEW.disabled,
            'must_change_password', NEW.must_change_password, 'locked_until', NEW.locked_until,
            'department_id', NEW.department_id, 'staff_id', NEW.staff_id,
            'password_changed', TG_OP = 'UPDATE' AND OLD.password_hash IS DISTINCT FROM NEW.password_hash)::text;
        row_id := NEW.id::text;
    END IF;
    INSERT INTO public.audit_log (at, actor, seat, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (clock_timestamp(), left(session_user::text, 32),
            left(coalesce(host(inet_client_addr()), 'local') || ' ' || current_setting('application_name'), 64),
            'db.account.' || lower(TG_OP), 'user_account', row_id, before_text, after_text, '', '');
    RETURN NULL;
END
"""),
    "desk_setting_audit": (True, """
BEGIN
    INSERT INTO public.audit_log (at, actor, seat, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (clock_timestamp(), left(session_user::text, 32),
            left(coalesce(host(inet_client_addr()), 'local') || ' ' || current_setting('application_name'), 64),
            'db.setting.' || lower(TG_OP), 'app_setting',
            CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE json_build_object('value', OLD.value)::text END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE json_build_object('value', NEW.value)::text END, '', '');
    RETURN NULL;
END
"""),
}

_CHANGED = " OR ".join(f"OLD.{f} IS DISTINCT FROM NEW.{f}" for f in (*ACCOUNT_FIELDS, "password_hash"))

PG_TRIGGERS: dict[str, tuple[str, str]] = {  # name: (table, what and when)
    "audit_log_append_only": ("audit_log", "BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
                                           "EXECUTE FUNCTION desk_audit_append_only()"),
    "audit_log_no_truncate": ("audit_log", "BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
                                           "EXECUTE FUNCTION desk_audit_append_only()"),
    "audit_log_chain": ("audit_log", "BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION desk_audit_chain()"),
    "audit_head_guard": ("audit_head", "BEFORE INSERT OR UPDATE OR DELETE ON audit_head FOR EACH ROW "
                                       "EXECUTE FUNCTION desk_audit_head_guard()"),
    "audit_head_no_truncate": ("audit_head", "BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT "
                                             "EXECUTE FUNCTION desk_audit_append_only()"),
    "user_account_audit_change": ("user_account", f"AFTER UPDATE ON user_account FOR EACH ROW WHEN ({_CHANGED}) "
                                                  "EXECUTE FUNCTION desk_account_audit()"),
    "user_account_audit_add_remove": ("user_account", "AFTER INSERT OR DELETE ON user_account FOR EACH ROW "
                                                      "EXECUTE FUNCTION desk_account_audit()"),
    "app_setting_audit": ("app_setting", "AFTER INSERT OR DELETE OR UPDATE ON app_setting FOR EACH ROW "
                                         "EXECUTE FUNCTION desk_setting_audit()"),
}
GUARDED_TABLES = ("audit_log", "audit_head", "user_account", "app_setting")


def _function_sql(name: str) -> str:
    definer, body = PG_FUNCTIONS[name]
    security = " SECURITY DEFINER SET search_path = pg_catalog, pg_temp" if definer else ""
    return f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql{security} AS $desk${body}$desk$"


def install(conn: Connection) -> None:
    """(Re)create every guard; the connection must be the schema's owner's (migrations, ``desk db upgrade``)."""
    if conn.dialect.name == "sqlite":
        for name, sql in SQLITE_TRIGGERS.items():
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text(sql))
        return
    for name in PG_FUNCTIONS:
        conn.execute(text(_function_sql(name)))
    for name, (table, what) in PG_TRIGGERS.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
        conn.execute(text(f"CREATE TRIGGER {name} {what}"))


def uninstall(conn: Connection, keep: tuple[str, ...] = ()) -> None:
    """Drop the guards (a downgrade), keeping those named in ``keep``."""
    if conn.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            if name not in keep:
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        return
    for name, (table, _what) in PG_TRIGGERS.items():
        if name not in keep:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
    for name in PG_FUNCTIONS:
        if name not in keep:
            conn.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))


def _squash(sql: str) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def missing(conn: Connection) -> list[str]:
    """What is not in place, in words: missing, disabled or altered triggers and functions."""
    found: list[str] = []
    if conn.dialect.name == "sqlite":
        have = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
        for name, sql in SQLITE_TRIGGERS.items():
            if name not in have:
                found.append(f"缺少审计保护触发器 {name} (missing trigger)")
            elif _squash(have[name]) != _squash(sql):
                found.append(f"审计保护触发器 {name} 已被改动 (trigger altered)")
        return found
    triggers = {name: (table, enabled) for name, table, enabled in conn.execute(text(
        "SELECT t.tgname, c.relname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND c.relname IN ('audit_log', 'audit_head', 'user_account', 'app_setting')")).all()}
    for name, (table, _what) in PG_TRIGGERS.items():
        if name not in triggers or triggers[name][0] != table:
            found.append(f"缺少审计保护触发器 {name} (missing trigger on {table})")
        elif triggers[name][1] == "D":
            found.append(f"审计保护触发器 {name} 已停用 (trigger disabled on {table})")
    functions = {name: (src, definer) for name, src, definer in conn.execute(text(
        "SELECT p.proname, p.prosrc, p.prosecdef FROM pg_proc p WHERE p.proname = ANY(:names)"),
        {"names": list(PG_FUNCTIONS)}).all()}
    for name, (definer, body) in PG_FUNCTIONS.items():
        if name not in functions:
            found.append(f"缺少审计保护函数 {name}() (missing function)")
        elif _squash(functions[name][0]) != _squash(body) or bool(functions[name][1]) != definer:
            found.append(f"审计保护函数 {name}() 已被改动 (function altered)")
    return found + _loose_privileges(conn)


def _loose_privileges(conn: Connection) -> list[str]:
    """Roles other than the owner that may rewrite the log or move the head (an old `desk db app-role`)."""
    rows = conn.execute(text(
        "SELECT c.relname, a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
        "ELSE pg_get_userbyid(a.grantee) END FROM pg_class c, aclexplode(c.relacl) a "
        "WHERE c.relname IN ('audit_log', 'audit_head') AND a.grantee <> c.relowner AND ("
        "  (c.relname = 'audit_log' AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER'))"
        "  OR (c.relname = 'audit_head' AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', "
        "'TRIGGER'))) ORDER BY 3, 1, 2")).all()
    return [f"角色 {role} 对 {table} 有 {priv} 权限，请重新运行 desk db app-role {role} --apply "
            f"(role {role} may {priv} {table})" for table, priv, role in rows]


def restore(conn: Connection) -> list[str]:
    """Put back whatever is missing or altered; returns what was found wrong ([] when nothing was)."""
    wrong = [w for w in missing(conn) if not w.startswith("角色 ")]
    if wrong:
        install(conn)
    return wrong


def restore_in(db: Database) -> list[str]:
    """``desk db upgrade``: put the guards back in ``db`` (connected as the owner) if any is missing."""
    try:
        with db.write_engine.begin() as conn:
            return restore(conn)
    except sa_exc.ProgrammingError as exc:  # not the owner
        raise DatabaseError("审计保护触发器缺失或被改动，需以数据库所有者运行 desk db upgrade 才能恢复 "
                            f"(connect as the schema's owner to restore the audit guards): {exc.orig}") from exc


@contextmanager
def lifted_for_restore(conn: Connection):
    """A restore copies records with their own ids, times and hashes (verified afterwards): on
    PostgreSQL the chain and account triggers stand aside for the copy, inside its transaction."""
    if conn.dialect.name == "sqlite":
        yield
        return
    present = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                  .scalars())
    tables = [t for t in GUARDED_TABLES if t in present]
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
    yield
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
