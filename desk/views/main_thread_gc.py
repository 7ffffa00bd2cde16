"""Garbage collection on the UI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed. When that is the database worker or a pool thread, it may free Qt wrappers that belong
to the UI thread, and Qt crashes (a segmentation fault inside "Garbage-collecting", seen in CI).
So automatic collection is switched off and the UI thread collects, generation by generation,
on a timer, with the thresholds Python itself would have used.

pyqtgraph ships the same idea (pyqtgraph.util.garbage_collector); it is not used here because
importing it pulls in all of pyqtgraph and numpy, about 0.3 s of every start.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


def collect_due() -> int:
    """Collect the generations whose thresholds are crossed; returns the objects found unreachable."""
    t0, t1, t2 = gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    found = 0
    if c0 > t0:
        found += gc.collect(0)
        if c1 > t1:
            found += gc.collect(1)
            if c2 > t2:
                found += gc.collect(2)
    return found


class MainThreadCollector(QObject):
    """Owns the timer; while it lives, automatic collection stays off."""

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setObjectName("desk-gc")
        self._timer.timeout.connect(collect_due)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def install(app: QObject, interval_ms: int = 1000) -> MainThreadCollector:
    """Parent the collector to the application so that it lives as long as the program."""
    return MainThreadCollector(interval_ms, app)
