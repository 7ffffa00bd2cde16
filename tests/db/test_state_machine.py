"""Random sequences of what the room does to events and their department cases, as the real roles
through the real services, on SQLite and PostgreSQL: after every step `desk db check`'s
event-and-dispatch rules find nothing, and every refused step changed nothing.

Steps: report, accept, every board move (handle in the grid, feedback, verify, close, call back,
reopen, cancel, merge, and the department's own steps tried on the board), send to a department
with assisting departments, re-route, the department's accept / return / feedback (by the lead,
an assisting department, another department or the duty officer), verification passed or failed,
close, call-back with or without reopening, extension requests and decisions, urge / supervise /
expedite, mediation, bulk merge as a duplicate, and time passing with the dispute ladder rising.
Actions aimed at old (ended) cases are drawn too. One database per engine; each example reports
its own events on it."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as s
from hypothesis.stateful import (
    RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test,
)
from sqlalchemy import func, select

from desk.models import AuditRecord, Dispatch, DispatchEntry, DispatchParty, Event, EventStep, Extension
from desk.clock import FixedClock
from desk.services import consistency, integrity
from desk.services.context import Context
from desk.services import dispatch as dsp
from desk.services import incidents as inc
from desk.services.dispatch.codes import VERIFY_OUTCOMES
from desk.services.errors import DeskError
from desk.services.incidents import codes
from tests.board_support import GRIDMAN, LEADER, WANG
from tests.conftest import MORNING
from tests.dispatch_support import grid_worker, street

DEPARTMENTS = ("消防", "城管", "物业", "人社")
TITLES = (("小区门口占道经营", "request"), ("消防通道堵塞", "fire_hazard"), ("邻居因漏水争吵", "dispute"),
          ("拖欠工资", "dispute"), ("路灯不亮", "request"))
WHO = ("lead", "lead", "lead", "duty", "assist", "other")  # mostly the department the case is with


def has_case(*states: str):
    """The rule is drawn only when some current case is in one of ``states``."""
    return precondition(lambda self: any(current and st in states for _, st, current in self.cases))


def has_event(*statuses: str):
    """The rule is drawn only when some event of the run is in one of ``statuses``."""
    return precondition(lambda self: any(st in statuses for st in self.status.values()))


class EventsAndCases(RuleBasedStateMachine):
    def __init__(self, ctx, st):
        super().__init__()
        self.clock = FixedClock(MORNING)  # each run starts on the same morning
        ctx = Context(db=ctx.db, settings=ctx.settings, clock=self.clock)
        self.ctx, self.st = ctx, st
        self.duty, self.leader, self.grid = ctx.as_actor(WANG), ctx.as_actor(LEADER), ctx.as_actor(GRIDMAN)
        self.verifier = grid_worker(ctx, st)  # a member of grid 1, where the events are
        self.events: list[int] = []
        self.kinds: dict[int, str] = {}
        self.status: dict[int, str] = {}                 # event -> status, as of the last step
        self.cases: list[tuple[int, str, bool]] = []      # (dispatch, state, current), as of the last step

    # --- helpers ---
    def _snapshot(self):
        with self.ctx.read() as q:
            counts = q.execute(select(*(select(func.count()).select_from(m).scalar_subquery()
                                        for m in (AuditRecord, EventStep, DispatchEntry, DispatchParty)))).one()
            events = q.execute(select(Event.id, Event.status, Event.version, Event.department_id)
                               .order_by(Event.id)).all()
            cases = q.execute(select(Dispatch.id, Dispatch.state, Dispatch.active, Dispatch.version)
                              .order_by(Dispatch.id)).all()
            ext = q.execute(select(Extension.id, Extension.state).order_by(Extension.id)).all()
        return counts, events, cases, ext

    def attempt(self, fn) -> None:
        """Do it; a refusal is fine (a person would be told why) but must change nothing."""
        before = self._snapshot()
        try:
            fn()
        except DeskError:
            assert self._snapshot() == before, "a refused step changed the database"

    def event(self, data, statuses=None, kind: str | None = None) -> int:
        """Mostly an event where the step makes sense, sometimes any (a refusal is a path too)."""
        pool = self.events
        if statuses is not None and data.draw(s.integers(0, 9), label="plausible?"):
            pool = [e for e in self.events if self.status.get(e) in statuses
                    and kind in (None, self.kinds[e])] or pool
        return data.draw(s.sampled_from(pool), label="event")

    def case(self, data, *states: str) -> Dispatch | None:
        """Mostly a current case in one of ``states``, sometimes any case of this run, ended ones too."""
        if not self.cases:
            return None
        fit = [i for i, state, current in self.cases if current and state in states]
        pool = fit if fit and data.draw(s.integers(0, 9), label="plausible?") else [i for i, _, _ in self.cases]
        with self.ctx.read() as q:
            d = q.get(Dispatch, data.draw(s.sampled_from(pool), label="case"))
            q.expunge(d)
        return d

    def liaison(self, data, d: Dispatch):
        who = data.draw(s.sampled_from(WHO), label="who")
        if who == "duty":
            return self.duty
        with self.ctx.read() as q:
            parties = dict(q.execute(select(DispatchParty.department_id, DispatchParty.role)
                                     .where(DispatchParty.dispatch_id == d.id)).all())
        names = {i: n for n, i in self.st.dept.items()}
        if who == "lead":
            dep = d.department_id
        elif who == "assist":
            dep = next((p for p, r in parties.items() if r == "assist"), d.department_id)
        else:
            dep = next(i for n, i in self.st.dept.items() if n in DEPARTMENTS and i not in parties)
        return self.ctx.as_actor(self.st.liaison(names[dep]))

    def department(self, data) -> int:
        return self.st.dept[data.draw(s.sampled_from(DEPARTMENTS), label="department")]

    # --- reporting and the board ---
    @initialize(data=s.data())
    def first(self, data):
        self._report(data)

    @precondition(lambda self: len(self.events) < 4)
    @rule(data=s.data())
    def report(self, data):
        self._report(data)

    def _report(self, data):
        title, kind = data.draw(s.sampled_from(TITLES), label="report")
        row = inc.report_event(self.duty, inc.NewEvent(title=title, kind=kind, source="phone",
                                                       grid_id=self.st.small.grid1))
        self.events.append(row.id)
        self.kinds[row.id] = kind
        if data.draw(s.integers(0, 4), label="accept at once"):
            self.attempt(lambda: inc.transition(self.duty, row.id, "accept"))

    @rule(data=s.data(), role=s.sampled_from(("duty", "duty", "duty", "grid", "leader")))
    def board_move(self, data, role):
        """A move pressed on the board: mostly one the event's status offers, sometimes any."""
        eid = data.draw(s.sampled_from(self.events), label="event")
        offered = [a for a, (allowed, _, _) in sorted(codes.TRANSITIONS.items()) if self.status.get(eid) in allowed]
        pool = offered if offered and data.draw(s.integers(0, 9), label="plausible?") else sorted(codes.TRANSITIONS)
        action = data.draw(s.sampled_from(pool), label="action")
        if action in ("merge", "cancel") and data.draw(s.integers(0, 2), label="not this time"):
            return  # duplicates and withdrawn reports are the exception; they end the run's events
        actor = {"duty": self.duty, "grid": self.grid, "leader": self.leader}[role]
        kw = dict(reason="现场情况有变", note="已处理", satisfaction=data.draw(
            s.sampled_from(sorted(codes.SATISFACTION)), label="satisfaction"),
            merged_into=data.draw(s.sampled_from(self.events), label="original"),
            department_id=self.department(data))
        if action == "merge":  # as the board does it: the selected rows closed as duplicates of one
            self.attempt(lambda: inc.bulk_close_duplicate(actor, [(eid, None)], kw["merged_into"]))
        else:
            self.attempt(lambda: inc.transition(actor, eid, action, **kw))

    @has_event("in_grid", "handling", "dispatched", "returned")
    @rule(data=s.data(), outcome=s.sampled_from(sorted(codes.OUTCOMES)))
    def mediate(self, data, outcome):
        eid = self.event(data, ("in_grid", "handling", "dispatched", "returned"), kind="dispute")
        self.attempt(lambda: inc.record_mediation(self.duty, eid, outcome=outcome, mediator="网格长"))

    @rule(minutes=s.sampled_from((5, 45, 300, 1500)))
    def time_passes(self, minutes):
        self.clock.advance(minutes=minutes)
        inc.escalate_overdue(self.duty)

    # --- the department case ---
    @has_event("accepted", "returned", "reopened", "in_grid")
    @rule(data=s.data(), assist=s.booleans())
    def send(self, data, assist):
        eid, dep = self.event(data, ("accepted", "returned", "reopened", "in_grid")), self.department(data)
        helpers = [self.department(data)] if assist else []
        self.attempt(lambda: dsp.dispatch_event(self.duty, eid, dep, assist_ids=helpers,
                                                override_reason="值班员判断"))

    @has_case("returned", "sent", "accepted")
    @rule(data=s.data())
    def reroute(self, data):
        d = self.case(data, "returned", "sent", "accepted")
        if d is not None and (d.state == "returned" or not data.draw(s.integers(0, 2), label="not this time")):
            dep = self.department(data)
            self.attempt(lambda: dsp.reroute(self.duty, d.id, dep, "按退单意见改派"))

    @has_case("sent")
    @rule(data=s.data())
    def department_accepts(self, data):
        d = self.case(data, "sent")
        if d is not None:
            who = self.liaison(data, d)
            self.attempt(lambda: dsp.accept(who, d.id))

    @has_case("sent", "accepted")
    @rule(data=s.data())
    def department_returns(self, data):
        d = self.case(data, "sent", "accepted")
        if d is not None and not data.draw(s.integers(0, 2), label="not this time"):  # most cases are kept
            who = self.liaison(data, d)
            self.attempt(lambda: dsp.return_case(who, d.id, "不属于本部门职责"))

    @has_case("accepted")
    @rule(data=s.data())
    def department_feeds_back(self, data):
        d = self.case(data, "accepted")
        if d is not None:
            who = self.liaison(data, d)
            self.attempt(lambda: dsp.feedback(who, d.id, "已到现场处置完毕"))

    @has_case("feedback")
    @rule(data=s.data(), outcome=s.sampled_from(["passed"] * 3 + sorted(set(VERIFY_OUTCOMES) - {"passed"})))
    def verify(self, data, outcome):
        d = self.case(data, "feedback")
        if d is not None:
            self.attempt(lambda: dsp.verify(self.verifier, d.id, outcome, "现场查看"))

    @has_case("verified")
    @rule(data=s.data())
    def close(self, data):
        d = self.case(data, "verified")
        if d is not None:
            self.attempt(lambda: dsp.close(self.duty, d.id))

    @has_case("closed")
    @rule(data=s.data(), satisfaction=s.sampled_from(("satisfied", "basic", "unsatisfied")), reopen=s.booleans())
    def call_back(self, data, satisfaction, reopen):
        d = self.case(data, "closed")
        if d is not None:
            self.attempt(lambda: dsp.call_back(self.duty, d.id, satisfaction, "群众意见", reopen=reopen))

    @has_case("sent", "accepted", "returned")
    @rule(data=s.data(), how=s.sampled_from(("extension", "urge", "supervise", "expedite", "instruct")),
          approve=s.sampled_from((True, False, None)))
    def chase(self, data, how, approve):
        """Extension requests and decisions, urges, supervision, expediting, instructions."""
        d = self.case(data, "sent", "accepted", "returned")
        if how == "extension":
            who = self.liaison(data, d)
            self.attempt(lambda: dsp.request_extension(who, d.id, 24, "需协调多方"))
            with self.ctx.read() as q:
                pending = q.scalars(select(Extension.id).where(Extension.dispatch_id == d.id,
                                                               Extension.state == "requested")).all()
            for xid in pending if approve is not None else ():  # None: the leader has not decided yet
                self.attempt(lambda: dsp.decide_extension(self.leader, xid, approve))
            return
        fn = {"urge": lambda: dsp.urge(self.duty, d.id),
              "supervise": lambda: dsp.supervise(self.leader, d.id, 3, "限期办结"),
              "expedite": lambda: dsp.expedite(self.duty, d.id),
              "instruct": lambda: dsp.instruct(self.leader, d.id, "抓紧办理")}[how]
        self.attempt(fn)

    # --- what must hold after every step ---
    @invariant()
    def events_and_cases_agree(self):
        with self.ctx.read() as q:  # this run's events: a failing run does not spill into the next one
            assert consistency.event_dispatch_problems(q, self.events) == []
            self.status = dict(q.execute(select(Event.id, Event.status).where(Event.id.in_(self.events))).all())
            self.cases = [tuple(r) for r in q.execute(
                select(Dispatch.id, Dispatch.state, Dispatch.active)
                .where(Dispatch.event_id.in_(self.events)).order_by(Dispatch.id))]


def test_random_days_in_the_room_keep_events_and_their_department_cases_in_step(ctx):
    st = street(ctx)
    examples = 25 if ctx.db.sqlite else 12  # each step costs more round trips on PostgreSQL
    examples = int(os.environ.get("DESK_STATE_MACHINE_EXAMPLES", examples))  # a longer hunt on demand
    run_state_machine_as_test(
        lambda: EventsAndCases(ctx, st),
        settings=settings(max_examples=examples, stateful_step_count=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    assert integrity.problems(ctx) == []  # the whole database afterwards, audit chain included
