"""The change feed: what other seats committed, within a second.

PostgreSQL: LISTEN on ``desk_changes``; each committing unit sends its changes in a NOTIFY
inside its transaction, so listeners hear exactly what was committed, in commit order.
SQLite: a cheap poll of ``PRAGMA data_version`` (it moves only when another connection
commits) and then of the change table past the last seen id.

``wait()`` blocks for at most ``timeout`` seconds and returns the changes, coalesced.
After a lost connection, the first successful ``wait()`` returns a ``resync`` change so
screens reload what they show: what happened while disconnected cannot be replayed.
"""
from __future__ import annotations

import json
import time

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desk.db import Database
from desk.models import ChangeRecord
from desk.services.errors import DatabaseError
from desk.services.unit import NOTIFY_CHANNEL, Change, coalesce

RESYNC = Change("*", "*", "resync")


class ChangeFeed:
    def __init__(self, db: Database, *, ignore_origin: str | None = None, poll_interval: float = 0.25):
        self.db = db
        self.ignore_origin = ignore_origin
        self.poll_interval = poll_interval
        self._impl: _SqliteFeed | _PostgresFeed | None = None
        self._ever_connected = False
        self._resync = False

    @property
    def connected(self) -> bool:
        return self._impl is not None

    def connect(self) -> None:
        impl = _SqliteFeed(self.db, self.poll_interval) if self.db.sqlite else _PostgresFeed(self.db)
        try:
            impl.open()
        except Exception as exc:
            impl.close()
            raise DatabaseError(f"实时更新无法连接 (live feed cannot connect): {exc}") from exc
        self._impl = impl
        self._resync = self._ever_connected  # what was missed meanwhile cannot be replayed
        self._ever_connected = True

    def wait(self, timeout: float = 1.0) -> list[Change]:
        """Changes by other seats since the last call; [] after ``timeout`` with none."""
        if self._impl is None:
            self.connect()
        resync, self._resync = self._resync, False
        try:
            changes = self._impl.wait(timeout)
        except Exception as exc:
            self.close()
            raise DatabaseError(f"实时更新中断 (live feed lost): {exc}") from exc
        if self.ignore_origin:
            changes = [c for c in changes if c.origin != self.ignore_origin]
        changes = coalesce(changes)
        return [RESYNC, *changes] if resync else changes

    def close(self) -> None:
        if self._impl is not None:
            self._impl.close()
            self._impl = None


class _SqliteFeed:
    def __init__(self, db: Database, poll_interval: float):
        self.db = db
        self.poll_interval = poll_interval
        self.conn = None
        self.last_id = 0
        self.data_version = None

    def open(self) -> None:
        self.conn = self.db.read_engine.connect()
        self.last_id = self.conn.execute(select(func.coalesce(func.max(ChangeRecord.id), 0))).scalar_one()
        self.data_version = self._version()

    def _version(self) -> int:
        value = self.conn.exec_driver_sql("PRAGMA data_version").scalar_one()
        self.conn.rollback()
        return value

    def wait(self, timeout: float) -> list[Change]:
        deadline = time.monotonic() + timeout
        while True:
            version = self._version()
            if version != self.data_version:
                self.data_version = version
                rows = self.conn.execute(
                    select(ChangeRecord.id, ChangeRecord.table_name, ChangeRecord.row_id, ChangeRecord.kind,
                           ChangeRecord.seat).where(ChangeRecord.id > self.last_id).order_by(ChangeRecord.id)
                ).all()
                self.conn.rollback()
                if rows:
                    self.last_id = rows[-1].id
                    return [Change(r.table_name, r.row_id, r.kind, r.seat) for r in rows]
            left = deadline - time.monotonic()
            if left <= 0:
                return []
            time.sleep(min(self.poll_interval, left))

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


class _PostgresFeed:
    def __init__(self, db: Database):
        self.db = db
        self.conn = None

    def open(self) -> None:
        import psycopg

        url = make_url(self.db.url).set(drivername="postgresql")
        self.conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5)
        self.conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def wait(self, timeout: float) -> list[Change]:
        changes: list[Change] = []
        for note in self.conn.notifies(timeout=timeout, stop_after=1):
            changes.extend(_decode(note.payload))
        if changes:  # drain what arrived together, so a burst becomes one refresh
            for note in self.conn.notifies(timeout=0.02):
                changes.extend(_decode(note.payload))
        elif self.conn.closed or self.conn.broken:
            raise DatabaseError("connection closed")
        else:
            self.conn.execute("SELECT 1")  # notice a dead server even when nothing happens
        return changes

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


def _decode(payload: str) -> list[Change]:
    try:
        data = json.loads(payload)
        origin = data.get("o", "")
        return [Change(str(t), str(r), str(k), origin) for t, r, k in data.get("c", [])]
    except (ValueError, TypeError, AttributeError):
        return [RESYNC]
