"""What the dispatch dialog needs in one read: the event, the routing proposal, the departments
and the admitted matters."""
from __future__ import annotations

from dataclasses import dataclass

from desk.services import org
from desk.services.context import Context
from desk.services.dispatch.matters import MatterRow, matter_rows
from desk.services.dispatch.routing import RouteProposal, propose_route
from desk.services.incidents.rows import EventRow, event_row
from desk.services.permissions import require


@dataclass(frozen=True)
class DispatchChoices:
    event: EventRow
    proposal: RouteProposal
    departments: tuple[tuple[int, str, str], ...]  # id, short name, full name
    matters: tuple[MatterRow, ...]


def dispatch_choices(ctx: Context, event_id: int, matter_id: int | None = None) -> DispatchChoices:
    require(ctx.actor, "dispatch.read")
    event = event_row(ctx, event_id)
    proposal = propose_route(ctx, event_id, matter_id)
    with ctx.read() as s:
        deps = tuple((d.id, d.short_name, d.name) for d in org.departments(s))
        matters = matter_rows(s)
    return DispatchChoices(event, proposal, deps, matters)


def dispatch_choices_departments(ctx: Context) -> tuple[tuple[int, str], ...]:
    """(id, short name) of every department, for the inbox's department selector."""
    require(ctx.actor, "dispatch.read")
    with ctx.read() as s:
        return tuple((d.id, d.short_name) for d in org.departments(s))
