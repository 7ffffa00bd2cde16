"""The database schema: apply migrations, and refuse a database newer than this program."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import exc as sa_exc

from desk.db import Database
from desk.services.errors import DatabaseError, SchemaTooNew

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def script_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


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
            current = MigrationContext.configure(conn).get_current_heads()
    except sa_exc.OperationalError as exc:
        raise DatabaseError(f"数据库不可用 (database unavailable): {exc.orig}") from exc
    except sa_exc.DBAPIError as exc:  # e.g. a role that may not read the schema version
        raise DatabaseError(f"数据库拒绝访问，请检查连接所用的账号及其权限 (the database refused: "
                            f"{_first_line(exc)})") from exc
    return SchemaState(tuple(sorted(current)), tuple(sorted(script_heads())))


def check_not_newer(current: tuple[str, ...]) -> None:
    script = ScriptDirectory.from_config(alembic_config())
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
