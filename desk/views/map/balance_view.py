"""The grid balance check beside the map: grids outside 300-500 households / about 1,000 people
with the suggested merge, split or boundary shift; a row click selects the grid on the map."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desk.services.geo.balance import BalanceReport, balance_check
from desk.views.map.style import SIZE_COLOURS
from desk.views.row_model import RowTableModel

STATUS_COLOURS = dict(SIZE_COLOURS, dedicated_unstaffed="#ce93d8")


def _status_name(code: str) -> str:
    names = {
        "ok": QCoreApplication.translate("Balance", "达标"),
        "small": QCoreApplication.translate("Balance", "偏小"),
        "large": QCoreApplication.translate("Balance", "偏大"),
        "dedicated": QCoreApplication.translate("Balance", "专属网格"),
        "dedicated_unstaffed": QCoreApplication.translate("Balance", "专属网格无专人"),
    }
    return names.get(code, code)


class BalanceModel(RowTableModel):
    """Rows are BalanceRow values."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("网格"), self.tr("社区"), self.tr("户数"), self.tr("人口"), self.tr("状态"),
                         self.tr("建议"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return (r.grid.name, r.grid.community_name, r.grid.households, r.grid.population,
                    _status_name(r.status), r.suggestion)[col]
        if role == Qt.BackgroundRole and col == 4:
            return QColor(STATUS_COLOURS.get(r.status, "#ffffff"))
        if role == Qt.ToolTipRole:
            return f"{r.grid.code} {r.grid.name}\n{r.suggestion}"
        if role == Qt.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class BalancePanel(QWidget):
    grid_chosen = Signal(int)

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.report: BalanceReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_all = QCheckBox(self.tr("也显示达标网格"))
        self.show_all.toggled.connect(lambda _on: self._fill())
        self.model = BalanceModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(
            lambda col, _old, _new: col == self.model.columnCount() - 1 and self.table.resizeRowsToContents())
        self.table.clicked.connect(lambda idx: self.grid_chosen.emit(self.model.rows[idx.row()].grid.id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.summary.setText(self.tr("正在检查…"))
        self.backend.read(balance_check, self._show, lambda exc: self.summary.setText(str(exc)))  # said, not swallowed

    def _show(self, report: BalanceReport) -> None:
        self.report = report
        self._fill()

    def _fill(self) -> None:
        r = self.report
        if r is None:
            return
        rows = r.rows if self.show_all.isChecked() else tuple(x for x in r.rows if x.status not in ("ok", "dedicated"))
        self.model.set_rows(rows)
        # Every column fits its content but the last (建议), which takes the rest of the width and
        # wraps its words, so a suggestion is never cut off on a 1280x720 screen.
        last = self.model.columnCount() - 1
        for col in range(last):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(last, 120)
        self.table.resizeRowsToContents()
        self.summary.setText(self.tr("共 {0} 个网格：偏大 {1}，偏小 {2}，达标 {3}；调整建议 {4} 条").format(
            len(r.rows), r.count("large"), r.count("small"), r.count("ok"), len(r.suggestions)))
