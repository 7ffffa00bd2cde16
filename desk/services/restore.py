"""Restoring a backup (desk.services.backup makes and reads them) into an EMPTY database of either engine.

Everything happens in ONE transaction: the schema brought to the backup's revision, the rows copied
(records keep their ids, times and hashes), every table's row count, the audit chain and its head,
and the data key (one encrypted value of each encrypted column must open) checked, the schema brought
to this program's, and the restore recorded. Any refusal -- a database that is not empty, a damaged or
tampered file, a backup of a newer schema, the wrong data key -- leaves the target exactly as it was
(PostgreSQL sequences are moved only after the checks: setval() is not undone by a rollback).
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desk.db import Database
from desk.models import AuditHead
from desk.services import audit, audit_guard, datakey, schema
from desk.services.audit import verify_chain
from desk.services.backup import RestoreReport, _Source, open_source, tables
from desk.services.context import Context
from desk.services.errors import DatabaseError, DeskError, ValidationError
from desk.services.pii import FieldCipher, KeyError_

# Reference tables that migrations fill with their defaults: an "empty" database already has
# these rows, and a restore replaces them with the backup's (possibly edited) ones.
SEEDED_BY_MIGRATIONS = frozenset({"deadline_limit", "matter", "care_level"})


def _is_empty(db: Database) -> bool:
    with db.write_engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        return all(conn.execute(select(func.count()).select_from(t)).scalar_one() == 0
                   for t in tables() if t.name in present and t.name not in SEEDED_BY_MIGRATIONS)


def restore(target: Context, path: Path) -> RestoreReport:
    """Restore a backup into the EMPTY database of ``target``; verified before it returns.

    Everything happens in ONE transaction: the schema brought to the backup's revision, the rows
    copied, the counts, the audit chain and the data key checked, the schema brought to this
    program's, and the restore recorded. Any refusal (a database that is not empty, a damaged or
    tampered file, a backup of a newer schema, the wrong data key) leaves the target exactly as it was.
    """
    db = target.db
    if not _is_empty(db):
        raise ValidationError("目标数据库不是空的；只能恢复到空数据库 (restore needs an EMPTY database)")
    name = Path(path).name
    src = _open_checked(path)
    try:
        if not src.revision:
            raise ValidationError(f"{name}: 备份中没有结构版本 (no schema revision in the backup)")
        schema.check_not_newer(src.revision)
        cfg = schema.alembic_config(db.url)
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            for rev in src.revision:
                command.upgrade(cfg, rev)
            present = set(inspect(conn).get_table_names())
            for table in reversed(tables()):
                if table.name in present and table.name in SEEDED_BY_MIGRATIONS:
                    conn.execute(table.delete())
            with audit_guard.lifted_for_restore(conn):  # records keep their own ids, times and hashes
                for table in tables():
                    if table.name in present:
                        for batch in src.rows(table):
                            conn.execute(table.insert(), batch)
            counts = _check(conn, src)
            _check_key(conn, target)
            if not db.sqlite:  # after the checks: setval() is not undone by a rollback
                _reset_sequences(conn, present)
            command.upgrade(cfg, "heads")
            revision_now = tuple(sorted(MigrationContext.configure(conn).get_current_heads()))
            with Session(bind=conn) as s:
                audit.append(s, at=target.clock.now(), actor=target.actor.username, seat=target.actor.seat,
                             action="backup.restore", entity="database",
                             after={"file": name, "rows": sum(counts.values())})
    except DeskError:
        raise
    except sa_exc.OperationalError as exc:
        raise DatabaseError(f"数据库不可用，未恢复 (database unavailable; nothing restored): {exc.orig}") from exc
    except Exception as exc:  # a damaged file: bad zip member, bad JSON, a row the database refuses
        raise ValidationError(f"{name}: 备份文件已损坏或被改动，未恢复，目标数据库未改变 "
                              f"(the backup is damaged; nothing restored): {exc.__class__.__name__}") from exc
    finally:
        src.close()
    return RestoreReport(counts, counts.get("audit_log", 0), src.revision, revision_now)


def _open_checked(path: Path) -> _Source:
    try:
        return open_source(path)
    except DeskError:
        raise
    except Exception as exc:  # e.g. an SQLite header on a file that is not a database
        raise ValidationError(f"{Path(path).name}: 备份文件已损坏，无法读取 (the backup is damaged): "
                              f"{exc.__class__.__name__}") from exc


def _check_key(conn, target: Context) -> None:
    """The data key of this seat must be the backup's: its check value (``app_setting``) must match,
    and one value of each encrypted column (``*_enc``) must open -- or the restored personal data
    could never be read. The seat's key is only read here, never made."""
    with Session(bind=conn) as s:
        stored = datakey.stored_check(s)
        tokens = [s.execute(select(column).where(datakey.has_value(column)).limit(1)).scalar()
                  for _table, _pk, column in datakey.encrypted_columns(s)]
    tokens = [t for t in tokens if t]
    if stored is None and not tokens:
        return
    cipher = target.cipher_override
    if cipher is None:
        source = datakey.KeySource.of(target)
        key = source.load()
        if key is None:
            raise datakey.missing(source)
        cipher = FieldCipher(key)
    if (stored is not None and stored != cipher.check) or not all(datakey.decrypts(cipher, t) for t in tokens):
        raise KeyError_("数据密钥与备份不符，未恢复 (the data key does not open the backup's personal data; "
                        "nothing restored): 请使用备份所用的密钥 (DESK_DATA_KEY 或密钥文件)")


def _reset_sequences(conn, present: set[str]) -> None:
    """Rows came in with their ids: move each serial sequence past the highest one."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if table.name not in present or len(pk) != 1:
            continue
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}).scalar()
        if seq:
            top = conn.execute(select(func.max(pk[0]))).scalar()
            conn.execute(text("SELECT setval(:s, :v, :called)"),
                         {"s": seq, "v": top if top is not None else 1, "called": top is not None})


def _check(conn, src: _Source) -> dict[str, int]:
    counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
              for t in tables() if t.name in src.counts}
    wrong = [f"{t}: {counts.get(t)} ≠ {n}" for t, n in src.counts.items() if counts.get(t) != n]
    if wrong:
        raise DatabaseError("恢复后行数不符，未恢复 (row counts differ; nothing restored): " + "; ".join(wrong))
    with Session(bind=conn) as s:
        report = verify_chain(s)
        head = s.execute(select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == 1)).first()
    if not report.ok:
        raise DatabaseError(f"备份中的审计日志校验失败，未恢复: 记录 {report.first_bad_id} ({report.reason}) "
                            f"(the backup's audit chain is broken; nothing restored)")
    expected = getattr(src, "audit_head", None)
    if expected is not None and (head is None or list(head) != list(expected)):
        raise DatabaseError("审计链末端与备份清单不符，未恢复 (the audit chain's head differs from the manifest)")
    return counts
