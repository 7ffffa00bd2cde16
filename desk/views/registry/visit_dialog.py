"""The visit form (走访登记), usable from the keyboard alone: Tab through date, visitor, findings and
follow-up (Tab leaves the text boxes), Ctrl+Enter saves, Esc cancels; "上报为事件" puts the finding on
the board in the same step."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
)

from desk.services.incidents import codes as event_codes
from desk.services.registry.visits import VisitInput
from desk.views.code_words import board_word


class VisitDialog(QDialog):
    def __init__(self, target_name: str, today: date, visitor: str, person_id: int | None = None,
                 house_id: int | None = None, unit_id: int | None = None, may_report: bool = True, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("走访登记"))
        self._ids = (person_id, house_id, unit_id)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("走访对象：%1").replace("%1", target_name)))
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.visitor = QLineEdit(visitor)
        self.findings = QPlainTextEdit()
        self.findings.setTabChangesFocus(True)
        self.follow_up = QPlainTextEdit()
        self.follow_up.setTabChangesFocus(True)
        self.findings.setPlaceholderText(self.tr("见到本人；身体、生活、情绪情况；发现的问题"))
        self.to_board = QCheckBox(self.tr("发现问题，上报为事件"))
        self.to_board.setEnabled(may_report)
        self.kind = QComboBox()
        for code, name in event_codes.KINDS.items():
            self.kind.addItem(board_word(name), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData("special_population")))
        self.kind.setEnabled(False)
        self.to_board.toggled.connect(self.kind.setEnabled)
        form.addRow(self.tr("走访日期"), self.day)
        form.addRow(self.tr("走访人"), self.visitor)
        form.addRow(self.tr("走访情况"), self.findings)
        form.addRow(self.tr("后续事项"), self.follow_up)
        form.addRow(self.to_board)
        form.addRow(self.tr("事件类型"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.accept)
        self.day.setFocus(Qt.OtherFocusReason)

    def visit(self) -> VisitInput:
        d = self.day.date()
        person_id, house_id, unit_id = self._ids
        return VisitInput(date(d.year(), d.month(), d.day()), self.visitor.text().strip(),
                          self.findings.toPlainText().strip(), self.follow_up.toPlainText().strip(),
                          person_id=person_id, house_id=house_id, unit_id=unit_id)

    def board_kind(self) -> str | None:
        return self.kind.currentData() if self.to_board.isChecked() else None
