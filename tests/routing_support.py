"""History cases for routing tests: events closed with their department, as an import of history
stores them (closed, department known, no dispatch), written with their change record."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desk.models import Event


def history_case(ctx, title: str, department_id: int, at: datetime, description: str = "") -> int:
    with ctx.unit() as u:
        e = Event(reported_at=at, source="hotline_12345", kind="request", title=title, description=description,
                  status="closed", is_open=False, closed_at=at + timedelta(days=2), status_since=at + timedelta(days=2),
                  created_by="import", department_id=department_id)
        u.session.add(e)
        u.session.flush()
        u.changed("event", e.id, "insert")
        return e.id


def day(n: int) -> datetime:
    return datetime(2020, 1, 1, 2, tzinfo=timezone.utc) + timedelta(days=n)
