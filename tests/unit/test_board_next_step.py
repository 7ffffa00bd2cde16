"""The event dialog's main button: the next step of the event for this person. A dispute, once accepted, goes to
the grid worker first (the ladder's first rung), other events to a department."""
from __future__ import annotations

from types import SimpleNamespace

from desk.services.unit import Actor
from desk.views.board.actions import next_step

DUTY = Actor("wangli", "王丽", role="duty_staff", seat="seat-1")


def row(status: str, kind: str):
    return SimpleNamespace(status=status, kind=kind, history=False, claimed_by=None, claimed_name=None,
                           on_record_until=None, urgent=False)


def test_an_accepted_dispute_goes_to_the_grid_first():
    assert next_step(DUTY, row("accepted", "dispute")) == "handle_in_grid"
    assert next_step(DUTY, row("reopened", "dispute")) == "handle_in_grid"


def test_other_accepted_events_and_a_returned_dispute_are_dispatched():
    assert next_step(DUTY, row("accepted", "fire_hazard")) == "dispatch"
    assert next_step(DUTY, row("returned", "dispute")) == "dispatch"
    assert next_step(DUTY, row("reported", "dispute")) == "accept"
