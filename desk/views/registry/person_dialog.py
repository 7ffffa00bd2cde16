"""Registering a person, and the deliberate merge of a duplicate: when the ID number is already on record
the two records are shown side by side, field by field, and only the fields ticked are taken over."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout,
)

from desk.services.registry import codes
from desk.services.registry.check import PersonInput
from desk.services.registry.idcard import IdNumberError, parse
from desk.views.registry.models import rw
from desk.views.row_model import RowTableModel


class PersonDialog(QDialog):
    """The person form: name, ID number (15 or 18 digits, x or X), phone, kind, relation, grid, address."""

    def __init__(self, grids, parent=None, existing=None):
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(self.tr("修改人员信息") if existing else self.tr("登记人员"))
        self.setMinimumWidth(480)   # room for an 18-digit number and a whole address
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("18位或旧式15位，末位X可小写"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机11位，或带区号的固定电话"))
        self.residence = QComboBox()
        for code, name in codes.RESIDENCES.items():
            self.residence.addItem(rw(name), code)
        self.relation = QComboBox()
        for code, name in codes.RELATIONS.items():
            self.relation.addItem(rw(name), code)
        self.grid = QComboBox()
        for g in grids:
            self.grid.addItem(f"{g.community_name} · {g.name}", g.id)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("如：兴钢社区3号楼1单元101"))
        for label, w in ((self.tr("姓名"), self.name), (self.tr("身份证号"), self.number), (self.tr("联系电话"), self.phone),
                         (self.tr("人口类型"), self.residence), (self.tr("与户主关系"), self.relation),
                         (self.tr("所属网格"), self.grid), (self.tr("现住址"), self.address)):
            form.addRow(label, w)
        self.correct = QCheckBox(self.tr("更正身份证号（登记时录错）"))
        self.new_number = QLineEdit()
        self.new_number.setPlaceholderText(self.tr("正确的身份证号；性别和出生日期随之更正"))
        self.new_number.setEnabled(False)
        self.correct.toggled.connect(self.new_number.setEnabled)
        self.correct.toggled.connect(lambda on: on and self.new_number.setFocus())
        if existing is not None:
            self._fill(existing)
            form.insertRow(2, self.correct, self.new_number)
        else:
            self.correct.hide()
            self.new_number.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c62828")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fill(self, p) -> None:
        self.name.setText(p.name)
        self.number.setText(p.id_masked)
        self.number.setEnabled(False)   # a mistyped number is corrected below, on purpose (ticked)
        self.phone.setPlaceholderText(self.tr("留空则不修改（现为 %1）").replace("%1", p.phone_masked or "—"))
        residence = {v: k for k, v in codes.RESIDENCES.items()}.get(p.residence)
        relation = {v: k for k, v in codes.RELATIONS.items()}.get(p.relation)
        for combo, code in ((self.residence, residence), (self.relation, relation), (self.grid, p.grid_id)):
            i = combo.findData(code)
            if i >= 0:
                combo.setCurrentIndex(i)
        self.address.setText(p.address)

    def accept(self) -> None:
        """A corrected number is checked here first (GB 11643), so a typo is said before anything is sent."""
        if self.existing is not None and self.correct.isChecked():
            try:
                parse(self.new_number.text())
            except IdNumberError as exc:
                self.problem.setText(str(exc))   # the reason names the ID number itself
                self.new_number.setFocus()
                return
        super().accept()

    def changes(self) -> dict:
        """For an edit: the fields to change (a blank phone keeps the one on record; the ID number is
        sent only when its correction is ticked)."""
        number = self.new_number.text().strip() if self.correct.isChecked() else ""
        return {"name": self.name.text().strip(), "phone": self.phone.text().strip() or None,
                "residence": self.residence.currentData(), "relation": self.relation.currentData(),
                "grid_id": self.grid.currentData(), "address": self.address.text().strip() or None,
                "id_number": number or None}

    def person(self) -> PersonInput:
        return PersonInput(name=self.name.text().strip(), id_number=self.number.text().strip(),
                           grid_id=self.grid.currentData(), address=self.address.text().strip(),
                           phone=self.phone.text().strip(), residence=self.residence.currentData(),
                           relation=self.relation.currentData())


class DiffModel(RowTableModel):
    """The differing fields: on record / being entered / take the new value (ticked)."""

    def __init__(self, diffs, parent=None):
        t = self.tr
        super().__init__((t("项目"), t("已登记"), t("本次录入"), t("采用本次")), parent)
        self.set_rows(diffs)
        self.taken: set[str] = set()

    def data(self, index, role=Qt.DisplayRole):
        d = self.row(index.row())
        if d is None:
            return None
        if index.column() == 3:
            if role == Qt.CheckStateRole:
                return Qt.Checked if d.field in self.taken else Qt.Unchecked
            return None
        if role != Qt.DisplayRole:
            return None
        return (d.label, d.current or "—", d.incoming or "—")[index.column()]

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsUserCheckable if index.column() == 3 else base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802 - Qt's name
        d = self.row(index.row())
        if d is None or index.column() != 3 or role != Qt.CheckStateRole:
            return False
        checked = value == Qt.Checked or value == Qt.Checked.value
        (self.taken.add if checked else self.taken.discard)(d.field)
        self.dataChanged.emit(index, index)
        return True


class MergeDialog(QDialog):
    """Both records side by side; the ticked fields of the new entry replace those on record."""

    def __init__(self, preview, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("身份证号已登记：比对并合并"))
        p = preview.existing
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("已登记：%1（%2，%3，%4）。本次录入：%5。勾选要采用本次录入的项目；未勾选的保持不变。")
                      .replace("%1", p.name).replace("%2", p.id_masked).replace("%3", p.grid_name)
                      .replace("%4", p.address or "—").replace("%5", preview.incoming_name))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.model = DiffModel(preview.diffs, self)
        view = QTableView()
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        layout.addWidget(view)
        if not preview.diffs:
            layout.addWidget(QLabel(self.tr("两条记录完全一致，无需合并。")))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("合并所选项目"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)


class CareDialog(QDialog):
    """Taking a person into graded care: the category (DOMAIN.md's special populations) and the level."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("列为特殊人群"))
        form = QFormLayout(self)
        form.addRow(QLabel(name))
        self.category = QComboBox()
        for code, label in codes.CATEGORIES.items():
            self.category.addItem(rw(label), code)
        self.level = QComboBox()
        for level, label in codes.LEVEL_NAMES.items():
            self.level.addItem(f"{level} · {rw(label)}", level)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("管理等级"), self.level)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, int]:
        return self.category.currentData(), self.level.currentData()
