"""The board's table: a QAbstractTableModel over cached immutable rows, and the filter proxy
(status, community, grid, kind, urgency, overdue, mine, triage, search with pinyin initials)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk.clock import format_local
from desk.services.incidents import search
from desk.services.incidents.rows import EventRow
from desk.views.board import labels
from desk.views.board.labels import COL, COLUMNS

# Two colours, both distinct from the blue selection: overdue is red, in the 期限 cell only (a
# pale red ground, dark red bold words), urgent is a solid orange 编号 cell. Only urgent events,
# which are few, are loud; the rest of an overdue row keeps its ordinary colours.
OVERDUE_BG, RED_FG = QColor("#f9d6d2"), QColor("#a93226")
RED_BG = OVERDUE_BG
URGENT_BG = QColor("#d35400")
AMBER_FG = QColor("#9a6700")
ON_RECORD_FG = QColor("#7f8c8d")
WHITE = QColor("white")
SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole


class EventTableModel(QAbstractTableModel):
    def __init__(self, now: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self._rows: tuple[EventRow, ...] = ()
        self._index: dict[int, int] = {}
        self.now = now or (lambda: datetime.now(timezone.utc))
        self._states: dict[int, str] = {}
        self._sort: tuple[int, Qt.SortOrder] = (1, Qt.DescendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data in ---
    def set_rows(self, rows: tuple[EventRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._compute_states()
        self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sorted here, in Python, once: much cheaper than the proxy asking data() per comparison."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._sort_rows()
        before = self.persistentIndexList()
        after = [self.index(self._index[old_rows[i.row()].id], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows = tuple(sorted(self._rows, key=lambda r: self._sort_key(r, column),
                                  reverse=order == Qt.DescendingOrder))
        self._index = {r.id: i for i, r in enumerate(self._rows)}

    def refresh_deadlines(self) -> None:
        """Time moves: recolour without reloading."""
        self._compute_states()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _compute_states(self) -> None:
        now = self.now()
        self._states = {r.id: r.deadline(now) for r in self._rows}

    # --- access ---
    @property
    def rows(self) -> tuple[EventRow, ...]:
        return self._rows

    def row(self, i: int) -> EventRow:
        return self._rows[i]

    def state(self, event_id: int) -> str:
        return self._states.get(event_id, "none")

    def row_of(self, event_id: int) -> int:
        return self._index.get(event_id, -1)

    # --- Qt ---
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(labels.columns())

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return labels.columns()[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return self._text(r, col)
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == ROW_ROLE:
            return r
        state = self._states.get(r.id, "none")
        if role == Qt.BackgroundRole:
            if col == COL["id"] and r.urgent:
                return QBrush(URGENT_BG)
            if col == COL["deadline"] and state == "red":
                return QBrush(OVERDUE_BG)
            return None
        if role == Qt.ForegroundRole:
            if col == COL["id"] and r.urgent:
                return QBrush(WHITE)
            if col == COL["deadline"] and state == "yellow":
                return QBrush(AMBER_FG)
            if (col == COL["deadline"] and state == "red") or (col == COL["status"] and r.status == "returned"):
                return QBrush(RED_FG)
            if state == "on_record":
                return QBrush(ON_RECORD_FG)
            return None
        if role == Qt.FontRole and ((col == COL["id"] and r.urgent) or (col == COL["deadline"] and state == "red")
                                    or (col == COL["status"] and r.status == "returned")):
            return self._bold
        if role == Qt.ToolTipRole:
            tip = [r.title, labels.deadline(state)]
            if r.urgent:
                tip.append(self.tr("紧急"))
            if r.red_at:
                tip.append(self.tr("期限：") + format_local(r.red_at))
            if r.on_record_reason:
                tip.append(self.tr("挂账：") + r.on_record_reason)
            if r.status == "returned":
                tip.append(self.tr("部门已退单，请重新派单"))
            if r.merged_into_id:
                tip.append(self.tr("重复，原事件 #") + str(r.merged_into_id))
            return "\n".join(t for t in tip if t)
        return None

    def _text(self, r: EventRow, col: int) -> str:
        key = COLUMNS[col] if 0 <= col < len(COLUMNS) else ""
        if key == "id":
            return str(r.id)
        if key == "reported":
            return labels.reported(r.reported_at, self.now())
        if key == "status":
            return labels.status(r.status)
        if key == "deadline":
            return ("⚑ " if r.urgent else "") + labels.time_left(r, self.now(), self._states.get(r.id, "none"))
        if key == "next":
            return labels.next_step(r)
        if key == "kind":
            return labels.kind(r.kind, r.sub_kind)
        if key == "title":
            return r.title
        if key == "community":
            return r.community_name
        if key == "grid":
            return r.grid_name
        if key == "source":
            return labels.source(r.source)
        if key == "claimed":
            return r.claimed_name or ""
        if key == "handler":
            return r.department_name or r.assignee_name
        if key == "ladder":
            return labels.ladder(r.ladder_level) if r.kind == "dispute" else ""
        return ""

    def _sort_key(self, r: EventRow, col: int):
        if col == COL["id"]:
            return r.id
        if col == COL["reported"]:
            return r.reported_at.timestamp()
        if col == COL["deadline"]:  # urgent first, then by how late (most overdue first)
            order = {"red": 0, "yellow": 1, "ok": 2, "on_record": 3, "none": 4}
            due = labels.due_at(r, self.now())
            return ((0 if r.urgent else 1) * 10 + order.get(self._states.get(r.id, "none"), 5),
                    due.timestamp() if due else float("inf"))
        return self._text(r, col)


@dataclass
class Filter:
    statuses: frozenset[str] = frozenset()
    community_id: int | None = None
    grid_id: int | None = None
    kind: str = ""
    urgency: str = ""  # '', 'urgent', 'ordinary'
    overdue: bool = False
    mine: str = ""     # a username: only events claimed by them
    triage: bool = False
    text: str = ""
    extra: dict = field(default_factory=dict)


class BoardFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: EventTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.filter = Filter()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """The source model keeps its rows sorted; the proxy only filters (and keeps source order)."""
        self.sourceModel().sort(column, order)

    def set_filter(self, f: Filter) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self.filter = f
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.filter = f
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        src: EventTableModel = self.sourceModel()
        r = src.row(source_row)
        f = self.filter
        if f.triage and r.status != "reported":
            return False
        if f.statuses and r.status not in f.statuses:
            return False
        if f.community_id is not None and r.community_id != f.community_id:
            return False
        if f.grid_id is not None and r.grid_id != f.grid_id:
            return False
        if f.kind and r.kind != f.kind:
            return False
        if f.urgency and r.urgent != (f.urgency == "urgent"):
            return False
        if f.overdue and src.state(r.id) != "red":
            return False
        if f.mine and r.claimed_by != f.mine:
            return False
        if f.text and not search.matches(f.text, r.text, r.initials):
            return False
        return True
