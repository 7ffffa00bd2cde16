"""Which of an event's actions a person may take now, and why not: from the permission table and
the event's state (the services check both again). The event dialog offers the next step as its
main button and the rest in a menu; what a role may never do is not offered at all, what the
state does not allow yet is shown disabled with the reason as a tooltip."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desk.services.incidents import codes
from desk.services.incidents.lifecycle import PERMISSION_OF
from desk.services.permissions import allowed
from desk.services.unit import Actor
from desk.views.board import labels

# The permission each action of the event dialog needs (the dispatch dialog needs dispatch.send).
PERMISSION = {**PERMISSION_OF, "dispatch": "dispatch.send", "claim": "board.claim", "unclaim": "board.claim",
              "urgent": "board.act", "on_record": "board.act", "mediate": "board.mediate"}

# The order of the menu, grouped by step: take in, hand on, work, check and close, set aside.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("accept", "claim", "unclaim", "urgent"),
    ("dispatch", "handle_in_grid"),
    ("start", "return", "feedback", "mediate"),
    ("verify", "close", "call_back", "reopen"),
    ("on_record", "merge", "cancel"),
)
ALL = tuple(a for g in GROUPS for a in g)

# The next step of each state, in order of preference: the dialog's main button.
NEXT: dict[str, tuple[str, ...]] = {
    "reported": ("accept",), "accepted": ("dispatch", "handle_in_grid"), "in_grid": ("feedback",),
    "dispatched": ("start",), "handling": ("feedback",), "returned": ("dispatch", "handle_in_grid"),
    "reopened": ("dispatch", "handle_in_grid"), "feedback": ("verify",), "verified": ("close",),
    "closed": ("call_back",),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Board", text)


@dataclass(frozen=True)
class ActionState:
    action: str
    permitted: bool    # the person's role may take this action at all
    possible: bool     # the event's state allows it now
    reason: str = ""   # why it cannot be taken now (a tooltip)

    @property
    def enabled(self) -> bool:
        return self.permitted and self.possible


def permitted(actor: Actor, action: str) -> bool:
    return allowed(actor, PERMISSION[action])


def state_of(actor: Actor, action: str, row) -> ActionState:
    """``row``: the event's EventRow (status, kind, urgent, claimed_by, on_record_until)."""
    ok = permitted(actor, action)
    if not ok:
        return ActionState(action, False, False, _t("当前角色无权执行此操作"))
    closed = row.status in codes.CLOSED_STATUSES
    if getattr(row, "history", False):
        return ActionState(action, True, False, _t("历史件已在原系统办结，不再办理"))
    if action in codes.TRANSITIONS:
        sources = codes.TRANSITIONS[action][0]
        if row.status in sources:
            return ActionState(action, True, True)
        return ActionState(action, True, False, _t("事件当前为「%1」，可在以下状态%2：%3")
                           .replace("%1", labels.status(row.status)).replace("%2", labels.action(action))
                           .replace("%3", "、".join(labels.status(s) for s in codes.STATUSES if s in sources)))
    if closed:
        return ActionState(action, True, False, _t("事件已结束"))
    if action == "mediate" and row.kind != "dispute":
        return ActionState(action, True, False, _t("只有矛盾纠纷需要调解"))
    if action == "unclaim" and row.claimed_by is None:
        return ActionState(action, True, False, _t("事件尚未被认领"))
    if action == "claim" and row.claimed_by is not None:
        return ActionState(action, True, False, _t("事件已由 %1 认领").replace("%1", row.claimed_name or row.claimed_by))
    return ActionState(action, True, True)


def states(actor: Actor, row) -> dict[str, ActionState]:
    return {a: state_of(actor, a, row) for a in ALL}


def next_step(actor: Actor, row) -> str | None:
    """The action the dialog offers as its main button, or None when this person has no next step.
    A dispute goes to the grid first (the ladder's first rung is the grid worker), not to a department."""
    order = NEXT.get(row.status, ())
    if row.kind == "dispute" and row.status in ("accepted", "reopened"):
        order = ("handle_in_grid", "dispatch")
    for action in order:
        if state_of(actor, action, row).enabled:
            return action
    return None


def title(action: str, row) -> str:
    if action == "urgent" and row.urgent:
        return labels.action("not_urgent")
    if action == "on_record" and row.on_record_until is not None:
        return labels.action("off_record")
    return labels.action(action)
