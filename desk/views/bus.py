"""The one application-level signal that tells every screen what changed."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)   # list[desk.services.unit.Change]; a 'resync' change means reload all
    feed_state = Signal(bool, str)
    db_state = Signal(bool, str)
    problem = Signal(str)      # a background read or write failed: said in the status bar, and logged


def touches(changes, *tables: str) -> bool:
    """Whether a batch of changes concerns any of the given tables (or asks for a resync).
    Screens use named topics instead: ``desk.services.topics.concerns(changes, "board")``."""
    return any(c.table in tables or c.kind == "resync" for c in changes)
