"""Reading the audit log (the auditor only), exporting it, and recording exports, prints and unmasking.

No service updates or deletes audit records (the database refuses it too: triggers from
migration 0003); they are kept for as long as the database lives, well past the six months
the law asks for. The account administrators cannot read the log; the auditor changes nothing.
"""
from __future__ import annotations

import csv
from dataclasses import astuple, dataclass, fields
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select

from desk.clock import format_local
from desk.models import AuditRecord
from desk.services import files, limits
from desk.services.audit import ChainReport, verify_chain
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.permissions import require
from desk.services.unit import Unit

MAX_ROWS = 100_000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    seat: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditFilter:
    since: datetime | None = None
    until: datetime | None = None
    actor: str | None = None
    action: str | None = None     # an action or its prefix: "auth." finds every sign-in event
    text: str | None = None       # anywhere in the entity id, before or after
    limit: int = 1000
    offset: int = 0


def _has(column, needle: str, sqlite: bool):
    """A literal, case-sensitive substring test (no LIKE wildcards to escape) on either engine."""
    return (func.instr(column, needle) if sqlite else func.strpos(column, needle)) > 0


def _query(f: AuditFilter, sqlite: bool):
    q = select(AuditRecord)
    if f.since is not None:
        q = q.where(AuditRecord.at >= f.since)
    if f.until is not None:
        q = q.where(AuditRecord.at < f.until)
    if f.actor:
        q = q.where(AuditRecord.actor == f.actor)
    if f.action:
        q = q.where(AuditRecord.action.startswith(f.action, autoescape=True))
    if f.text:
        q = q.where(or_(_has(AuditRecord.entity_id, f.text, sqlite), _has(AuditRecord.before, f.text, sqlite),
                        _has(AuditRecord.after, f.text, sqlite)))
    return q


def _row(r: AuditRecord) -> AuditRow:
    return AuditRow(r.id, r.at, r.actor, r.seat, r.action, r.entity or "", r.entity_id or "", r.before or "",
                    r.after or "")


def list_records(ctx: Context, f: AuditFilter = AuditFilter(), newest_first: bool = True) -> list[AuditRow]:
    require(ctx.actor, "audit.read")
    if not 1 <= f.limit <= MAX_ROWS:
        raise ValidationError(f"每次最多 {MAX_ROWS} 条 (limit 1 to {MAX_ROWS})")
    if not all(limits.storable(v) for v in (f.actor, f.action, f.text)):
        return []  # no record holds NUL or a lone surrogate (escaped in JSON, refused in names)
    order = AuditRecord.id.desc() if newest_first else AuditRecord.id
    with ctx.read() as s:
        return [_row(r) for r in s.scalars(_query(f, ctx.db.sqlite).order_by(order).limit(f.limit).offset(f.offset))]


HEADER = ("编号", "时间", "操作人", "席位", "操作", "对象", "对象编号", "修改前", "修改后")


def export_csv(ctx: Context, path: Path, f: AuditFilter = AuditFilter(limit=MAX_ROWS)) -> int:
    """Write the matching records (oldest first) as CSV for Excel (UTF-8 with BOM); the export is audited."""
    require(ctx.actor, "audit.export")
    path = files.output_file(path)
    rows = list_records(ctx, f, newest_first=False)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="", errors="backslashreplace") as out:
            w = csv.writer(out)
            w.writerow(HEADER)
            for r in rows:
                values = list(astuple(r))
                values[1] = format_local(r.at, with_seconds=True)
                w.writerow([_safe_cell(v) for v in values])
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise files.write_failed(path, exc) from exc
    with ctx.unit() as u:
        record_export(u, "audit_log", len(rows), path.name, {k.name: str(getattr(f, k.name)) for k in fields(f)
                                                            if getattr(f, k.name) not in (None, 0)})
    return len(rows)


def _safe_cell(value) -> str:
    """No spreadsheet formula injection: a cell starting with = + - @ is shown as text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def record_export(u: Unit, what: str, rows: int, target: str, detail: dict | None = None) -> None:
    """Every export of data (Excel, CSV) is recorded: what, how many rows, to which file."""
    u.audit("data.export", what, None, after={"rows": rows, "file": target, **(detail or {})})


def record_print(u: Unit, document: str, entity_id: object = None, copies: int = 1) -> None:
    """Every printed document is recorded."""
    u.audit("data.print", document, entity_id, after={"copies": copies})


def record_denied(ctx: Context, exc: Exception) -> None:
    """A refused action is a security event too: recorded (who, which permission). Never raises."""
    try:
        with ctx.unit() as u:
            u.audit("auth.denied", None, None, after={"permission": getattr(exc, "permission", None)})
    except Exception:  # noqa: BLE001 - the refusal itself is what the person sees
        pass


def verify(ctx: Context) -> ChainReport:
    """The chain check; it shows no content, so anyone may run it (``desk audit verify``)."""
    with ctx.read() as s:
        return verify_chain(s)
