"""The window's last line of defence: an exception nobody caught in a slot or a timer is written
with its traceback to the log file (desk.logfile) and shown as one plain line in a message box,
instead of a traceback on a console the duty officer never sees. The window keeps running."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from desk import logfile


def install() -> None:
    previous = sys.excepthook
    showing = []

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        if exc is None:
            exc = exc_type()
        line = logfile.report_unexpected(exc.with_traceback(tb), "the window")
        if showing:  # an error while the message is open: logged, not stacked on screen
            return
        showing.append(True)
        try:
            QMessageBox.critical(None, "desk", line)
        except Exception:  # noqa: BLE001 - the log holds it; nothing more can be done on screen
            pass
        finally:
            showing.clear()

    sys.excepthook = hook
