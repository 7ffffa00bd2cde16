"""Registering a new event (上报): checked input, grid found when not given, phone encrypted."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from desk.models import Event, Grid
from desk.services.context import Context
from desk.services import limits
from desk.services.errors import ValidationError
from desk.services.incidents import codes
from desk.services.incidents.lifecycle import add_notice, add_step, actor_name, ladder_due
from desk.services.incidents.locate import locate
from desk.services.incidents.rows import EventRow, event_rows
from desk.services.incidents.search import initials
from desk.services.permissions import require

_PHONE = re.compile(r"^\+?[\d\- ]{5,20}$")


@dataclass(frozen=True)
class NewEvent:
    title: str
    kind: str
    source: str
    description: str = ""
    sub_kind: str = ""
    urgent: bool = False
    police: bool = False
    grid_id: int | None = None
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    reporter_name: str = ""
    phone: str = ""
    reported_at: datetime | None = None  # default: now
    source_no: str | None = None


def check(new: NewEvent) -> list[str]:
    problems = []
    if not (new.title or "").strip() and not (new.description or "").strip():
        problems.append("标题和内容不能都为空 (title or description is required)")
    problems += limits.problems(
        (limits.TITLE, (new.title or "").strip()), (limits.DESCRIPTION, (new.description or "").strip()),
        (limits.ADDRESS, (new.address or "").strip()), (limits.REPORTER, (new.reporter_name or "").strip()),
        (limits.PHONE, new.phone), (limits.SOURCE_NO, new.source_no))
    if new.kind not in codes.KINDS:
        problems.append(f"事件类型 {new.kind!r} 不存在 (unknown kind)")
    elif new.sub_kind and new.sub_kind not in codes.SUB_KINDS.get(new.kind, {}):
        problems.append(f"子类 {new.sub_kind!r} 不属于 {codes.kind_name(new.kind)} (unknown sub-kind)")
    if new.source not in codes.SOURCES:
        problems.append(f"来源 {new.source!r} 不存在 (unknown source)")
    if new.phone and len(new.phone) <= limits.PHONE.max and not _PHONE.match(new.phone.strip()):
        problems.append("电话号码格式不对 (phone number not recognised)")
    if (new.lat is None) != (new.lon is None):
        problems.append("经纬度需同时填写 (latitude and longitude go together)")
    elif new.lat is not None and not (-90 <= new.lat <= 90 and -180 <= new.lon <= 180):
        problems.append("经纬度超出范围 (coordinates out of range)")
    return problems


def report_event(ctx: Context, new: NewEvent) -> EventRow:
    require(ctx.actor, "board.report")
    problems = check(new)
    if problems:
        raise ValidationError("事件信息有误，未保存 (the event was not saved)", problems)
    title = (new.title or "").strip() or new.description.strip().splitlines()[0][:40]
    with ctx.unit() as u:
        s = u.session
        now = u.now
        reported_at = new.reported_at or now
        if reported_at > now:
            raise ValidationError("上报时间不能晚于现在 (the report time is in the future)")
        grid_id, community_id = new.grid_id, None
        if grid_id is not None:
            grid = s.get(Grid, grid_id)
            if grid is None:
                raise ValidationError("事件信息有误，未保存", [f"网格 #{grid_id} 不存在 (no such grid)"])
            community_id = grid.community_id
        else:
            place = locate(s, lat=new.lat, lon=new.lon, address=new.address)
            if place is not None:
                grid_id, community_id = place.grid_id, place.community_id
        phone = re.sub(r"[\s-]", "", new.phone or "")  # one spelling: 13812345678 (masked 138****5678)
        e = Event(
            reported_at=reported_at, source=new.source, source_no=new.source_no, kind=new.kind,
            sub_kind=new.sub_kind or "", police=new.police, urgent=new.urgent, grid_id=grid_id,
            community_id=community_id, address=(new.address or "").strip(), lat=new.lat, lon=new.lon,
            reporter_name=(new.reporter_name or "").strip()[:32], phone_enc=ctx.cipher.encrypt(phone) if phone else None,
            phone_idx=ctx.cipher.blind(phone) if phone else None, title=title[:120],
            description=(new.description or "").strip(),
            initials=initials(" ".join((title, new.description or "", new.address or ""))),
            status="reported", is_open=True, status_since=now, created_by=u.actor.username,
            last_action="report", last_actor=actor_name(u),
            ladder_level=1 if new.kind == "dispute" else 0,
            ladder_due_at=ladder_due(1, reported_at) if new.kind == "dispute" else None,
        )
        s.add(e)
        s.flush()
        add_step(u, e, "report", None, "reported", codes.SOURCES[new.source])
        if new.urgent:
            add_notice(u, e, "urgent", f"紧急事件 #{e.id}：{e.title}")
        u.changed("event", e.id, "insert")
        u.audit("event.report", "event", e.id, after={"title": e.title, "kind": e.kind, "source": e.source,
                                                       "grid_id": grid_id, "urgent": e.urgent})
        return event_rows(s, [e.id])[e.id]

