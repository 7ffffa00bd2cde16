"""The database schema: apply migrations, and refuse a database newer than this program."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect, text

from desk.db import Database
from desk.services.errors import DatabaseError, SchemaTooNew

if TYPE_CHECKING:  # Alembic (with Mako and Pygments) is loaded only to migrate or to name a revision:
    from alembic.config import Config  # opening a database at this program's schema needs none of it
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per process (reading them compiles every file: ~0.1 s)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.*)$", re.M)


@lru_cache(maxsize=1)
def script_heads() -> frozenset[str]:
    """The newest revisions of the migration scripts, read from their ``revision`` and ``down_revision``
    lines without importing Alembic (~0.2-0.4 s at every start); Alembic's own reading when a script
    is not in that plain form (or only compiled files are there)."""
    revisions, downs = set(), set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            return frozenset(_scripts().get_heads())
        revisions.add(rev.group(1))
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    if not revisions:
        return frozenset(_scripts().get_heads())
    return frozenset(revisions - downs)


def current_heads(conn) -> tuple[str, ...]:
    """The revisions the database is at (Alembic's table, read directly); () for a new database."""
    if not inspect(conn).has_table("alembic_version"):
        return ()
    return tuple(sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))))


@dataclass(frozen=True)
class SchemaState:
    current: tuple[str, ...]
    heads: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        return set(self.current) == set(self.heads)

    @property
    def empty(self) -> bool:
        return not self.current


def state(db: Database) -> SchemaState:
    try:
        with db.write_engine.connect() as conn:
            current = current_heads(conn)
    except sa_exc.OperationalError as exc:
        raise DatabaseError(f"数据库不可用 (database unavailable): {exc.orig}") from exc
    except sa_exc.DBAPIError as exc:  # e.g. a role that may not read the schema version
        raise DatabaseError(f"数据库拒绝访问，请检查连接所用的账号及其权限 (the database refused: "
                            f"{_first_line(exc)})") from exc
    return SchemaState(tuple(sorted(current)), tuple(sorted(script_heads())))


def check_not_newer(current: tuple[str, ...]) -> None:
    script = _scripts()
    unknown = [rev for rev in current if _lookup(script, rev) is None]
    if unknown:
        raise SchemaTooNew(
            f"数据库由更新版本的 desk 创建（结构版本 {', '.join(unknown)}），本程序无法使用它。请升级 desk。"
            f" (The database was made by a newer desk, schema {', '.join(unknown)}; upgrade this program.)")


def _lookup(script: ScriptDirectory, rev: str):
    try:
        return script.get_revision(rev)
    except Exception:
        return None


def upgrade(db: Database) -> SchemaState:
    """Bring the database to this program's schema; refuse one that is newer."""
    before = state(db)
    check_not_newer(before.current)
    if not before.up_to_date:
        from alembic import command

        cfg = alembic_config(db.url)
        try:
            with db.write_engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
        except sa_exc.DBAPIError as exc:
            raise DatabaseError(f"无法升级数据库结构，未做任何修改；请以数据库所有者运行 desk db upgrade "
                                f"(cannot upgrade the schema; run `desk db upgrade` as the owner): "
                                f"{_first_line(exc)}") from exc
    return state(db)


def _first_line(exc: sa_exc.DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
