"""Backups and restores, checked by counting rows and walking the audit chain.

- SQLite: the online backup API copies the live database (other seats may keep writing) into
  one self-contained ``.db`` file.
- PostgreSQL: a logical export in one consistent snapshot (REPEATABLE READ): a zip holding
  ``manifest.json`` (format, schema revision, row counts, the audit chain's head) and one
  JSON-lines file per table. No ``pg_dump`` is needed on the seat, and it restores into either engine.

``restore`` (desk.services.restore) takes either kind into an EMPTY database of either engine:
it brings the target to the backup's schema revision, copies every table in dependency order,
compares every table's row count, verifies the audit chain (its last hash must be the backup's)
and the data key, resets PostgreSQL sequences, then upgrades to this program's schema -- all in
one transaction, so a refused restore leaves the target as it was.

Every backup's audit chain is verified as it is made (in the SQLite copy; in the zip's own records).
A backup of a database whose chain is broken is still written -- the data may be needed -- but its
report is not ``verified`` and says where the chain breaks (the daily backup: desk.services.backup_daily).
Personal data stays encrypted: the target seats need the same data key (DESK_DATA_KEY or the key
file), which is not in the backup; the key's check value is (``app_setting``), so a seat with another
key is refused at start.
"""
from __future__ import annotations

import base64
import enum
import io
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import Date, DateTime, Enum, LargeBinary, Numeric, create_engine, func, inspect, select
from sqlalchemy.orm import Session

from desk.db import Database, sqlite_path
from desk.models import AuditHead, Base
from desk.services import files, schema
from desk.services.audit import ChainReport, check_records, verify_chain
from desk.services.context import Context
from desk.services.errors import DeskError, ValidationError
from desk.services.permissions import require

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
    chain: ChainReport | None = None

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def verified(self) -> bool:
        """The backup's audit chain holds, head included."""
        return self.chain is not None and self.chain.ok

    def chain_problem(self) -> str:
        if self.verified:
            return ""
        if self.chain is None:
            return "审计链未能校验 (the audit chain was not checked)"
        return (f"审计链断裂于记录 {self.chain.first_bad_id} ({self.chain.reason})；此前 {self.chain.checked} 条通过 "
                f"(the audit chain is broken at record {self.chain.first_bad_id})")


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
    out = files.output_file(out)
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
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise files.write_failed(out, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise files.write_failed(out, exc) from exc
    return BackupReport(out, report.kind, report.revision, report.counts, report.audit_records, report.chain)


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
            revision = schema.current_heads(conn)
            present = set(inspect(conn).get_table_names())
            for table in tables():
                if table.name not in present:
                    continue
                counts[table.name] = write_table_lines(conn, zf, table)
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
            self.revision = schema.current_heads(conn)
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

    def chain(self) -> ChainReport:
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

    def chain(self) -> ChainReport:
        """The zip's own audit records walked as the database would be, against the manifest's head."""
        table = Base.metadata.tables["audit_log"]
        records = ({"alg": None, **r} for batch in self.rows(table) for r in batch)
        return check_records(records, tuple(self.audit_head) if self.audit_head else None)

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


def write_table_lines(conn, zf: zipfile.ZipFile, table) -> int:
    """One table into the zip as ``tables/NAME.jsonl``, one JSON object per row in key order; the row count."""
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
    return n


def open_source(path: Path) -> _Source:
    path = files.input_file(path)
    head = _head(path)
    try:
        if head == SQLITE_MAGIC:
            return _SqliteSource(path)
        if zipfile.is_zipfile(path):
            return _ZipSource(path)
    except DeskError:
        raise
    except (OSError, zipfile.BadZipFile, sa_exc.SQLAlchemyError, KeyError, TypeError, ValueError,
            AttributeError) as exc:
        raise ValidationError(f"{path.name} 已损坏，不是可用的 desk 备份 (a damaged backup: "
                              f"{type(exc).__name__})") from exc
    raise ValidationError(f"{path.name} 不是 desk 备份 (neither an SQLite file nor a desk backup zip)")


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(16)
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc


def inspect_backup(path: Path) -> BackupReport:
    """What a backup file holds, its audit chain verified on the way (``verified``; never raises for it)."""
    src = open_source(path)
    try:
        audit = src.counts.get("audit_log", 0)
        return BackupReport(Path(path), src.kind, src.revision, dict(src.counts), audit, src.chain())
    finally:
        src.close()


# --- restoring: desk.services.restore (one transaction: a refusal leaves the target as it was) ---

def restore(target: Context, path: Path) -> RestoreReport:
    """Restore a backup into the EMPTY database of ``target`` (see desk.services.restore)."""
    from desk.services.restore import restore as restore_into

    return restore_into(target, path)
