"""The checks of ``desk selftest`` that need no Qt: the package's data files, a scratch database of
the configured engine (made, migrated, written, read and dropped), and the data key.

A check is a function returning a one-line detail; it raises :class:`CheckFailed` (or anything
else) with the reason when it fails. Nothing here opens the room's database to read its data:
the scratch database is new and thrown away; the room's server is only asked to make one.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk import resources
from desk.config import Settings, data_dir
from desk.db import Database
from desk.services import schema
from desk.services.context import Context
from desk.services.pii import FieldCipher, load_key

log = logging.getLogger(__name__)

# Files the bundle must carry: a missing one fails the build in CI, not a seat in the room.
REQUIRED_FILES = [
    ("web", "leaflet", "leaflet.js"), ("web", "leaflet", "leaflet.css"), ("web", "desk-map.js"),
    ("web", "desk-map.css"), ("web", "markercluster"), ("web", "jquery"),
    ("reference", "departments.csv"), ("reference", "matters.csv"), ("translations", "desk_en.qm"),
]


class CheckFailed(Exception):
    """A check's plain reason for failing."""


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok    ' if self.ok else 'FAILED'} {self.name}: {self.detail}"


def run_check(name: str, fn: Callable[[], str]) -> Outcome:
    try:
        return Outcome(name, True, fn() or "")
    except Exception as exc:  # noqa: BLE001 - every failure becomes its line, logged in full
        log.info("selftest %s failed", name, exc_info=exc)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        reason = first if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {first}"
        return Outcome(name, False, reason)


def check_files() -> str:
    missing = ["/".join(p) for p in REQUIRED_FILES if not resources.path(*p).exists()]
    versions = sorted(schema.MIGRATIONS.joinpath("versions").glob("*.py"))
    if not versions:
        missing.append("migrations/versions/*.py")
    if missing:
        raise CheckFailed("缺少文件 (missing): " + ", ".join(missing))
    return f"{len(REQUIRED_FILES)} 个数据文件, {len(versions)} 个数据库迁移 (data files and migrations present)"


# --- the scratch database ---

@dataclass
class Scratch:
    """A new database of the configured engine, dropped by ``close()``."""

    url: str
    engine_name: str
    drop: Callable[[], None]
    note: str = ""


def _pg_scratch(url: str) -> Scratch:
    """A new database on the configured PostgreSQL server (needs the CREATEDB right)."""
    name = f"desk_selftest_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception:
        admin.dispose()
        raise
    scratch_url = make_url(url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        try:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            admin.dispose()

    return Scratch(scratch_url, "PostgreSQL", drop)


def _sqlite_scratch(folder: Path) -> Scratch:
    path = folder / "selftest.db"
    return Scratch(f"sqlite:///{path.as_posix()}", "SQLite", lambda: None)


@contextmanager
def scratch_database(configured_url: str, folder: Path) -> Iterator[Scratch]:
    """A scratch database on the configured engine; on PostgreSQL without the right to create
    one, the server is checked with a temporary table that vanishes, and SQLite stands in."""
    scratch = None
    if configured_url.startswith("postgresql"):
        try:
            scratch = _pg_scratch(configured_url)
        except Exception as exc:  # noqa: BLE001 - no CREATEDB right: check the server another way
            log.info("selftest: no scratch database on the server: %s", exc)
            note = _pg_temp_table(configured_url)
            scratch = _sqlite_scratch(folder)
            scratch.note = note
    else:
        scratch = _sqlite_scratch(folder)
    try:
        yield scratch
    finally:
        scratch.drop()


def _pg_temp_table(url: str) -> str:
    """Write and read a temporary table on the room's server: no data of the room is read."""
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as c:
            version = c.exec_driver_sql("SHOW server_version").scalar()
            c.exec_driver_sql("CREATE TEMPORARY TABLE desk_selftest (word text)")
            c.execute(text("INSERT INTO desk_selftest VALUES (:w)"), {"w": "自检"})
            got = c.exec_driver_sql("SELECT word FROM desk_selftest").scalar()
            c.rollback()
    finally:
        engine.dispose()
    if got != "自检":
        raise CheckFailed("服务器读回的中文不一致 (the server returned different text)")
    return f"PostgreSQL {version}: 无建库权限，已用临时表读写 (no CREATEDB right: checked with a temporary table)"


def check_database(scratch: Scratch, settings: Settings, cipher: FieldCipher | None) -> tuple[str, Context]:
    """Migrate the scratch database, write and read a row; the detail and a context on it."""
    db = Database(scratch.url)
    state = schema.upgrade(db)
    if not state.up_to_date:
        raise CheckFailed(f"迁移未完成 (migrations incomplete): {state.current} != {state.heads}")
    with db.write_engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE selftest_probe (id integer primary key, word varchar(20))")
        c.execute(text("INSERT INTO selftest_probe VALUES (1, :w)"), {"w": "警网融合"})
    with db.write_engine.connect() as c:
        got = c.exec_driver_sql("SELECT word FROM selftest_probe WHERE id = 1").scalar()
    if got != "警网融合":
        raise CheckFailed("读回的中文不一致 (text read back differs)")
    detail = f"{scratch.engine_name} 临时库已迁移到 {','.join(state.heads)} 并读写 (scratch database migrated, written, read)"
    if scratch.note:
        detail = scratch.note + "; " + detail
    # A throwaway key when the configured one failed: the scratch data never needs the real key.
    return detail, Context(db=db, settings=settings, cipher_override=cipher or FieldCipher(os.urandom(32)))


# --- the data key ---

def key_file_of(settings: Settings) -> Path:
    return Path(settings.extra.get("key_file") or data_dir() / "desk.key")


def check_data_key(settings: Settings, shared_engine: bool) -> tuple[str, FieldCipher]:
    """The configured key (env DESK_DATA_KEY or the key file) is whole and encrypts and decrypts.
    Missing: fine on a single-PC SQLite (made at first start), a failure on a shared server."""
    key_file = key_file_of(settings)
    source = "DESK_DATA_KEY" if os.environ.get("DESK_DATA_KEY") else str(key_file)
    try:
        key = load_key(key_file, create=False)
    except Exception as exc:
        if source != "DESK_DATA_KEY" and not key_file.exists() and not shared_engine:
            cipher = FieldCipher(os.urandom(32))
            return (f"尚无密钥文件 {key_file}，首次启动时生成 (no key yet; made at the first start)", cipher)
        raise CheckFailed(f"{exc} — {source}") from exc
    cipher = FieldCipher(key)
    probe = cipher.encrypt("13800000000")
    if cipher.decrypt(probe) != "13800000000":
        raise CheckFailed("密钥无法解密自己的密文 (the key does not decrypt)")
    fingerprint = hashlib.sha256(base64.b64encode(key)).hexdigest()[:8]
    return f"{source} 可用，指纹 {fingerprint} (usable; fingerprint to compare between seats)", cipher
