"""What the dashboard shows, in panels: key figures (tiles and the dispute ladder), trends (charts),
hotspots (grids, communities, departments) and, on the big screen, the overdue events. The page shows
the first three together; the big screen shows one panel at a time, in turn. Type and charts scale
with the widget's size (a 1920×1080 window, a 3840×2160 projector)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desk.services.figures.overview import Dashboard, figure_defs
from desk.views.dashboard.charts import TrendChart, day_series, month_series
from desk.views.dashboard.fit_table import FitTable, fit_table
from desk.views.dashboard.table_model import FigureTableModel
from desk.views.dashboard.tiles import FigureTile

PANELS = ("figures", "trends", "hotspots", "overdue", "ranking")
PANEL_NAMES = {"figures": "关键指标", "trends": "趋势", "hotspots": "热点网格与部门", "overdue": "超时事件",
               "ranking": "评价排名"}
WEAK_RATE = 0.9   # a department's on-time rate under this shows in red
COMPACT_WIDTH = 1500  # narrower (a 1280×800 window): seven figures in two rows, units under the headings
COMPACT_TILES = 7     # ... and proportionally wider for more figures (the registry adds two)


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


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
        self.ladder_view = fit_table(self.ladder_model, read_only_wall=wall)
        self.grids_view = fit_table(self.grids_model, read_only_wall=wall)
        self.comms_view = fit_table(self.comms_model, read_only_wall=wall)
        self.depts_view = fit_table(self.depts_model, sortable=not wall, read_only_wall=wall)
        self.overdue_view = fit_table(self.overdue_model, read_only_wall=wall)
        self.ranking_view = fit_table(self.ranking_model, read_only_wall=wall)
        self.compact: bool | None = None
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
            self.set_compact(True)  # compact first: its minimum width never forces a window wider than it is
        self.scale = 0.0

    # --- panels ---
    def _figures_panel(self) -> QWidget:
        w = QWidget()
        self.figures_grid = QGridLayout(w)
        self.figures_grid.setContentsMargins(0, 0, 0, 0)
        self.ladder_box = Titled(tr("矛盾纠纷各层级化解情况"), self.ladder_view)
        self._place_figures(compact=self.wall)
        return w

    def _place_figures(self, compact: bool) -> None:
        """Wide: seven tiles in a row and the dispute ladder at its end. Compact (the wall, a small
        window): two rows of tiles (four above, three wider below) and the ladder beside both rows."""
        grid = self.figures_grid
        tiles = list(self.tiles.values())
        for item in (*tiles, self.ladder_box):
            grid.removeWidget(item)
        for c in range(grid.columnCount()):
            grid.setColumnStretch(c, 0)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        n = len(tiles)
        if self.wall:  # two rows: the figures, and the dispute ladder at least two tiles wide, all alike on a projector
            width = (n + 3) // 2
            for i, tile in enumerate(tiles):
                grid.addWidget(tile, i // width, i % width)
            rest = n - width  # tiles in the second row; the ladder takes the columns after them
            grid.addWidget(self.ladder_box, 1, rest, 1, width - rest)
            for c in range(width):
                grid.setColumnStretch(c, 1)
            grid.setRowStretch(0, 1)
            grid.setRowStretch(1, 1)
        elif compact:  # two rows of tiles (the upper one fuller), in top x bottom columns, then the ladder
            top = (n + 1) // 2
            bottom = max(n - top, 1)
            cols = top * bottom
            for i, tile in enumerate(tiles):
                upper = i < top
                grid.addWidget(tile, 0 if upper else 1, bottom * i if upper else top * (i - top), 1,
                               bottom if upper else top)
            grid.addWidget(self.ladder_box, 0, cols, 2, 1)
            for c in range(cols):
                grid.setColumnStretch(c, 1)
            grid.setColumnStretch(cols, max(cols // 3, 1))
        else:
            for i, tile in enumerate(tiles):
                grid.addWidget(tile, 0, i)
                grid.setColumnStretch(i, 5)
            grid.addWidget(self.ladder_box, 0, len(tiles))
            grid.setColumnStretch(len(tiles), 14)
        for tile in tiles:
            tile.set_compact(compact and not self.wall)

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
            labels, counts, rates, partial = month_series(months)
            self.months_chart.set_series(labels, counts, partial_last=partial)
            self.rates_chart.set_series(labels, rates, partial_last=partial)
        if days.rows:
            self.days_chart.set_series(*day_series(days))

    # --- scale ---
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = event.size()
        scale = min(size.width() / 1500, size.height() / 820)
        scale = max(0.85, min(scale, 4.0))
        compact = not self.wall and size.width() < COMPACT_WIDTH * max(len(self.tiles), COMPACT_TILES) / COMPACT_TILES
        if compact != self.compact:
            self.set_compact(compact)
        if abs(scale - self.scale) > 0.05:
            self.set_scale(scale)

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._place_figures(compact)
        for view in self.findChildren(FitTable):
            view.model().set_unit_below(compact)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        for tile in self.tiles.values():
            tile.set_scale(scale * (1.5 if self.wall else 1.0))
        for chart in (self.months_chart, self.rates_chart, self.days_chart):
            chart.set_scale(scale)
        px = max(12, round(14 * scale * (1.25 if self.wall else 1.0)))  # a projector: larger rows
        style = (f"QTableView {{ font-size: {px}px; }} "
                 f"QHeaderView::section {{ font-size: {px}px; font-weight: bold; padding: {round(2 * scale)}px; }}")
        for view in (self.ladder_view, self.grids_view, self.comms_view, self.depts_view, self.overdue_view,
                     self.ranking_view):
            view.setStyleSheet(style)
            view.verticalHeader().setDefaultSectionSize(round(px * 1.8))
            view.updateGeometry()
        for t in self.findChildren(Titled):
            t.caption.setStyleSheet(f"font-size: {max(12, round(15 * scale * (1.3 if self.wall else 1.0)))}px; "
                                    "font-weight: bold;")

    def set_ranking(self, table) -> None:
        self.panels["ranking"].caption.setText(table.title)
        self.ranking_model.set_table(table)

    def show_panel(self, key: str) -> None:
        if self.wall:
            self.stack.setCurrentWidget(self.panels[key])
