"""The 指标 tab of 派单处置: the dispatch figures of a period by department, grid or community, from the
figures layer's one ``Table`` (the same value the monthly sheet prints): sorted by any figure (the
weakest first, or the best), weak rates in red, a bar chart of the figure sorted by, and export of that
Table as .xlsx through desk.reports (audited)."""
from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from desk.clock import LOCAL_TZ
from desk.services.dispatch import figures as figs
from desk.services.figures.dispatch import figures_table
from desk.services.figures.issues import record_table_export
from desk.services.figures.table import Table
from desk.services.permissions import allowed
from desk.views.dashboard.table_model import FigureTableModel
from desk.views.dispatch.case_list import table_view
from desk.views.workers import run_in_pool

log = logging.getLogger(__name__)
# Where a figure is weak enough to show in red (DOMAIN.md targets; returns and reopenings above 10 %).
WEAK_BELOW = {"accepted_on_time_rate": 0.9, "closed_on_time_rate": 0.9, "satisfaction_rate": 0.9,
              "diversion_rate": 0.75, "in_grid_rate": 0.9}
WEAK_ABOVE = {"return_rate": 0.1, "reopen_rate": 0.1, "average_handling_hours": 24.0}
LOWER_IS_BETTER = {"returned", "return_rate", "reopen_rate", "average_handling_hours"}


def tr(text: str) -> str:
    return QCoreApplication.translate("DispatchFigures", text)


def period_dates(choice: str, today: date) -> tuple[date, date]:
    if choice == "month":
        return today.replace(day=1), today
    if choice == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    return date(today.year, 1, 1), today


def sorted_table(t: Table, key: str, weakest_first: bool) -> Table:
    """The rows ordered by one figure (rows without a value last); the totals row stays at the end."""
    from dataclasses import replace

    i = t.column(key)
    lower_better = key in LOWER_IS_BETTER
    ascending = weakest_first != lower_better  # the weak end of a "higher is better" figure is the low end
    with_value = [r for r in t.rows if r[i] is not None]
    without = [r for r in t.rows if r[i] is None]
    with_value.sort(key=lambda r: (r[i], r[0]), reverse=not ascending)
    return replace(t, rows=tuple(with_value + without))


class FiguresTab(QWidget):
    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.raw: Table | None = None
        self.table: Table | None = None
        self.model = FigureTableModel(self, weak_below=WEAK_BELOW, weak_above=WEAK_ABOVE)
        self.period = QComboBox()
        for key, text in (("month", tr("本月")), ("last_month", tr("上月")), ("year", tr("今年"))):
            self.period.addItem(text, key)
        self.group = QComboBox()
        for key, text in (("department", tr("按部门")), ("grid", tr("按网格")), ("community", tr("按社区"))):
            self.group.addItem(text, key)
        self.sort = QComboBox()
        self.weakest = QCheckBox(tr("最弱在前"))
        self.weakest.setChecked(True)
        self.title = QLabel()
        self.export_button = QPushButton(tr("导出 Excel…"))
        self.export_button.setVisible(allowed(backend.ctx.actor, "report.export"))
        bar = QHBoxLayout()
        for w in (self.period, self.group, QLabel(tr("排序")), self.sort, self.weakest, self.title):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.view = table_view(self.model)
        self.sort.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.chart_box = QWidget()
        self.chart_box.setMinimumHeight(240)
        self.chart_box.setLayout(QVBoxLayout())
        self.chart_box.layout().setContentsMargins(0, 0, 0, 0)
        self.chart = None
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.chart_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.period.currentIndexChanged.connect(self.load)
        self.group.currentIndexChanged.connect(self.load)
        self.sort.currentIndexChanged.connect(self.show_table)
        self.weakest.toggled.connect(self.show_table)
        self.export_button.clicked.connect(lambda: self.export())

    def load(self) -> None:
        today = self.backend.ctx.clock.now().astimezone(LOCAL_TZ).date()
        start, end = period_dates(self.period.currentData(), today)
        by = self.group.currentData()
        self.title.setText(f"{start:%Y-%m-%d} — {end:%Y-%m-%d}")

        def read(c):
            f = figs.figures(c, start, end, by)
            return figures_table(f, return_rate=True, every_column=by != "department")

        self.backend.read(read, self.set_table, self.backend.failed(tr("读取派单指标")))

    def set_table(self, t: Table) -> None:
        self.raw = t
        keep = self.sort.currentData()
        self.sort.blockSignals(True)
        self.sort.clear()
        for c in t.columns[1:]:
            if c.numeric:
                self.sort.addItem(c.title, c.key)
        at = self.sort.findData(keep if keep else "closed_on_time_rate")
        self.sort.setCurrentIndex(max(at, 0))
        self.sort.blockSignals(False)
        self.show_table()

    def show_table(self) -> None:
        if self.raw is None:
            return
        key = self.sort.currentData()
        self.table = sorted_table(self.raw, key, self.weakest.isChecked()) if key else self.raw
        self.model.set_table(self.table)
        self._draw(key)

    def _draw(self, key: str | None) -> None:
        if key is None or self.table is None:
            return
        if self.chart is None:
            from desk.views.dashboard.charts import TrendChart  # pyqtgraph only once the tab is used

            self.chart = TrendChart("", "bars")
            self.chart_box.layout().addWidget(self.chart)
        i = self.table.column(key)
        col = self.table.columns[i]
        rows = [r for r in self.table.rows if r[i] is not None]
        rate = col.kind == "rate"
        values = [float(r[i]) * (100 if rate else 1) for r in rows]
        colours = ["#c62828" if self.model.weak(key, r[i]) else "#1565c0" for r in rows]
        self.chart.set_title(f"{col.title}{'（%）' if rate else ''}")
        self.chart.set_series([str(r[0]) for r in rows], [(col.title, values)], colours)

    def export(self, path: str | None = None) -> None:
        """The Table as shown (sorted) to .xlsx through the shared report writer; audited."""
        if self.table is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("导出"), f"{self.table.title}.xlsx", "Excel (*.xlsx)")
            if not path:
                return
        table, target, backend = self.table, Path(path), self.backend

        def done(n):
            backend.write(lambda c: record_table_export(c, table.title, n, target.name), None,
                          backend.failed(tr("记录导出")))
            self.exported = target

        def failed(exc):
            log.warning("export failed: %s", exc)
            QMessageBox.warning(self, tr("导出"), tr("导出失败：") + str(exc))

        def write():
            from desk.reports.xlsx import write_tables  # openpyxl: loaded with the first export, not at start

            return write_tables([table], target)

        run_in_pool(write, done, failed, self)
