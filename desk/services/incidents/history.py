"""The street's closed cases as routing learns from them: each case's text, the department that
handled it and when, in time order -- imported history (Event.history) and the desk's own closed
events alike.

The department of a case is the desk's department when one is known (``Event.department_id``:
dispatched here, or an imported department the import matched), else the department as the source
wrote it (``Event.source_department``, e.g. a message board's 一级分类 imported with
``department=一级分类``). Cases without either are left out: they teach nothing about routing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.models import Department, Event


@dataclass(frozen=True)
class ClosedCase:
    event_id: int
    reported_at: datetime
    closed_at: datetime | None
    title: str
    description: str
    department: str          # the desk's department short name, or the source's own department text
    department_id: int | None
    category: str            # the source's own category ("" for the desk's own events)
    history: bool            # imported from another system


def closed_cases(session: Session, *, since: datetime | None = None, until: datetime | None = None,
                 batch: int = 2000) -> Iterator[ClosedCase]:
    """Closed cases with a department, oldest report first (``since`` <= reported_at < ``until``),
    read in batches: 100,000s of cases never sit in memory at once."""
    shorts = dict(session.execute(select(Department.id, Department.short_name)).all())
    q = (select(Event.id, Event.reported_at, Event.closed_at, Event.title, Event.description, Event.department_id,
                Event.source_department, Event.source_category, Event.history)
         .where(Event.status.in_(("closed", "called_back")),
                or_(Event.department_id.is_not(None), Event.source_department != ""))
         .order_by(Event.reported_at, Event.id))
    if since is not None:
        q = q.where(Event.reported_at >= since)
    if until is not None:
        q = q.where(Event.reported_at < until)
    for r in session.execute(q.execution_options(yield_per=batch)):
        name = shorts.get(r.department_id) if r.department_id is not None else None
        yield ClosedCase(r.id, r.reported_at, r.closed_at, r.title, r.description or "",
                         name or r.source_department, r.department_id, r.source_category or "", bool(r.history))
