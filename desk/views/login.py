"""Signing in at a seat, before the main window: user name and password, then (for an account
whose password someone else set) the forced change of password, in the same dialog.

The dialog calls the services directly on the UI thread: one Argon2 check (~0.1 s) before any
window or worker exists. Every attempt is audited by the service.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QStackedWidget,
    QVBoxLayout, QWidget,
)

from desk.services import accounts, auth
from desk.services.context import Context
from desk.services.errors import DeskError, ValidationError
from desk.services.unit import Actor

RULES = ("密码至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类，"
         "不能包含用户名，不能与最近 5 次的密码相同。")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    field.setMaxLength(128)
    return field


class SignInDialog(QDialog):
    """``sign_in(name, password) -> Actor`` and ``change(name, old, new) -> Actor`` are the services."""

    def __init__(self, sign_in: Callable[[str, str], Actor], change: Callable[[str, str, str], Actor],
                 seat_text: str = "", parent=None):
        super().__init__(parent)
        self._sign_in, self._change = sign_in, change
        self.actor: Actor | None = None
        self._old = ""
        self.setWindowTitle(self.tr("登录 — 警网融合中心工作台"))
        self.setMinimumWidth(420)

        self.pages = QStackedWidget()
        # page 0: sign in
        sign = QWidget()
        form = QFormLayout(sign)
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.password = _password_field()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        # page 1: the forced change
        change_page = QWidget()
        cform = QFormLayout(change_page)
        note = QLabel(self.tr("这是管理员为您设置的初始密码，请先设置自己的新密码。") + "\n" + self.tr(RULES))
        note.setWordWrap(True)
        self.new_password = _password_field()
        self.again = _password_field()
        cform.addRow(note)
        cform.addRow(self.tr("新密码"), self.new_password)
        cform.addRow(self.tr("再输入一次"), self.again)
        self.pages.addWidget(sign)
        self.pages.addWidget(change_page)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("警网融合中心工作台"))
        title.setStyleSheet("font-size: 18px; font-weight: bold; padding: 6px 0;")
        title.setAlignment(Qt.AlignCenter)
        layout.addWidget(title)
        if seat_text:
            where = QLabel(seat_text)
            where.setStyleSheet("color: #777;")
            where.setAlignment(Qt.AlignCenter)
            layout.addWidget(where)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    @property
    def changing(self) -> bool:
        return self.pages.currentIndex() == 1

    def submit(self) -> None:
        self.message.clear()
        if self.changing:
            self._submit_change()
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("请输入用户名和密码"))
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            actor = self._sign_in(name, password)
        except DeskError as exc:
            self.password.clear()
            self.password.setFocus()
            self.message.setText(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if actor.must_change_password:
            self._old = password
            self.password.clear()
            self.pages.setCurrentIndex(1)
            self.ok_button.setText(self.tr("修改密码并登录"))
            self.new_password.setFocus()
            return
        self.actor = actor
        self.accept()

    def _submit_change(self) -> None:
        if self.new_password.text() != self.again.text():
            self.message.setText(self.tr("两次输入的新密码不一致"))
            return
        try:
            actor = self._change(self.username.text().strip(), self._old, self.new_password.text())
        except ValidationError as exc:
            self.message.setText("\n".join(exc.problems) or str(exc))
            return
        except DeskError as exc:
            self.message.setText(str(exc))
            return
        self._old = ""
        self.actor = actor
        self.accept()


def sign_in_at_start(ctx: Context, seat_text: str = "") -> Actor | None:
    """The seat's sign-in, before the main window; None when the person leaves."""
    if accounts.account_count(ctx) == 0:
        QMessageBox.information(None, "desk", QApplication.translate(
            "SignIn", "数据库中还没有任何账户。请先在命令行建立第一个管理员：\n"
                      "desk user add 用户名 --role security_admin\n"
                      "（演示：在空数据库上运行 desk demo --accounts）"))
        return None
    dialog = SignInDialog(lambda n, p: auth.sign_in(ctx, n, p),
                          lambda n, old, new: auth.change_password(ctx, n, old, new), seat_text)
    try:
        return dialog.actor if dialog.exec() == QDialog.Accepted else None
    finally:
        dialog.deleteLater()
