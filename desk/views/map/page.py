"""The map page: toolbar, the map (QWebEngineView), the grid profile panel.

The page is built off the UI thread (layers read on the DB worker, HTML by folium on the pool),
written to a temp file and loaded. After that, nothing rebuilds it for a selection or one
changed event: those are JavaScript calls (``highlightGrid``, ``updateMarker``, ``removeMarker``)."""
from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
)

from desk.services.geo.mapdata import grid_profile, map_layers
from desk.services.permissions import allowed
from desk.services.registry.visits import grid_visits
from desk.services.topics import concerns
from desk.views.map import style
from desk.views.map.balance_view import BalancePanel
from desk.views.map.bridge import MapBridge, MapWebPage
from desk.views.map.live import LiveMarkers
from desk.views.map.profile_panel import GridProfilePanel
from desk.views.map.web import dispose_view, make_map_view, run_js
from desk.views.pages import Page
from desk.views.workers import run_in_pool



class MapPage(LiveMarkers, Page):
    key = "map"
    map_loaded = Signal(bool)         # the page finished loading (True) or failed
    map_drawn = Signal(str)           # the page's JavaScript said it drew (JSON stats)
    js_error = Signal(str)
    marker_selected = Signal(str)     # an event marker was clicked: the board shows its timeline

    def __init__(self, backend, tiles: str | None = None, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.tiles = tiles
        self._folder = Path(tempfile.mkdtemp(prefix="desk-map-"))
        atexit.register(shutil.rmtree, self._folder, True)
        self._builds = 0
        self._grid_events = None
        self._loaded = False
        self._grid_total: int | None = None   # grids drawn on the loaded page (its status line)
        self._stale = False
        self._building = False
        self._again = False
        self._init_live()
        self._pending_highlight: int | None = None
        self._title = ""
        self._layers = None

        # The web view (a Chromium process) is made the first time the page is shown: the duty
        # staff start on the board, and the window opens without it (see _ensure_view).
        self.view: QWebEngineView | None = None
        self.web_page: MapWebPage | None = None
        self.bridge = MapBridge(self)
        self.bridge.grid_clicked.connect(self._grid_clicked)
        self.bridge.marker_clicked.connect(self._marker_clicked)
        self.bridge.page_ready.connect(self._page_ready)
        self._markers_due = False       # a marker source was set before the view existed

        self.figure = QComboBox()
        for key in style.FIGURES:
            self.figure.addItem(style.figure_name(key), key)
        self.figure.currentIndexChanged.connect(lambda _i: self._recolour())
        self.status = QLabel()
        self.status.setStyleSheet("color: #666;")
        fit = QPushButton(self.tr("全图"))
        fit.clicked.connect(lambda: self.run_js("deskMap.fitAll()"))
        export = QPushButton(self.tr("导出图片…"))
        export.clicked.connect(self._export_dialog)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.rebuild)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("网格着色：")))
        bar.addWidget(self.figure)
        bar.addWidget(fit)
        bar.addWidget(refresh)
        bar.addWidget(export)
        bar.addStretch(1)
        bar.addWidget(self.status)
        self.panel = GridProfilePanel()
        self.balance = BalancePanel(backend)
        self.balance.grid_chosen.connect(self.select_grid)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.panel, self.tr("网格档案"))
        self.tabs.addTab(self.balance, self.tr("规模检查"))
        self.tabs.setMaximumWidth(560)    # on a big screen the map takes the room, not the panel
        self.tabs.currentChanged.connect(lambda i: self.tabs.widget(i) is self.balance and self.balance.reload())
        self._placeholder = QLabel(self.tr("地图在打开本页时加载…"))
        self._placeholder.setAlignment(Qt.AlignCenter)
        self._placeholder.setStyleSheet("color: #888; background: #e9eef2;")
        self._split = split = QSplitter()
        split.addWidget(self._placeholder)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def title(self) -> str:
        return self.tr("网格地图")

    def dispose(self) -> None:
        """Delete the web page now, before the web profile goes at exit (Chromium crashes otherwise)."""
        page, self.web_page = self.web_page, None
        view, self.view = self.view, None
        dispose_view(view, page)

    def _ensure_view(self) -> None:
        """Create the web view, its page and channel (once), in place of the placeholder."""
        if self.view is not None:
            return
        made = make_map_view(self, self.bridge, self.tiles)
        self.view, self.web_page, self.channel = made.view, made.page, made.channel
        self._tiles_handler = made.tiles_handler
        self.web_page.js_error.connect(self.js_error)
        self.view.loadFinished.connect(self._load_finished)
        self._split.replaceWidget(0, self.view)
        self._placeholder.deleteLater()
        if self._markers_due:
            self._markers_due = False
            self._refresh_markers()     # read before the layers (one serial worker): the page holds them

    # --- building -------------------------------------------------------------------------
    def activate(self) -> None:
        self._ensure_view()
        if (not self._loaded or self._stale) and not self._building:
            self._stale = False
            self.rebuild()

    def on_changes(self, changes) -> None:
        self._live_changes(changes)
        if not self._loaded:
            return
        if concerns(changes, "grid_profile") and self.balance.report is not None:
            self.balance.reload()
        if concerns(changes, "map"):
            if self.isVisible():
                self.rebuild()
            else:
                self._stale = True   # redrawn when the page is shown again
        if self.panel.grid_id is not None and concerns(changes, "grid_profile"):
            self.show_grid(self.panel.grid_id)

    def rebuild(self) -> None:
        """Read the layers, build the page off the UI thread, load it."""
        if self._building:
            self._again = True
            return
        self._ensure_view()
        self._building = True
        self.status.setText(self.tr("正在生成地图…"))
        self.backend.read(map_layers, self._build, self._failed)

    def _build(self, layers) -> None:
        self.show_layers(layers)

    def _recolour(self) -> None:
        """Another figure: new grid colours and legend by JavaScript (no page rebuild)."""
        from desk.views.map.builder import grid_fill   # folium: imported when the map is first built
        figure = self.figure.currentData() or "households"
        layers = self._layers
        if not self._loaded or layers is None:
            return
        counts = self.counts_for(figure)
        colours = {str(g.id): {"fill": grid_fill(figure, g.size_status, counts.get(g.id, 0))} for g in layers.grids}
        self.run_js(f"deskMap.setGridColours({json.dumps(colours)}, {json.dumps(style.legend_html(figure))})")

    def show_layers(self, layers) -> None:
        """Build the page for these layers on the pool, then load it (the map's one rebuild path)."""
        from desk.views.map.builder import MapOptions, write_page   # folium: not on the window's start path
        self._ensure_view()
        self._building = True
        self._builds += 1
        self._layers = layers
        self._set_grid_shapes(layers.grids)
        figure = self.figure.currentData() or "households"
        title = self._title or (self.tr("{0} 网格地图").format(layers.street.name) if layers.street else "")
        options = MapOptions(figure=figure, tiles=self.tiles, title=title,
                             counts=tuple(self.counts_for(figure).items()))
        markers = list(self._markers.values())
        self._built = (figure, {str(m.id): m for m in markers})   # what this page will show when loaded
        folder, n = self._folder, self._builds
        run_in_pool(lambda: write_page(layers, markers, options, folder, n), self._load_file, self._failed, self)

    def _load_file(self, path: Path) -> None:
        if self.view is None:  # disposed while the page was being built
            return
        self.view.load(QUrl.fromLocalFile(str(path)))

    def _failed(self, exc: Exception) -> None:
        self._building = False
        self.status.setText(self.tr("地图生成失败：") + str(exc))
        self.map_loaded.emit(False)

    def _load_finished(self, ok: bool) -> None:
        self._building = False
        self._loaded = self._loaded or ok
        if not ok:
            self.status.setText(self.tr("地图页面加载失败"))
        self.map_loaded.emit(ok)
        if self._again:
            self._again = False
            self.rebuild()

    def _page_ready(self, stats: str) -> None:
        self._grid_total = json.loads(stats).get("grids", 0)
        self._show_totals()
        if self._pending_highlight is not None:
            self.run_js(f"deskMap.highlightGrid({int(self._pending_highlight)})")
        figure, markers = getattr(self, "_built", ("households", {}))
        self._sync_markers(markers)     # events that changed while the page was being built
        if figure != self.figure.currentData():
            self._recolour()
        self.map_drawn.emit(stats)

    def _show_totals(self) -> None:
        """The grids drawn and the events on the map now (markers arrive after the page is built)."""
        if self._grid_total is not None:
            self.status.setText(self.tr("网格 {0} 个 · 事件 {1} 件").format(self._grid_total, len(self._markers)))

    def set_title(self, text: str) -> None:
        self._title = text

    # --- two-way ----------------------------------------------------------------------------
    def run_js(self, code: str, callback=None) -> None:
        """Run JavaScript on the map; nothing (callback with None) while the map was never shown."""
        run_js(self.web_page, code, callback)

    def select_grid(self, grid_id: int) -> None:
        """From the Qt lists (OrgBrowser.grid_selected): highlight on the map, show the profile."""
        self._pending_highlight = grid_id
        if self._loaded:
            self.run_js(f"deskMap.highlightGrid({int(grid_id)})")
        self.show_grid(grid_id)

    def _grid_clicked(self, grid_id: int) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.show_grid(grid_id)

    def show_grid(self, grid_id: int) -> None:
        self._pending_highlight = grid_id
        self.panel.show_loading(grid_id)
        self.backend.read(lambda ctx: grid_profile(ctx, grid_id), self._show_profile,
                          lambda exc: self.panel.show_error(str(exc)))
        if allowed(self.backend.ctx.actor, "registry.read"):
            self.backend.read(lambda ctx: grid_visits(ctx, grid_id), lambda v: self._show_grid_visits(grid_id, v),
                              self.backend.failed(self.tr("读取走访记录")))
        if self._grid_events is not None:
            read = self._grid_events
            self.backend.read(lambda ctx: read(ctx, grid_id), lambda evs: self._show_grid_events(grid_id, evs),
                              self.backend.failed(self.tr("读取网格事件")))

    def _show_grid_visits(self, grid_id: int, v) -> None:
        if self.panel.grid_id != grid_id:
            return
        t = self.tr
        rate = "—" if v.coverage is None else f"{v.coverage:.0%}"
        lines = [t("本月走访覆盖 %1（%2/%3人），逾期未访 %4人").replace("%1", rate).replace("%2", str(v.visited_this_month))
                 .replace("%3", str(v.cared)).replace("%4", str(v.overdue))]
        if v.categories:  # who the special populations are
            lines.insert(0, self.tr("特殊人群 %1 人：").replace("%1", str(sum(n for _, n in v.categories)))
                         + "、".join(f"{escape(k)} {n}" for k, n in v.categories))
        lines += [f"{r.day:%m-%d} {escape(r.target)} · {escape(r.visitor)}：{escape(r.findings[:24])}" for r in v.last]
        self.panel.set_visits_html("<br>".join(lines) if v.cared or v.last else t("本网格暂无走访记录"))

    def set_grid_events_source(self, read) -> None:
        """``read(ctx, grid_id) -> [(event_id, label, overdue)]``: the grid's open events for its profile."""
        self._grid_events = read

    def _show_grid_events(self, grid_id: int, events) -> None:
        if self.panel.grid_id != grid_id:
            return
        if not events:
            self.panel.set_events_html(self.tr("无未办结事件"))
            return
        overdue = sum(1 for _, _, late in events if late)
        lines = [self.tr("未办结 %1 件，其中超时 %2 件").replace("%1", str(len(events))).replace("%2", str(overdue))]
        for _eid, label, late in events[:8]:
            style = " style='color:#8e0000'" if late else ""
            lines.append(f"<span{style}>{escape(label)}</span>")
        self.panel.set_events_html("<br>".join(lines))

    def _show_profile(self, profile) -> None:
        if self.panel.grid_id == profile.id:
            self.panel.show_profile(profile)

    def _marker_clicked(self, marker_id: str) -> None:
        marker = self._markers.get(marker_id)
        if marker is not None:
            self.tabs.setCurrentWidget(self.panel)
            self.panel.show_marker(marker)
        self.marker_selected.emit(marker_id)

    # --- export -----------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> bool:
        """The current view of the map as a PNG (for a briefing sheet); False before it was drawn."""
        if self.view is None or not self._loaded:
            return False
        return self.view.grab().save(str(path), "PNG")

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出地图图片"), "网格地图.png", "PNG (*.png)")
        if path:
            ok = self.export_png(path)
            self.status.setText((self.tr("已导出：") if ok else self.tr("导出失败：")) + path)
