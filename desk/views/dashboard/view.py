"""What the dashboard shows, in panels: key figures (tiles and the dispute ladder), trends (charts),
hotspots (grids, communities, departments) and, on the big screen, the overdue events. The page shows
the first three together; the big screen shows one panel at a time, in turn. Type and charts scale
with the widget's size (a 1920×1080 window, a 3840×2160 projector)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QHeaderView, QLabel, QStackedWidget, QTableView, QVBoxLayout,
                               QWidget)

from desk.services.figures.overview import Dashboard, figure_defs
from desk.views.dashboard.charts import TrendChart, day_series, month_series
from desk.views.dashboard.table_model import FigureTableModel
from desk.views.dashboard.tiles import FigureTile

PANELS = ("figures", "trends", "hotspots", "overdue", "ranking")
PANEL_NAMES = {"figures": "关键指标", "trends": "趋势", "hotspots": "热点网格与部门", "overdue": "超时事件",
               "ranking": "评价排名"}
WEAK_RATE = 0.9   # a department's on-time rate under this shows in red


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _table(model: FigureTableModel, sortable: bool = False, stretch: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setEditTriggers(QTableView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSortingEnabled(sortable)
    if stretch:  # the wall: read-only, nothing selected or focused
        view.setSelectionMode(QTableView.NoSelection)
        view.setFocusPolicy(Qt.NoFocus)
    return view


class Titled(QWidget):
    def __init__(self, title: str, body: QWidget, parent=None):
        super().__init__(parent)
        self.caption = QLabel(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(body, 1)


class DashboardView(QWidget):
    figure_clicked = Signal(str)
    grid_chosen = Signal(int)
    community_chosen = Signal(int)
    department_chosen = Signal(int)

    def __init__(self, wall: bool = False, parent=None):
        super().__init__(parent)
        self.wall = wall
        self.data: Dashboard | None = None
        self.tiles = {d.key: FigureTile(d.key, clickable=not wall) for d in figure_defs()}
        for tile in self.tiles.values():
            tile.clicked.connect(self.figure_clicked)
        self.ladder_model = FigureTableModel(self, hide=("partly", "failed", "referred", *(("disputes",) if wall else ())))
        self.grids_model = FigureTableModel(self)
        self.comms_model = FigureTableModel(self)
        self.depts_model = FigureTableModel(self, hide=("reopen_rate",),
                                            weak_below={"accepted_on_time_rate": WEAK_RATE,
                                                        "closed_on_time_rate": WEAK_RATE})
        self.overdue_model = FigureTableModel(self, hide=("title",))  # no free text on the wall
        self.ranking_model = FigureTableModel(self, hide=("leader", "raters"))  # grids, not people
        self.ladder_view = _table(self.ladder_model, stretch=wall)
        self.grids_view = _table(self.grids_model, stretch=wall)
        self.comms_view = _table(self.comms_model, stretch=wall)
        self.depts_view = _table(self.depts_model, sortable=not wall, stretch=wall)
        self.overdue_view = _table(self.overdue_model, stretch=wall)
        self.ranking_view = _table(self.ranking_model, stretch=wall)
        self.months_chart = TrendChart(tr("近12个月上报事件（件）"), "bars")
        self.rates_chart = TrendChart(tr("近12个月办结率（%）"), "rates")
        self.days_chart = TrendChart(tr("近30日上报与办结（件）"), "bars")
        if not wall:
            self.grids_view.doubleClicked.connect(lambda i: self.grid_chosen.emit(i.row()))
            self.comms_view.doubleClicked.connect(lambda i: self.community_chosen.emit(i.row()))
            self.depts_view.doubleClicked.connect(self._department)
        self.panels = {"figures": self._figures_panel(), "trends": self._trends_panel(),
                       "hotspots": self._hotspots_panel(), "overdue": Titled(tr("超时未办结事件"), self.overdue_view),
                       "ranking": Titled(tr("网格评价排名（上月）"), self.ranking_view)}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if wall:
            self.stack = QStackedWidget()
            for key in PANELS:
                self.stack.addWidget(self.panels[key])
            layout.addWidget(self.stack)
        else:
            self.panels["overdue"].hide()
            self.panels["ranking"].hide()
            layout.addWidget(self.panels["figures"], 3)
            layout.addWidget(self.panels["trends"], 3)
            layout.addWidget(self.panels["hotspots"], 4)
        self.scale = 0.0

    # --- panels ---
    def _figures_panel(self) -> QWidget:
        w = QWidget()
        tiles = list(self.tiles.values())
        per_row = (len(tiles) + 1) // 2   # two rows of figures
        if self.wall:  # the second row ends with the dispute ladder, two tiles wide so its columns are legible
            rows = QVBoxLayout(w)
            rows.setContentsMargins(0, 0, 0, 0)
            for part, last in ((tiles[:per_row], False), (tiles[per_row:], True)):
                row = QHBoxLayout()
                for tile in part:
                    row.addWidget(tile, 1)
                if last:
                    row.addWidget(Titled(tr("矛盾纠纷各层级化解情况"), self.ladder_view), 2)
                rows.addLayout(row, 1)
            return w
        grid = QGridLayout(w)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, tile in enumerate(tiles):
            grid.addWidget(tile, i // per_row, i % per_row)
        outer = QWidget()
        row = QHBoxLayout(outer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(w, 5)
        row.addWidget(Titled(tr("矛盾纠纷各层级化解情况"), self.ladder_view), 2)
        return outer

    def _trends_panel(self) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w) if not self.wall else QGridLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        if self.wall:
            row.addWidget(self.months_chart, 0, 0)
            row.addWidget(self.rates_chart, 0, 1)
            row.addWidget(self.days_chart, 1, 0, 1, 2)
        else:
            for c in (self.months_chart, self.rates_chart, self.days_chart):
                row.addWidget(c, 1)
        return w

    def _hotspots_panel(self) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        grids = Titled(tr("未办结、超时较多的网格"), self.grids_view)
        comms = Titled(tr("各社区未办结、超时"), self.comms_view)
        if self.wall:  # on the wall: grids above communities, departments beside them
            left = QVBoxLayout()
            left.addWidget(grids, 3)
            left.addWidget(comms, 2)
            row.addLayout(left, 4)
        else:
            row.addWidget(grids, 3)
            row.addWidget(comms, 2)
        row.addWidget(Titled(tr("各部门按时办结与退单"), self.depts_view), 6 if self.wall else 5)
        return w

    def _department(self, index) -> None:
        source_row = index.row()
        self.department_chosen.emit(source_row)

    # --- data ---
    def set_data(self, data: Dashboard) -> None:
        self.data = data
        for f in data.figures:
            if f.key in self.tiles:
                self.tiles[f.key].set_figure(f)
        for model, table in ((self.ladder_model, data.ladder), (self.grids_model, data.hot.grids),
                             (self.comms_model, data.hot.communities), (self.depts_model, data.departments),
                             (self.overdue_model, data.overdue)):
            if model.table != table:  # a model reset re-measures its view: only where something changed
                model.set_table(table)
        self.set_trends(data.months, data.days)

    def set_trends(self, months, days) -> None:
        if (months, days) == getattr(self, "_trends", None):
            return  # unchanged: the charts stay as drawn
        self._trends = (months, days)
        if months.rows:
            labels, counts, rates = month_series(months)
            self.months_chart.set_series(labels, counts)
            self.rates_chart.set_series(labels, rates)
        if days.rows:
            self.days_chart.set_series(*day_series(days))

    # --- scale ---
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = event.size()
        scale = min(size.width() / 1500, size.height() / 820)
        scale = max(0.85, min(scale, 4.0))
        if abs(scale - self.scale) > 0.05:
            self.set_scale(scale)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        for tile in self.tiles.values():
            tile.set_scale(scale * (1.5 if self.wall else 1.0))
        for chart in (self.months_chart, self.rates_chart, self.days_chart):
            chart.set_scale(scale)
        px = max(12, round(14 * scale))
        style = (f"QTableView {{ font-size: {px}px; }} "
                 f"QHeaderView::section {{ font-size: {px}px; font-weight: bold; padding: {round(2 * scale)}px; }}")
        for view in (self.ladder_view, self.grids_view, self.comms_view, self.depts_view, self.overdue_view,
                     self.ranking_view):
            view.setStyleSheet(style)
            view.verticalHeader().setDefaultSectionSize(round(px * 1.8))
        for t in self.findChildren(Titled):
            t.caption.setStyleSheet(f"font-size: {max(12, round(15 * scale))}px; font-weight: bold;")

    def set_ranking(self, table) -> None:
        self.panels["ranking"].caption.setText(table.title)
        self.ranking_model.set_table(table)

    def show_panel(self, key: str) -> None:
        if self.wall:
            self.stack.setCurrentWidget(self.panels[key])
