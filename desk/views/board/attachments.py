"""The event's attachments in the event dialog: a table (name, size, who, when), adding one from a
file and saving one to disk. Files are read and written on the database worker, never on the UI
thread; the service checks size and type and says why it refuses; saving a copy is audited."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from desk.clock import format_local
from desk.services.incidents import add_attachment_file, safe_filename, save_attachment
from desk.services.incidents.rows import AttachmentRow
from desk.views.row_model import RowTableModel


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


class AttachmentModel(RowTableModel):
    """Rows are AttachmentRow values."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("文件名"), self.tr("大小"), self.tr("添加人"), self.tr("添加时间"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.TextAlignmentRole and col == 1:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        return (a.filename, human_size(a.size), a.added_by, format_local(a.added_at))[col]


class AttachmentPanel(QWidget):
    """Emits ``changed`` after an attachment was added (the dialog reloads the event)."""

    changed = Signal()

    def __init__(self, backend, event_id: int, parent=None, *, can_add: bool = True):
        super().__init__(parent)
        self.backend, self.event_id = backend, event_id
        self.model = AttachmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setMaximumHeight(84)
        self.table.doubleClicked.connect(lambda _i: self.save_selected())
        self.add_button = QPushButton(self.tr("添加附件…"))
        self.add_button.clicked.connect(self.choose_and_add)
        self.add_button.setVisible(can_add)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(self.save_selected)
        self.save_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.save_button.setEnabled(self.selected() is not None))
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.save_button.setEnabled(self.selected() is not None)

    def selected(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # --- adding ---
    def choose_and_add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择附件"), "",
            self.tr("照片和文档 (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt "
                    "*.mp3 *.m4a *.amr *.mp4);;所有文件 (*)"))
        if path:
            self.add_file(path)

    def add_file(self, path: str) -> None:
        eid = self.event_id
        self.add_button.setEnabled(False)
        self.status.setText(self.tr("正在上传…"))
        self.backend.write(lambda c: add_attachment_file(c, eid, path), self._added, self._failed)

    def _added(self, _att_id) -> None:
        self.add_button.setEnabled(True)
        self.status.setText(self.tr("附件已添加"))
        self.changed.emit()

    # --- saving ---
    def save_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存附件"), safe_filename(a.filename))
        if path:
            self.save_to(a.id, path)

    def save_to(self, attachment_id: int, path: str) -> None:
        self.status.setText(self.tr("正在保存…"))
        self.backend.write(lambda c: save_attachment(c, attachment_id, path), self._saved, self._failed)

    def _saved(self, name: str) -> None:
        self.status.setText(self.tr("已保存：") + name)

    def _failed(self, exc: Exception) -> None:
        self.add_button.setEnabled(True)
        self.status.setText("")
        box = QMessageBox(QMessageBox.Warning, self.tr("附件操作未完成"), str(exc), QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.message_box = box
