"""A figures-layer ``Table`` on screen: the one table model of the dashboard, its drill-downs and the
big screen. Cells are the layer's own text (``cell_text``), so the screen shows what the sheet prints."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desk.services.figures.table import Column, Table, cell_text
from desk.views.row_model import RowTableModel

WEAK = QColor("#c62828")


class FigureTableModel(RowTableModel):
    """Rows of a ``Table`` (and its totals row), optionally leaving some columns out; a rate column
    listed in ``weak_below`` shows values under that threshold in red."""

    def __init__(self, parent=None, hide: tuple[str, ...] = (), weak_below: dict[str, float] | None = None,
                 weak_above: dict[str, float] | None = None):
        super().__init__(parent=parent)
        self._hide = set(hide)
        self._weak = weak_below or {}
        self._weak_above = weak_above or {}
        self._cols: tuple[tuple[int, Column], ...] = ()
        self.table: Table | None = None
        self.unit_below = False
        self._text: dict[tuple[int, int], str] = {}
        self._order: tuple[int, object] | None = None  # the heading clicked last, and its direction

    def set_unit_below(self, below: bool) -> None:
        """Headers with the unit on a second line, 未办结 / (件): narrower columns on a small screen."""
        if below != self.unit_below:
            self.unit_below = below
            self._headers = tuple(_heading(c, below) for _, c in self._cols)
            if self._headers:
                self.headerDataChanged.emit(Qt.Horizontal, 0, len(self._headers) - 1)

    def set_table(self, table: Table) -> None:
        self.table = table
        self._cols = tuple((i, c) for i, c in enumerate(table.columns) if c.key not in self._hide)
        self._headers = tuple(_heading(c, self.unit_below) for _, c in self._cols)
        self.set_rows(self._ordered(table))

    def is_totals(self, row: int) -> bool:
        return self.table is not None and self.table.totals is not None and row == len(self.table.rows)

    def value(self, row: int, key: str):
        if self.table is None or self.row(row) is None:
            return None
        return self.row(row)[self.table.column(key)]

    def weak(self, key: str, v) -> bool:
        """A value on the wrong side of its threshold (a low on-time rate, a high return rate)."""
        if v is None or isinstance(v, str):
            return False
        return (key in self._weak and v < self._weak[key]) or (key in self._weak_above and v > self._weak_above[key])

    def set_rows(self, rows) -> None:
        self._text: dict[tuple[int, int], str] = {}  # a cell's text, made once (a view measures it often)
        super().set_rows(rows)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """A click on a heading orders the rows by that column's value (blanks last either way); the
        totals row stays at the bottom, and a refresh keeps the order chosen."""
        self._order = (column, order)
        if self.table is None or not 0 <= column < len(self._cols):
            return
        self.layoutAboutToBeChanged.emit()
        self._rows = self._ordered(self.table)
        self._text = {}
        self.layoutChanged.emit()

    def _ordered(self, table: Table) -> tuple:
        totals = (table.totals,) if table.totals is not None else ()
        if self._order is None or not 0 <= self._order[0] < len(self._cols):
            return table.rows + totals
        i = self._cols[self._order[0]][0]
        filled = [r for r in table.rows if r[i] is not None]
        blank = [r for r in table.rows if r[i] is None]
        try:
            filled.sort(key=lambda r: r[i], reverse=self._order[1] == Qt.DescendingOrder)
        except TypeError:  # a column of mixed kinds: by its text
            filled.sort(key=lambda r: str(r[i]), reverse=self._order[1] == Qt.DescendingOrder)
        return tuple(filled + blank) + totals

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        i, col = self._cols[c]
        if role == Qt.DisplayRole:
            text = self._text.get((r, c))
            if text is None:
                text = self._text[(r, c)] = cell_text(col, self._rows[r][i])
            return text
        if role == Qt.EditRole:  # sorting by the value, not its text
            v = self._rows[r][i]
            return v if v is not None else float("-inf")
        if role == Qt.TextAlignmentRole:
            return _RIGHT if col.numeric else None
        if role == Qt.ForegroundRole:
            return _WEAK_BRUSH if self.weak(col.key, self._rows[r][i]) else None
        if role == Qt.FontRole and self.is_totals(r):
            return _bold()
        return None


_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
_WEAK_BRUSH = QBrush(WEAK)
_BOLD: list = []


def _bold():
    if not _BOLD:
        from PySide6.QtGui import QFont
        f = QFont()
        f.setBold(True)
        _BOLD.append(f)
    return _BOLD[0]


def _heading(column: Column, unit_below: bool) -> str:
    text = column.heading
    if unit_below and text.endswith(")") and "(" in text:
        at = text.rindex("(")
        return text[:at] + "\n" + text[at:]
    return text
