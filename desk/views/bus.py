"""The one application-level signal that tells every screen what changed."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)   # list[desk.services.unit.Change]; a 'resync' change means reload all
    feed_state = Signal(bool, str)
    db_state = Signal(bool, str)
    problem = Signal(str)      # a background read or write failed: said in the status bar, and logged

