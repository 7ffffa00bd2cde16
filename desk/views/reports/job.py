"""A report made off the UI thread: progress 0..100 and a cancel that stops it at the next step."""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from desk.views.workers import run_in_pool


class ReportJob(QObject):
    """Runs ``work(progress, cancelled)`` on the pool; ``done``/``failed`` arrive on the UI thread."""

    progress = Signal(int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int], None], Callable[[], bool]], Any], parent: QObject):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._work = work
        self.finished = False

    def start(self) -> None:
        run_in_pool(lambda: self._work(self.progress.emit, self._cancel.is_set), self._ok, self._err, self)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _ok(self, value) -> None:
        self.finished = True
        self.done.emit(value)

    def _err(self, exc) -> None:
        self.finished = True
        self.failed.emit(exc)
