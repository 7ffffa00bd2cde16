"""The idle lock: after the minutes the security administrator set with no keyboard or mouse
input, the window is covered (nothing on screen can be read) and asks the same person for their
password. Nothing underneath is closed or reset, so unsaved input is still there after unlocking.
The unlock is a sign-in (audited, counts failures, lockout applies); a person may instead sign out.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

INPUT_EVENTS = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without input. ``now`` is a monotonic clock (tests pass their own)."""

    idle = Signal()

    def __init__(self, minutes: int, now: Callable[[], float] = time.monotonic, parent=None):
        super().__init__(parent)
        self.minutes = minutes
        self._now = now
        self.last_input = now()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS and not self.paused:
            self.last_input = self._now()
        return False

    def check(self) -> None:
        if not self.paused and self._now() - self.last_input >= self.minutes * 60:
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = self._now()
        self.paused = False

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockOverlay(QFrame):
    """Covers the whole window. ``verify(password, on_ok, on_error)`` checks the password (async)."""

    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, window: QWidget, user_text: str, verify: Callable, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self._verify = verify
        self._disabled_shortcuts: list[QShortcut] = []
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#lockOverlay { background: #1f2d3d; } QLabel { color: white; }")
        box = QFrame(self)
        box.setStyleSheet("QFrame { background: #2c3e50; border-radius: 8px; }")
        box.setFixedWidth(380)
        inner = QVBoxLayout(box)
        title = QLabel(self.tr("屏幕已锁定"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        who = QLabel(self.tr("当前用户：") + user_text)
        hint = QLabel(self.tr("长时间未操作，工作台已锁定。\n请输入密码继续，未保存的内容仍在。"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #f5b7b1;")
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.clicked.connect(self.submit)
        leave = QPushButton(self.tr("退出登录"))
        leave.clicked.connect(self.sign_out)
        for w in (title, who, hint, self.password, self.message, self.unlock_button, leave):
            inner.addWidget(w)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignHCenter)
        outer.addStretch(2)
        self.hide()
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window_ and event.type() == QEvent.Resize:
            self.setGeometry(self.window_.rect())
        return False

    @property
    def locked(self) -> bool:
        return self.isVisible()

    def lock(self) -> None:
        self.message.clear()
        self.password.clear()
        self.setGeometry(self.window_.rect())
        central = getattr(self.window_, "centralWidget", lambda: None)()
        if central is not None:
            central.setEnabled(False)  # disabled, not destroyed: the typed text stays
        self._disabled_shortcuts = [s for s in self.window_.findChildren(QShortcut) if s.isEnabled()]
        for s in self._disabled_shortcuts:
            s.setEnabled(False)
        self.show()
        self.raise_()
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        self._verify(password, self._ok, self._failed)

    def _ok(self, _actor=None) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        central = getattr(self.window_, "centralWidget", lambda: None)()
        if central is not None:
            central.setEnabled(True)
        for s in self._disabled_shortcuts:
            s.setEnabled(True)
        self._disabled_shortcuts = []
        self.hide()
        self.unlocked.emit()

    def _failed(self, exc: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.setText(str(exc))


def install_idle_lock(shell, minutes: int, now: Callable[[], float] = time.monotonic):
    """Wire the idle lock to a running shell (desk.app.Shell): the lock and unlock are audited."""
    from desk.services import auth

    actor = shell.ctx.actor
    backend = shell.backend
    user_text = f"{actor.display_name or actor.username} ({actor.username})"

    def verify(password, on_ok, on_error):
        backend.write(lambda c: auth.verify_unlock(c, password), on_ok, on_error)

    overlay = LockOverlay(shell.window, user_text, verify)
    watcher = IdleWatcher(minutes, now, shell.window)

    def on_idle():
        backend.write(lambda c: auth.sign_out(c, "idle_lock"), None, lambda exc: None)
        overlay.lock()

    watcher.idle.connect(on_idle)
    overlay.unlocked.connect(watcher.resume)
    overlay.sign_out.connect(shell.window.close)
    shell.window.closing_hooks.append(watcher.stop)
    return watcher, overlay
