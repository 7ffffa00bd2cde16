"""The account administrators' page: accounts (add, disable/enable, unlock, temporary password,
role) and the room's idle-lock minutes. The services decide who may do what; a refusal is shown."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTableView, QVBoxLayout,
)

from desk.clock import format_local
from desk.services import accounts, limits
from desk.views.bus import touches
from desk.views.pages import Page
from desk.views.row_model import RowTableModel
from desk.views.text_limits import limit_line

ROLES = ("duty_staff", "leader", "liaison", "grid_staff", "system_admin", "security_admin", "audit_admin")


def role_label(code: str) -> str:
    t = lambda s: QCoreApplication.translate("Roles", s)  # noqa: E731
    return {"duty_staff": t("值班员"), "leader": t("领导"), "liaison": t("职能部门联络员"), "grid_staff": t("网格员"),
            "system_admin": t("系统管理员"), "security_admin": t("安全管理员"),
            "audit_admin": t("审计管理员")}.get(code, code)


class AccountTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        r = self.rows[index.row()]
        if r.disabled:
            state = self.tr("已停用")
        elif r.locked_until is not None:
            state = self.tr("锁定至 ") + format_local(r.locked_until)
        else:
            state = self.tr("正常") + (self.tr("（须改密码）") if r.must_change_password else "")
        return (r.username, r.display_name, role_label(r.role), state)[index.column()]


class NewAccountDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建账户"))
        form = QFormLayout(self)
        self.username, self.display_name = QLineEdit(), limit_line(QLineEdit(), limits.DISPLAY_NAME)
        self.username.setMaxLength(32)
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(role_label(code), code)
        self.password, self.again = QLineEdit(), QLineEdit()
        for f in (self.password, self.again):
            f.setEchoMode(QLineEdit.Password)
        for label, w in ((self.tr("用户名"), self.username), (self.tr("姓名"), self.display_name),
                         (self.tr("角色"), self.role), (self.tr("临时密码"), self.password),
                         (self.tr("再输入一次"), self.again)):
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AccountsPage(Page):
    key = "accounts"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self._loaded = False
        self.model = AccountTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("新建账户…"), self.add), (self.tr("停用"), lambda: self.toggle(True)),
                           (self.tr("启用"), lambda: self.toggle(False)), (self.tr("解除锁定"), self.unlock)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("无操作自动锁屏（分钟）")))
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        buttons.addWidget(self.idle)
        save_idle = QPushButton(self.tr("保存"))
        save_idle.clicked.connect(self.save_idle)
        buttons.addWidget(save_idle)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>" + self.tr("用户账户") + "</h3>"))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("用户账户")

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def on_changes(self, changes) -> None:
        if self._loaded and touches(changes, "user_account", "app_setting"):
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.backend.read(lambda c: (accounts.list_users(c), accounts.idle_lock_minutes(c)), self._show, self._failed)

    def _show(self, value) -> None:
        rows, minutes = value
        self.model.set_rows(rows)
        self.idle.setValue(minutes)

    def _failed(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #c0392b;")
        self.status.setText(str(exc))

    def _done(self, text: str):
        def inner(_value=None):
            self.status.setStyleSheet("color: #1e8449;")
            self.status.setText(text)
        return inner

    def selected(self):
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def add(self, dialog: NewAccountDialog | None = None) -> None:
        """Asks with a dialog (or takes one already filled in)."""
        if dialog is None:
            dialog = NewAccountDialog(self)
            if dialog.exec() != QDialog.Accepted:
                return
        if dialog.password.text() != dialog.again.text():
            self._failed(Exception(self.tr("两次输入的密码不一致")))
            return
        name, shown, role, pw = (dialog.username.text(), dialog.display_name.text(), dialog.role.currentData(),
                                 dialog.password.text())
        self.backend.write(lambda c: accounts.add_user(c, name, shown, role, pw),
                           self._done(self.tr("已新建账户 {0}，首次登录须修改密码").format(name)), self._failed)

    def toggle(self, disable: bool) -> None:
        row = self.selected()
        if row is not None:
            self.backend.write(lambda c: accounts.set_disabled(c, row.username, disable),
                               self._done((self.tr("已停用 {0}") if disable else self.tr("已启用 {0}")).format(
                                   row.username)), self._failed)

    def unlock(self) -> None:
        row = self.selected()
        if row is not None:
            self.backend.write(lambda c: accounts.unlock(c, row.username),
                               self._done(self.tr("已解除 {0} 的锁定").format(row.username)), self._failed)

    def save_idle(self) -> None:
        minutes = self.idle.value()
        self.backend.write(lambda c: accounts.set_idle_lock_minutes(c, minutes),
                           self._done(self.tr("锁屏时间已设为 {0} 分钟，各席位下次登录时生效").format(minutes)),
                           self._failed)
