"""The street's own history for routing: every event whose department is known and that was not sent
back -- dispatched and handled cases, closed ones, and history cases imported closed with their
department. A returned case has no department (the return clears it), so a wrong routing never
teaches the next one.

One learner per database is kept in memory and brought up to date before each proposal: the events
changed since (a newer id or a newer status) are re-read, and a cheap check (how many cases, the sum
of their row versions) catches any other change (an edited text, a deleted event) with a rebuild."""
from __future__ import annotations

import logging
import threading
import weakref
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desk.models import Event
from desk.services.dispatch.learner import Learner, Ranking
from desk.services.dispatch.words import event_words

log = logging.getLogger(__name__)

# Statuses in which an event's department is the one that took (or took and closed) the case.
LEARNS_FROM = ("dispatched", "handling", "feedback", "verified", "closed", "called_back", "reopened")


@dataclass(frozen=True)
class HistoryCase:
    id: int
    department_id: int
    title: str
    description: str
    reported_at: datetime
    kind: str


def qualifies():
    return (Event.department_id.is_not(None)) & (Event.status.in_(LEARNS_FROM))


def history_cases(s: Session, until: datetime | None = None) -> list[HistoryCase]:
    """Every past case, oldest first (reported time, then id)."""
    q = (select(Event.id, Event.department_id, Event.title, Event.description, Event.reported_at, Event.kind)
         .where(qualifies()).order_by(Event.reported_at, Event.id))
    if until is not None:
        q = q.where(Event.reported_at < until)
    return [HistoryCase(*r) for r in s.execute(q)]


@dataclass
class _Known:
    learner: Learner = field(default_factory=Learner)
    titles: dict[int, str] = field(default_factory=dict)
    versions: dict[int, int] = field(default_factory=dict)
    max_id: int = 0
    max_since: datetime | None = None


_KNOWN: "weakref.WeakKeyDictionary[object, _Known]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _fingerprint(s: Session) -> tuple[int, int]:
    n, versions = s.execute(select(func.count(), func.coalesce(func.sum(Event.version), 0)).where(qualifies())).one()
    return int(n), int(versions)


def _apply(known: _Known, rows) -> None:
    for eid, dept, status, title, description, version, since in rows:
        known.max_id = max(known.max_id, eid)
        if since is not None and (known.max_since is None or since > known.max_since):
            known.max_since = since
        if dept is not None and status in LEARNS_FROM:
            if known.versions.get(eid) == version and known.learner.case_dept.get(eid) == dept:
                continue
            known.learner.add(eid, dept, event_words(title, description))
            known.titles[eid], known.versions[eid] = title, version
        elif eid in known.versions:
            known.learner.remove(eid)
            known.titles.pop(eid, None)
            known.versions.pop(eid, None)


_COLUMNS = (Event.id, Event.department_id, Event.status, Event.title, Event.description, Event.version,
            Event.status_since)


def rank_from_history(s: Session, db: object, terms: list[str], exclude: int | None = None
                      ) -> tuple[Ranking, dict[int, str]]:
    """What the database's history says about these words (``exclude``: the event itself), with the
    titles of the nearest past cases. The learner is brought up to date with what the session sees."""
    with _LOCK:
        known = _KNOWN.get(db)
        if known is not None:
            q = select(*_COLUMNS).where(Event.id > known.max_id)
            if known.max_since is not None:
                q = select(*_COLUMNS).where(or_(Event.id > known.max_id, Event.status_since >= known.max_since))
            _apply(known, s.execute(q))
            if _fingerprint(s) != (len(known.versions), sum(known.versions.values())):
                log.info("routing history changed beyond new and moved events: rebuilt")
                known = None
        if known is None:
            known = _Known()
            _apply(known, s.execute(select(*_COLUMNS).order_by(Event.id)))
            known.learner._renormalise()
            _KNOWN[db] = known
        ranking = known.learner.rank(terms, exclude)
        return ranking, {n.case_id: known.titles.get(n.case_id, "") for n in ranking.neighbours}
