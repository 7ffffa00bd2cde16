"""The window's last line of defence: an uncaught exception in a slot is logged with its
traceback and shown as one plain line; the window is not taken down and no traceback is shown."""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from desk.views import crash_hook


def test_an_uncaught_error_in_a_slot_is_logged_and_shown_as_one_plain_line(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash_hook.install()

    def broken_slot():
        raise LookupError("the grid vanished")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown))
    log = tmp_path / "data" / "desk" / "logs" / "desk.log"
    assert shown == [f"内部错误 (internal error): LookupError: the grid vanished; 详情见日志文件 {log} "
                     f"(details in the log file)"]
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error in the window" in logged and "Traceback" in logged and "broken_slot" in logged
