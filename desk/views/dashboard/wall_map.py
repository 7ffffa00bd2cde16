"""The big screen's 网格地图 panel: the street's grid map read-only on the projector. Grids are
coloured by their open events and outlined when some are overdue, with the legend; events are
anonymous dots (where, how urgent, whether overdue) — no titles, no tooltips, no popups, nothing
reacts to a click, and the police beats show without their officers' names. Offline: the map
page's own vendored Leaflet, its ``desktiles:`` base map, built the way the map page builds.

The shapes are read once (``map_layers`` on the worker), the page is written on the pool and
loaded; each live refresh after that is JavaScript (new dots and colours), never a rebuild."""
from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from desk.services.figures.wall_board import WallMap
from desk.views.map import style
from desk.views.map.bridge import MapBridge
from desk.views.map.markers import MapMarker
from desk.views.map.web import dispose_view, make_map_view, run_js
from desk.views.workers import run_in_pool

FIGURE = "open_events"   # grids coloured by their open events; overdue ones outlined


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def wall_markers(data: WallMap) -> list[MapMarker]:
    """The open events as anonymous dots: a running number, no label."""
    return [MapMarker(str(i), p.lat, p.lon, "urgent" if p.urgent else "normal", p.overdue, "")
            for i, p in enumerate(data.points, 1)]


class WallMapPanel(QWidget):
    ready = Signal()          # the page said it drew (the dots and colours are on it)
    failed = Signal(str)

    def __init__(self, tiles: str | None = None, parent=None):
        super().__init__(parent)
        self.tiles = tiles
        self.title = ""
        self.layers = None
        self.data: WallMap | None = None
        self.loaded = False
        self.errors: list[str] = []
        self._folder = Path(tempfile.mkdtemp(prefix="desk-wall-map-"))
        atexit.register(shutil.rmtree, self._folder, True)
        self.bridge = MapBridge(self)
        self.bridge.page_ready.connect(self._page_ready)
        made = make_map_view(self, self.bridge, tiles)
        self.view, self.web_page, self.channel = made.view, made.page, made.channel
        self._tiles_handler = made.tiles_handler
        self.web_page.js_error.connect(self.errors.append)
        self.view.loadFinished.connect(self._load_finished)
        self.view.setContextMenuPolicy(Qt.NoContextMenu)
        self._no_input(self.view)
        self.status = QLabel(tr("正在生成网格地图…"))
        self.status.setAlignment(Qt.AlignCenter)
        self.status.setStyleSheet("color: #888; background: #e9eef2;")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.status)
        self.stack.addWidget(self.view)
        self.scale = 0.0

    # --- building -------------------------------------------------------------------------
    def set_layers(self, layers, title: str = "") -> None:
        """The street's shapes (read once): build the page on the pool, then load it."""
        from desk.views.map.builder import MapOptions, write_page   # folium: not on the window's start path

        self.layers, self.title = layers, title
        data = self.data
        options = MapOptions(figure=FIGURE, tiles=self.tiles, title=title, wall=True,
                             counts=data.open_by_grid if data else (),
                             late=tuple(g for g, _ in data.overdue_by_grid) if data else ())
        markers = wall_markers(data) if data else []
        self._built = data
        folder = self._folder
        run_in_pool(lambda: write_page(layers, markers, options, folder, 1), self._load_file, self._failed, self)

    def _load_file(self, path: Path) -> None:
        if self.view is not None:
            self.view.load(QUrl.fromLocalFile(str(path)))

    def _failed(self, exc: Exception) -> None:
        self.status.setText(tr("网格地图生成失败：") + str(exc))
        self.failed.emit(str(exc))

    def _load_finished(self, ok: bool) -> None:
        if not ok:
            self._failed(RuntimeError(tr("页面加载失败")))

    @staticmethod
    def _no_input(widget) -> None:
        """Read-only: no click, hover or focus reaches the page (the wall's keys stay the wall's)."""
        if widget is not None:
            widget.setAttribute(Qt.WA_TransparentForMouseEvents)
            widget.setFocusPolicy(Qt.NoFocus)

    def _page_ready(self, _stats: str) -> None:
        self.loaded = True
        self._no_input(self.view.focusProxy())   # Chromium's own widget, made with the page
        self.stack.setCurrentWidget(self.view)
        if self.data is not self._built:
            self._draw(self.data)   # events that changed while the page was being built
        self.ready.emit()

    # --- live -------------------------------------------------------------------------------
    def set_data(self, data: WallMap) -> None:
        """Open and overdue events now: new dots and grid colours by JavaScript."""
        self.data = data
        if self.loaded:
            self._draw(data)

    def _draw(self, data: WallMap | None) -> None:
        from desk.views.map.builder import grid_fill

        if data is None or self.layers is None:
            return
        counts, late = dict(data.open_by_grid), {g for g, _ in data.overdue_by_grid}
        colours = {str(g.id): {"fill": grid_fill(FIGURE, g.size_status, counts.get(g.id, 0)), "late": g.id in late}
                   for g in self.layers.grids}
        features = json.dumps([m.feature() for m in wall_markers(data)], ensure_ascii=False)
        legend = json.dumps(style.legend_html(FIGURE, late_outline=True))
        self.run_js(f"deskMap.setGridColours({json.dumps(colours)}, {legend}); deskMap.setMarkers({features})")

    def run_js(self, code: str, callback=None) -> None:
        run_js(self.web_page, code, callback)

    # --- scale and end ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = event.size()
        scale = max(1.0, min(size.width() / 1500, size.height() / 820, 4.0))
        if abs(scale - self.scale) > 0.05 and self.view is not None:
            self.scale = scale
            self.view.setZoomFactor(scale)   # labels, legend and dots as large as the rest of the wall

    def dispose(self) -> None:
        """The web page goes before the web profile does (Chromium crashes otherwise)."""
        page, self.web_page = self.web_page, None
        view, self.view = self.view, None
        dispose_view(view, page)
