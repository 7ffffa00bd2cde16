"""The organisation browser: street → communities → grids → staff; police beats with their grids;
departments. Tree on the left; the selected node's members in a table on the right."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget

from desk.services.org_tree import Node, build_tree
from desk.views import labels
from desk.services.topics import concerns
from desk.views.org_models import NodeTableModel, OrgTreeModel
from desk.views.pages import Page



class OrgBrowser(Page):
    key = "org"
    grid_selected = Signal(int)  # other screens (the map) follow the selection

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self._loaded = False
        self.tree_model = OrgTreeModel(self)
        self.table_model = NodeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.RichText)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选本表 (名称、代码、姓名…)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.AscendingOrder)  # service order (by code) until a header is clicked
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(self._open_row)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.heading)
        rl.addWidget(self.filter)
        rl.addWidget(self.table)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("组织架构")

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def on_changes(self, changes) -> None:
        if self._loaded and concerns(changes, "org"):
            self.reload()

    def reload(self) -> None:
        self.read_once("tree", build_tree, self._show_tree, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(self.tr("无法读取组织架构：") + str(exc))

    def _show_tree(self, roots: tuple[Node, ...]) -> None:
        current = self.tree_model.node(self.tree.currentIndex())
        self.tree_model.set_roots(roots)
        self._loaded = True
        if not roots:
            self.heading.setText(self.tr("<b>尚无组织数据。</b> 用 <code>desk import divisions</code> 导入区划代码，"
                                         "或用 <code>desk demo</code> 生成演示街道。"))
            self.table_model.set_rows(())
            return
        idx = self.tree_model.find(current.kind, current.id) if current else QModelIndex()
        if not idx.isValid():
            idx = self.tree_model.index(0, 0)
        self.tree.expand(self.tree_model.index(0, 0))
        self.tree.setCurrentIndex(idx)
        self._on_current(idx)

    def _on_current(self, index: QModelIndex, _previous=None) -> None:
        node = self.tree_model.node(index)
        if node is None:
            return
        self.table_model.set_rows(node.children)
        name = node.name or labels.group_name(node.kind)
        count = self.table_model.rowCount()
        what = {"street": self.tr("个社区/村"), "community": self.tr("个网格"), "grid": self.tr("名工作人员"),
                "beats": self.tr("个警务区"), "beat": self.tr("个网格"), "departments": self.tr("个部门")}
        heading = f"<b style='font-size:15px'>{name}</b> &nbsp; {count} {what.get(node.kind, '')}"
        if node.kind == "street":
            grids = sum(len(c.children) for c in node.children)
            households = sum(int(c.cells[4]) for c in node.children if c.cells)
            grid_word, household_word = self.tr("个网格"), self.tr("户")
            heading += f" · {grids} {grid_word} · {households} {household_word}"
        self.heading.setText(heading)
        self.table.resizeColumnsToContents()
        if node.kind in ("grid", "beat_grid"):
            self.grid_selected.emit(node.id)

    def _open_row(self, proxy_index: QModelIndex) -> None:
        node = self.table_model.node(self.proxy.mapToSource(proxy_index).row())
        parent = self.tree.currentIndex()
        for row in range(self.tree_model.rowCount(parent)):
            child = self.tree_model.index(row, 0, parent)
            if self.tree_model.node(child) == node:
                self.tree.setCurrentIndex(child)
                return

    def select_grid(self, grid_id: int) -> None:
        idx = self.tree_model.find("grid", grid_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
