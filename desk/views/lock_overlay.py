"""The panel that covers one window while the desk is locked: who is signed in, a password
field, unlock and sign out. What it covers is disabled, not destroyed, so typed text stays."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget


class LockOverlay(QFrame):
    """Covers the whole of ``window``. ``verify(password, on_ok, on_error)`` checks the password (async)."""

    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, window: QWidget, user_text: str, verify: Callable, parent=None, keep_open: bool = False):
        super().__init__(parent or window)
        self.window_ = window
        self._keep_open = keep_open  # a dialog is not closed while locked (its input would be lost)
        self._verify = verify
        self._disabled_shortcuts: list[QShortcut] = []
        self._disabled_widgets: list[QWidget] = []
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#lockOverlay { background: #1f2d3d; } QLabel { color: white; }")
        box = QFrame(self)
        box.setStyleSheet("QFrame { background: #2c3e50; border-radius: 8px; }")
        box.setMaximumWidth(380)
        box.setMinimumWidth(min(380, max(200, window.width() - 20)))
        inner = QVBoxLayout(box)
        title = QLabel(self.tr("屏幕已锁定"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        who = QLabel(self.tr("当前用户：") + user_text)
        hint = QLabel(self.tr("长时间未操作，工作台已锁定。\n请输入密码继续，未保存的内容仍在。"))
        hint.setWordWrap(True)
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
        if obj is self.window_ and event.type() == QEvent.Close and self._keep_open and self.locked:
            event.ignore()
            return True
        return False

    @property
    def locked(self) -> bool:
        return self.isVisible()

    def _content(self) -> list[QWidget]:
        """What to disable: a main window's central widget, a dialog's own child widgets."""
        if isinstance(self.window_, QMainWindow):
            central = self.window_.centralWidget()
            return [central] if central is not None else []
        return [w for w in self.window_.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                if w is not self and not w.isWindow()]

    def lock(self, focus: bool = True) -> None:
        self.message.clear()
        self.password.clear()
        self.setGeometry(self.window_.rect())
        self._disabled_widgets = [w for w in self._content() if w.isEnabled()]
        for w in self._disabled_widgets:
            w.setEnabled(False)  # disabled, not destroyed: the typed text stays
        self._disabled_shortcuts = [s for s in self.window_.findChildren(QShortcut) if s.isEnabled()]
        for s in self._disabled_shortcuts:
            s.setEnabled(False)
        self.show()
        self.raise_()
        if focus:
            self.window_.activateWindow()
            self.window_.raise_()
            self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        self._verify(password, self._ok, self._failed)

    def _ok(self, _actor=None) -> None:
        self.unlocked.emit()

    def release(self) -> None:
        """Uncover the window and give back what was disabled."""
        self.unlock_button.setEnabled(True)
        self.password.clear()
        for w in self._disabled_widgets:
            w.setEnabled(True)
        for s in self._disabled_shortcuts:
            s.setEnabled(True)
        self._disabled_widgets, self._disabled_shortcuts = [], []
        self.hide()

    def _failed(self, exc: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.setText(str(exc))
