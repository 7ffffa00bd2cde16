"""The list behind a figure (drill-down): a dialog with the figures layer's table, exportable."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from desk.services.figures.table import Table
from desk.views.dashboard.table_model import FigureTableModel
from desk.views.table_export import install_table_export


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class DrillDialog(QDialog):
    def __init__(self, table: Table, backend, parent=None):
        super().__init__(parent)
        self.setWindowTitle(table.title)
        self.resize(1000, 560)
        self.model = FigureTableModel(self)
        self.model.set_table(table)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        count = QLabel(tr("共 {n} 条").format(n=len(table.rows)))
        self.count = count
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{table.title}</b>"))
        layout.addWidget(count)
        if table.empty:
            layout.addWidget(QLabel(table.empty_text))
        layout.addWidget(self.view, 1)
        for note in table.notes:
            layout.addWidget(QLabel(note))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        install_table_export(self.view, backend, table.title)
