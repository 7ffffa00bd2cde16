"""Searching events (open and closed) and pre-filling a form from a pasted message."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from desk.models import Event, Staff, StaffRole
from desk.models.org import grid_member
from desk.services import limits
from desk.services.context import Context
from desk.services.incidents import search
from desk.services.incidents.deadlines import load_limits
from desk.services.incidents.locate import gazetteer, grid_from_address
from desk.services.incidents.rows import EventRow, _query, to_row
from desk.services.incidents.wechat import POLICE_WORDS, URGENT_WORDS, Prefill, classify, parse_message
from desk.services.permissions import require

MAX_QUERY = limits.QUERY.max


def search_events(ctx: Context, query: str, *, include_closed: bool = False, limit: int = 200) -> tuple[EventRow, ...]:
    """Events whose title, description or address contain every word of ``query``, or whose
    pinyin initials match a Latin word. The words go to the database only as bound parameters."""
    require(ctx.actor, "board.read")
    words = [w for w in search.normalise(query)[:MAX_QUERY].split(" ") if w]
    if not words:
        return ()
    conds = []
    for w in words:
        pattern = search.like_pattern(w)
        text_hit = or_(Event.title.ilike(pattern, escape="\\"), Event.description.ilike(pattern, escape="\\"),
                       Event.address.ilike(pattern, escape="\\"))
        if search.is_initials_query(w):
            text_hit = or_(text_hit, Event.initials.like(search.loose_initials_pattern(w)))
        conds.append(text_hit)
    stmt = _query().where(and_(*conds))
    if not include_closed:
        stmt = stmt.where(Event.is_open.is_(True))
    stmt = stmt.order_by(Event.reported_at.desc(), Event.id.desc())
    out: list[EventRow] = []
    with ctx.read() as s:
        limits = load_limits(s)
        for r in s.execute(stmt.execution_options(yield_per=500)):
            row = to_row(*r, limits)
            if search.matches(search.normalise(query)[:MAX_QUERY], row.text, row.initials):
                out.append(row)
                if len(out) >= limit:
                    break
    return tuple(out)


def prefill_from_message(ctx: Context, text: str) -> Prefill:
    """The WeChat helper with the street's names; the building finds the grid where it can."""
    require(ctx.actor, "board.report")
    limits.require((limits.MESSAGE, text), message="消息无法识别 (the message cannot be read)")
    with ctx.read() as s:
        gaz = gazetteer(s)
        p = parse_message(text, ctx.clock.now(), gaz)
        if p.grid_id is None and p.community_id is not None:
            place = grid_from_address(s, p.address or text, gaz)
            if place is not None and place.grid_id is not None and place.community_id == p.community_id:
                from dataclasses import replace

                p = replace(p, grid_id=place.grid_id, grid_name=place.grid_name,
                            found=p.found + ("网格",))
    return p


@dataclass(frozen=True)
class TypedProposal:
    """What the desk proposes while a person types an event by hand (no pasted message): the kind
    from the words, police or not, the grid from the address and who takes a dispute first."""

    kind: str  # '' when the words name no kind
    sub_kind: str
    police: bool
    urgent: bool
    grid_id: int | None
    grid_name: str
    community_name: str
    first_handler: str  # a dispute's first level: the grid's full-time grid worker, by name


def propose_from_typing(ctx: Context, title: str, address: str, description: str = "") -> TypedProposal:
    require(ctx.actor, "board.report")
    text = " ".join(x.strip() for x in (title, description) if x and x.strip())[: limits.MESSAGE.max]
    kind, sub = classify(text) if text else ("other", "")
    flat = f"{text} {address or ''}"
    with ctx.read() as s:
        place = grid_from_address(s, (address or "").strip()[: limits.ADDRESS.max] or text, gazetteer(s))
        handler = ""
        if place is not None and place.grid_id is not None and kind == "dispute":
            handler = s.scalar(
                select(Staff.name).join(grid_member, grid_member.c.staff_id == Staff.id)
                .where(grid_member.c.grid_id == place.grid_id, Staff.role == StaffRole.FULLTIME_GRID_WORKER)
                .order_by(Staff.id).limit(1)) or ""
    return TypedProposal(
        "" if kind == "other" else kind, sub, any(w in flat for w in POLICE_WORDS) or kind == "public_order",
        any(w in flat for w in URGENT_WORDS), place.grid_id if place else None, place.grid_name if place else "",
        place.community_name if place else "", handler)
