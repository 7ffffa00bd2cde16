"""The board's filter bar: search (substring and pinyin initials), status, community, grid, kind,
urgency, overdue, the triage queue and "my events"."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from desk.services import limits
from desk.services.incidents import codes
from desk.services.incidents.choices import Choices
from desk.views.board import labels
from desk.views.board.model import Filter
from desk.views.text_limits import limit_line


class FilterBar(QWidget):
    changed = Signal(object)  # Filter

    def __init__(self, me: str, parent=None):
        super().__init__(parent)
        self.me = me
        self._choices: Choices | None = None
        self.search = limit_line(QLineEdit(), limits.QUERY)
        self.search.setPlaceholderText(self.tr("搜索 (Ctrl+F)：文字或拼音首字母，如 zsjf"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for code in codes.OPEN_STATUSES:
            self.status.addItem(labels.status(code), code)
        self.community = QComboBox()
        self.grid = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部类型"), "")
        for code in codes.KINDS:
            self.kind.addItem(labels.kind(code), code)
        self.urgency = QComboBox()
        self.urgency.addItem(self.tr("全部"), "")
        self.urgency.addItem(self.tr("紧急"), "urgent")
        self.urgency.addItem(self.tr("一般"), "ordinary")
        self.overdue = QCheckBox(self.tr("只看超时"))
        self.triage = QCheckBox(self.tr("分诊队列"))
        self.triage.setToolTip(self.tr("已上报、尚未受理的事件"))
        self.mine = QCheckBox(self.tr("我的事件"))
        self.set_choices(None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for w in (self.status, self.community, self.grid, self.kind, self.urgency):
            layout.addWidget(w, 1)
        for w in (self.overdue, self.triage, self.mine):
            layout.addWidget(w)
        self.search.textChanged.connect(self._emit)
        for combo in (self.status, self.grid, self.kind, self.urgency):
            combo.currentIndexChanged.connect(self._emit)
        self.community.currentIndexChanged.connect(self._community_changed)
        for box in (self.overdue, self.triage, self.mine):
            box.toggled.connect(self._emit)

    def set_choices(self, choices: Choices | None) -> None:
        self._choices = choices
        keep = self.community.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("全部社区"), None)
        for cid, name in (choices.communities if choices else ()):
            self.community.addItem(name, cid)
        i = self.community.findData(keep)
        self.community.setCurrentIndex(max(0, i))
        self.community.blockSignals(False)
        self._fill_grids()

    def _fill_grids(self) -> None:
        keep = self.grid.currentData()
        cid = self.community.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("全部网格"), None)
        for gid, c, name in (self._choices.grids if self._choices else ()):
            if cid is None or c == cid:
                self.grid.addItem(name, gid)
        self.grid.setCurrentIndex(max(0, self.grid.findData(keep)))
        self.grid.blockSignals(False)

    def _community_changed(self) -> None:
        self._fill_grids()
        self._emit()

    def current(self) -> Filter:
        status = self.status.currentData()
        return Filter(statuses=frozenset({status}) if status else frozenset(),
                      community_id=self.community.currentData(), grid_id=self.grid.currentData(),
                      kind=self.kind.currentData() or "", urgency=self.urgency.currentData() or "",
                      overdue=self.overdue.isChecked(), mine=self.me if self.mine.isChecked() else "",
                      triage=self.triage.isChecked(), text=self.search.text().strip())

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())
