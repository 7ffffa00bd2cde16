"""The event's timeline as a table (who, when, from → to, note)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desk.clock import format_local
from desk.views.board import labels
from desk.views.row_model import RowTableModel


class TimelineModel(RowTableModel):
    """Rows are StepRow values."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("状态变化"), self.tr("说明"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        s = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return format_local(s.at, with_seconds=True)
        if col == 1:
            return s.actor_name or s.actor
        if col == 2:
            return labels.action(s.action)
        if col == 3:
            if s.from_status and s.to_status and s.from_status != s.to_status:
                return f"{labels.status(s.from_status)} → {labels.status(s.to_status)}"
            return labels.status(s.to_status) if s.to_status and not s.from_status else ""
        return s.note
