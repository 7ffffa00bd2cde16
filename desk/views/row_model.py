"""The base of the desk's tables: a Qt model over cached, immutable rows from a service.

Subclasses give their column headers and ``data()``; replacing the rows is one model reset."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RowTableModel(QAbstractTableModel):
    def __init__(self, headers: tuple[str, ...] = (), parent=None):
        super().__init__(parent)
        self._rows: tuple = ()
        self._headers: tuple[str, ...] = tuple(headers)

    @property
    def rows(self) -> tuple:
        return self._rows

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row(self, r: int):
        """The row at ``r``, or None outside the table."""
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
