"""Routing (一网分流): which department should take an event, as a ranked proposal with a confidence
in words (较有把握 / 仅供参考) and its reasons.

Two sources, blended so that neither silences the other:
- the matters list (事项清单): the matter chosen, or the matters whose keywords the text names;
- the street's own history (desk.services.dispatch.history): the nearest past cases and the words
  that speak for each department.
The matters list weighs as much as a well-filled history (a chosen matter three times as much);
history weighs by how much of it there is. Every department either source names is ranked."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models import Department, Dispatch, Event, Matter
from desk.services.context import Context
from desk.services.dispatch.codes import CONFIDENCE
from desk.services.dispatch.history import qualifies, rank_from_history
from desk.services.dispatch.learner import Ranking
from desk.services.dispatch.matters import MatterRow, matter_rows, to_row
from desk.services.dispatch.words import event_words
from desk.services.errors import NotFound
from desk.services.permissions import require

MATTER_WEIGHT = 1.0        # a keyword match of the matters list
CHOSEN_MATTER_WEIGHT = 3.0  # the matter the duty officer chose
HISTORY_HALF = 10          # with this many past cases, history weighs half as much as it can
SURE_SHARE, SURE_MARGIN, SURE_CASES = 0.6, 0.3, 20


@dataclass(frozen=True)
class PastCase:
    event_id: int
    title: str
    similarity: float


@dataclass(frozen=True)
class Candidate:
    department_id: int
    department: str
    similar: int                          # of the nearest past cases, how many went there
    share: float = 0.0                    # 0..1, the blend's share
    words: tuple[str, ...] = ()           # words of the text that past cases of this department share
    cases: tuple[PastCase, ...] = ()      # the nearest past cases that went there
    matter: str = ""                      # the matter of the list that names this department


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
    confidence: str = ""                  # 较有把握 / 仅供参考 ("" with no proposal)


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


def matter_votes(matters: tuple[MatterRow, ...], kind: str, text: str, ids: dict[str, int]
                 ) -> dict[int, tuple[float, MatterRow, list[str]]]:
    """Per department: the keyword score of its best-matching matter, that matter and the words."""
    votes: dict[int, tuple[float, MatterRow, list[str]]] = {}
    for m in matters:
        hits = [k for k in m.keywords if k and k in text]
        if not hits or m.department not in ids:
            continue
        score = len(hits) + (0.5 if kind in m.kinds else 0.0)
        dept = ids[m.department]
        if dept not in votes or score > votes[dept][0]:
            votes[dept] = (score, m, hits)
    return votes


def blend(matter: dict[int, float], matter_weight: float, history: Ranking) -> dict[int, float]:
    """Shares per department: the matters list's and history's shares, weighed. A department the
    list names but that never took one of the street's past cases counts the less the longer that
    history is (a tenth after 90 cases): it is ranked, but the street's own record leads."""
    w_hist = history.cases / (history.cases + HISTORY_HALF) if history.shares else 0.0
    total = sum(matter.values())
    w_matter = matter_weight if total > 0 else 0.0
    if w_hist + w_matter == 0:
        return {}
    listed = {d: v / total for d, v in matter.items()} if total else {}
    if matter_weight <= MATTER_WEIGHT:  # a chosen matter is not discounted
        untried = HISTORY_HALF / (HISTORY_HALF + history.cases)
        listed = {d: v * (1.0 if history.departments.get(d) else untried) for d, v in listed.items()}
    raw = {d: w_matter * listed.get(d, 0.0) + w_hist * history.shares.get(d, 0.0)
           for d in set(listed) | set(history.shares)}
    z = sum(raw.values()) or 1.0
    return {d: v / z for d, v in raw.items()}


def confidence(shares: dict[int, float], cases: int, chosen_matter: bool) -> str:
    """较有把握 when one department clearly leads and there is enough to go on; else 仅供参考."""
    if not shares:
        return ""
    top = sorted(shares.values(), reverse=True) + [0.0]
    sure = top[0] >= SURE_SHARE and top[0] - top[1] >= SURE_MARGIN and (chosen_matter or cases >= SURE_CASES)
    return CONFIDENCE["likely" if sure else "tentative"]


def ranked(shares: dict[int, float]) -> list[int]:
    return sorted(shares, key=lambda d: (-shares[d], d))


def _reason(p_dept: str, sure: str, share: float, chosen: Candidate | None, matter_hit: tuple | None,
            chosen_matter: bool, others: list[Candidate]) -> str:
    parts = []
    if matter_hit is not None:
        _score, m, hits = matter_hit
        how = "所选事项" if chosen_matter else f"内容提到「{'、'.join(hits)}」"
        parts.append(f"事项清单：{how} → {m.name}，责任部门 {m.department}")
    if chosen is not None and chosen.similar:
        cases = "、".join(f"#{c.event_id}「{c.title[:20]}」" for c in chosen.cases[:3])
        parts.append(f"{chosen.similar}件相似的以往案件派给了 {chosen.department}（{cases}）")
    if chosen is not None and chosen.words:
        parts.append(f"关键词：{'、'.join(chosen.words)}")
    head = f"{sure}：{p_dept} {share:.0%}"
    tail = "；其次：" + "、".join(f"{c.department} {c.share:.0%}" + (f"（{c.similar}件相似的以往案件）" if c.similar else "")
                                 for c in others[:2] if c.share >= 0.01) if others else ""
    tail = "" if tail == "；其次：" else tail
    return head + "（" + "；".join(parts) + "）" + tail if parts else head + tail


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
        chosen_row = None
        if matter_id is not None:
            m = s.get(Matter, matter_id)
            if m is None:
                raise NotFound(f"事项 #{matter_id} 不存在 (no such matter)")
            chosen_row = next((r for r in matters if r.id == matter_id), None) or to_row(m)
            votes = {ids[chosen_row.department]: (1.0, chosen_row, [])} if chosen_row.department in ids else {}
        else:
            votes = matter_votes(matters, e.kind, text, ids)
        history, titles = rank_from_history(s, ctx.db, event_words(e.title, e.description), exclude=event_id)
        returned = s.execute(select(Dispatch.department_id, Dispatch.return_reason).where(
            Dispatch.event_id == event_id, Dispatch.active, Dispatch.state == "returned")).first()
    shares = blend({d: v[0] for d, v in votes.items()},
                   CHOSEN_MATTER_WEIGHT if matter_id is not None else MATTER_WEIGHT, history)
    order = ranked(shares)
    candidates = []
    for d in order:
        mine = [n for n in history.neighbours if n.department_id == d]
        cases = tuple(PastCase(n.case_id, titles.get(n.case_id, ""), round(n.similarity, 3)) for n in mine)
        candidates.append(Candidate(d, names.get(d, f"#{d}"), len(mine), round(shares[d], 4),
                                    history.words.get(d, ()), cases, votes[d][1].name if d in votes else ""))
    if not candidates:
        return RouteProposal(event_id, None, "", None, "", None, (), "事项清单和以往案件都没有可参考的部门，请值班员选择",
                             (), "")
    named_by_return = ""
    if returned is not None and matter_id is None:
        candidates, named_by_return = _after_return(candidates, returned, ids)
    top = candidates[0]
    sure = confidence(shares, history.cases, matter_id is not None)
    hit = votes.get(top.department_id)
    matter = chosen_row if matter_id is not None else (hit[1] if hit else None)  # the officer's choice stays
    reason = _reason(top.department, sure, top.share, top, hit, matter_id is not None, candidates[1:])
    if hit is None and votes:  # the list names another department: say so, it is outweighed here
        _s, m, hits = max(votes.values(), key=lambda v: v[0])
        reason += f"；事项清单提到「{'、'.join(hits) or m.name}」→ {m.name}，责任部门 {m.department}"
    if named_by_return:
        reason = named_by_return + "；" + reason
    assist = tuple(ids[a] for a in (matter.assist if matter else ()) if a in ids)
    return RouteProposal(event_id, top.department_id, top.department, matter.id if matter else None,
                         matter.name if matter else "", matter.limit_hours if matter else None, assist, reason,
                         tuple(candidates), sure)


def _after_return(candidates: list[Candidate], returned, ids: dict[str, int]) -> tuple[list[Candidate], str]:
    """A returned case: the department that sent it back goes last, and a department its reason
    names ("不属于我们的事项：市场监管") goes first, said in the reason."""
    back_id, why = returned.department_id, returned.return_reason or ""
    hits = sorted(((why.find(short), -len(short), short, d) for short, d in ids.items()
                   if short and short in why and d != back_id))
    out = [c for c in candidates if c.department_id != back_id] + [c for c in candidates if c.department_id == back_id]
    if not hits:
        return out, ""
    _pos, _len, short, named = hits[0]
    first = next((c for c in out if c.department_id == named), None) or Candidate(named, short, 0, 0.0, (), (), "")
    back = next((short for short, d in ids.items() if d == back_id), "")
    said = f"退单原因指明 {short}" + (f"（{back} 退回：{why[:40]}）" if back else f"（退回：{why[:40]}）")
    return [first] + [c for c in out if c.department_id != named], said


WARM_AT = 5000  # a history this large is read into memory at sign-in, before the first proposal asks


def warm_routing(ctx: Context, at_least: int = WARM_AT) -> int:
    """Reads a large history into memory ahead of the first proposal (off the UI thread, at start);
    a small one is read by the first proposal in a moment. Returns the cases read (0: left for later)."""
    require(ctx.actor, "dispatch.read")
    with ctx.read() as s:
        n = s.scalar(select(func.count()).select_from(Event).where(qualifies())) or 0
        if n < at_least:
            return 0
        rank_from_history(s, ctx.db, [])
    return n
