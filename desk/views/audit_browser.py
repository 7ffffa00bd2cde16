"""The audit administrator's page: filter the audit log, read a record's before → after,
verify the hash chain, export what is shown as CSV (the export is itself recorded)."""
from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSplitter, QTableView, QVBoxLayout,
)

from desk.clock import LOCAL_TZ, format_local, local
from desk.services import audit_log
from desk.services.audit_log import AuditFilter
from desk.services.topics import concerns
from desk.views.code_words import audit_action, audit_entity
from desk.views.pages import Page
from desk.views.row_model import RowTableModel

ACTIONS = ["", "auth.", "user.", "settings.", "pii.", "data.", "backup.", "audit."]


class AuditTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("编号"), self.tr("时间"), self.tr("操作人"), self.tr("席位"), self.tr("操作"),
                         self.tr("对象"), self.tr("对象编号"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        r = self.rows[index.row()]
        if role == Qt.ToolTipRole and index.column() in (4, 5):
            return r.action if index.column() == 4 else r.entity  # the code, for a search
        return (str(r.id), format_local(r.at, with_seconds=True), r.actor, r.seat, audit_action(r.action),
                audit_entity(r.entity), r.entity_id)[index.column()]


def _pretty(text: str) -> str:
    if not text:
        return "—"
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except ValueError:
        return text


class AuditBrowser(Page):
    key = "audit"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self._loaded = False
        self.since = QDateEdit(calendarPopup=True)
        self.until = QDateEdit(calendarPopup=True)
        today = QDate(local(backend.ctx.clock.now()).date())  # the command room's day (Asia/Shanghai)
        self.since.setDate(today.addDays(-7))
        self.until.setDate(today)
        for d in (self.since, self.until):
            d.setDisplayFormat("yyyy-MM-dd")
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("操作人"))
        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.addItems(ACTIONS)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("对象编号或内容包含…"))
        self.text.returnPressed.connect(self.reload)
        search = QPushButton(self.tr("查询"))
        search.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        self.export_button.clicked.connect(self.export)
        verify = QPushButton(self.tr("校验审计链"))
        verify.clicked.connect(self.verify)
        bar = QHBoxLayout()
        for label, w in ((self.tr("从"), self.since), (self.tr("到"), self.until), ("", self.actor),
                         (self.tr("操作"), self.action), ("", self.text)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(w)
        for w in (search, self.export_button, verify):
            bar.addWidget(w)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>" + self.tr("审计日志") + "</h3>"))
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("审计日志")

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def on_changes(self, changes) -> None:
        if self._loaded and concerns(changes, "audit"):
            self.reload()

    def current_filter(self, limit: int = 2000) -> AuditFilter:
        def day(d: QDate, plus: int = 0) -> datetime:
            return datetime.combine(d.toPython() + timedelta(days=plus), time(0), LOCAL_TZ)
        return AuditFilter(since=day(self.since.date()), until=day(self.until.date(), 1),
                           actor=self.actor.text().strip() or None, action=self.action.currentText().strip() or None,
                           text=self.text.text() or None, limit=limit)

    def reload(self) -> None:
        self._loaded = True
        f = self.current_filter()
        self.backend.read(lambda c: audit_log.list_records(c, f), self._show, self._failed)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("共 {0} 条记录（最新在前）").format(len(rows)))
        self.status.setStyleSheet("")
        self.detail.clear()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("无法读取审计日志：") + str(exc))

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            return
        r = self.model.rows[current.row()]
        self.detail.setPlainText(self.tr("修改前：") + "\n" + _pretty(r.before) + "\n\n" + self.tr("修改后：")
                                 + "\n" + _pretty(r.after))

    def verify(self) -> None:
        def done(report):
            if report.ok:
                self.status.setText(self.tr("审计链完整：{0} 条记录校验通过").format(report.checked))
                self.status.setStyleSheet("color: #1e8449;")
            else:
                self.status.setText(self.tr("审计日志被篡改或缺失：第一条有问题的记录编号 {0}（{1}）")
                                    .format(report.first_bad_id, report.reason))
                self.status.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.backend.read(audit_log.verify, done, self._failed)

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), "audit.csv", "CSV (*.csv)")
        if not path:
            return
        from pathlib import Path

        f = self.current_filter(limit=audit_log.MAX_ROWS)
        self.backend.write(lambda c: audit_log.export_csv(c, Path(path), f),
                           lambda n: self.status.setText(self.tr("已导出 {0} 条记录到 {1}").format(n, path)),
                           self._failed)
