"""Append-only, hash-chained audit log (事后可查).

Each record's hash covers its own fields and the previous record's hash, so changing,
removing or inserting a record breaks the chain at that point; ``verify_chain`` names it.
SM3 (GB/T 32905) is used where the OpenSSL under ``cryptography`` offers it, else SHA-256;
the algorithm is recorded in the chain's genesis value.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives import hashes
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import AuditHead, AuditRecord

try:
    hashes.Hash(hashes.SM3())
    HASH_NAME = "sm3"
except Exception:  # pragma: no cover - depends on the OpenSSL build
    HASH_NAME = "sha256"

GENESIS = HASH_NAME + ":" + "0" * 16


def _digest(data: bytes) -> str:
    h = hashes.Hash(hashes.SM3() if HASH_NAME == "sm3" else hashes.SHA256())
    h.update(data)
    return h.finalize().hex()


def _canonical(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _fit(text: str, length: int) -> str:
    return text.replace("\x00", "\ufffd")[:length]


def record_hash(prev_hash: str, rec_id: int, at: datetime, actor: str, seat: str, action: str,
                entity: str | None, entity_id: str | None, before: str | None, after: str | None) -> str:
    body = json.dumps([prev_hash, rec_id, at.isoformat(timespec="microseconds"), actor, seat, action,
                       entity, entity_id, before, after], ensure_ascii=False)
    return _digest(body.encode("utf-8"))


def append(session: Session, *, at: datetime, actor: str, seat: str, action: str,
           entity: str | None = None, entity_id: object = None,
           before: object = None, after: object = None) -> AuditRecord:
    """Add one record to the chain inside the caller's transaction."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    at = at.astimezone(timezone.utc)
    # Fit the columns and keep what PostgreSQL cannot store (NUL) out: the hash covers what is stored.
    actor, seat, action = _fit(actor, 32), _fit(seat, 64), _fit(action, 48)
    entity = None if entity is None else _fit(entity, 48)
    entity_id = None if entity_id is None else _fit(str(entity_id), 48)
    # The id is the next in the chain (the head row is locked), so the hash is known before the
    # INSERT and the row is never updated: the database refuses UPDATE/DELETE on audit_log.
    rec_id = head.last_id + 1
    before_text, after_text = _canonical(before), _canonical(after)
    digest = record_hash(head.last_hash, rec_id, at, actor, seat, action, entity, entity_id,
                         before_text, after_text)
    rec = AuditRecord(id=rec_id, at=at, actor=actor, seat=seat, action=action, entity=entity,
                      entity_id=entity_id, before=before_text, after=after_text,
                      prev_hash=head.last_hash, hash=digest)
    session.add(rec)
    head.last_id = rec_id
    head.last_hash = digest
    session.flush()
    return rec


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in id order; report the first record that does not fit."""
    prev_hash, checked, last_id = GENESIS, 0, 0
    while True:
        rows = session.execute(
            select(AuditRecord).where(AuditRecord.id > last_id).order_by(AuditRecord.id).limit(batch)
        ).scalars().all()
        if not rows:
            break
        for rec in rows:
            if rec.id != last_id + 1:
                return ChainReport(False, checked, last_id + 1, f"record {last_id + 1} is missing")
            if rec.prev_hash != prev_hash:
                why = "a record before it is missing or was changed"
                return ChainReport(False, checked, rec.id, why)
            expected = record_hash(rec.prev_hash, rec.id, rec.at, rec.actor, rec.seat, rec.action,
                                   rec.entity, rec.entity_id, rec.before, rec.after)
            if expected != rec.hash:
                return ChainReport(False, checked, rec.id, "its content does not match its hash")
            prev_hash, last_id = rec.hash, rec.id
            checked += 1
        session.expunge_all()
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != last_id or head.last_hash != prev_hash):
        return ChainReport(False, checked, last_id + 1 if head.last_id > last_id else last_id,
                           "records at the end of the chain are missing")
    return ChainReport(True, checked)
