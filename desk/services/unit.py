"""A unit of work: one short write transaction that records what changed and audits it.

Every service that writes takes a ``Unit``. On commit the unit writes its change records
(and on PostgreSQL a NOTIFY carrying them) in the same transaction, so other seats hear of
exactly what was committed and nothing that was rolled back.
"""
from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterator

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk.clock import Clock, SystemClock
from desk.db import Database
from desk.models import ChangeRecord
from desk.services import audit
from desk.services.errors import ConflictError, DatabaseError, NotFound, ValidationError

NOTIFY_CHANNEL = "desk_changes"
NOTIFY_LIMIT = 7000  # PostgreSQL allows 8000 bytes of payload


def seat_token() -> str:
    """This process, as other seats see it in the change feed."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user, or the system (imports, demo, escalation)."""

    username: str
    display_name: str = ""
    role: str | None = None
    user_id: int | None = None
    department_id: int | None = None
    staff_id: int | None = None
    seat: str = field(default_factory=socket.gethostname)
    # Signed in with a password someone else set: may do nothing but change it (desk.services.auth).
    must_change_password: bool = False


SYSTEM = Actor("system", "系统")


@dataclass(frozen=True)
class Change:
    """One changed row, as broadcast to every screen and every seat."""

    table: str
    row_id: str
    kind: str  # insert, update, delete, bulk
    origin: str = ""


def coalesce(changes: list[Change]) -> list[Change]:
    """Same row changed twice → once; order kept."""
    seen: dict[tuple[str, str], Change] = {}
    for c in changes:
        key = (c.table, c.row_id)
        if key in seen and seen[key].kind == "insert" and c.kind == "update":
            continue
        seen.pop(key, None)
        seen[key] = c
    return list(seen.values())


class Unit:
    def __init__(self, db: Database, actor: Actor, clock: Clock | None = None, collector: list | None = None):
        self.db = db
        self.collector = collector
        self.actor = actor
        self.clock = clock or SystemClock()
        self.session: Session | None = None
        self.changes: list[Change] = []
        self.origin = seat_token()

    def __enter__(self) -> "Unit":
        self.session = self.db.write_session()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self.session is not None
        try:
            if exc_type is None:
                self.commit()
            else:
                self.session.rollback()
                translated = translate_db_error(exc)
                if translated is not exc and translated is not None:
                    raise translated from exc
        finally:
            self.session.close()
        return False

    @property
    def now(self) -> datetime:
        return self.clock.now()

    def changed(self, table: str, row_id: object, kind: str = "update") -> None:
        self.changes.append(Change(table, str(row_id), kind, self.origin))

    def get_current(self, model, row_id, seen_version: int | None, what: str = "记录"):
        """The row to change, provided it is still the version the user saw; else ConflictError.

        Screens hold immutable rows with their version; a write passes that version back here,
        so a change made meanwhile by another seat is reported instead of overwritten.
        """
        assert self.session is not None
        row = self.session.get(model, row_id, with_for_update=not self.db.sqlite)
        if row is None:
            raise NotFound(f"{what}不存在或已被删除 (not found: {model.__tablename__} {row_id})")
        if seen_version is not None and getattr(row, "version", None) != seen_version:
            current = {a.key: getattr(row, a.key) for a in inspect(row).mapper.column_attrs}
            raise ConflictError(f"{what}刚被另一席位修改，请查看最新状态后再操作 "
                                f"(changed by another seat: version {seen_version} → {row.version})", current)
        return row

    def audit(self, action: str, entity: str | None = None, entity_id: object = None,
              before: object = None, after: object = None) -> None:
        assert self.session is not None
        audit.append(self.session, at=self.now, actor=self.actor.username, seat=self.actor.seat,
                     action=action, entity=entity, entity_id=entity_id, before=before, after=after)

    def commit(self) -> None:
        assert self.session is not None
        s = self.session
        try:
            self.changes = coalesce(self.changes)
            if self.changes:
                now = self.now
                s.add_all([ChangeRecord(at=now, table_name=c.table, row_id=c.row_id, kind=c.kind,
                                        seat=self.origin) for c in self.changes])
                if not self.db.sqlite:
                    for payload in notify_payloads(self.changes, self.origin):
                        s.execute(text("SELECT pg_notify(:ch, :p)"), {"ch": NOTIFY_CHANNEL, "p": payload})
            s.commit()
            if self.collector is not None:
                self.collector.extend(self.changes)
        except Exception as exc:
            s.rollback()
            translated = translate_db_error(exc)
            if translated is exc or translated is None:
                raise
            raise translated from exc


def notify_payloads(changes: list[Change], origin: str) -> Iterator[str]:
    rows = [[c.table, c.row_id, c.kind] for c in changes]
    payload = json.dumps({"o": origin, "c": rows}, ensure_ascii=False)
    if len(payload.encode()) <= NOTIFY_LIMIT:
        yield payload
        return
    tables = sorted({c.table for c in changes})
    yield json.dumps({"o": origin, "c": [[t, "*", "bulk"] for t in tables]})


def translate_db_error(exc: BaseException) -> BaseException | None:
    if isinstance(exc, StaleDataError):
        return ConflictError("另一席位刚刚修改了这条记录，请查看最新状态后再操作。"
                             " (changed by another seat first)")
    if isinstance(exc, sa_exc.OperationalError):
        msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if "readonly" in msg or "read-only" in msg:
            return DatabaseError(f"数据库只读，未保存任何修改 (database is read-only): {msg}")
        if "disk" in msg and "full" in msg:
            return DatabaseError(f"磁盘已满，未保存任何修改 (disk full): {msg}")
        return DatabaseError(f"数据库不可用，未保存任何修改 (database unavailable): {msg}")
    if isinstance(exc, sa_exc.IntegrityError):
        return DatabaseError(f"数据不一致，未保存 (integrity): {exc.orig}")
    if isinstance(exc, sa_exc.ProgrammingError) and getattr(exc.orig, "sqlstate", None) == "42501":
        return DatabaseError("数据库拒绝: 连接所用的数据库账号权限不足，未保存任何修改 "
                             f"(the database account lacks a privilege; nothing saved): {_first_line(exc)}")
    if isinstance(exc, sa_exc.DataError):
        return ValidationError(f"内容过长或格式不对，未保存 (value does not fit): {exc.orig}")
    if isinstance(exc, ValueError) and "NUL" in str(exc):
        return ValidationError("内容含空字符 (NUL)，未保存 (text holds a NUL character)")
    if isinstance(exc, UnicodeEncodeError):  # a lone surrogate: no database can hold it
        return ValidationError("内容含无效字符，未保存 (text holds an invalid character)")
    return exc


def _first_line(exc: sa_exc.DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
