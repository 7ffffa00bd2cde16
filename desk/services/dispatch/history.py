"""The street's own history for routing: every event whose department is known and that was not sent
back -- dispatched and handled cases, closed ones, and history cases imported closed with their
department. A returned case has no department (the return clears it), so a wrong routing never
teaches the next one.

One learner per database is kept in memory and brought up to date before each proposal: the events
named by the change records since (desk.services.unit, the same feed that refreshes the screens) are
re-read; an import's bulk record re-reads the new ids. After a bulk record, and every few minutes, a
check (how many cases, the sum of their row versions) catches any change made without a record."""
from __future__ import annotations

import logging
import threading
import time
import weakref
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import ChangeRecord, Event
from desk.services.dispatch.learner import Learner, Ranking
from desk.services.dispatch.words import event_words

log = logging.getLogger(__name__)

# Statuses in which an event's department is not (or not yet) the one that took the case: every other
# status with a department teaches -- dispatched, handled, closed, called back, and whatever status an
# import of history cases gives them.
NOT_LEARNED = ("reported", "accepted", "in_grid", "returned", "merged", "cancelled")


@dataclass(frozen=True)
class HistoryCase:
    id: int
    department_id: int
    title: str
    description: str
    reported_at: datetime
    kind: str


def qualifies():
    return (Event.department_id.is_not(None)) & (Event.status.not_in(NOT_LEARNED))


def history_cases(s: Session) -> list[HistoryCase]:
    """Every past case, oldest first (reported time, then id)."""
    q = (select(Event.id, Event.department_id, Event.title, Event.description, Event.reported_at, Event.kind)
         .where(qualifies()).order_by(Event.reported_at, Event.id))
    return [HistoryCase(*r) for r in s.execute(q)]


@dataclass
class _Known:
    learner: Learner = field(default_factory=Learner)
    titles: dict[int, str] = field(default_factory=dict)
    versions: dict[int, int] = field(default_factory=dict)
    max_id: int = 0            # the newest event read
    change_id: int = 0         # the newest change record read
    checked_at: float = 0.0    # when the fingerprint was last compared (monotonic seconds)


_KNOWN: "weakref.WeakKeyDictionary[object, _Known]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
CHECK_SECONDS = 300  # how often the whole history is compared with what is known (changes without a record)
_COLUMNS = (Event.id, Event.department_id, Event.status, Event.title, Event.description, Event.version)


def _fingerprint(s: Session) -> tuple[int, int]:
    n, versions = s.execute(select(func.count(), func.coalesce(func.sum(Event.version), 0)).where(qualifies())).one()
    return int(n), int(versions)


def _apply(known: _Known, rows, bulk: bool = False) -> None:
    for eid, dept, status, title, description, version in rows:
        known.max_id = max(known.max_id, eid)
        if dept is not None and status not in NOT_LEARNED:
            if known.versions.get(eid) == version and known.learner.case_dept.get(eid) == dept:
                continue
            known.learner.add(eid, dept, event_words(title, description), bulk=bulk)
            known.titles[eid], known.versions[eid] = title, version
        elif eid in known.versions:
            known.learner.remove(eid)
            known.titles.pop(eid, None)
            known.versions.pop(eid, None)


def _build(s: Session) -> _Known:
    known = _Known()
    known.change_id = s.scalar(select(func.coalesce(func.max(ChangeRecord.id), 0))) or 0
    _apply(known, s.execute(select(*_COLUMNS).order_by(Event.id)), bulk=True)
    known.learner.finish()
    known.checked_at = time.monotonic()
    log.info("routing history read: %d cases", len(known.versions))
    return known


def _catch_up(s: Session, known: _Known) -> bool:
    """Applies the events changed since (from the change records); False when a rebuild is due."""
    first = s.scalar(select(func.min(ChangeRecord.id)))
    if first is not None and first > known.change_id + 1 and known.change_id:
        return False  # the change records were pruned past what is known
    changes = s.execute(select(ChangeRecord.id, ChangeRecord.row_id)
                        .where(ChangeRecord.id > known.change_id, ChangeRecord.table_name == "event")
                        .order_by(ChangeRecord.id)).all()
    newest = s.scalar(select(func.max(ChangeRecord.id)))
    if newest is not None and newest < known.change_id:
        return False  # the change records started again (a restored database)
    ids = {int(r) for _, r in changes if r.isdigit()}
    bulk = any(not r.isdigit() for _, r in changes)
    known.change_id = max(known.change_id, newest or 0)
    for k in range(0, len(ids), 500):
        chunk = sorted(ids)[k:k + 500]
        _apply(known, s.execute(select(*_COLUMNS).where(Event.id.in_(chunk))))
    if bulk:  # an import: its events are the new ids
        _apply(known, s.execute(select(*_COLUMNS).where(Event.id > known.max_id).order_by(Event.id)))
    if bulk or time.monotonic() - known.checked_at > CHECK_SECONDS:
        known.checked_at = time.monotonic()
        return _fingerprint(s) == (len(known.versions), sum(known.versions.values()))
    return True


def rank_from_history(s: Session, db: object, terms: list[str], exclude: int | None = None
                      ) -> tuple[Ranking, dict[int, str]]:
    """What the database's history says about these words (``exclude``: the event itself), with the
    titles of the nearest past cases. The learner is brought up to date with what the session sees."""
    with _LOCK:
        known = _KNOWN.get(db)
        if known is not None and not _catch_up(s, known):
            log.info("routing history changed beyond its change records: read again")
            known = None
        if known is None:
            known = _build(s)
            _KNOWN[db] = known
        ranking = known.learner.rank(terms, exclude)
        return ranking, {n.case_id: known.titles.get(n.case_id, "") for n in ranking.neighbours}
