"""The deadline table editor (时限设置) for the system administrator: minutes per stage (accept,
handle, verify; yellow warns, red is overdue) by kind and urgency. Cells are edited in place and
checked as they are typed (0 < yellow <= red); saving goes through the service (which checks the
role again and audits each row); a row another seat changed meanwhile is reported, not overwritten."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout,
)

from desk.services.errors import ConflictError, DeskError, NotFound
from desk.services.incidents import list_limits, set_limit
from desk.services.incidents.deadlines import STAGES, Limit
from desk.views.board import labels

FIELDS = tuple(f"{stage}_{colour}" for stage in STAGES for colour in ("yellow", "red"))
KEY_COLUMNS = 2
BAD_BG = QBrush(QColor("#f5b7b1"))
EDITED_BG = QBrush(QColor("#fcf3cf"))


class LimitsModel(QAbstractTableModel):
    """The limit rows with the person's unsaved edits on top (row id → field → minutes)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple[Limit, ...] = ()
        self.edits: dict[int, dict[str, int]] = {}

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.edits = {}
        self.endResetModel()

    def row(self, i: int) -> Limit:
        return self._rows[i]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else KEY_COLUMNS + len(FIELDS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or orientation != Qt.Horizontal:
            return None
        names = (self.tr("事件类型"), self.tr("紧急程度"),
                 self.tr("受理 黄牌"), self.tr("受理 红牌"), self.tr("处置 黄牌"), self.tr("处置 红牌"),
                 self.tr("核查 黄牌"), self.tr("核查 红牌"))
        return names[section]

    def value(self, i: int, field: str) -> int:
        return self.edits.get(self._rows[i].id, {}).get(field, getattr(self._rows[i], field))

    def minutes(self, i: int) -> dict[str, int]:
        return {f: self.value(i, f) for f in FIELDS}

    def bad_fields(self, i: int) -> set[str]:
        bad = set()
        for stage in STAGES:
            y, r = self.value(i, f"{stage}_yellow"), self.value(i, f"{stage}_red")
            if not (0 < y <= r):
                bad |= {f"{stage}_yellow", f"{stage}_red"}
        return bad

    def changed_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows)
                if any(self.value(i, f) != getattr(r, f) for f in FIELDS)]

    def invalid_rows(self) -> list[int]:
        return [i for i in range(len(self._rows)) if self.bad_fields(i)]

    def describe(self, i: int) -> str:
        r = self._rows[i]
        kind = self.tr("默认（所有类型）") if r.kind == "*" else labels.kind(r.kind, r.sub_kind)
        return f"{kind} · {self.urgency(r.urgency)}"

    def urgency(self, code: str) -> str:
        return {"ordinary": self.tr("一般"), "urgent": self.tr("紧急")}.get(code, code)

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if index.column() >= KEY_COLUMNS else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i, col = index.row(), index.column()
        r = self._rows[i]
        if col < KEY_COLUMNS:
            if role == Qt.DisplayRole:
                if col == 0:
                    return self.tr("默认（所有类型）") if r.kind == "*" else labels.kind(r.kind, r.sub_kind)
                return self.urgency(r.urgency)
            return None
        field = FIELDS[col - KEY_COLUMNS]
        v = self.value(i, field)
        if role in (Qt.DisplayRole, Qt.EditRole):
            return v
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            if field in self.bad_fields(i):
                return BAD_BG
            if v != getattr(r, field):
                return EDITED_BG
        if role == Qt.ToolTipRole:
            hours = v / 60
            text = self.tr("{0} 分钟（{1:g} 小时）").format(v, round(hours, 2))
            if field in self.bad_fields(i):
                text += "\n" + self.tr("黄牌时限应大于0且不超过红牌时限")
            return text
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or index.column() < KEY_COLUMNS:
            return False
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            return False
        i = index.row()
        r = self._rows[i]
        field = FIELDS[index.column() - KEY_COLUMNS]
        edits = self.edits.setdefault(r.id, {})
        if minutes == getattr(r, field):
            edits.pop(field, None)
        else:
            edits[field] = minutes
        if not edits:
            self.edits.pop(r.id, None)
        # the partner cell's colour depends on this one too
        self.dataChanged.emit(self.index(i, KEY_COLUMNS), self.index(i, self.columnCount() - 1))
        return True


class LimitsDialog(QDialog):
    """Emits ``saved`` after at least one row was stored."""

    saved = Signal()

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("时限设置"))
        self.resize(900, 480)
        self.model = LimitsModel(self)
        self.model.dataChanged.connect(lambda *_: self._update_state())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        hint = QLabel(self.tr("单位：分钟。受理从上报起算，处置从受理起算，核查从反馈起算；"
                              "到黄牌时限预警，到红牌时限即超时。双击单元格修改。"))
        hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.AcceptRole)
        self.reload_button = QPushButton(self.tr("重新读取"))
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ResetRole)
        close = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.reload)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update_state()
        self.reload()

    def reload(self) -> None:
        self.backend.read(list_limits, self._show, self._error)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self._update_state()

    def _update_state(self) -> None:
        bad = self.model.invalid_rows()
        changed = self.model.changed_rows()
        if bad:
            self.problem.setText(self.tr("黄牌时限应大于0且不超过红牌时限：")
                                 + "、".join(self.model.describe(i) for i in bad))
        else:
            self.problem.setText(self.tr("已修改 {0} 行，尚未保存").format(len(changed)) if changed else "")
        self.save_button.setEnabled(bool(changed) and not bad)

    def save(self) -> None:
        if self.model.invalid_rows():
            return
        items = [(self.model.row(i), self.model.minutes(i), self.model.describe(i)) for i in self.model.changed_rows()]
        if not items:
            return

        def fn(c):
            saved, refused = [], []
            for r, minutes, name in items:
                try:
                    set_limit(c, kind=r.kind, sub_kind=r.sub_kind, urgency=r.urgency, minutes=minutes,
                              expected_version=r.version)
                    saved.append(name)
                except (ConflictError, NotFound) as exc:
                    refused.append((name, str(exc).splitlines()[0]))
            return saved, refused

        self.save_button.setEnabled(False)
        self.backend.write(fn, self._saved, self._error)

    def _saved(self, result) -> None:
        saved, refused = result
        if saved:
            self.saved.emit()
        self.reload()
        if refused:
            text = self.tr("以下时限在您修改期间已被其他席位修改，您的修改未保存；"
                           "现已显示最新数值，如仍需修改请重新输入：") + "\n" + "\n".join(
                f"· {name}（{why}）" for name, why in refused)
            if saved:
                text += "\n\n" + self.tr("已保存：") + "、".join(saved)
            self._tell(self.tr("其他席位已先修改"), text)

    def _error(self, exc: Exception) -> None:
        self._update_state()
        self._tell(self.tr("未保存") if isinstance(exc, DeskError) else self.tr("操作未完成"), str(exc))

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.message_box = box
