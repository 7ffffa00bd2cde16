"""The dispatch area (issue 4): the matters list and admission, routing, dispatch with lead and
assisting departments, the department's handling, verification/closure/call-back, oversight
(urge, supervision, instructions, expediting), rows for screens, and the figures.

It moves events only through the board's lifecycle (desk.services.incidents.lifecycle.transition),
except the one move that lifecycle lacks (a failed verification: feedback → handling), see common.py."""
from desk.services.dispatch.choices import DispatchChoices, dispatch_choices, dispatch_choices_departments
from desk.services.dispatch.closing import call_back, close, verify
from desk.services.dispatch.handling import accept, decide_extension, feedback, request_extension, return_case
from desk.services.dispatch.matters import MatterRow, decide_matter, edit_matter, list_matters, propose_matter
from desk.services.dispatch.oversight import expedite, instruct, supervise, urge
from desk.services.dispatch.routing import RouteProposal, propose_route, warm_routing
from desk.services.dispatch.rows import (
    CaseDetail, CaseRow, case_detail, event_dispatches, inbox, supervision_list,
)
from desk.services.dispatch.send import dispatch_event, reroute

DISPATCH_TABLES = ("dispatch", "dispatch_entry", "dispatch_party", "dispatch_extension", "matter")

__all__ = [
    "DISPATCH_TABLES", "CaseDetail", "CaseRow", "DispatchChoices", "dispatch_choices", "dispatch_choices_departments", "MatterRow", "RouteProposal", "accept", "call_back",
    "case_detail", "close", "decide_extension", "decide_matter", "dispatch_event", "edit_matter",
    "event_dispatches", "expedite", "feedback", "inbox", "instruct", "list_matters", "propose_matter",
    "propose_route", "request_extension", "reroute", "return_case", "supervise", "supervision_list", "urge",
    "verify", "warm_routing",
]
