"""The page's way back into Qt: a QObject published on the QWebChannel as "bridge", and a
QWebEnginePage that reports JavaScript console errors (a JS error is a failed map)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWebEngineCore import QWebEnginePage


class MapBridge(QObject):
    grid_clicked = Signal(int)
    marker_clicked = Signal(str)
    page_ready = Signal(str)      # JSON stats of the drawn page

    @Slot(str)
    def gridClicked(self, grid_id: str) -> None:  # noqa: N802 - called from JavaScript
        try:
            self.grid_clicked.emit(int(grid_id))
        except ValueError:
            pass

    @Slot(str)
    def markerClicked(self, marker_id: str) -> None:  # noqa: N802
        self.marker_clicked.emit(marker_id)

    @Slot(str)
    def ready(self, stats: str) -> None:
        self.page_ready.emit(stats)


class MapWebPage(QWebEnginePage):
    console = Signal(int, str, int, str)   # level, message, line, source
    js_error = Signal(str)

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 - Qt override
        lvl = int(level.value) if hasattr(level, "value") else int(level)
        self.console.emit(lvl, message, line, source)
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.js_error.emit(f"{message} ({source}:{line})")
