"""Anchors: the audit chain's length, last id and head hash, written down OUTSIDE the database.

Whoever holds the SQLite file, or the PostgreSQL owner's password, can cut the chain's tail and set
the head back, or change a record and recompute every hash after it: the chain alone then still
verifies. An anchor made earlier and kept elsewhere (another machine, a USB stick, paper) no
longer fits such a chain, and ``verify_anchors`` names the first anchor that does not.

One small JSON file per anchor, in a folder: by default the user data folder's ``anchors/`` (the
settings entry ``anchor_dir`` moves it). Made by ``desk audit anchor`` (the auditor), by the daily
automatic backup, and by the printed daily sheet (``for_sheet``). Each anchor is itself audited
first, so it covers its own record.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from desk.clock import local
from desk.config import data_dir, describe_url
from desk.models import AuditHead, AuditRecord
from desk.services.audit import verify_chain
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.permissions import require

FORMAT = "desk-audit-anchor/1"


@dataclass(frozen=True)
class Anchor:
    records: int
    last_id: int
    head_hash: str
    at: datetime
    by: str
    reason: str
    database: str
    path: Path | None = None

    def line(self) -> str:
        """One line for a printed sheet: enough to check the chain against by hand later."""
        return (f"审计链锚点 {local(self.at):%Y-%m-%d %H:%M}: {self.records} 条, 末条编号 {self.last_id}, "
                f"哈希 {self.head_hash[:16]}")


@dataclass(frozen=True)
class AnchorReport:
    ok: bool
    checked: int
    first_bad: Path | None = None
    reason: str = ""


def default_folder(ctx: Context) -> Path:
    return Path(ctx.settings.extra.get("anchor_dir") or data_dir() / "anchors")


def make_anchor(ctx: Context, folder: Path | None = None, reason: str = "manual") -> Anchor:
    """``desk audit anchor``: the auditor writes the chain's current head to a file."""
    require(ctx.actor, "audit.anchor")
    return _write(ctx, folder, reason)


def for_sheet(ctx: Context, folder: Path | None = None) -> Anchor:
    """For the printed daily sheet: an anchor filed like any other, whose ``line()`` goes on the paper."""
    return _write(ctx, folder, "daily-sheet")


def for_backup(ctx: Context, folder: Path | None = None) -> Anchor:
    """After the daily automatic backup (run as the system)."""
    return _write(ctx, folder, "daily-backup")


def _write(ctx: Context, folder: Path | None, reason: str) -> Anchor:
    folder = Path(folder) if folder is not None else default_folder(ctx)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"无法建立锚点文件夹 {folder} (cannot make the anchor folder): {exc}") from exc
    with ctx.unit() as u:  # recorded first, so the anchor covers its own record
        u.audit("audit.anchor", "audit_log", None, after={"reason": reason, "folder": folder.name})
    with ctx.read() as s:
        records = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
        last = s.execute(select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).one()
    anchor = Anchor(records, last.id, last.hash, ctx.clock.now(), ctx.actor.username, reason,
                    describe_url(ctx.db.url))
    stem = f"anchor-{local(anchor.at):%Y%m%d-%H%M%S}-{anchor.last_id}"
    path, n = folder / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.json"
    data = {"format": FORMAT, "records": anchor.records, "last_id": anchor.last_id, "head_hash": anchor.head_hash,
            "at": anchor.at.isoformat(), "by": anchor.by, "reason": reason, "database": anchor.database}
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise ValidationError(f"无法写出锚点文件 {path} (cannot write the anchor): {exc}") from exc
    return Anchor(**{**anchor.__dict__, "path": path})


def read_anchor(path: Path) -> Anchor:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        return Anchor(int(data["records"]), int(data["last_id"]), str(data["head_hash"]),
                      datetime.fromisoformat(data["at"]), str(data.get("by", "")), str(data.get("reason", "")),
                      str(data.get("database", "")), Path(path))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValidationError(f"锚点文件无法读取 {Path(path).name} (unreadable anchor): {exc}") from exc


def verify_anchors(ctx: Context, folder: Path) -> AnchorReport:
    """The chain must verify and contain every anchor in ``folder`` (oldest first); names the first that is not."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"锚点文件夹不存在: {folder} (no such folder)")
    found: list[Anchor] = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(read_anchor(path))
        except ValidationError as exc:
            return AnchorReport(False, 0, path, str(exc))
    found.sort(key=lambda a: (a.last_id, a.at))
    with ctx.read() as s:
        chain = verify_chain(s)
        if not chain.ok:
            return AnchorReport(False, 0, None, f"审计链断裂于记录 {chain.first_bad_id} ({chain.reason})")
        head = s.get(AuditHead, 1)
        ids = sorted({a.last_id for a in found if head is not None and a.last_id <= head.last_id})
        stored = dict(s.execute(select(AuditRecord.id, AuditRecord.hash).where(AuditRecord.id.in_(ids))).all()) \
            if ids else {}
    # The chain verified, so its ids run 1..head without a gap: an anchor's record either is there
    # with the same hash, or the tail was cut, or something up to it was rewritten.
    for checked, anchor in enumerate(found):
        held = stored.get(anchor.last_id)
        if held is None:
            why = f"链中已没有记录 {anchor.last_id}：末尾被截去 (the chain no longer holds record {anchor.last_id})"
        elif held != anchor.head_hash:
            why = (f"记录 {anchor.last_id} 的哈希已不同：此前的记录被改写 "
                   f"(the chain no longer holds this head: records up to {anchor.last_id} were rewritten)")
        else:
            continue
        return AnchorReport(False, checked, anchor.path, why)
    return AnchorReport(True, len(found))
