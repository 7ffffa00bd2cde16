"""The dispatch dialog (派单), opened from the board with an event id, or from the supervision list
to re-route a returned case (改派). It shows the routing proposal with its reason; choosing another
department asks for the reason of the override."""
from __future__ import annotations

from datetime import timedelta, timezone

from PySide6.QtCore import QDateTime, QSize, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QVBoxLayout,
)

from html import escape

from desk.services import dispatch as dsp
from desk.services import limits
from desk.services.dispatch.choices import DispatchChoices
from desk.services.errors import ConflictError, DeskError
from desk.views.code_words import board_word, kind_text
from desk.views.dispatch.proposal_text import proposal_html
from desk.views.text_limits import limit_line

SHANGHAI = QTimeZone(b"Asia/Shanghai")


class DispatchDialog(QDialog):
    """``reroute_id``: the dispatch being re-routed (改派); otherwise a first dispatch of the event."""

    def __init__(self, backend, event_id: int, reroute_id: int | None = None, parent=None):
        super().__init__(parent)
        self.backend, self.event_id, self.reroute_id = backend, event_id, reroute_id
        self.choices: DispatchChoices | None = None
        self.result_id: int | None = None
        self.setWindowTitle(self.tr("改派") if reroute_id else self.tr("派单"))
        self.setMinimumWidth(640)
        self.event_label = QLabel(self.tr("正在读取事件…"))
        self.event_label.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #2e6da4;")
        self.reason.setTextFormat(Qt.RichText)
        self.reason.linkActivated.connect(self._choose_link)
        self.matter = QComboBox()
        self.matter.currentIndexChanged.connect(self._matter_changed)
        self.lead = QComboBox()
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.assist = QListWidget()  # every department at once, in columns: 14 fit without scrolling
        self.assist.setFlow(QListWidget.LeftToRight)
        self.assist.setWrapping(True)
        self.assist.setResizeMode(QListWidget.Adjust)
        self.assist.setGridSize(QSize(128, 24))
        self.assist.setMinimumHeight(4 * 24 + 8)
        self.deadline = QDateTimeEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setTimeZone(SHANGHAI)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText(self.tr("办理要求（可选）"))
        self.instructions.setMaximumHeight(70)
        self.override = limit_line(QLineEdit(), limits.REASON)
        self.override.setPlaceholderText(self.tr("与建议部门不同：请说明原因"))
        self.why = limit_line(QLineEdit(), limits.REASON)
        self.why.setPlaceholderText(self.tr("改派原因（必填）"))
        form = QFormLayout()
        form.addRow(self.tr("事项"), self.matter)
        form.addRow(self.tr("承办部门"), self.lead)
        form.addRow(self.tr("协办部门"), self.assist)
        form.addRow(self.tr("办理时限"), self.deadline)
        form.addRow(self.tr("办理要求"), self.instructions)
        form.addRow(self.tr("改派理由"), self.override)
        if reroute_id:
            form.addRow(self.tr("改派原因"), self.why)
        else:
            self.why.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("改派") if reroute_id else self.tr("派单"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.event_label)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._filling = False
        self.backend.read(lambda c: dsp.dispatch_choices(c, event_id), self._show, self._failed)

    # --- loading ---
    def _failed(self, exc: Exception) -> None:
        self.event_label.setText(self.tr("无法读取：") + str(exc))

    def _show(self, ch: DispatchChoices) -> None:
        self.choices = ch
        e = ch.event
        where = " · ".join(escape(x) for x in (kind_text(e.kind_text), e.grid_name, e.address) if x)
        state_word = self.tr("当前状态")
        self.event_label.setText(f"<b>#{e.id} {escape(e.title)}</b><br>{where}"
                                 f"<br>{state_word}：{escape(board_word(e.status_text))}")
        self._filling = True
        self.matter.clear()
        self.matter.addItem(self.tr("（未选择事项）"), None)
        for m in ch.matters:
            self.matter.addItem(f"{m.domain_name} / {m.name}（{m.department}）", m.id)
        self.lead.clear()
        for dep_id, short, name in ch.departments:
            self.lead.addItem(f"{short}  {name}", dep_id)
        self.assist.clear()
        for dep_id, short, _ in ch.departments:
            item = QListWidgetItem(short)
            item.setData(Qt.UserRole, dep_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            item.setSizeHint(self.assist.gridSize())  # every box as wide as its cell: 市场监管 is not cut to "…"
            self.assist.addItem(item)
        self._filling = False
        self._apply(ch.proposal)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)

    def _apply(self, p) -> None:
        self._filling = True
        self.reason.setText(proposal_html(p))
        self.reason.setToolTip(p.reason)
        i = self.matter.findData(p.matter_id)
        self.matter.setCurrentIndex(max(i, 0))
        if p.department_id is not None:
            self.lead.setCurrentIndex(max(self.lead.findData(p.department_id), 0))
        for r in range(self.assist.count()):
            item = self.assist.item(r)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in p.assist_ids else Qt.Unchecked)
        hours = p.limit_hours or 24
        now = self.backend.ctx.clock.now()
        self.deadline.setDateTime(QDateTime.fromSecsSinceEpoch(int((now + timedelta(hours=hours)).timestamp()), SHANGHAI))
        self._filling = False
        self._lead_changed()

    def _choose_link(self, link: str) -> None:
        """A ranked department clicked: it becomes the lead (a choice other than the first asks why)."""
        if link.startswith("dept:"):
            i = self.lead.findData(int(link[5:]))
            if i >= 0:
                self.lead.setCurrentIndex(i)

    def _matter_changed(self) -> None:
        if self._filling or self.choices is None:
            return
        mid = self.matter.currentData()
        self.backend.read(lambda c: dsp.propose_route(c, self.event_id, mid), self._apply, self._failed)

    def _lead_changed(self) -> None:
        if self.choices is None:
            return
        proposed = self.choices.proposal.department_id
        differs = proposed is not None and self.lead.currentData() != proposed
        self.override.setEnabled(differs)

    # --- sending ---
    def _send(self) -> None:
        ch = self.choices
        if ch is None:
            return
        dept = self.lead.currentData()
        assist = [self.assist.item(r).data(Qt.UserRole) for r in range(self.assist.count())
                  if self.assist.item(r).checkState() == Qt.Checked and self.assist.item(r).data(Qt.UserRole) != dept]
        deadline = self.deadline.dateTime().toSecsSinceEpoch()
        from datetime import datetime
        deadline_at = datetime.fromtimestamp(deadline, timezone.utc)
        matter = self.matter.currentData()
        text = self.instructions.toPlainText().strip()
        if self.reroute_id:
            why = self.why.text().strip()
            rid = self.reroute_id
            fn = lambda c: dsp.reroute(c, rid, dept, why, assist_ids=assist, matter_id=matter,  # noqa: E731
                                       deadline_at=deadline_at, instructions=text)
        else:
            over, version, eid = self.override.text().strip(), ch.event.version, self.event_id
            fn = lambda c: dsp.dispatch_event(c, eid, dept, assist_ids=assist, matter_id=matter,  # noqa: E731
                                              deadline_at=deadline_at, instructions=text, override_reason=over,
                                              expected_version=version)
        self.buttons.setEnabled(False)
        self.backend.write(fn, self._sent, self._refused)

    def _sent(self, dispatch_id: int) -> None:
        self.result_id = dispatch_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ConflictError):
            QMessageBox.information(self, self.tr("已被处理"), str(exc))
            self.reject()
            return
        QMessageBox.warning(self, self.tr("未派单"), str(exc) if isinstance(exc, DeskError) else repr(exc))


def open_dispatch_dialog(backend, event_id: int, parent=None, reroute_id: int | None = None) -> DispatchDialog:
    """What the board calls: a non-modal dialog for the event; it closes itself after sending."""
    dlg = DispatchDialog(backend, event_id, reroute_id, parent)
    dlg.setAttribute(Qt.WA_DeleteOnClose)
    dlg.show()
    return dlg
