"""Houses and units as their cards show them, and the events that concern a person or a place:
the events their visits raised and the events reported at their address (board.read needed too)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from desk.models import Event, House, OrgUnit, Person, StdAddress, Visit
from desk.services.context import Context
from desk.services.errors import NotFound
from desk.services.incidents import codes as event_codes
from desk.services.permissions import allowed, require
from desk.services.pii import mask_phone
from desk.services.registry import codes
from desk.services.registry.search import _like
from desk.services.scope import grid_scope, require_grid


@dataclass(frozen=True)
class HouseCard:
    id: int | None
    address_id: int
    address: str
    use: str              # 自住 / 出租 / 空置 (or "" when no house is on record at the address)
    area_m2: float | None
    owner: str
    landlord: str
    people: int
    floating: int
    units: tuple[str, ...]


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    kind: str
    grid_name: str
    address: str
    contact: str
    phone_masked: str
    staff_count: int | None


@dataclass(frozen=True)
class EventLine:
    id: int
    reported_at: datetime
    title: str
    status: str


def house_card(ctx: Context, address_id: int) -> HouseCard:
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        addr = s.get(StdAddress, address_id)
        if addr is None:
            raise NotFound(f"地址 #{address_id} 不存在 (no such address)")
        require_grid(s, ctx.actor, addr.grid_id)
        h = s.scalar(select(House).where(House.address_id == address_id))
        landlord = s.get(Person, h.landlord_id).name if h is not None and h.landlord_id else ""
        people = dict(s.execute(select(Person.residence, func.count()).where(Person.address_id == address_id)
                                .group_by(Person.residence)).all())
        units = tuple(s.scalars(select(OrgUnit.name).where(OrgUnit.address_id == address_id)))
        return HouseCard(h.id if h else None, address_id, addr.full, codes.HOUSE_USES.get(h.use, h.use) if h else "",
                         h.area_m2 if h else None, h.owner_name if h else "", landlord, sum(people.values()),
                         people.get("floating", 0), units)


def units_in(ctx: Context, grid_id: int | None = None, limit: int = 2000) -> list[UnitRow]:
    require(ctx.actor, "registry.read")
    from desk.models import Grid
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        q = (select(OrgUnit, Grid.name, StdAddress.full).join(Grid, Grid.id == OrgUnit.grid_id)
             .outerjoin(StdAddress, StdAddress.id == OrgUnit.address_id))
        if scope is not None:
            q = q.where(OrgUnit.grid_id.in_(scope))
        if grid_id is not None:
            q = q.where(OrgUnit.grid_id == grid_id)
        return [UnitRow(u.id, u.name, codes.UNIT_KINDS.get(u.kind, u.kind), g, full or "", u.contact_name,
                        mask_phone(ctx.cipher.decrypt(u.phone_enc)), u.staff_count)
                for u, g, full in s.execute(q.order_by(OrgUnit.grid_id, OrgUnit.name).limit(limit))]


def person_events(ctx: Context, person_id: int, limit: int = 50) -> list[EventLine]:
    """The events a person's visits raised and those reported at their address, newest first."""
    require(ctx.actor, "registry.read")
    if not allowed(ctx.actor, "board.read"):
        return []
    with ctx.read() as s:
        p = s.get(Person, person_id)
        if p is None:
            return []
        require_grid(s, ctx.actor, p.grid_id)
        raised = select(Visit.event_id).where(Visit.person_id == person_id, Visit.event_id.is_not(None))
        return _events(s, raised, p.address_id, limit)


def unit_events(ctx: Context, unit_id: int, limit: int = 50) -> list[EventLine]:
    """The events a unit's visits raised and those reported at its address, newest first."""
    require(ctx.actor, "registry.read")
    if not allowed(ctx.actor, "board.read"):
        return []
    with ctx.read() as s:
        unit = s.get(OrgUnit, unit_id)
        if unit is None:
            return []
        require_grid(s, ctx.actor, unit.grid_id)
        raised = select(Visit.event_id).where(Visit.unit_id == unit_id, Visit.event_id.is_not(None))
        return _events(s, raised, unit.address_id, limit)


def _events(s, raised, address_id: int | None, limit: int) -> list[EventLine]:
    cond = [Event.id.in_(raised)]
    full = s.scalar(select(StdAddress.full).where(StdAddress.id == address_id)) if address_id else None
    if full:
        cond.append(Event.address.like(_like(full) + "%", escape="\\"))
    rows = s.scalars(select(Event).where(or_(*cond)).order_by(Event.reported_at.desc()).limit(limit))
    return [EventLine(e.id, e.reported_at, e.title, event_codes.STATUSES.get(e.status, e.status)) for e in rows]
