"""The dashboard's tables can ask their layout for the width of their columns: a table then never gets
less than what shows every column whole, so no column is cut and no horizontal scroll bar appears
(the widths the layout has to spare go to the tables that stretch)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView


class FitHeader(QHeaderView):
    """Room for the sort arrow only in the sorted column (Qt keeps it in every column: nine columns of
    departments lost some 200 px to arrows that are not drawn)."""

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 - Qt's name
        size = super().sectionSizeFromContents(logical)
        model = self.model()
        if not self.isSortIndicatorShown() or logical == self.sortIndicatorSection() or model is None:
            return size
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.section = logical
        opt.text = str(model.headerData(logical, self.orientation(), Qt.DisplayRole) or "")
        opt.sortIndicator = QStyleOptionHeader.SortIndicator.None_
        bare = self.style().sizeFromContents(QStyle.CT_HeaderSection, opt, QSize(), self)
        return QSize(min(size.width(), max(bare.width(), self.minimumSectionSize())), size.height())


class FitTable(QTableView):
    """``hold``: ask the layout for the columns' width (the dashboard's tables do; a dialog's may not)."""

    hold = True

    def set_hold(self, hold: bool) -> None:
        if hold != self.hold:
            self.hold = hold
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        base = super().minimumSizeHint()
        return QSize(self.columns_width(), base.height()) if self.hold else base

    _width: int | None = None

    def updateGeometry(self) -> None:  # noqa: N802 - Qt's name; new rows, headings or type: measure again
        self._width = None
        super().updateGeometry()

    def changeEvent(self, event) -> None:  # noqa: N802
        self._width = None
        super().changeEvent(event)

    def columns_width(self) -> int:
        """The width that shows every column at its content's size, with the frame and the scroll bar
        (measured once per change: measuring asks the model for every cell)."""
        if self._width is None:
            self._width = self._measure()
        return self._width

    def _measure(self) -> int:
        header = self.horizontalHeader()
        model = self.model()
        if model is None:
            return 0
        width = 0
        for i in range(model.columnCount()):
            if not header.isSectionHidden(i):
                width += max(header.sectionSizeHint(i), self.sizeHintForColumn(i))
        bar = self.verticalScrollBar()
        scroll = bar.sizeHint().width() if self.verticalScrollBarPolicy() != Qt.ScrollBarAlwaysOff else 0
        return width + scroll + 2 * self.frameWidth() + 2

    def fits(self) -> bool:
        """Every column shows whole (what a test or a look at the screen checks)."""
        header = self.horizontalHeader()
        model = self.model()
        need = sum(max(header.sectionSizeHint(i), self.sizeHintForColumn(i))
                   for i in range(model.columnCount() if model is not None else 0) if not header.isSectionHidden(i))
        return need <= self.viewport().width() and not self.horizontalScrollBar().isVisible()


def fit_table(model, sortable: bool = False, read_only_wall: bool = False) -> FitTable:
    view = FitTable()
    view.setHorizontalHeader(FitHeader(Qt.Horizontal, view))
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setEditTriggers(QTableView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
    if sortable:  # no column sorted until the user clicks one: the rows keep the figures layer's order
        view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
    view.setSortingEnabled(sortable)
    if read_only_wall:  # the wall: read-only, nothing selected or focused
        view.setSelectionMode(QTableView.NoSelection)
        view.setFocusPolicy(Qt.NoFocus)
    view.horizontalHeader().setSectionsClickable(True)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: view.updateGeometry())
    model.modelReset.connect(view.updateGeometry)
    model.headerDataChanged.connect(lambda *_: view.updateGeometry())
    return view
