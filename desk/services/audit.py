"""Append-only, hash-chained audit log (事后可查).

Each record's hash covers its own fields and the previous record's hash, so changing,
removing or inserting a record breaks the chain at that point; ``verify_chain`` names it.
Each record names its algorithm (``alg``; records from before migration 0006 have none and
use the program's own):

- SQLite: the chain is computed here, in Python, with SM3 (GB/T 32905) where the OpenSSL
  under ``cryptography`` offers it, else SHA-256.
- PostgreSQL: the server computes it (``pg-sha256``, trigger ``audit_log_chain``, see
  desk.services.audit_guard): the program only inserts what happened; the server gives the
  record its id, its time (the server's clock), the previous hash and its hash, and moves
  ``audit_head``. The seats' restricted role can add records but never set their time or hash.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives import hashes
from sqlalchemy import inspect, insert, literal, select
from sqlalchemy.orm import Session

from desk.models import AuditHead, AuditRecord

try:
    hashes.Hash(hashes.SM3())
    HASH_NAME = "sm3"
except Exception:  # pragma: no cover - depends on the OpenSSL build
    HASH_NAME = "sha256"

SERVER_ALG = "pg-sha256"  # records chained by the PostgreSQL server


def genesis(alg: str) -> str:
    """The previous hash of a chain's first record: names the chain's algorithm."""
    return alg + ":" + "0" * 16


GENESIS = genesis(HASH_NAME)


def _digest(data: bytes, alg: str = HASH_NAME) -> str:
    h = hashes.Hash(hashes.SM3() if alg == "sm3" else hashes.SHA256())
    h.update(data)
    return h.finalize().hex()


def _canonical(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _fit(text: str, length: int) -> str:
    return text.replace("\x00", "\ufffd")[:length]


def record_hash(prev_hash: str, rec_id: int, at: datetime, actor: str, seat: str, action: str,
                entity: str | None, entity_id: str | None, before: str | None, after: str | None,
                alg: str = HASH_NAME) -> str:
    """The hash of a record chained in Python (SQLite; any record before migration 0006)."""
    body = json.dumps([prev_hash, rec_id, at.isoformat(timespec="microseconds"), actor, seat, action,
                       entity, entity_id, before, after], ensure_ascii=False)
    return _digest(body.encode("utf-8"), alg)


def _part(value: str | None) -> str:
    return "~" if value is None else f"{len(value)}:{value}"


def server_hash(prev_hash: str, rec_id: int, at: datetime, actor: str, seat: str, action: str,
                entity: str | None, entity_id: str | None, before: str | None, after: str | None) -> str:
    """The hash the PostgreSQL trigger computes (desk.services.audit_guard): SHA-256 over the fields,
    each written as ``length:text`` (``~`` for none) and joined by ``|``; the time in UTC to the microsecond."""
    stamp = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")
    body = "|".join(_part(v) for v in (SERVER_ALG, prev_hash, str(rec_id), stamp, actor, seat, action,
                                       entity, entity_id, before, after))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def expected_hash(row: Mapping) -> str:
    """What a stored record's hash must be, computed with the record's own algorithm."""
    alg = row.get("alg") or HASH_NAME
    fields = (row["prev_hash"], row["id"], row["at"], row["actor"], row["seat"], row["action"], row["entity"],
              row["entity_id"], row["before"], row["after"])
    if alg == SERVER_ALG:
        return server_hash(*fields)
    return record_hash(*fields, alg=alg)


def append(session: Session, *, at: datetime, actor: str, seat: str, action: str,
           entity: str | None = None, entity_id: object = None,
           before: object = None, after: object = None) -> int:
    """Add one record to the chain inside the caller's transaction; returns its id.

    On PostgreSQL the server chains it (``at`` is then the server's time, not the one given)."""
    # Fit the columns and keep what PostgreSQL cannot store (NUL) out: the hash covers what is stored.
    actor, seat, action = _fit(actor, 32), _fit(seat, 64), _fit(action, 48)
    entity = None if entity is None else _fit(entity, 48)
    entity_id = None if entity_id is None else _fit(str(entity_id), 48)
    before_text, after_text = _canonical(before), _canonical(after)
    if session.get_bind().dialect.name == "postgresql":
        session.flush()  # the changes this record describes first (their own server records too)
        table = AuditRecord.__table__
        return session.execute(insert(table).values(
            at=at, actor=actor, seat=seat, action=action, entity=entity, entity_id=entity_id, before=before_text,
            after=after_text, prev_hash="", hash="").returning(table.c.id)).scalar_one()
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    at = at.astimezone(timezone.utc)
    # The id is the next in the chain (the head row is locked), so the hash is known before the
    # INSERT and the row is never updated: the database refuses UPDATE/DELETE on audit_log.
    rec_id = head.last_id + 1
    digest = record_hash(head.last_hash, rec_id, at, actor, seat, action, entity, entity_id,
                         before_text, after_text)
    session.add(AuditRecord(id=rec_id, at=at, actor=actor, seat=seat, action=action, entity=entity,
                            entity_id=entity_id, before=before_text, after=after_text,
                            prev_hash=head.last_hash, hash=digest, alg=HASH_NAME))
    session.flush()  # the record before the head: the head may only point at a stored record
    head.last_id = rec_id
    head.last_hash = digest
    session.flush()
    return rec_id


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def _columns(session: Session) -> list:
    """The chain's columns as the database has them (a backup may predate the ``alg`` column)."""
    table = AuditRecord.__table__
    present = {c["name"] for c in inspect(session.connection()).get_columns("audit_log")}
    return [c if c.name in present else literal(None).label(c.name) for c in table.columns]


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in id order, each record with its algorithm; report the first that does not fit."""
    columns, table = _columns(session), AuditRecord.__table__
    # The head first, and the walk up to it: records other seats append meanwhile are not half-seen.
    head = session.get(AuditHead, 1)
    upto = table.c.id <= head.last_id if head is not None else table.c.id > 0

    def rows():
        last_id = 0
        while True:
            part = session.execute(select(*columns).where(table.c.id > last_id, upto).order_by(table.c.id)
                                   .limit(batch)).mappings().all()
            if not part:
                return
            yield from part
            last_id = part[-1]["id"]

    return check_records(rows(), None if head is None else (head.last_id, head.last_hash))


def check_records(rows: Iterable[Mapping], head: tuple[int, str] | None) -> ChainReport:
    """The chain check over records in id order (from the database, or from a backup file), then the head."""
    prev_hash, checked, last_id = None, 0, 0
    for rec in rows:
        if rec["id"] != last_id + 1:
            return ChainReport(False, checked, last_id + 1, f"record {last_id + 1} is missing")
        expected_prev = genesis(rec.get("alg") or HASH_NAME) if prev_hash is None else prev_hash
        if rec["prev_hash"] != expected_prev:
            return ChainReport(False, checked, rec["id"], "a record before it is missing or was changed")
        if expected_hash(rec) != rec["hash"]:
            return ChainReport(False, checked, rec["id"], "its content does not match its hash")
        prev_hash, last_id = rec["hash"], rec["id"]
        checked += 1
    if head is not None and (head[0] != last_id or (prev_hash is not None and head[1] != prev_hash)):
        return ChainReport(False, checked, last_id + 1 if head[0] > last_id else last_id,
                           "records at the end of the chain are missing")
    return ChainReport(True, checked)
