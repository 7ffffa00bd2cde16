"""People linked to a department's cases: what a department liaison may see of the registry.

A liaison sees no one in the registry except the people *linked* to a case their department is on
(lead or assisting) while the case is open or recent (the same window as their inbox,
desk.services.dispatch.rows.open_or_recent: open, or sent in the last 7 days). A person is linked to
the case's event when

- a visit to the person raised the event (``Visit.event_id``), or
- the event's caller phone is the person's phone (the same blind index; never compared in clear), or
- the event's address is exactly the person's standard address (a whole building's address links no one).

``department_links`` is the one place this rule lives. What the liaison gets is masked (ID and phone
numbers), without special-population categories, and every look is audited; asking for a person who is
not linked is refused (PermissionDenied with ``permission``, recorded as ``auth.denied`` by the caller)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Dispatch, Event, Person, StdAddress, Visit
from desk.services.context import Context
from desk.services.dispatch.codes import STATES
from desk.services.dispatch.rows import department_cases, open_or_recent
from desk.services.errors import PermissionDenied
from desk.services.figures.periods import local_today
from desk.services.permissions import require
from desk.services.registry import addresses
from desk.services.registry.rows import person_rows

PERMISSION = "registry.linked"
HOW = {"visit": "走访上报", "phone": "来电号码", "address": "事发地址为其住址"}


@dataclass(frozen=True)
class CaseLink:
    event_id: int
    title: str
    state: str                 # the department's case state, in words (待签收, 办理中 ...)
    how: tuple[str, ...]       # codes of HOW, in its order

    @property
    def how_text(self) -> str:
        return "、".join(HOW[h] for h in self.how)


@dataclass(frozen=True)
class LinkedPerson:
    """A linked person as a liaison sees them: numbers masked, no special-population categories."""

    id: int
    name: str
    sex: str
    age: int
    id_masked: str
    phone_masked: str
    grid_name: str
    community_name: str
    address: str
    cases: tuple[CaseLink, ...]   # newest case first

    @property
    def case_numbers(self) -> str:
        return "、".join(f"#{c.event_id}" for c in self.cases)


def department_links(s: Session, department_id: int, now: datetime,
                     person_ids: list[int] | None = None) -> dict[int, dict[int, tuple[str, ...]]]:
    """THE rule: person id -> {event id -> how linked} for the department's open-or-recent cases."""
    cases = select(Dispatch.event_id).where(department_cases(department_id), open_or_recent(now))
    events = s.execute(select(Event.id, Event.phone_idx, Event.address).where(Event.id.in_(cases))).all()
    if not events:
        return {}
    ev_ids = [e.id for e in events]
    found: dict[int, dict[int, list[str]]] = {}

    def add(pid: int, eid: int, how: str) -> None:
        hows = found.setdefault(pid, {}).setdefault(eid, [])
        if how not in hows:
            hows.append(how)

    only = (lambda q, col: q.where(col.in_(person_ids))) if person_ids is not None else (lambda q, col: q)
    q = select(Visit.person_id, Visit.event_id).where(Visit.event_id.in_(ev_ids), Visit.person_id.is_not(None))
    for pid, eid in s.execute(only(q, Visit.person_id)):
        add(pid, eid, "visit")
    by_phone: dict[str, list[int]] = {}
    for e in events:
        if e.phone_idx:
            by_phone.setdefault(e.phone_idx, []).append(e.id)
    if by_phone:
        q = select(Person.id, Person.phone_idx).where(Person.phone_idx.in_(list(by_phone)))
        for pid, idx in s.execute(only(q, Person.id)):
            for eid in by_phone[idx]:
                add(pid, eid, "phone")
    by_address: dict[str, list[int]] = {}
    for e in events:
        full = addresses.clean(e.address)
        if full:
            by_address.setdefault(full, []).append(e.id)
    if by_address:
        q = (select(Person.id, StdAddress.full).join(StdAddress, StdAddress.id == Person.address_id)
             .where(StdAddress.full.in_(list(by_address))))
        for pid, full in s.execute(only(q, Person.id)):
            for eid in by_address[full]:
                add(pid, eid, "address")
    order = ("visit", "phone", "address")
    return {pid: {eid: tuple(sorted(h, key=order.index)) for eid, h in evs.items()} for pid, evs in found.items()}


def _department(ctx: Context, department_id: int | None) -> int | None:
    """A liaison's own department (never another's); others name the department they look at."""
    require(ctx.actor, PERMISSION)
    if ctx.actor.role is not None:  # a liaison, the only role holding the permission
        if department_id is not None and department_id != ctx.actor.department_id:
            raise _refused("只能查看与本部门案件关联的人员 (own department only)")
        return ctx.actor.department_id
    return department_id


def _refused(message: str) -> PermissionDenied:
    exc = PermissionDenied(message)
    exc.permission = PERMISSION  # the caller records the refusal (audit_log.record_denied)
    return exc


def _rows(ctx: Context, s: Session, links: dict[int, dict[int, tuple[str, ...]]]) -> list[LinkedPerson]:
    ev_ids = sorted({eid for evs in links.values() for eid in evs}, reverse=True)
    titles = dict(s.execute(select(Event.id, Event.title).where(Event.id.in_(ev_ids))).all()) if ev_ids else {}
    states: dict[int, str] = {}
    for eid, state in s.execute(select(Dispatch.event_id, Dispatch.state).where(Dispatch.event_id.in_(ev_ids))
                                .order_by(Dispatch.dispatched_at, Dispatch.id)):
        states[eid] = state          # the latest case of the event wins
    people = person_rows(s, ctx.cipher, sorted(links), local_today(ctx.clock.now()))
    out = []
    for p in people:
        cases = tuple(CaseLink(eid, titles.get(eid, ""), STATES.get(states.get(eid, ""), ""), how)
                      for eid, how in sorted(links[p.id].items(), reverse=True))
        out.append(LinkedPerson(p.id, p.name, p.sex, p.age, p.id_masked, p.phone_masked, p.grid_name,
                                p.community_name, p.address, cases))
    out.sort(key=lambda r: (-r.cases[0].event_id, r.name, r.id))
    return out


def linked_people(ctx: Context, department_id: int | None = None) -> list[LinkedPerson]:
    """Everyone linked to the department's open or recent cases, masked; the look is audited."""
    dep = _department(ctx, department_id)
    if dep is None:
        return []
    with ctx.read() as s:
        rows = _rows(ctx, s, department_links(s, dep, ctx.clock.now()))
    with ctx.unit() as u:
        u.audit("person.linked_list", "department", dep,
                after={"people": [r.id for r in rows], "cases": sorted({c.event_id for r in rows for c in r.cases})})
    return rows


def linked_person(ctx: Context, person_id: int, department_id: int | None = None) -> LinkedPerson:
    """One linked person with the cases that link them; a person not linked is refused."""
    dep = _department(ctx, department_id)
    with ctx.read() as s:
        links = department_links(s, dep, ctx.clock.now(), [person_id]) if dep is not None else {}
        rows = _rows(ctx, s, links) if person_id in links else []
    if not rows:
        raise _refused(f"人员 #{person_id} 与本部门的案件无关联，不能查看 (not linked to your department's cases)")
    with ctx.unit() as u:
        u.audit("person.linked_view", "person", person_id,
                after={"department_id": dep, "cases": [c.event_id for c in rows[0].cases]})
    return rows[0]
