"""Qt models over the organisation tree: the tree on the left, the detail table on the right."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk.services.org_tree import Node
from desk.views import labels
from desk.views.row_model import RowTableModel

OUT_OF_STANDARD = QColor("#c0392b")
DEDICATED = QColor("#2e6da4")


class _Item:
    """A tree position: the node, its parent item and its row among siblings."""

    __slots__ = ("node", "parent", "row", "children")

    def __init__(self, node: Node | None, parent: "_Item | None", row: int):
        self.node, self.parent, self.row = node, parent, row
        self.children = [_Item(c, self, i) for i, c in enumerate(node.children)] if node else []


class OrgTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = _Item(None, None, 0)

    def set_roots(self, roots: tuple[Node, ...]) -> None:
        self.beginResetModel()
        self._root = _Item(None, None, 0)
        self._root.children = [_Item(n, self._root, i) for i, n in enumerate(roots)]
        self.endResetModel()

    def _item(self, index: QModelIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row, column, parent=QModelIndex()):
        item = self._item(parent)
        if 0 <= row < len(item.children) and column == 0:
            return self.createIndex(row, 0, item.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        p = index.internalPointer().parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        item = self._item(parent)
        if item.node is not None and item.node.kind == "grid":
            return 0  # a grid's people are shown in the table, not as tree leaves
        return len(item.children)

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        node = index.internalPointer().node
        if role == Qt.DisplayRole:
            name = node.name or labels.group_name(node.kind)
            if node.kind == "grid":
                return f"{name}  ({node.cells[3]}" + self.tr("户") + ")"
            return name
        if role == Qt.ForegroundRole and node.flag in ("small", "large"):
            return QBrush(OUT_OF_STANDARD)
        if role == Qt.ToolTipRole and node.flag in ("small", "large"):
            return self.tr("户数不符合每格300–500户（约1000人）的标准")
        if role == Qt.UserRole:
            return node
        return None

    def node(self, index: QModelIndex) -> Node | None:
        return index.internalPointer().node if index.isValid() else None

    def find(self, kind: str, node_id: int) -> QModelIndex:
        stack = [(self._root, QModelIndex())]
        while stack:
            item, idx = stack.pop()
            for child in item.children:
                cidx = self.index(child.row, 0, idx)
                if child.node.kind == kind and child.node.id == node_id:
                    return cidx
                stack.append((child, cidx))
        return QModelIndex()


class NodeTableModel(RowTableModel):
    """The children of the selected node as rows (cached, immutable); headers follow their kind."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._kind = ""

    def set_rows(self, rows: tuple[Node, ...]) -> None:
        shown = tuple(r for r in rows if r.cells)
        self.beginResetModel()  # rows, kind and headers change together
        self._rows = shown
        self._kind = shown[0].kind if shown else ""
        self._headers = labels.headers(self._kind)
        self.endResetModel()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        node = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return labels.cell_text(self._kind, index.column(), node.cells[index.column()])
        if role == Qt.ForegroundRole and node.flag in ("small", "large"):
            return QBrush(OUT_OF_STANDARD)
        if role == Qt.ForegroundRole and node.flag == "dedicated":
            return QBrush(DEDICATED)
        if role == Qt.TextAlignmentRole and node.cells[index.column()].isdigit():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return node
        return None

    def node(self, row: int) -> Node:
        return self._rows[row]

    @property
    def kind(self) -> str:
        return self._kind
