"""A list of dispatched cases on the dispatch page: the table, the selected case's record beneath
it, its buttons, and which case states each button works from."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QPushButton, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget,
)

from desk.views.dispatch.models import CaseTableModel

# The case states each button works from (the services check again): a button is disabled, with
# the reason as its tooltip, when the selected case is not in one of them.
STATE_NEEDED = {
    "accept": ("sent",), "return": ("sent", "accepted"), "feedback": ("accepted",), "extend": ("sent", "accepted"),
    "verify": ("feedback",), "close": ("verified",), "call_back": ("closed",),
    "urge": ("sent", "accepted", "feedback", "verified", "returned"),
    "supervise": ("sent", "accepted", "feedback", "verified", "returned"),
    "instruct": ("sent", "accepted", "feedback", "verified", "returned"),
    "expedite": ("sent", "accepted", "feedback", "verified", "returned"),
    "reroute": ("sent", "accepted", "returned"),
}


def table_view(model, stretch: int | None = None) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QTableView.SelectRows)
    t.setSelectionMode(QTableView.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    if stretch is None:
        t.horizontalHeader().setStretchLastSection(True)
    else:
        t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)
    return t


def fit_columns(table: QTableView, stretch: int, cap: int = 170) -> None:
    """Every column as wide as its content up to ``cap`` (the rest shows as a tooltip), the
    ``stretch`` column (the title) takes what is left: nothing cut at 1280x720."""
    header = table.horizontalHeader()
    for col in range(table.model().columnCount()):
        if col == stretch:
            continue
        header.setSectionResizeMode(col, QHeaderView.Interactive)
        table.resizeColumnToContents(col)
        table.setColumnWidth(col, min(table.columnWidth(col), cap))
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)


class CaseList(QWidget):
    """A table of cases with the selected case's record beside it and a row of buttons."""

    def __init__(self, page, buttons: list[tuple[str, str, object]]):
        super().__init__()
        self.page = page
        self.model = CaseTableModel(page.backend.ctx.clock.now, self)
        self.table = table_view(self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.page.show_detail(self))
        self.detail = QTextBrowser()
        self.top = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in buttons:
            b = QPushButton(text)
            # clicked(bool) must not reach the slot: feedback(text=False) sent no text without asking
            b.clicked.connect(lambda _checked=False, act=slot: act())
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(split)
        layout.addLayout(bar)

    def current(self):
        return self.model.row(self.table.currentIndex().row())
