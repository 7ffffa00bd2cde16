"""Do events and their department cases (dispatches) agree? Part of ``desk db check``.

The invariants (DOMAIN.md "Events and how they move"; desk.services.incidents.dispatch_link):

- an event has at most one current dispatch (``Dispatch.active``); joint handling (联办) is one dispatch
  with assisting departments (``DispatchParty``), never two current dispatches;
- an event waiting for, handled by or returned by a department (dispatched / handling / returned)
  has a current dispatch, and the current dispatch's state and the event's status go together:
  sent ↔ dispatched, accepted ↔ handling, returned ↔ returned, feedback ↔ feedback,
  verified ↔ verified, closed ↔ closed or called back; an event in any other status
  (reported, accepted, in the grid, reopened, merged, cancelled) has no current dispatch;
- the current dispatch's lead department is the department the event names, and an open event
  that is not with a department names none;
- a dispatch that is no longer current ended as re-routed, returned, withdrawn or closed;
- a dispatch's own dates agree with its state: accepted once it is past "sent" (and its lead
  department's acceptance is recorded), fed back (with a round) once it is past "accepted",
  returned with a reason, closed with a time; a pending extension request belongs to a current case
  still in the department's hands; the call-back's satisfaction is the event's;
- an event's own dates agree with its status (accepted, fed back, closed, called back), and
  ``is_open`` says whether its status is a closed one.

Each broken rule is one line naming the events (or dispatches) concerned, so that an administrator
can look them up; nothing is changed here.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Dispatch, DispatchParty, Event, Extension
from desk.services.incidents.codes import CLOSED_STATUSES, STATUSES

# current dispatch state -> the event statuses that go with it
EVENT_STATUS_OF_CASE = {
    "sent": {"dispatched"}, "accepted": {"handling"}, "returned": {"returned"}, "feedback": {"feedback"},
    "verified": {"verified"}, "closed": {"closed", "called_back"},
}
WITH_DEPARTMENT = frozenset({"dispatched", "handling", "returned"})
NOT_WITH_DEPARTMENT = frozenset({"reported", "accepted", "in_grid", "reopened"})
ENDED_CASE = frozenset({"rerouted", "returned", "withdrawn", "closed"})
OPEN_CASE = frozenset({"sent", "accepted", "feedback", "verified", "returned"})
SHOWN = 10


def _ids(ids, prefix: str = "事件") -> str:
    ids = sorted(set(ids))
    text = "、".join(f"#{i}" for i in ids[:SHOWN])
    return f"{prefix} {text}" + (f" 等 {len(ids)} 件" if len(ids) > SHOWN else "")


def event_dispatch_problems(s: Session, event_ids: Collection[int] | None = None) -> list[str]:
    """Every broken invariant between events and dispatches, in words ([] when they agree).
    ``event_ids`` limits the check to those events and their dispatches (default: all)."""
    only = list(event_ids) if event_ids is not None else None
    # Imported history cases were handled elsewhere: closed, with a department and no dispatch here.
    eq = select(Event.id, Event.status, Event.is_open, Event.department_id, Event.accepted_at, Event.feedback_at,
                Event.closed_at, Event.satisfaction).where(Event.history.is_(False))
    dq = select(Dispatch.id, Dispatch.event_id, Dispatch.state, Dispatch.active, Dispatch.department_id,
                Dispatch.accepted_at, Dispatch.returned_at, Dispatch.return_reason, Dispatch.rounds,
                Dispatch.feedback_at, Dispatch.last_feedback_at, Dispatch.closed_at, Dispatch.satisfaction)
    pq = (select(DispatchParty.dispatch_id, DispatchParty.department_id, DispatchParty.accepted_at)
          .where(DispatchParty.role == "lead"))
    xq = select(Extension.id, Extension.dispatch_id).where(Extension.state == "requested")
    if only is not None:
        mine = select(Dispatch.id).where(Dispatch.event_id.in_(only))
        eq, dq = eq.where(Event.id.in_(only)), dq.where(Dispatch.event_id.in_(only))
        pq, xq = pq.where(DispatchParty.dispatch_id.in_(mine)), xq.where(Extension.dispatch_id.in_(mine))
    events = {r.id: r for r in s.execute(eq)}
    cases = s.execute(dq).all()
    leads: dict[int, list] = defaultdict(list)
    for r in s.execute(pq):
        leads[r.dispatch_id].append(r)
    pending = s.execute(xq).all()

    bad: dict[str, set[int]] = defaultdict(set)
    current: dict[int, list] = defaultdict(list)
    ever_sent: set[int] = set()
    by_id = {}
    for d in cases:
        by_id[d.id] = d
        ever_sent.add(d.event_id)
        if d.active:
            current[d.event_id].append(d)
        elif d.state not in ENDED_CASE:
            bad["ended_open"].add(d.id)
        _case_facts(d, leads.get(d.id, []), bad)
    for x in pending:
        d = by_id.get(x.dispatch_id)
        if d is None or not d.active or d.state not in ("sent", "accepted", "feedback"):
            bad["pending_extension"].add(x.dispatch_id)

    for eid, e in events.items():
        _event_facts(e, bad)
        mine = current.get(eid, [])
        if len(mine) > 1:
            bad["two_current"].add(eid)
        if not mine:
            if e.status in WITH_DEPARTMENT:
                bad["no_case" if eid in ever_sent else "legacy_no_case"].add(eid)
            elif e.is_open and e.department_id is not None and e.status in NOT_WITH_DEPARTMENT:
                bad["stale_department"].add(eid)
            continue
        d = mine[0]
        if d.state not in EVENT_STATUS_OF_CASE:
            bad["ended_current"].add(eid)
        elif e.status not in EVENT_STATUS_OF_CASE[d.state]:
            if not e.is_open and d.state in OPEN_CASE:
                bad["closed_with_open_case"].add(eid)
            else:
                bad["status_vs_case"].add(eid)
        if d.department_id != e.department_id:
            bad["department"].add(eid)
        if d.satisfaction is not None and d.satisfaction != e.satisfaction:
            bad["satisfaction"].add(eid)
    return [f"事件与派单不一致：{MESSAGES[k][0]} ({MESSAGES[k][1]})：{_ids(v, MESSAGES[k][2])}"
            for k, v in ((k, bad[k]) for k in MESSAGES) if v]


def _case_facts(d, leads: list, bad: dict[str, set[int]]) -> None:
    if d.state in ("accepted", "feedback", "verified", "closed") and d.accepted_at is None:
        bad["case_not_accepted"].add(d.id)
    if d.state == "sent" and d.accepted_at is not None:
        bad["case_not_accepted"].add(d.id)
    if d.state in ("feedback", "verified", "closed") and (
            d.rounds < 1 or d.feedback_at is None or d.last_feedback_at is None):
        bad["case_no_feedback"].add(d.id)
    if (d.state == "closed") != (d.closed_at is not None) and d.active:
        bad["case_closed_at"].add(d.id)
    if d.state == "returned" and (d.returned_at is None or not d.return_reason):
        bad["case_returned_at"].add(d.id)
    if len(leads) != 1 or leads[0].department_id != d.department_id:
        bad["case_lead"].add(d.id)
    elif d.accepted_at is not None and leads[0].accepted_at is None:
        bad["case_lead"].add(d.id)


def _event_facts(e, bad: dict[str, set[int]]) -> None:
    if e.status not in STATUSES or e.is_open != (e.status not in CLOSED_STATUSES):
        bad["event_open_flag"].add(e.id)
    if e.status not in ("reported", "merged", "cancelled") and e.accepted_at is None:
        bad["event_dates"].add(e.id)
    if e.status in ("feedback", "verified", "closed", "called_back") and e.feedback_at is None:
        bad["event_dates"].add(e.id)
    if e.status in ("closed", "called_back") and e.closed_at is None:
        bad["event_dates"].add(e.id)
    if e.status == "called_back" and e.satisfaction is None:
        bad["event_dates"].add(e.id)


# key -> (Chinese, English, what the ids are)
MESSAGES = {
    "closed_with_open_case": ("已办结、撤销或合并的事件仍有未结束的派单，仍会出现在部门案件和督办清单中",
                              "a closed event still has an open current dispatch", "事件"),
    "two_current": ("一个事件有多个当前派单", "more than one current dispatch for one event", "事件"),
    "no_case": ("事件处于派单、办理或退单状态，但没有当前派单", "event is with a department but has no current dispatch",
                "事件"),
    "legacy_no_case": ("事件处于派单、办理或退单状态，但从未有派单记录（派单功能之前的旧记录：请退单后重新派单或交网格处置）",
                       "event is with a department but was never dispatched through a dispatch record", "事件"),
    "status_vs_case": ("事件状态与当前派单的状态不符", "event status and current dispatch state disagree", "事件"),
    "ended_current": ("已改派或撤回的派单仍是当前派单", "a re-routed or withdrawn dispatch is still current", "事件"),
    "department": ("事件的承办部门与当前派单的承办部门不同", "event department differs from its current dispatch", "事件"),
    "stale_department": ("未派给部门的进行中事件仍记着承办部门", "open event not with a department still names one",
                         "事件"),
    "satisfaction": ("派单回访满意度与事件不同", "call-back satisfaction differs between dispatch and event", "事件"),
    "ended_open": ("非当前派单仍处于未结束状态", "a dispatch that is no longer current is still open", "派单"),
    "pending_extension": ("已不在部门办理中的派单仍有待审批的延期申请",
                          "pending extension request on a dispatch no longer in the department's hands", "派单"),
    "case_not_accepted": ("派单的签收时间与状态不符", "dispatch acceptance time disagrees with its state", "派单"),
    "case_no_feedback": ("派单已反馈但缺少反馈时间或轮次", "dispatch past feedback without a feedback time or round",
                         "派单"),
    "case_closed_at": ("派单的办结时间与状态不符", "dispatch closing time disagrees with its state", "派单"),
    "case_returned_at": ("已退单的派单缺少退单时间或原因", "returned dispatch without a return time or reason", "派单"),
    "case_lead": ("派单的承办部门记录不符（应有一个承办部门，签收后有签收时间）",
                  "dispatch lead department record disagrees", "派单"),
    "event_open_flag": ("事件的办结标记与状态不符", "event is_open disagrees with its status", "事件"),
    "event_dates": ("事件的受理、反馈、办结或回访记录与状态不符",
                    "event accepted/feedback/closed/call-back fields disagree with its status", "事件"),
}
