"""How screens reach the services: reads and writes on the serial database worker,
with each write's change records broadcast on the bus when it commits."""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject
from shiboken6 import isValid

from desk.services.context import Context
from desk.services import audit_log
from desk.services.errors import DatabaseError, PermissionDenied
from desk.views.bus import ChangeBus
from desk.views.workers import DbWorker


log = logging.getLogger(__name__)


class Backend(QObject):
    def __init__(self, ctx: Context, worker: DbWorker, bus: ChangeBus, parent=None):
        super().__init__(parent)
        self.ctx, self.worker, self.bus = ctx, worker, bus
        self._db_ok = True

    def read(self, fn: Callable[[Context], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None) -> None:
        ctx = self.ctx
        self.worker.submit(lambda: fn(ctx), self._ok(on_done), self._err(on_error))

    def write(self, fn: Callable[[Context], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Run ``fn`` on a collecting context; on success broadcast what it changed."""
        ctx = self.ctx.collecting()

        def done(value):
            if ctx.collector:
                self.bus.changed.emit(list(ctx.collector))
            if on_done is not None:
                _deliver(on_done, value)

        self.worker.submit(lambda: fn(ctx), self._ok(done), self._err(on_error))

    def failed(self, what: str) -> Callable[[Exception], None]:
        """An error callback for work the person did not ask for directly (a refresh, a timer):
        logged with its trace and said in the status bar, never swallowed."""
        def report(exc: Exception) -> None:
            log.warning("%s failed: %s", what, exc, exc_info=exc)
            first = (str(exc).splitlines() or [exc.__class__.__name__])[0]
            self.bus.problem.emit(f"{what}：{first}")
        return report

    def _ok(self, cb):
        def inner(value):
            if not self._db_ok:
                self._db_ok = True
                self.bus.db_state.emit(True, "")
            _deliver(cb, value)
        return inner

    def _err(self, cb):
        def inner(exc: Exception):
            if isinstance(exc, PermissionDenied):  # security: a refused action is recorded too
                ctx = self.ctx
                self.worker.submit(lambda: audit_log.record_denied(ctx, exc))
            if isinstance(exc, DatabaseError) and self._db_ok:
                self._db_ok = False
                self.bus.db_state.emit(False, str(exc))
            if cb is not None:
                _deliver(cb, exc)
        return inner


def _deliver(cb: Callable, value) -> None:
    """Results arrive later than asked: a screen closed meanwhile (a bound method of a deleted
    widget) is not called at all, rather than touching a widget that no longer exists."""
    owner = getattr(cb, "__self__", None)
    if isinstance(owner, QObject) and not isValid(owner):
        return
    cb(value)
