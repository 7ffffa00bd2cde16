"""Engines and sessions.

SQLite: WAL, foreign keys on, a busy timeout, and write transactions that start with
``BEGIN IMMEDIATE`` so two seats never deadlock upgrading a read lock. Reads use a second
engine with ordinary deferred transactions. PostgreSQL: one engine with pool_pre_ping.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_MS = 10_000


class DatabaseUnavailable(Exception):
    """The database cannot be reached (server down, file missing, network path gone)."""


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    if u.database.startswith("file:"):  # a URI filename (e.g. ?mode=ro&uri=true)
        return Path(u.database[5:])
    return Path(u.database)


def looks_like_network_path(path: Path) -> bool:
    """A Windows share (\\\\server\\share or a mapped drive we cannot tell) or an NFS/SMB mount."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs"}


class Database:
    """The one database of the room: engines, sessions and the URL it came from."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = url
        try:
            self.sqlite = is_sqlite(url)
            if self.sqlite:
                path = sqlite_path(url)
                if path is not None and not path.parent.exists():
                    raise DatabaseUnavailable(f"folder {path.parent} does not exist")
                self.write_engine = _sqlite_engine(url, immediate=True)
                self.read_engine = _sqlite_engine(url, immediate=False)
            else:
                self.write_engine = create_engine(url, pool_pre_ping=True, echo=echo, pool_size=5, max_overflow=5)
                self.read_engine = self.write_engine
        except (ArgumentError, ImportError, TypeError, ValueError) as exc:  # not a URL, an unknown driver
            raise DatabaseUnavailable(f"数据库地址无效 (not a usable database URL: {type(exc).__name__}: "
                                      f"{str(exc)[:200]})") from exc
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return "sqlite" if self.sqlite else "postgresql"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read session; closing it ends the transaction (objects stay readable, detached)."""
        with self._read() as session:
            yield session

    def write_session(self) -> Session:
        return self._write()

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
