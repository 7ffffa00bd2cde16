"""The matters list tab (网格事项清单): every matter by domain with its department and time limit,
proposals waiting for admission (事务准入), and the buttons to propose, admit or reject."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from desk.services import dispatch as dsp
from desk.services import limits
from desk.services.dispatch.codes import DOMAINS, MATTER_STATUSES
from desk.services.errors import DeskError
from desk.services.permissions import allowed
from desk.views.row_model import RowTableModel
from desk.views.text_limits import limit_line


class MatterTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("编码"), self.tr("领域"), self.tr("事项"), self.tr("责任部门"), self.tr("协办部门"),
                         self.tr("时限(小时)"), self.tr("状态"), self.tr("申请理由"), self.tr("准入决定"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        if role == Qt.DisplayRole:
            decision = f"{m.decided_by}：{m.decision_reason}" if m.decided_by and m.decided_by != "system" else ""
            return (m.code, m.domain_name, m.name, m.department, "、".join(m.assist), str(m.limit_hours),
                    MATTER_STATUSES.get(m.status, m.status), m.proposal_reason if m.proposed_by != "system" else "",
                    decision)[index.column()]
        if role == Qt.ForegroundRole and m.status == "proposed":
            return QBrush(QColor("#b9770e"))
        if role == Qt.ForegroundRole and m.status in ("rejected", "retired"):
            return QBrush(QColor("#888888"))
        return None


class ProposeDialog(QDialog):
    def __init__(self, departments: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("申请新事项准入"))
        self.domain = QComboBox()
        for code, name in DOMAINS.items():
            self.domain.addItem(name, code)
        self.name = limit_line(QLineEdit(), limits.MATTER_NAME)
        self.department = QComboBox()
        self.department.addItems(departments)
        self.hours = QSpinBox()
        self.hours.setRange(1, 24 * 90)
        self.hours.setValue(72)
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("用空格分隔，用于自动派单"))
        self.reason = limit_line(QLineEdit(), limits.NOTE)
        form = QFormLayout(self)
        for label, w in ((self.tr("领域"), self.domain), (self.tr("事项名称"), self.name),
                         (self.tr("责任部门"), self.department), (self.tr("办理时限(小时)"), self.hours),
                         (self.tr("关键词"), self.keywords), (self.tr("申请理由"), self.reason)):
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MattersTab(QWidget):
    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.model = MatterTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        actor = backend.ctx.actor
        bar = QHBoxLayout()
        self.buttons = {}
        for key, text, slot, perm in (("propose", self.tr("申请新事项"), self.propose, "dispatch.matters.propose"),
                                      ("admit", self.tr("准入"), lambda: self.decide(True), "dispatch.matters.admit"),
                                      ("reject", self.tr("不予准入"), lambda: self.decide(False), "dispatch.matters.admit")):
            b = QPushButton(text)
            b.clicked.connect(slot)
            b.setVisible(allowed(actor, perm))
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bar)

    def reload(self) -> None:
        self.backend.read(lambda c: dsp.list_matters(c, status=None), self.model.set_rows,
                          lambda exc: QMessageBox.warning(self, self.tr("事项清单"), str(exc)))

    def _done(self, _=None) -> None:
        self.reload()

    def _refused(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("未保存"), str(exc) if isinstance(exc, DeskError) else repr(exc))

    def propose(self) -> None:
        shorts = sorted({m.department for m in self.model.rows})
        dlg = ProposeDialog(shorts, self)
        if dlg.exec() != QDialog.Accepted:
            return
        domain, name, dep = dlg.domain.currentData(), dlg.name.text(), dlg.department.currentText()
        hours, reason, words = dlg.hours.value(), dlg.reason.text(), dlg.keywords.text().split()
        self.backend.write(lambda c: dsp.propose_matter(c, domain, name, dep, hours, reason, keywords=words),
                           self._done, self._refused)

    def decide(self, approve: bool) -> None:
        m = self.model.row(self.table.currentIndex().row())
        if m is None or m.status != "proposed":
            QMessageBox.information(self, self.tr("事务准入"), self.tr("请选择一条待准入的事项"))
            return
        reason, ok = QInputDialog.getText(self, self.tr("事务准入"), self.tr("决定理由"))
        if ok and reason.strip():
            self.backend.write(lambda c: dsp.decide_matter(c, m.id, approve, reason, expected_version=m.version),
                               self._done, self._refused)
