"""The 数据总览 page (leaders' dashboard): the key figures of a period against their targets, trends,
hotspots and the departments' rates; a click on a figure (a double click on a row) opens the list
behind it. Reads run on the database worker; changes from any seat refresh it at most once a second.
F11 or the 大屏模式 button shows it full screen for the meeting room's projector (desk.views.dashboard.wall),
rotating through the panels ticked under 轮播内容 — the live board and the grid map on request."""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QSpinBox, QToolButton, QVBoxLayout

from desk.clock import LOCAL_TZ
from desk.services.figures.dashboard import CHOICES
from desk.services.figures.overview import (Dashboard, dashboard, drill_department, drill_events, drill_figure,
                                           trend_tables)
from desk.services.evaluation import ranking
from desk.services.figures.wall_board import wall_board, wall_map
from desk.services.geo.mapdata import map_layers
from desk.services.figures.periods import last_complete_month, local_today
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views import ui_state
from desk.views.dashboard.drill import DrillDialog
from desk.views.dashboard.view import PANELS, DashboardView
from desk.views.dashboard.wall import WALL_NAMES, WALL_PANELS, BigScreen
from desk.views.pages import Page

COALESCE_MS = 1000     # live refresh: at most once a second
TICK_MS = 60_000       # deadlines pass without any change: re-read every minute while shown


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class DashboardPage(Page):
    key = "dashboard"
    map_requested = Signal()   # the window shows the grid map (wired only where the map page exists)

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.ctx = backend.ctx
        self.data: Dashboard | None = None
        self.wall: BigScreen | None = None
        self.view: DashboardView | None = None
        self.stale = True
        self.last_read = 0.0
        self.street = ""
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.timeout.connect(self.refresh)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.refresh)
        QVBoxLayout(self)  # built when first shown: pyqtgraph is imported then, not at the window's start

    def title(self) -> str:
        return QCoreApplication.translate("Navigation", "数据总览")

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.addItem(tr("默认（本月，月初为上月）"), None)
        for key, name in CHOICES.items():
            self.period.addItem(tr(name), key)
        self.heading = QLabel()
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #777;")
        self.wall_button = QPushButton(tr("大屏模式 (F11)"))
        self.map_button = QPushButton(tr("网格地图"))
        self.map_button.setToolTip(tr("在网格地图上查看未办结和超时事件"))
        self.seconds = QSpinBox()
        self.seconds.setRange(5, 600)
        self.seconds.setSuffix(tr(" 秒轮播"))
        self.seconds.setValue(int(ui_state.value("dashboard/rotate_seconds", 20) or 20))
        self.panel_menu = QMenu(self)
        chosen = str(ui_state.value("dashboard/panels", ",".join(PANELS)) or "").split(",")  # board, map: on request
        self.panel_actions = {}
        for key in WALL_PANELS:
            if (key == "ranking" and not allowed(self.ctx.actor, "evaluation.read")) or (
                    key == "map" and not allowed(self.ctx.actor, "map.read")):
                continue
            act = self.panel_menu.addAction(tr(WALL_NAMES[key]))
            act.setCheckable(True)
            act.setChecked(key in chosen)
            self.panel_actions[key] = act
        self.panels_button = QToolButton()
        self.panels_button.setText(tr("轮播内容"))
        self.panels_button.setMenu(self.panel_menu)
        self.panels_button.setPopupMode(QToolButton.InstantPopup)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        self.period_label = QLabel(tr("时期"))
        for w in (self.updated, self.period_label, self.period, self.map_button, self.panels_button, self.seconds,
                  self.wall_button):
            bar.addWidget(w)
        self.view = DashboardView()
        layout = self.layout()
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.map_button.setVisible(self.map_offered)  # once it has a parent (a parentless widget shown is a window)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.wall_button.clicked.connect(self.toggle_big_screen)
        self.map_button.clicked.connect(self.map_requested)
        self.view.figure_clicked.connect(self.open_figure)
        self.view.grid_chosen.connect(lambda row: self._open_hotspot("grid", row))
        self.view.community_chosen.connect(lambda row: self._open_hotspot("community", row))
        self.view.department_chosen.connect(self.open_department)
        self._scale_bar(self.size())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.view is not None:
            self._scale_bar(event.size())

    def _scale_bar(self, size) -> None:
        """The bar above the figures grows with them (a 4K wall screen in the meeting room)."""
        scale = max(1.0, min(size.width() / 1500, size.height() / 820))
        font = QFont()
        font.setPixelSize(round(13 * scale))
        for w in (self.heading, self.updated, self.period_label, self.period, self.map_button, self.panels_button,
                  self.seconds, self.wall_button):
            w.setFont(font)

    # --- reading ---
    def activate(self) -> None:
        self.tick.start()
        if self.stale:
            self.refresh()  # asked first: the worker reads while the widgets are made
        if self.view is None:
            self._build()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        if self.wall is None:
            self.tick.stop()

    def shown(self) -> bool:
        return self.wall is not None or self.isVisible()

    def refresh(self) -> None:
        choice = self.period.currentData() if self.view is not None else None
        self.stale = False
        self.last_read = time.monotonic()
        self.read_once("dashboard", lambda c: dashboard(c, choice, trends=False), self.show_data)
        self.read_once("trends", trend_tables, self.show_trends)
        if self.wall is not None and "ranking" in self.wall.chosen and allowed(self.ctx.actor, "evaluation.read"):
            month = last_complete_month(local_today(self.ctx.clock.now())).code
            self.read_once("ranking", lambda c: ranking(c, month).grids, self.show_ranking)
        if self.wall is not None and self.wall.board is not None:
            self.read_once("wall_board", wall_board, self.show_wall_board)
        if self.wall is not None and self.wall.map is not None:
            self.read_once("wall_map", wall_map, self.show_wall_map)  # first: the page is built with the dots
            if self.wall.map.layers is None:
                self.read_once("wall_layers", map_layers, self.show_wall_layers)

    def show_wall_board(self, board) -> None:
        if self.wall is not None:
            self.wall.set_board(board)

    def show_wall_map(self, data) -> None:
        if self.wall is not None:
            self.wall.set_map_data(data)

    def show_wall_layers(self, layers) -> None:
        if self.wall is not None:
            self.wall.set_map_layers(layers)

    def show_data(self, data: Dashboard) -> None:
        if self.view is None:
            self._build()
        if self.data is not None and data.months.key == "pending":
            data = replace(data, months=self.data.months, days=self.data.days)  # the trends come next
        self.data = data
        self.view.set_data(data)
        if self.wall is not None:
            self.wall.set_data(data)
        name = CHOICES.get(data.choice, "")
        self.heading.setText(f"<b>{tr('数据总览')}</b>　{tr(name)}：{data.period.label}")
        self.updated.setText(tr("更新于 ") + data.generated_at.astimezone(LOCAL_TZ).strftime("%H:%M:%S"))

    def show_ranking(self, table) -> None:
        if self.wall is not None:
            self.wall.view.set_ranking(table)

    def show_trends(self, trends) -> None:
        months, days = trends
        if self.view is None:
            self._build()
        if self.data is not None:
            self.data = replace(self.data, months=months, days=days)
        self.view.set_trends(months, days)
        if self.wall is not None:
            self.wall.view.set_trends(months, days)

    def on_changes(self, changes) -> None:
        if not concerns(changes, "board", "dispatch", "registry"):  # the registry: coverage and registration
            return
        if not self.shown():
            self.stale = True
            return
        if not self.pending.isActive():
            wait = COALESCE_MS - (time.monotonic() - self.last_read) * 1000
            self.pending.start(max(0, min(COALESCE_MS, int(wait))))

    # --- drill-down ---
    def open_figure(self, key: str) -> None:
        if self.data is None:
            return
        period = self.data.period
        self.backend.read(lambda c: drill_figure(c, key, period), self._show_drill,
                          self.backend.failed(tr("读取指标清单")))

    def _open_hotspot(self, kind: str, row: int) -> None:
        if self.data is None:
            return
        ids = (self.data.hot.grid_ids if kind == "grid" else self.data.hot.community_ids)
        table = self.data.hot.grids if kind == "grid" else self.data.hot.communities
        if not 0 <= row < len(ids):
            return
        title = f"{table.rows[row][0]}{tr('未办结事件')}"
        opened = ids[row][0]
        self.backend.read(lambda c: drill_events(c, title, opened), self._show_drill,
                          self.backend.failed(tr("读取事件清单")))

    def open_department(self, row: int) -> None:
        if self.data is None or not 0 <= row < len(self.data.department_ids):
            return
        dept, period = self.data.department_ids[row], self.data.period
        self.backend.read(lambda c: drill_department(c, dept, period), self._show_drill,
                          self.backend.failed(tr("读取派单清单")))

    def _show_drill(self, table) -> None:
        dialog = DrillDialog(table, self.backend, self)
        dialog.setModal(False)
        dialog.show()
        self.drill = dialog

    # --- big screen ---
    def chosen_panels(self) -> tuple[str, ...]:
        return tuple(k for k, a in self.panel_actions.items() if a.isChecked())

    def toggle_big_screen(self) -> None:
        if self.wall is not None:
            self.wall.close()
            return
        if self.view is None:
            self._build()
        ui_state.set_value("dashboard/rotate_seconds", self.seconds.value())
        ui_state.set_value("dashboard/panels", ",".join(self.chosen_panels()))
        self.wall = BigScreen(self.street, self.chosen_panels(), self.seconds.value(), self.ctx.clock.now,
                              tiles=self.ctx.settings.map_tiles)
        self.wall.closed.connect(self._wall_closed)
        if self.data is not None:
            self.wall.set_data(self.data)
        self.wall.start()
        self.tick.start()
        self.refresh()

    def _wall_closed(self) -> None:
        wall, self.wall = self.wall, None
        if wall is not None:
            wall.deleteLater()
        if not self.isVisible():
            self.tick.stop()  # nothing shows the figures any more
        window = self.window()
        if window is not None:
            window.activateWindow()

    map_offered = False

    def offer_map(self, show_map) -> None:
        """The window has a map page: a button here shows it (the map in a tab of the window)."""
        self.map_offered = True
        self.map_requested.connect(show_map)
        if self.view is not None:
            self.map_button.setVisible(True)

    def set_street_name(self, name: str) -> None:
        self.street = name

    def dispose(self) -> None:
        if self.wall is not None:
            self.wall.close()
