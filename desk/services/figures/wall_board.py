"""The live board for the big screen (大屏模式): what the duty board shows, made for a projector and
with nothing personal in it. Counts of the open events by status (the board's own counts), today's
new and closed events, and the events that need attention — urgent, overdue or escalated up the
dispute ladder — and what falls due next, each by number, kind, grid and community, how late (or
when due) and whose turn it is (the department, the grid or the duty seat, never a person).

No titles, descriptions, addresses, callers' names, phones or ID numbers leave this module: the
values it returns have no field that could hold one. Codes, not words: the screen names them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from desk.models import Event
from desk.services.context import Context
from desk.services.figures.board import BoardCounts, board_counts
from desk.services.figures.events import UNPLACED
from desk.services.figures.periods import day, local_today
from desk.services.incidents.rows import EventRow, open_events
from desk.services.permissions import require

LIST_LIMIT = 40      # rows of each list handed to the screen (it shows what fits)
ESCALATED_LEVEL = 2  # a dispute at the grid leader's level or above has risen at least once


@dataclass(frozen=True)
class WallEvent:
    """One open event as the wall lists it. ``due_at``: overdue since (in the past) or due (ahead)."""

    id: int
    kind: str
    sub_kind: str
    grid_name: str
    community_name: str
    status: str
    stage: str | None          # accept, handle, verify (the clock that runs)
    department_name: str       # the department holding it, "" when none
    urgent: bool
    overdue: bool
    on_record: bool            # 挂账: put on record until a review date
    ladder_level: int
    due_at: datetime | None

    @property
    def assignee_name(self) -> str:
        """Never a person on the wall: whose turn it is names the grid or the department."""
        return ""

    @property
    def escalated(self) -> bool:
        return self.kind == "dispute" and self.ladder_level >= ESCALATED_LEVEL


@dataclass(frozen=True)
class WallBoard:
    generated_at: datetime
    counts: BoardCounts                  # open events: per status, overdue (red), warned (yellow), urgent
    reported_today: int
    closed_today: int
    escalated: int                       # open disputes risen up the ladder
    attention: tuple[WallEvent, ...]     # overdue (longest first), then urgent or escalated (soonest due first)
    attention_total: int
    next_due: tuple[WallEvent, ...]      # not yet overdue, soonest due first
    next_due_total: int


def due_at(row: EventRow) -> datetime | None:
    """When the event is (or was) due: its stage's red limit, or the dispute level's when that comes
    first; an event on record (挂账) is due at its review date."""
    if row.on_record_until is not None:
        return row.on_record_until
    times = [t for t in (row.red_at, row.ladder_due_at) if t is not None]
    return min(times) if times else None


def wall_event(row: EventRow, now: datetime) -> WallEvent:
    state = row.deadline(now)
    return WallEvent(row.id, row.kind, row.sub_kind, row.grid_name or UNPLACED, row.community_name, row.status,
                     row.stage, row.department_name, bool(row.urgent), state == "red", state == "on_record",
                     row.ladder_level if row.kind == "dispute" else 0, due_at(row))


def _attention_order(e: WallEvent, now: datetime):
    if e.overdue:
        return (0, e.due_at or now, e.id)
    return (1, e.due_at or datetime.max.replace(tzinfo=now.tzinfo), e.id)


def board_for_wall(rows: tuple[EventRow, ...], now: datetime, reported_today: int, closed_today: int,
                   limit: int = LIST_LIMIT) -> WallBoard:
    """The wall's board from the board's own rows at ``now`` (pure: the tests feed it rows)."""
    events = [wall_event(r, now) for r in rows]
    attention = sorted((e for e in events if e.overdue or e.urgent or e.escalated),
                       key=lambda e: _attention_order(e, now))
    upcoming = sorted((e for e in events if not e.overdue and not e.on_record and e.due_at is not None
                       and e.due_at > now), key=lambda e: (e.due_at, e.id))
    return WallBoard(now, board_counts(rows, now), reported_today, closed_today,
                     sum(e.escalated for e in events), tuple(attention[:limit]), len(attention),
                     tuple(upcoming[:limit]), len(upcoming))


def wall_board(ctx: Context, limit: int = LIST_LIMIT) -> WallBoard:
    """The board for the big screen, now (the dashboard's readers: duty staff and leaders)."""
    require(ctx.actor, "dashboard.read")
    now = ctx.clock.now()
    rows = open_events(ctx)
    start, end = day(local_today(now)).bounds()
    with ctx.read() as s:
        reported = s.scalar(select(func.count()).select_from(Event).where(
            Event.reported_at >= start, Event.reported_at < end, Event.status.not_in(("merged", "cancelled")),
            Event.history.is_(False)))
        closed = s.scalar(select(func.count()).select_from(Event).where(
            Event.closed_at >= start, Event.closed_at < end, Event.status.in_(("closed", "called_back")),
            Event.history.is_(False)))
    return board_for_wall(rows, now, int(reported or 0), int(closed or 0), limit)


@dataclass(frozen=True)
class WallPoint:
    """An open event on the wall's map: an anonymous dot (where, how urgent, whether overdue)."""

    lat: float
    lon: float
    urgent: bool
    overdue: bool


@dataclass(frozen=True)
class WallMap:
    generated_at: datetime
    open_by_grid: tuple[tuple[int, int], ...]      # (grid id, open events)
    overdue_by_grid: tuple[tuple[int, int], ...]   # (grid id, overdue events)
    points: tuple[WallPoint, ...]


def wall_map(ctx: Context) -> WallMap:
    """Open and overdue events per grid and as anonymous dots, for the wall's grid map."""
    from desk.services.incidents.points import open_event_points

    require(ctx.actor, "dashboard.read")
    points = open_event_points(ctx)
    opened: dict[int, int] = {}
    late: dict[int, int] = {}
    for p in points:
        if p.grid_id is not None:
            opened[p.grid_id] = opened.get(p.grid_id, 0) + 1
            if p.overdue:
                late[p.grid_id] = late.get(p.grid_id, 0) + 1
    return WallMap(ctx.clock.now(), tuple(sorted(opened.items())), tuple(sorted(late.items())),
                   tuple(WallPoint(round(p.lat, 5), round(p.lon, 5), p.urgent, p.overdue) for p in points))
