"""A new action item (督办事项): what, the owner (a person or a department), the due date and the
events, dispatches or grids it concerns."""
from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
)

from desk.services import meetings as mt


class ItemDialog(QDialog):
    def __init__(self, choices: mt.EditorChoices, meeting_day: date, community_id: int | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("督办事项"))
        self.choices, self.community_id, self.meeting_day = choices, community_id, meeting_day
        self.draft: mt.ItemDraft | None = None
        self.owner_text = ""
        self.title_edit = QLineEdit()
        self.owner_kind = QComboBox()
        self.owner_kind.addItem(self.tr("责任人"), "staff")
        self.owner_kind.addItem(self.tr("责任部门"), "department")
        self.owner = QComboBox()
        self.owner_kind.currentIndexChanged.connect(self._fill_owners)
        due = meeting_day + timedelta(days=7)
        self.due = QDateEdit(QDate(due.year, due.month, due.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.events = QLineEdit()
        self.events.setPlaceholderText(self.tr("事件编号，多个用逗号分隔"))
        self.dispatches = QLineEdit()
        self.dispatches.setPlaceholderText(self.tr("派单编号，多个用逗号分隔"))
        self.detail = QPlainTextEdit()
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(self.tr("事项"), self.title_edit)
        form.addRow(self.owner_kind, self.owner)
        form.addRow(self.tr("完成期限"), self.due)
        form.addRow(self.tr("关联事件"), self.events)
        form.addRow(self.tr("关联派单"), self.dispatches)
        form.addRow(self.tr("说明"), self.detail)
        _lay_out(self, form)
        self._fill_owners()

    def _fill_owners(self) -> None:
        self.owner.clear()
        if self.owner_kind.currentData() == "staff":
            for p in self.choices.staff:
                self.owner.addItem(f"{p.name}（{p.unit}）", (p.id, p.name))
        else:
            for i, name in self.choices.departments:
                self.owner.addItem(name, (i, name))

    def _ids(self, text: str) -> list[int] | None:
        parts = [x for x in re.split(r"[,，、\s]+", text.strip()) if x]
        if not all(x.isdigit() and len(x) < 10 for x in parts):
            return None
        return [int(x) for x in parts]

    def take(self) -> None:
        title = self.title_edit.text().strip()
        events, dispatches = self._ids(self.events.text()), self._ids(self.dispatches.text())
        if not title or self.owner.currentData() is None:
            self.problem.setText(self.tr("请填写事项并选择责任人或责任部门"))
            return
        if events is None or dispatches is None:
            self.problem.setText(self.tr("编号只能是数字"))
            return
        q = self.due.date()
        due = date(q.year(), q.month(), q.day())
        if due < self.meeting_day:
            self.problem.setText(self.tr("完成期限不能早于会议日期"))
            return
        owner_id, owner_name = self.owner.currentData()
        staff = self.owner_kind.currentData() == "staff"
        self.owner_text = owner_name
        self.draft = mt.ItemDraft(title=title, due_on=due, owner_staff_id=owner_id if staff else None,
                                  owner_department_id=None if staff else owner_id, owner_name=owner_name,
                                  detail=self.detail.toPlainText(), community_id=self.community_id,
                                  links=tuple([("event", i) for i in events] + [("dispatch", i) for i in dispatches]))
        self.accept()


class ReassignDialog(QDialog):
    """A new due date (延期) and/or owner for an unfinished item, with the reason."""

    def __init__(self, choices: mt.EditorChoices, item: mt.ItemRow, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("调整督办事项") + f" #{item.id}")
        self.item, self.choices = item, choices
        self.result_args: dict | None = None
        self.due = QDateEdit(QDate(item.due_on.year, item.due_on.month, item.due_on.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.owner = QComboBox()
        self.owner.addItem(self.tr("不变（%1）").replace("%1", item.owner_name), None)
        for p in choices.staff:
            self.owner.addItem(f"{p.name}（{p.unit}）", ("staff", p.id))
        for i, name in choices.departments:
            self.owner.addItem(self.tr("部门：") + name, ("department", i))
        self.reason = QLineEdit()
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(self.tr("事项"), QLabel(item.title))
        form.addRow(self.tr("完成期限"), self.due)
        form.addRow(self.tr("责任人/部门"), self.owner)
        form.addRow(self.tr("原因"), self.reason)
        _lay_out(self, form)

    def take(self) -> None:
        if not self.reason.text().strip():
            self.problem.setText(self.tr("请填写调整原因"))
            return
        q = self.due.date()
        due = date(q.year(), q.month(), q.day())
        owner = self.owner.currentData()
        self.result_args = dict(due_on=due if due != self.item.due_on else None,
                                owner_staff_id=owner[1] if owner and owner[0] == "staff" else None,
                                owner_department_id=owner[1] if owner and owner[0] == "department" else None,
                                note=self.reason.text().strip(), expected_version=self.item.version)
        self.accept()


def _problem_label() -> QLabel:
    """Where a dialog says what is wrong with what was typed (the typed text stays)."""
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    return label


def _lay_out(dialog, form: QFormLayout) -> None:
    """The form, the dialog's problem line and OK/Cancel (OK checks through ``dialog.take``)."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.take)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(dialog.problem)
    layout.addWidget(buttons)
