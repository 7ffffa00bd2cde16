"""Backups and restores, checked by counting rows and walking the audit chain.

- SQLite: the online backup API copies the live database (other seats may keep writing) into
  one self-contained ``.db`` file.
- PostgreSQL: a logical export in one consistent snapshot (REPEATABLE READ): a zip holding
  ``manifest.json`` (format, schema revision, row counts, the audit chain's head) and one
  JSON-lines file per table. No ``pg_dump`` is needed on the seat, and it restores into either engine.

``restore`` takes either kind into an EMPTY database of either engine: it brings the target to
the backup's schema revision, copies every table in dependency order, resets PostgreSQL
sequences, compares every table's row count and verifies the audit chain (its last hash must be
the backup's), then upgrades to this program's schema. Personal data stays encrypted: the
target seats need the same data key (DESK_DATA_KEY or the key file), which is not in the backup.
"""
from __future__ import annotations

import base64
import enum
import io
import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, DateTime, Enum, LargeBinary, Numeric, create_engine, func, inspect, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desk.clock import local
from desk.db import Database, sqlite_path
from desk.models import AuditHead, Base
from desk.services import audit, schema
from desk.services.audit import verify_chain
from desk.services.pii import KeyError_
from desk.services.context import Context
from desk.services.errors import DatabaseError, DeskError, ValidationError
from desk.services.permissions import require
from desk.services.unit import Actor

FORMAT = "desk-backup/1"
SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH = 2000


@dataclass(frozen=True)
class BackupReport:
    path: Path
    kind: str                       # "sqlite" or "logical"
    revision: tuple[str, ...]
    counts: dict[str, int]
    audit_records: int

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RestoreReport:
    counts: dict[str, int]
    audit_records: int
    revision_from: tuple[str, ...]
    revision_now: tuple[str, ...]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def tables():
    return list(Base.metadata.sorted_tables)


# --- making a backup ---

def create_backup(ctx: Context, out: Path) -> BackupReport:
    """Back up the database to ``out`` (SQLite: a .db file; PostgreSQL: a .zip logical export)."""
    require(ctx.actor, "backup.run")
    out = Path(out)
    if not out.parent.exists():
        raise ValidationError(f"文件夹不存在: {out.parent} (folder does not exist)")
    with ctx.unit() as u:  # recorded first, so the backup holds its own record
        u.audit("backup.create", "database", None, after={"file": out.name, "engine": ctx.db.backend})
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        if ctx.db.sqlite:
            _sqlite_copy(ctx.db, tmp)
        else:
            _logical_export(ctx.db, tmp)
        report = inspect_backup(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return BackupReport(out, report.kind, report.revision, report.counts, report.audit_records)


def _sqlite_copy(db: Database, target: Path) -> None:
    source = sqlite_path(db.url)
    if source is None:
        raise ValidationError("内存数据库无法备份 (an in-memory database cannot be backed up)")
    src = sqlite3.connect(source, timeout=10)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _logical_export(db: Database, target: Path) -> None:
    counts: dict[str, int] = {}
    with db.write_engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, \
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with conn.begin():
            revision = tuple(sorted(MigrationContext.configure(conn).get_current_heads()))
            present = set(inspect(conn).get_table_names())
            for table in tables():
                if table.name not in present:
                    continue
                n = 0
                order = list(table.primary_key.columns) or list(table.columns)
                with zf.open(f"tables/{table.name}.jsonl", "w") as raw:
                    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
                    for row in result.mappings():
                        out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
                        n += 1
                    out.flush()
                    out.detach()
                counts[table.name] = n
            head = conn.execute(select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == 1)).first()
        manifest = {"format": FORMAT, "revision": list(revision), "counts": counts, "engine": db.backend,
                    "audit_head": list(head) if head else None}
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))


# --- reading a backup ---

class _Source:
    kind: str
    revision: tuple[str, ...]
    counts: dict[str, int]

    def rows(self, table):  # yields lists of dicts ready to insert
        raise NotImplementedError

    def close(self) -> None:
        pass


class _SqliteSource(_Source):
    kind = "sqlite"

    def __init__(self, path: Path):
        self.engine = create_engine(f"sqlite:///file:{path.resolve().as_posix()}?mode=ro&uri=true")
        with self.engine.connect() as conn:
            self.revision = tuple(sorted(MigrationContext.configure(conn).get_current_heads()))
            self.present = {t: {c["name"] for c in inspect(conn).get_columns(t)}
                            for t in inspect(conn).get_table_names()}
            self.counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                           for t in tables() if t.name in self.present}

    def rows(self, table):
        cols = [c for c in table.columns if c.name in self.present.get(table.name, ())]
        order = list(table.primary_key.columns) or cols
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=BATCH).execute(select(*cols).order_by(*order))
            for part in result.mappings().partitions(BATCH):
                yield [dict(r) for r in part]

    def chain(self):
        with Session(self.engine) as s:
            return verify_chain(s)

    def close(self) -> None:
        self.engine.dispose()


class _ZipSource(_Source):
    kind = "logical"

    def __init__(self, path: Path):
        self.zf = zipfile.ZipFile(path)
        try:
            manifest = json.loads(self.zf.read("manifest.json"))
        except (KeyError, ValueError) as exc:
            raise ValidationError(f"{path.name} 不是 desk 备份 (no manifest)") from exc
        if manifest.get("format") != FORMAT:
            raise ValidationError(f"{path.name}: 未知备份格式 {manifest.get('format')!r}")
        self.revision = tuple(manifest["revision"])
        self.counts = {k: int(v) for k, v in manifest["counts"].items()}
        self.audit_head = manifest.get("audit_head")

    def rows(self, table):
        if table.name not in self.counts:
            return
        convert = {c.name: _reader(c.type) for c in table.columns}
        batch = []
        with self.zf.open(f"tables/{table.name}.jsonl") as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                data = json.loads(line)
                batch.append({k: (v if v is None else convert[k](v)) for k, v in data.items() if k in convert})
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def close(self) -> None:
        self.zf.close()


def _reader(sqltype):
    if isinstance(sqltype, Enum):
        cls = sqltype.enum_class
        return (lambda v: cls(v)) if cls is not None else (lambda v: v)
    impl = getattr(sqltype, "impl", sqltype)
    if isinstance(impl, DateTime) or isinstance(sqltype, DateTime):
        return datetime.fromisoformat
    if isinstance(impl, Date):
        return date.fromisoformat
    if isinstance(impl, Numeric) and getattr(impl, "asdecimal", False):
        return Decimal
    if isinstance(impl, LargeBinary):
        return base64.b64decode
    return lambda v: v


def open_source(path: Path) -> _Source:
    path = Path(path)
    if not path.exists():
        raise ValidationError(f"找不到备份文件 {path} (file not found)")
    with path.open("rb") as f:
        head = f.read(16)
    if head == SQLITE_MAGIC:
        return _SqliteSource(path)
    if zipfile.is_zipfile(path):
        return _ZipSource(path)
    raise ValidationError(f"{path.name} 不是 desk 备份 (neither an SQLite file nor a desk backup zip)")


def inspect_backup(path: Path) -> BackupReport:
    """What a backup file holds; an SQLite backup's audit chain is verified on the way."""
    src = open_source(path)
    try:
        audit = src.counts.get("audit_log", 0)
        if isinstance(src, _SqliteSource):
            report = src.chain()
            if not report.ok:
                raise DatabaseError(f"备份中的审计日志校验失败: 记录 {report.first_bad_id} ({report.reason})")
        return BackupReport(Path(path), src.kind, src.revision, dict(src.counts), audit)
    finally:
        src.close()


# --- restoring ---

# Reference tables that migrations fill with their defaults: an "empty" database already has
# these rows, and a restore replaces them with the backup's (possibly edited) ones.
SEEDED_BY_MIGRATIONS = frozenset({"deadline_limit", "matter"})


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
            for table in tables():
                if table.name in present:
                    for batch in src.rows(table):
                        conn.execute(table.insert(), batch)
            counts = _check(conn, src)
            _check_key(conn, target, present)
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


def _check_key(conn, target: Context, present: set[str]) -> None:
    """The data key in use must open the backup's encrypted values (columns ``*_enc``), or the
    restored personal data could never be read: one value of each such column is tried."""
    for table in tables():
        if table.name not in present:
            continue
        for col in table.columns:
            if not col.name.endswith("_enc"):
                continue
            token = conn.execute(select(col).where(col.is_not(None)).limit(1)).scalar()
            if token is not None:
                try:
                    target.cipher.decrypt(token)
                except KeyError_ as exc:
                    raise KeyError_("数据密钥与备份不符，未恢复 (the data key does not open the backup's "
                                    "personal data; nothing restored): 请使用备份所用的密钥 "
                                    "(DESK_DATA_KEY 或密钥文件)") from exc


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


# --- the daily automatic backup ---

DAILY_NAME = re.compile(r"^desk-(\d{8})\.(db|zip)$")


def daily_backup(ctx: Context, folder: Path, keep_days: int) -> Path | None:
    """Today's backup into ``folder`` unless one exists; backups older than ``keep_days`` are removed.
    Runs as the system (a scheduled job of the program, whoever is signed in); returns the new file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    today = local(ctx.clock.now()).date()
    made = None
    target = folder / f"desk-{today:%Y%m%d}.{'db' if ctx.db.sqlite else 'zip'}"
    if not any(DAILY_NAME.match(p.name) and p.name.startswith(f"desk-{today:%Y%m%d}.") for p in folder.iterdir()):
        create_backup(ctx.as_actor(Actor("system", "自动备份", seat=ctx.actor.seat)), target)
        made = target
    for p in folder.iterdir():
        m = DAILY_NAME.match(p.name)
        if m and (today - datetime.strptime(m.group(1), "%Y%m%d").date()).days > keep_days:
            p.unlink()
    return made
