"""Big-screen mode (大屏模式): the dashboard full screen for a projector, read-only, one panel at a
time in turn every N seconds, with large type. It shows no personal data: figures, grid and department
names, and overdue events by number, kind and grid (no titles, callers, phones or ID numbers).
On request (the panels ticked on the page) the rotation goes on to the live board (事件看板,
desk.views.dashboard.wall_board) and the grid map (网格地图, desk.views.dashboard.wall_map).

Esc or F11 leaves it without a password. The idle lock leaves the wall showing (it reveals nothing
personal and changes nothing); leaving it then shows the locked main window, which needs the password.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desk.clock import LOCAL_TZ
from desk.services.figures.overview import Dashboard
from desk.services.figures.wall_board import WallBoard, WallMap
from desk.views.dashboard.view import PANEL_NAMES, PANELS, DashboardView
from desk.views.dashboard.wall_board import WallBoardPanel

WALL_PROPERTY = "desk_read_only_wall"   # the idle lock leaves such a window as it is
WALL_PANELS = (*PANELS, "board", "map")  # the rotation's order: the dashboard's panels, the board, the map
WALL_NAMES = {**PANEL_NAMES, "board": "事件看板", "map": "网格地图"}
ON_REQUEST = ("board", "map")            # not shown until the leader ticks them


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class BigScreen(QWidget):
    closed = Signal()

    def __init__(self, street: str, panels: tuple[str, ...], seconds: int, now: Callable, parent=None,
                 tiles: str | None = None):
        super().__init__(parent, Qt.Window)
        self.now = now
        self.setProperty(WALL_PROPERTY, True)
        self.setWindowTitle(tr("数据总览（大屏）"))
        self.setStyleSheet("BigScreen { background: #f4f6fa; }")
        self.street = street
        self.chosen = tuple(p for p in WALL_PANELS if p in panels) or PANELS[:3]
        self.index = 0
        self.view = DashboardView(wall=True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.board: WallBoardPanel | None = None
        self.map = None   # a WallMapPanel (a web view: made only when the map is chosen)
        if "board" in self.chosen:
            self.board = WallBoardPanel()
            self.pages.addWidget(self.board)
        if "map" in self.chosen:
            from desk.views.dashboard.wall_map import WallMapPanel

            self.map = WallMapPanel(tiles)
            self.pages.addWidget(self.map)
        self.heading = QLabel()
        self.panel_name = QLabel()
        self.clock = QLabel()
        self.hint = QLabel(tr("按 Esc 或 F11 退出大屏"))
        self.hint.setStyleSheet("color: #777;")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.panel_name)
        top.addSpacing(30)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint, 0, Qt.AlignRight)
        self.rotation = QTimer(self)
        self.rotation.setInterval(max(5, int(seconds)) * 1000)
        self.rotation.timeout.connect(self.next_panel)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._show_panel()
        self._tick()
        self._keys()

    def start(self) -> None:
        self.showFullScreen()
        if len(self.chosen) > 1:
            self.rotation.start()
        self.ticker.start()

    def set_data(self, data: Dashboard) -> None:
        self.view.set_data(data)
        self.heading.setText(f"{self.street}{tr('警网融合中心 · 数据总览')}　{data.period.label}")

    def set_board(self, board: WallBoard) -> None:
        if self.board is not None:
            self.board.set_board(board)

    def set_map_layers(self, layers) -> None:
        if self.map is not None and self.map.layers is None:
            self.map.set_layers(layers)

    def set_map_data(self, data: WallMap) -> None:
        if self.map is not None:
            self.map.set_data(data)

    def next_panel(self) -> None:
        self.index = (self.index + 1) % len(self.chosen)
        self._show_panel()

    def current_panel(self) -> str:
        return self.chosen[self.index]

    def _show_panel(self) -> None:
        key = self.chosen[self.index]
        if key == "board":
            self.pages.setCurrentWidget(self.board)
        elif key == "map":
            self.pages.setCurrentWidget(self.map)
        else:
            self.pages.setCurrentWidget(self.view)
            self.view.show_panel(key)
        self.panel_name.setText(tr(WALL_NAMES[key]) + f"  {self.index + 1}/{len(self.chosen)}")

    def _tick(self) -> None:
        self.clock.setText(self.now().astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M"))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        scale = max(1.0, min(event.size().width() / 1500, event.size().height() / 820))
        font = QFont()
        font.setPixelSize(round(26 * scale))
        font.setBold(True)
        for w in (self.heading, self.panel_name, self.clock):
            w.setFont(font)
        small = QFont()
        small.setPixelSize(round(13 * scale))
        self.hint.setFont(small)

    def _keys(self) -> None:
        """Esc or F11 leaves, →, space or Page Down turns: shortcuts of the window, so that they work
        whichever part holds the focus (the map's web view keeps the keys it is given)."""
        for key, act in ((Qt.Key_Escape, self.close), (Qt.Key_F11, self.close), (Qt.Key_Right, self.next_panel),
                         (Qt.Key_Space, self.next_panel), (Qt.Key_PageDown, self.next_panel)):
            QShortcut(QKeySequence(key), self, activated=act, context=Qt.WindowShortcut)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.rotation.stop()
        self.ticker.stop()
        if self.map is not None:
            self.map.dispose()
        super().closeEvent(event)
        self.closed.emit()
