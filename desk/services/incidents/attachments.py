"""Attachments (photos, documents) stored in the database with the event: size-limited,
the file name made safe (desk.services.filenames) when stored and again when saved to disk,
the type checked against a short list."""
from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy import select

from desk.models import Event, EventAttachment
from desk.services.audit_log import record_export
from desk.services.context import Context
from desk.services.errors import NotFound, ValidationError
from desk.services.filenames import safe_filename
from desk.services.incidents.lifecycle import add_step
from desk.services.permissions import require
from desk.services.unit import Unit

MAX_BYTES = 10 * 1024 * 1024
ALLOWED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".txt",
           ".mp3", ".m4a", ".amr", ".mp4"}
def checked_attachment(filename: str, data: bytes) -> tuple[str, str]:
    """The safe name and MIME type of a file that may be attached; ValidationError says why not."""
    name = safe_filename(filename)
    ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if ext not in ALLOWED:
        raise ValidationError(f"不支持的附件类型 {ext or '(无扩展名)'} (file type not allowed)")
    if not data:
        raise ValidationError("附件为空 (empty file)")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"附件超过 {MAX_BYTES // (1024 * 1024)} MB (file too large)")
    return name, mimetypes.guess_type(name)[0] or "application/octet-stream"


def insert_attachment(u: Unit, event_id: int, name: str, mime: str, data: bytes) -> int:
    """Store a checked attachment inside the caller's unit (the board's report, a department's feedback)."""
    att = EventAttachment(event_id=event_id, filename=name, mime=mime, size=len(data), data=data,
                          added_at=u.now, added_by=u.actor.username)
    u.session.add(att)
    u.session.flush()
    u.changed("event_attachment", att.id, "insert")
    return att.id


def add_attachment(ctx: Context, event_id: int, filename: str, data: bytes) -> int:
    require(ctx.actor, "board.report")
    name, mime = checked_attachment(filename, data)
    with ctx.unit() as u:
        e = u.session.get(Event, event_id)
        if e is None:
            raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
        att_id = insert_attachment(u, event_id, name, mime, data)
        add_step(u, e, "attach", e.status, e.status, name)
        u.audit("event.attach", "event", event_id, after={"file": name, "size": len(data)})
        return att_id


def attachment_data(ctx: Context, attachment_id: int) -> tuple[str, str, bytes]:
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        row = s.execute(select(EventAttachment.filename, EventAttachment.mime, EventAttachment.data)
                        .where(EventAttachment.id == attachment_id)).first()
    if row is None:
        raise NotFound(f"附件 #{attachment_id} 不存在 (no such attachment)")
    return row.filename, row.mime, row.data


def add_attachment_file(ctx: Context, event_id: int, path: Path | str) -> int:
    """Attach a file from disk: the size is checked before the file is read into memory."""
    require(ctx.actor, "board.report")
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path.name} (cannot read the file: {exc.strerror})") from exc
    if size > MAX_BYTES:
        raise ValidationError(f"附件超过 {MAX_BYTES // (1024 * 1024)} MB (file too large)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path.name} (cannot read the file: {exc.strerror})") from exc
    return add_attachment(ctx, event_id, path.name, data)


def save_attachment(ctx: Context, attachment_id: int, path: Path | str) -> str:
    """Write an attachment to a file (via a temporary file, so a failed write leaves nothing half
    written); the export is recorded in the audit log. The file's name is made safe first (it may
    differ from the one asked for); returns the file name written."""
    path = Path(path)
    path = path.with_name(safe_filename(path.name))  # e.g. CON.txt, a bidi trick, a trailing dot
    name, _mime, data = attachment_data(ctx, attachment_id)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"无法保存到 {path} (cannot write the file: {exc.strerror})") from exc
    with ctx.unit() as u:
        record_export(u, "event_attachment", 1, path.name, {"attachment": attachment_id, "name": name})
    return path.name
