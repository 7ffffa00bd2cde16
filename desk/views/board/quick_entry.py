"""Quick entry of a new event, keyboard-first (duty staff type while on the phone):
Ctrl+N opens it, Tab walks the fields in reading order, Ctrl+Enter saves, Esc closes.
A pasted WeChat message pre-fills the form for the person to confirm. When saving fails the
dialog stays open with everything typed and says why."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desk.clock import format_local
from desk.services import limits
from desk.services.incidents import codes, find
from desk.services.incidents.choices import Choices
from desk.services.incidents.report import NewEvent, report_event
from desk.services.permissions import GRID
from desk.views.board import labels
from desk.views.text_limits import CharCounter, limit_line


class QuickEntryDialog(QDialog):
    saved = Signal(object)  # EventRow

    def __init__(self, backend, choices: Choices | None, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.choices = choices
        self._prefill_time = None
        self.setWindowTitle(self.tr("快速登记事件"))
        self.resize(620, 560)

        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(self.tr("粘贴微信群消息，按 Ctrl+R 识别（可选）"))
        self.paste.setFixedHeight(64)
        self.paste.setTabChangesFocus(True)
        self.recognise = QPushButton(self.tr("识别 (Ctrl+R)"))
        self.recognise.clicked.connect(self.fill_from_paste)
        self.found = QLabel()
        self.found.setStyleSheet("color: #1e8449;")

        self.title_edit = limit_line(QLineEdit(), limits.TITLE)
        self.title_edit.setPlaceholderText(self.tr("一句话说明事件"))
        self.kind = QComboBox()
        for code in codes.KINDS:
            self.kind.addItem(labels.kind(code), code)
        self.sub_kind = QComboBox()
        self.kind.currentIndexChanged.connect(self._fill_sub_kinds)
        self.source = QComboBox()
        for code in codes.SOURCES:
            self.source.addItem(labels.source(code), code)
        # the duty seat registers a call; a grid worker reports what they found (a paste sets its own source)
        first = "grid_worker" if self.backend.ctx.actor.role == GRID else "phone"
        self.source.setCurrentIndex(max(0, self.source.findData(first)))
        self.urgent = QCheckBox(self.tr("紧急"))
        self.police = QCheckBox(self.tr("涉警"))
        self.address = limit_line(QLineEdit(), limits.ADDRESS)
        self.address.setPlaceholderText(self.tr("社区/村、楼栋，如：白云社区5号楼"))
        self.grid = QComboBox()
        self.grid.addItem(self.tr("（按地址自动查找）"), None)
        for gid, _cid, name in (choices.grids if choices else ()):
            self.grid.addItem(name, gid)
        self.reporter = limit_line(QLineEdit(), limits.REPORTER)
        self.phone = limit_line(QLineEdit(), limits.PHONE)
        self.phone.setInputMethodHints(Qt.ImhDialableCharactersOnly)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description_count = CharCounter(self.description, limits.DESCRIPTION)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setObjectName("error")

        flags = QHBoxLayout()
        flags.addWidget(self.urgent)
        flags.addWidget(self.police)
        flags.addStretch(1)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind, 1)
        kinds.addWidget(self.sub_kind, 1)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("类型"), kinds)
        form.addRow(self.tr("来源"), self.source)
        form.addRow("", flags)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("网格"), self.grid)
        form.addRow(self.tr("报告人"), self.reporter)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("内容"), self.description)
        form.addRow("", self.description_count)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("保存 (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消 (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste, 1)
        paste_row.addWidget(self.recognise)
        layout = QVBoxLayout(self)
        layout.addLayout(paste_row)
        layout.addWidget(self.found)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        order = [self.title_edit, self.kind, self.sub_kind, self.source, self.urgent, self.police, self.address,
                 self.grid, self.reporter, self.phone, self.description, self.paste]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.save)
        for w in order:  # text edits take Return themselves: Ctrl+Enter saves from any field
            w.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.fill_from_paste)
        # Typed by hand: the desk proposes kind, police or not and the grid from the words and the
        # address, never over what the person chose themselves.
        self._chosen: set[str] = set()
        self.kind.activated.connect(lambda _i: self._chosen.add("kind"))
        self.sub_kind.activated.connect(lambda _i: self._chosen.add("kind"))
        self.police.clicked.connect(lambda _on: self._chosen.add("police"))
        self.urgent.clicked.connect(lambda _on: self._chosen.add("urgent"))
        self.grid.activated.connect(lambda _i: self._chosen.add("grid"))
        self._asked = self._answered = 0
        for edit in (self.title_edit, self.address):
            edit.editingFinished.connect(self.propose)
        self._fill_sub_kinds()
        self.title_edit.setFocus()

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.KeyPress and event.modifiers() & Qt.ControlModifier
                and event.key() in (Qt.Key_Return, Qt.Key_Enter)):
            self.save()
            return True
        return super().eventFilter(obj, event)

    def _fill_sub_kinds(self) -> None:
        kind = self.kind.currentData()
        self.sub_kind.clear()
        self.sub_kind.addItem(self.tr("（不细分）"), "")
        for code in codes.SUB_KINDS.get(kind, {}):
            self.sub_kind.addItem(labels.sub_kind(kind, code), code)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    # --- the WeChat helper ---
    def fill_from_paste(self) -> None:
        text = self.paste.toPlainText().strip()
        if not text:
            return
        if len(text) > limits.MESSAGE.max:
            self.error.setText(self.tr("消息过长，无法识别：") + limits.MESSAGE.problem(text))
            return
        self.backend.read(lambda c: find.prefill_from_message(c, text), self.apply_prefill, self._failed)

    def apply_prefill(self, p) -> None:
        self.title_edit.setText(p.title)
        self._select(self.kind, p.kind)
        self._select(self.sub_kind, p.sub_kind)
        self._select(self.source, p.source)
        self.urgent.setChecked(p.urgent)
        self.police.setChecked(p.police)
        if p.address:
            self.address.setText(p.address)
        if p.grid_id is not None:
            self._select(self.grid, p.grid_id)
        if not self.description.toPlainText().strip():
            self.description.setPlainText(p.description)
        self._prefill_time = p.reported_at
        where = p.grid_name or p.community_name or self.tr("未识别")
        self.found.setText(self.tr("已识别：") + f"{labels.kind(p.kind, p.sub_kind)} · {where} · "
                           + format_local(p.reported_at) + self.tr("  — 请核对后保存"))
        self.title_edit.setFocus()

    # --- proposals while typing ---
    def propose(self) -> None:
        title, address = self.title_edit.text(), self.address.text()
        if not (title.strip() or address.strip()):
            return
        self._asked += 1
        text = self.description.toPlainText()
        # A bound method: the backend drops the answer when the dialog is already gone.
        self.backend.read(lambda c: find.propose_from_typing(c, title, address, text), self._proposal_arrived,
                          self._proposal_failed)

    def _proposal_failed(self, exc: Exception) -> None:
        """A proposal that could not be read: logged and said in the status bar; the form keeps what was typed
        and the next proposal is still shown (it is counted as answered)."""
        self._answered += 1
        self.backend.failed(self.tr("建议类型和网格"))(exc)

    def _proposal_arrived(self, p) -> None:
        self._answered += 1
        if self._answered == self._asked:  # one worker answers in order: only the latest is shown
            self.apply_proposal(p)

    def apply_proposal(self, p) -> None:
        if p.kind and "kind" not in self._chosen:
            self._select(self.kind, p.kind)
            self._select(self.sub_kind, p.sub_kind)
        if "police" not in self._chosen:
            self.police.setChecked(p.police)
        if "urgent" not in self._chosen and p.urgent:
            self.urgent.setChecked(True)
        if "grid" not in self._chosen:
            self.grid.setCurrentIndex(max(self.grid.findData(p.grid_id), 0) if p.grid_id is not None else 0)
        kind = self.kind.currentData()
        guessed = bool(p.kind) or "kind" in self._chosen
        parts = [labels.kind(kind, self.sub_kind.currentData()) if guessed else self.tr("类型未识别，请选择"),
                 self.tr("涉警") if self.police.isChecked() else self.tr("非警务"),
                 p.grid_name or (p.community_name + self.tr("（网格未定）") if p.community_name else self.tr("网格未找到"))]
        if kind == "dispute" and p.first_handler:
            parts.append(self.tr("首接：网格员") + " " + p.first_handler)
        self.found.setText(self.tr("建议：") + " · ".join(parts) + self.tr("  — 请核对后保存"))

    # --- saving ---
    def new_event(self) -> NewEvent:
        return NewEvent(
            title=self.title_edit.text().strip(), kind=self.kind.currentData(), sub_kind=self.sub_kind.currentData(),
            source=self.source.currentData(), description=self.description.toPlainText().strip(),
            urgent=self.urgent.isChecked(), police=self.police.isChecked(), grid_id=self.grid.currentData(),
            address=self.address.text().strip(), reporter_name=self.reporter.text().strip(),
            phone=self.phone.text().strip(), reported_at=self._prefill_time)

    def save(self) -> None:
        new = self.new_event()
        self.error.clear()
        too_long = limits.problems((limits.DESCRIPTION, new.description))
        if too_long:  # said at once, without a round trip; the service checks everything again
            self.error.setText(self.tr("未保存：") + "；".join(too_long))
            self.description.setFocus()
            return
        self.buttons.setEnabled(False)
        self.backend.write(lambda c: report_event(c, new), self._saved, self._failed)

    def _saved(self, row) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(self.tr("未保存：") + str(exc))

