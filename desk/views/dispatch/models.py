"""Qt table models of the dispatch screens, over cached immutable rows from the services."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desk.clock import format_local, local
from desk.services.dispatch.codes import SUPERVISION
from desk.services.dispatch.rows import CaseRow
from desk.views.code_words import dispatch_word, kind_text
from desk.views.row_model import RowTableModel

RED, AMBER, GREY = QColor("#c0392b"), QColor("#b9770e"), QColor("#888888")


def short_time(at, now) -> str:
    """11-24 13:31 this year, 2025-12-30 10:00 before."""
    if at is None:
        return ""
    text = format_local(at)
    return text[5:] if local(at).year == local(now).year else text


def tr(text: str) -> str:
    return QCoreApplication.translate("DispatchModels", text)


class CaseTableModel(RowTableModel):
    """Dispatched cases: event, department, state, time limits; overdue in red, returned in amber."""

    def __init__(self, now, parent=None):
        super().__init__(parent=parent)
        self._now = now  # a callable giving the current time (the context's clock)
        self._headers = (tr("事件号"), tr("标题"), tr("类型"), tr("网格"), tr("承办部门"), tr("协办部门"), tr("状态"),
                         tr("派单时间"), tr("签收时限"), tr("办理时限"), tr("督办/加急"))

    def _flags(self, c: CaseRow) -> str:
        parts = []
        if c.supervision:
            parts.append(dispatch_word(SUPERVISION[c.supervision]))
        if c.urgent:
            parts.append(tr("加急"))
        if c.pending_extension:
            parts.append(tr("延期待批"))
        if c.reopened:
            parts.append(tr("重办"))
        return "、".join(parts)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == Qt.ToolTipRole:
            return (c.title, self.data(index, Qt.DisplayRole))[1 if index.column() != 1 else 0]
        if role == Qt.DisplayRole:
            now = self._now()
            overdue = c.overdue(now)
            state = dispatch_word(c.state_text)
            if overdue == "accept":
                state += tr("（签收超时）")
            elif overdue == "handle":
                state += tr("（办理超时）")
            return (f"#{c.event_id}", c.title, kind_text(c.kind_text), c.grid_name, c.department, "、".join(c.assist), state,
                    short_time(c.dispatched_at, now), short_time(c.accept_by, now), short_time(c.deadline_at, now),
                    self._flags(c))[col]
        if role == Qt.ForegroundRole:
            if c.overdue(self._now()) or c.supervision == 3:
                return QBrush(RED)
            if c.state == "returned" or c.supervision == 2:
                return QBrush(AMBER)
            if c.state in ("rerouted", "closed"):
                return QBrush(GREY)
        if role == Qt.UserRole:
            return c
        return None
