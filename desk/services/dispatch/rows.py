"""What screens get: cases as plain rows (inbox, supervision list) and one case in detail.
A liaison sees only the cases where their department is lead or assisting."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from desk.models import Community, Department, Dispatch, DispatchEntry, DispatchParty, Event, Extension, Grid
from desk.services.context import Context
from desk.services.dispatch.codes import ENTRY_KINDS, EXTENSION_STATES, OPEN_STATES, STATES
from desk.services.dispatch.common import is_liaison
from desk.services.errors import NotFound, PermissionDenied
from desk.services.incidents.codes import kind_name
from desk.services.permissions import require
from desk.services.scope import grid_scope, require_grid


@dataclass(frozen=True)
class CaseRow:
    dispatch_id: int
    event_id: int
    title: str
    kind_text: str
    grid_name: str
    community_name: str
    department_id: int
    department: str
    assist: tuple[str, ...]
    state: str
    dispatched_at: datetime
    dispatched_name: str
    accept_by: datetime
    deadline_at: datetime
    accepted_at: datetime | None
    returned_at: datetime | None
    return_reason: str | None
    urgent: bool
    supervision: int
    rounds: int
    reopened: int
    pending_extension: int | None
    event_version: int
    version: int
    current: bool = True  # the event's current case; False once re-routed, withdrawn or superseded

    @property
    def state_text(self) -> str:
        return STATES.get(self.state, self.state)

    def overdue(self, now: datetime) -> str:
        """'' / 'accept' (not accepted in time) / 'handle' (past the deadline without feedback)."""
        if self.state == "sent" and now > self.accept_by:
            return "accept"
        if self.state in ("sent", "accepted") and now > self.deadline_at:
            return "handle"
        return ""


@dataclass(frozen=True)
class EntryRow:
    at: datetime
    kind: str
    kind_text: str
    department: str
    outcome: str
    round: int
    text: str
    attachments: tuple[int, ...]
    actor_name: str


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    requested_at: datetime
    requested_by: str
    hours: int
    reason: str
    state: str
    state_text: str
    decided_by: str | None
    decision_note: str | None


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRow
    description: str
    address: str
    instructions: str
    routing_reason: str
    overridden: bool
    override_reason: str
    satisfaction: str | None
    entries: tuple[EntryRow, ...]
    extensions: tuple[ExtensionRow, ...]


def _case_rows(s: Session, where) -> list[CaseRow]:
    dep = aliased(Department)
    q = (select(Dispatch, Event.title, Event.kind, Event.sub_kind, Event.version, Grid.name, Community.name,
                dep.short_name)
         .join(Event, Event.id == Dispatch.event_id).join(dep, dep.id == Dispatch.department_id)
         .outerjoin(Grid, Grid.id == Dispatch.grid_id).outerjoin(Community, Community.id == Dispatch.community_id)
         .where(*where).order_by(Dispatch.dispatched_at.desc(), Dispatch.id.desc()))
    found = s.execute(q).all()
    ids = [r[0].id for r in found]
    assist: dict[int, list[str]] = {}
    pending: dict[int, int] = {}
    if ids:
        for did, short in s.execute(select(DispatchParty.dispatch_id, Department.short_name)
                                    .join(Department, Department.id == DispatchParty.department_id)
                                    .where(DispatchParty.dispatch_id.in_(ids), DispatchParty.role == "assist")
                                    .order_by(DispatchParty.id)):
            assist.setdefault(did, []).append(short)
        for xid, did in s.execute(select(Extension.id, Extension.dispatch_id)
                                  .where(Extension.dispatch_id.in_(ids), Extension.state == "requested")):
            pending[did] = xid
    return [CaseRow(d.id, d.event_id, title, kind_name(kind, sub), grid or "", comm or "", d.department_id, short,
                    tuple(assist.get(d.id, ())), d.state, d.dispatched_at, d.dispatched_name, d.accept_by,
                    d.deadline_at, d.accepted_at, d.returned_at, d.return_reason, d.urgent, d.supervision, d.rounds,
                    d.reopened, pending.get(d.id), ev_version, d.version, d.active)
            for d, title, kind, sub, ev_version, grid, comm, short in found]


def _department_filter(ctx: Context, department_id: int | None):
    if is_liaison(ctx.actor):
        if ctx.actor.department_id is None:
            raise PermissionDenied("联络员账号未关联部门 (liaison account has no department)")
        if department_id is not None and department_id != ctx.actor.department_id:
            raise PermissionDenied("只能查看本部门的案件 (own department only)")
        department_id = ctx.actor.department_id
    if department_id is None:
        return None
    return department_cases(department_id)


def department_cases(department_id: int):
    """The dispatches a department is on: as the lead or as an assisting department."""
    mine = select(DispatchParty.dispatch_id).where(DispatchParty.department_id == department_id)
    return or_(Dispatch.department_id == department_id, Dispatch.id.in_(mine))


RECENT_DAYS = 7


def open_or_recent(now: datetime, recent_days: int = RECENT_DAYS):
    """What a department's inbox shows: the event's current case while open, and any case of the last days."""
    since = now - timedelta(days=recent_days)
    return or_(and_(Dispatch.active, Dispatch.state.in_(OPEN_STATES)), Dispatch.dispatched_at >= since)


def inbox(ctx: Context, department_id: int | None = None, *, include_done: bool = False,
          recent_days: int = RECENT_DAYS) -> tuple[CaseRow, ...]:
    """A department's cases: open ones (the event's current case, not yet closed), plus those
    re-routed away, taken back or closed in the last days."""
    require(ctx.actor, "dispatch.read")
    where = []
    f = _department_filter(ctx, department_id)
    if f is not None:
        where.append(f)
    if not include_done:
        where.append(open_or_recent(ctx.clock.now(), recent_days))
    with ctx.read() as s:
        return tuple(_case_rows(s, where + _grid_filter(s, ctx)))


def _grid_filter(s: Session, ctx: Context) -> list:
    """Grid staff: the cases of their own grids (they verify on the spot where they work)."""
    grids = grid_scope(s, ctx.actor)
    return [] if grids is None else [Event.grid_id.in_(grids)]


def supervision_list(ctx: Context) -> tuple[CaseRow, ...]:
    """For leaders: open cases not accepted in time, past their deadline, or returned and waiting."""
    require(ctx.actor, "dispatch.read")
    if is_liaison(ctx.actor):
        raise PermissionDenied("督办清单仅供值班员和领导查看 (supervision list is for duty staff and leaders)")
    now = ctx.clock.now()
    where = [Dispatch.active, or_(
        Dispatch.state == "returned",
        (Dispatch.state == "sent") & (Dispatch.accept_by < now),
        Dispatch.state.in_(("sent", "accepted")) & (Dispatch.deadline_at < now))]
    with ctx.read() as s:
        return tuple(_case_rows(s, where + _grid_filter(s, ctx)))


def case_detail(ctx: Context, dispatch_id: int) -> CaseDetail:
    require(ctx.actor, "dispatch.read")
    with ctx.read() as s:
        rows = _case_rows(s, [Dispatch.id == dispatch_id])
        if not rows:
            raise NotFound(f"派单 #{dispatch_id} 不存在 (no such dispatch)")
        if is_liaison(ctx.actor):
            parties = set(s.scalars(select(DispatchParty.department_id).where(DispatchParty.dispatch_id == dispatch_id)))
            if ctx.actor.department_id not in parties:
                raise PermissionDenied("只能查看本部门的案件 (own department only)")
        d = s.get(Dispatch, dispatch_id)
        e = s.get(Event, d.event_id)
        require_grid(s, ctx.actor, e.grid_id)
        names = {i: n for i, n in s.execute(select(Department.id, Department.short_name))}
        entries = tuple(EntryRow(x.at, x.kind, ENTRY_KINDS.get(x.kind, x.kind), names.get(x.department_id, ""),
                                 x.outcome, x.round, x.text, tuple(json.loads(x.attachments or "[]")), x.actor_name)
                        for x in s.scalars(select(DispatchEntry).where(DispatchEntry.dispatch_id == dispatch_id)
                                           .order_by(DispatchEntry.at, DispatchEntry.id)))
        exts = tuple(ExtensionRow(x.id, x.requested_at, x.requested_by, x.hours, x.reason, x.state,
                                  EXTENSION_STATES.get(x.state, x.state), x.decided_by, x.decision_note)
                     for x in s.scalars(select(Extension).where(Extension.dispatch_id == dispatch_id)
                                        .order_by(Extension.id)))
        return CaseDetail(rows[0], e.description, e.address, d.instructions, d.routing_reason, d.overridden,
                          d.override_reason, d.satisfaction, entries, exts)


def event_dispatches(ctx: Context, event_id: int) -> tuple[CaseRow, ...]:
    """Every dispatch of one event, newest first (the board's event dialog can show them)."""
    require(ctx.actor, "dispatch.read")
    where = [Dispatch.event_id == event_id]
    f = _department_filter(ctx, None)
    if f is not None:
        where.append(f)
    with ctx.read() as s:
        return tuple(_case_rows(s, where))
