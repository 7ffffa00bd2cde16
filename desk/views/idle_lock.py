"""The idle lock: after the minutes the security administrator set with no keyboard or mouse
input, every window of the desk is covered (nothing on screen can be read) and asks the same
person for their password. Nothing underneath is closed or reset, so unsaved input in the main
window and in open dialogs is still there after unlocking. The unlock is a sign-in (audited,
counts failures, lockout applies); a person may instead sign out.

Input is watched on the program's top-level windows (``QWindow``), not through an
application-wide event filter: an application filter is handed every object's events, including
QtWebEngine's internal objects while they are still being constructed, and wrapping those for
Python crashed the program when the map opened.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from desk.views.lock_overlay import LockOverlay

INPUT_EVENTS = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin}

__all__ = ["IdleWatcher", "LockOverlay", "WindowLock", "install_idle_lock"]


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without input. ``now`` is a monotonic clock (tests pass their own)."""

    idle = Signal()

    def __init__(self, minutes: float, now: Callable[[], float] = time.monotonic, parent=None,
                 check_ms: int = 5000):
        super().__init__(parent)
        self.minutes = minutes
        self._now = now
        self.last_input = now()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self.watch_window)
        self.watch_windows()

    def set_check_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def watch_windows(self) -> None:
        """Watch every top-level window; installing twice is harmless (Qt keeps one filter)."""
        for window in QGuiApplication.topLevelWindows():
            self.watch_window(window)

    def watch_window(self, window) -> None:
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS and not self.paused:
            self.last_input = self._now()
        return False

    def check(self) -> None:
        self.watch_windows()  # windows opened since the last check
        if not self.paused and self._now() - self.last_input >= self.minutes * 60:
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = self._now()
        self.paused = False

    def stop(self) -> None:
        self._timer.stop()
        app = QGuiApplication.instance()
        if app is None:
            return
        try:
            app.focusWindowChanged.disconnect(self.watch_window)
        except (RuntimeError, TypeError):
            pass
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)


def _lockable(widget: QWidget, main: QWidget) -> bool:
    """A visible window of ours that shows something (not a tooltip, popup or splash)."""
    if widget is main or not widget.isWindow() or not widget.isVisible():
        return False
    if widget.property("desk_read_only_wall"):  # the big screen: read-only, nothing personal on it
        return False
    return widget.windowType() not in (Qt.ToolTip, Qt.Popup, Qt.Desktop, Qt.SplashScreen)


class WindowLock(QObject):
    """Locks the main window and every other open window of the program together.

    ``overlay`` is the main window's panel; each other window open at lock time (an event
    dialog, a message box) gets its own panel, so its content is hidden too and a modal dialog
    that blocks the main window can still be unlocked where it is. Unlocking any panel unlocks all.
    """

    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, window: QWidget, user_text: str, verify: Callable, parent=None):
        super().__init__(parent or window)
        self.window = window
        self._user_text, self._verify = user_text, verify
        self.overlay = self._panel(window)
        self.others: list[LockOverlay] = []

    def _panel(self, target: QWidget) -> LockOverlay:
        panel = LockOverlay(target, self._user_text, self._verify, keep_open=target is not self.window)
        panel.unlocked.connect(self._unlocked)
        panel.sign_out.connect(self._signing_out)
        return panel

    @property
    def locked(self) -> bool:
        return self.overlay.locked or any(p.locked for p in self.others)

    def lock(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        self.others = [self._panel(w) for w in QApplication.topLevelWidgets() if _lockable(w, self.window)]
        self.overlay.lock(focus=modal is None)
        for panel in self.others:
            panel.lock(focus=panel.window_ is modal)

    def _signing_out(self) -> None:
        """Signing out closes the desk: the dialogs are let go first so that they close with it."""
        self._release_all()
        self.sign_out.emit()

    def _unlocked(self) -> None:
        self._release_all()
        self.unlocked.emit()

    def _release_all(self) -> None:
        for panel in [self.overlay, *self.others]:
            panel.release()
        for panel in self.others:
            panel.window_.removeEventFilter(panel)
            panel.deleteLater()
        self.others = []


def install_idle_lock(shell, minutes: float, now: Callable[[], float] = time.monotonic):
    """Wire the idle lock to a running shell (desk.app.Shell): the lock and unlock are audited.
    Returns ``(watcher, overlay)``: ``overlay`` is the main window's lock panel and
    ``overlay.controller`` the lock over every window."""
    from desk.services import auth

    actor = shell.ctx.actor
    backend = shell.backend
    user_text = f"{actor.display_name or actor.username} ({actor.username})"

    def verify(password, on_ok, on_error):
        backend.write(lambda c: auth.verify_unlock(c, password), on_ok, on_error)

    lock = WindowLock(shell.window, user_text, verify)
    watcher = IdleWatcher(minutes, now, shell.window)

    def on_idle():
        backend.write(lambda c: auth.sign_out(c, "idle_lock"), None,
                      backend.failed(QCoreApplication.translate("IdleLock", "记录锁屏")))
        lock.lock()

    watcher.idle.connect(on_idle)
    lock.unlocked.connect(watcher.resume)
    lock.sign_out.connect(shell.window.close)
    shell.window.closing_hooks.append(watcher.stop)
    lock.overlay.controller = lock
    return watcher, lock.overlay
