"""Named change topics: which tables' change records concern which part of the desk.

Screens ask ``concerns(changes, "board")`` rather than listing table names themselves; an area
that adds a table adds it to its topic here (meetings, registry, dashboard and reports add theirs
when they arrive). A 'resync' change concerns every topic.
"""
from __future__ import annotations

TOPICS: dict[str, frozenset[str]] = {
    # the live board: events, their steps, attachments, mediations and the deadline table
    "board": frozenset({"event", "event_step", "event_attachment", "mediation", "deadline_limit"}),
    "notices": frozenset({"board_notice"}),
    # dispatched cases (an event's own change can change its case rows too)
    "dispatch": frozenset({"dispatch", "dispatch_entry", "dispatch_party", "dispatch_extension", "event"}),
    "matters": frozenset({"matter"}),
    # the organisation: what the org browser, the board's choices and the map's panel show
    "org": frozenset({"street", "community", "grid", "staff", "police_beat", "beat_grid", "grid_member",
                      "department"}),
    "map": frozenset({"street", "community", "grid", "police_beat", "beat_grid"}),
    "grid_profile": frozenset({"street", "community", "grid", "police_beat", "beat_grid", "grid_member", "staff",
                               "household", "joint_defence_point", "visit", "special_care"}),
    "events_on_map": frozenset({"event"}),
    # the meeting routine: minutes, attendees, agenda, action items, trainings, patrols and drills
    "meetings": frozenset({"meeting", "meeting_attendee", "meeting_agenda_line", "action_item", "action_item_link",
                           "action_item_step", "routine_record"}),
    # the registry: people, houses, units, special populations and visits
    "registry": frozenset({"std_address", "house", "org_unit", "person", "care_level", "special_care", "visit",
                           "household"}),
    "accounts": frozenset({"user_account", "app_setting"}),
    "audit": frozenset({"audit_log"}),
    # the briefing sheets issued (the reports page's history)
    "report_history": frozenset({"report_issue"}),
    # the mutual evaluation (评价奖惩): its rounds, ratings and model grids, and what the data side counts
    "evaluation": frozenset({"evaluation_round", "evaluation_rating", "evaluation_model_grid", "grid", "staff",
                             "police_beat", "beat_grid", "grid_member"}),
}


def tables(*topics: str) -> frozenset[str]:
    """The tables of the given topics (an unknown topic is a programming error)."""
    out: set[str] = set()
    for t in topics:
        out |= TOPICS[t]
    return frozenset(out)


def concerns(changes, *topics: str) -> bool:
    """Whether a batch of change records concerns any of the topics (or asks for a resync)."""
    wanted = tables(*topics)
    return any(c.kind == "resync" or c.table in wanted for c in changes)
