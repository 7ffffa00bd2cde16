"""Work off the UI thread: one serial worker for the database, a pool for long jobs,
and the live feed's listener. Results come back to the UI thread by signal.

Every exception raised by work on a worker is logged with its traceback where it happened (the
log file, desk.logfile); the caller's error callback then shows a plain message. Work submitted
without an error callback is reported through ``DbWorker.unhandled`` (the window shows it).
"""
from __future__ import annotations

import itertools
import logging
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from desk import logfile
from desk.services.errors import DeskError

log = logging.getLogger(__name__)


def log_failure(where: str, fn: Callable, exc: BaseException) -> None:
    """A refusal the program expects (a DeskError: bad input, no right, database away) at INFO,
    anything else at ERROR; both with the traceback."""
    name = getattr(fn, "__qualname__", None) or type(fn).__name__
    level = logging.INFO if isinstance(exc, DeskError) else logging.ERROR
    log.log(level, "%s job %s failed: %s", where, name, type(exc).__name__, exc_info=exc)


class _SerialWorker(QObject):
    done = Signal(int, object)
    failed = Signal(int, object, str)

    @Slot(int, object)
    def run(self, job_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to the caller's error callback
            log_failure("database", fn, exc)
            self.failed.emit(job_id, exc, traceback.format_exc())
            return
        self.done.emit(job_id, result)


class DbWorker(QObject):
    """Runs database calls one at a time on its own thread, in the order submitted."""

    _submit = Signal(int, object)
    busy_changed = Signal(bool)
    unhandled = Signal(object)  # an exception of work submitted without an error callback (already logged)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("desk-db")
        self._worker = _SerialWorker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job_id, fn)
        return job_id

    def _pop(self, job_id: int):
        cbs = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return cbs

    @Slot(int, object)
    def _on_done(self, job_id: int, result: Any) -> None:
        on_done, _ = self._pop(job_id)
        if on_done is not None:
            on_done(result)

    @Slot(int, object, str)
    def _on_failed(self, job_id: int, exc: Exception, tb: str) -> None:
        _, on_error = self._pop(job_id)
        if on_error is not None:
            on_error(exc)
        else:
            self.unhandled.emit(exc)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: "PoolSignals"):
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            self.signals.done.emit(self.fn())
        except Exception as exc:  # noqa: BLE001 - logged, then handed to the caller's error callback
            log_failure("background", self.fn, exc)
            self.signals.failed.emit(exc)


class PoolSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


def run_in_pool(fn: Callable[[], Any], on_done: Callable[[Any], None],
                on_error: Callable[[Exception], None], parent: QObject) -> PoolSignals:
    """Long work (reports, imports, map pages) on the global pool; callbacks on the UI thread."""
    signals = PoolSignals(parent)
    signals.done.connect(on_done)
    signals.failed.connect(on_error)
    signals.done.connect(signals.deleteLater)
    signals.failed.connect(signals.deleteLater)
    QThreadPool.globalInstance().start(_Task(fn, signals))
    return signals


class FeedListener(QThread):
    """Listens to the change feed on its own thread; reconnects by itself after a loss."""

    changes = Signal(object)        # list[Change]
    state = Signal(bool, str)       # connected?, detail

    def __init__(self, feed_factory: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("desk-feed")
        self._factory = feed_factory
        self._stop = False

    def run(self) -> None:
        feed = self._factory()
        backoff = 0.5
        connected = None
        while not self._stop:
            try:
                batch = feed.wait(0.5)
                if connected is not True:
                    connected, backoff = True, 0.5
                    self.state.emit(True, "")
                if batch:
                    self.changes.emit(batch)
            except Exception as exc:  # noqa: BLE001 - shown in the status bar, then retried
                if connected is not False:
                    log.warning("live feed lost: %s", logfile.summary(exc))
                    log.debug("live feed lost", exc_info=exc)
                    connected = False
                    self.state.emit(False, str(exc).splitlines()[0][:200])
                slept = 0.0
                while slept < backoff and not self._stop:
                    time.sleep(0.1)
                    slept += 0.1
                backoff = min(backoff * 2, 5.0)
        feed.close()

    def stop(self) -> None:
        self._stop = True
        self.wait(3000)
