"""A backup before a newer desk migrates an older database: the first start after an upgrade
(the installer replaced the program) copies the database as it was into the backup folder, then
migrates. If the copy fails, nothing is migrated and the start stops with the reason.

- SQLite: the online backup API into ``pre-upgrade-<revision>-<time>.db``.
- PostgreSQL: a logical export of the tables as they are (read from the database itself, not from
  this program's newer models) in the ``desk-backup/1`` zip format, ``pre-upgrade-<revision>-<time>.zip``;
  ``desk restore`` takes it into an empty database (it brings the target to that revision first).
"""
from __future__ import annotations

import contextlib
import json
import logging
import zipfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import MetaData, select

from desk.db import Database
from desk.services import schema
from desk.services.errors import DatabaseError

log = logging.getLogger(__name__)


def upgrade_with_backup(db: Database, folder: Path) -> Path | None:
    """Migrate ``db`` to this program's schema; first back up an older, non-empty database into
    ``folder``. Returns the backup's path, or None when none was needed."""
    before = schema.state(db)
    made = None
    if not before.empty and not before.up_to_date:
        schema.check_not_newer(before.current)
        made = backup_as_is(db, folder, before.current)
    schema.upgrade(db)
    return made


def backup_as_is(db: Database, folder: Path, revision: tuple[str, ...]) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"pre-upgrade-{'-'.join(revision) or 'none'}-{stamp}"
    target = Path(folder) / (name + (".db" if db.sqlite else ".zip"))
    part = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if db.sqlite:
            from desk.services.backup import _sqlite_copy  # only on this rare path: start-up stays light

            _sqlite_copy(db, part)
        else:
            _export_reflected(db, part, revision)
        part.replace(target)
    except Exception as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        log.error("backup before the upgrade failed; the database was not migrated", exc_info=exc)
        raise DatabaseError(f"升级数据库前的备份失败，数据库未升级：{exc}。请检查备份文件夹 {target.parent} "
                            f"(the backup before migrating failed; nothing was migrated)") from exc
    log.info("database backed up before the upgrade from %s: %s", ",".join(revision), target)
    return target


def _export_reflected(db: Database, target: Path, revision: tuple[str, ...]) -> None:
    """Every table as the database has it now, in one REPEATABLE READ snapshot."""
    from desk.services.backup import FORMAT, write_table_lines

    counts: dict[str, int] = {}
    head = None
    with db.write_engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, \
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with conn.begin():
            meta = MetaData()
            meta.reflect(conn)
            for table in meta.sorted_tables:
                if table.name == "alembic_version":
                    continue
                counts[table.name] = write_table_lines(conn, zf, table)
            if "audit_head" in meta.tables:
                t = meta.tables["audit_head"]
                row = conn.execute(select(t.c.last_id, t.c.last_hash).where(t.c.id == 1)).first()
                head = list(row) if row else None
        manifest = {"format": FORMAT, "revision": list(revision), "counts": counts, "engine": db.backend,
                    "audit_head": head, "made": "before an upgrade"}
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
