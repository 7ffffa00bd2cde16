"""Routing (一网分流): which department should take an event. The matters list first (the matter
chosen, or the one whose keywords the text names); then what similar past events were sent to.
Every proposal carries its reason in words, e.g. "14件相似的以往案件派给了 市场监管"."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Matter
from desk.services.context import Context
from desk.services.dispatch.codes import HISTORY_SIZE
from desk.services.dispatch.matters import MatterRow, matter_rows
from desk.services.dispatch.similarity import Index
from desk.services.errors import NotFound
from desk.services.permissions import require


@dataclass(frozen=True)
class Candidate:
    department_id: int
    department: str
    similar: int          # similar past cases that went there


@dataclass(frozen=True)
class RouteProposal:
    event_id: int
    department_id: int | None
    department: str
    matter_id: int | None
    matter: str
    limit_hours: int | None
    assist_ids: tuple[int, ...]
    reason: str
    candidates: tuple[Candidate, ...]


def departments_by_short(s: Session) -> dict[str, int]:
    return {short: i for short, i in s.execute(select(Department.short_name, Department.id))}


def match_matter(matters: tuple[MatterRow, ...], kind: str, text: str) -> tuple[MatterRow | None, list[str]]:
    """The matter whose keywords the text names most (the event's kind breaks ties)."""
    best, best_hits, best_score = None, [], 0.0
    for m in matters:
        hits = [k for k in m.keywords if k and k in text]
        score = len(hits) + (0.5 if hits and kind in m.kinds else 0.0)
        if score > best_score:
            best, best_hits, best_score = m, hits, score
    return best, best_hits


def history(s: Session, exclude_event: int, limit: int = HISTORY_SIZE) -> list[tuple[int, str]]:
    """(lead department, text) of the last dispatched events that were not sent back."""
    rows = s.execute(
        select(Dispatch.department_id, Event.title, Event.description)
        .join(Event, Event.id == Dispatch.event_id)
        .where(Dispatch.state.not_in(("returned", "rerouted")), Dispatch.event_id != exclude_event)
        .order_by(Dispatch.dispatched_at.desc(), Dispatch.id.desc()).limit(limit)).all()
    return [(d, f"{t} {desc}") for d, t, desc in rows]


def similar_departments(s: Session, event_id: int, text: str, names: dict[int, str]) -> tuple[Candidate, ...]:
    past = history(s, event_id)
    if not past:
        return ()
    index = Index([t for _, t in past])
    votes = Counter(past[i][0] for i, _ in index.nearest(text))
    return tuple(Candidate(d, names.get(d, f"#{d}"), n) for d, n in votes.most_common())


def propose_route(ctx: Context, event_id: int, matter_id: int | None = None) -> RouteProposal:
    require(ctx.actor, "dispatch.read")
    with ctx.read() as s:
        e = s.get(Event, event_id)
        if e is None:
            raise NotFound(f"事件 #{event_id} 不存在 (no such event)")
        text = f"{e.title} {e.description}"
        ids = departments_by_short(s)
        names = {i: short for short, i in ids.items()}
        matters = matter_rows(s)
        hits: list[str] = []
        if matter_id is not None:
            m = s.get(Matter, matter_id)
            if m is None:
                raise NotFound(f"事项 #{matter_id} 不存在 (no such matter)")
            matter = next((r for r in matters if r.id == matter_id), None)
            if matter is None:
                from desk.services.dispatch.matters import to_row
                matter = to_row(m)
        else:
            matter, hits = match_matter(matters, e.kind, text)
        candidates = similar_departments(s, event_id, text, names)
    reasons = []
    dept_id = None
    if matter is not None and matter.department in ids:
        dept_id = ids[matter.department]
        how = "所选事项" if matter_id is not None else f"内容提到「{'、'.join(hits)}」"
        reasons.append(f"事项清单：{how} → {matter.name}，责任部门 {matter.department}")
    if candidates:
        top = candidates[0]
        if dept_id is None:
            dept_id = top.department_id
        reasons.append(f"{top.similar}件相似的以往案件派给了 {top.department}")
    if dept_id is None:
        reasons.append("事项清单和以往案件都没有可参考的部门，请值班员选择")
    assist = tuple(ids[a] for a in (matter.assist if matter else ()) if a in ids)
    return RouteProposal(event_id, dept_id, names.get(dept_id, "") if dept_id else "",
                         matter.id if matter else None, matter.name if matter else "",
                         matter.limit_hours if matter else None, assist, "；".join(reasons), candidates)
