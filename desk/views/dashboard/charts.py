"""The dashboard's trend charts, drawn with pyqtgraph from the figures layer's trend tables.

pyqtgraph costs about 0.3 s to import: it is imported here, inside the functions, when the dashboard
is first shown, never at the window's start."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.services.figures.table import Table

BLUE, GREEN, ORANGE = "#1565c0", "#2e7d32", "#ef6c00"


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class TrendChart(QWidget):
    """A titled plot: bars of counts, or lines of rates (0–100 %), over labelled points."""

    def __init__(self, title: str, kind: str, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg

        self.kind = kind
        self.title = title
        self.caption = QLabel(title)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.scale = 1.0
        self.series: list[tuple[str, list[float | None]]] = []
        self.labels: list[str] = []

    def set_series(self, labels: list[str], series: list[tuple[str, list[float | None]]],
                   bar_colours: list[str] | None = None) -> None:
        """``bar_colours``: one colour per bar of a single series (weak values in red)."""
        self.labels, self.series, self.bar_colours = labels, series, bar_colours
        self._draw()

    def _draw(self) -> None:
        import pyqtgraph as pg

        self.plot.clear()
        n = len(self.series)
        colours = (BLUE, GREEN, ORANGE)
        for k, (name, values) in enumerate(self.series):
            colour = QColor(colours[k % 3])
            if self.kind == "bars":
                width = 0.8 / max(n, 1)
                xs = [i - 0.4 + width * (k + 0.5) for i in range(len(values))]
                per_bar = getattr(self, "bar_colours", None)
                brushes = dict(brushes=[QColor(c) for c in per_bar]) if per_bar and n == 1 else dict(brush=colour)
                item = pg.BarGraphItem(x=xs, height=[v or 0 for v in values], width=width * 0.9, pen=colour,
                                       **brushes)
                self.plot.addItem(item)
            else:
                pts = [(i, v * 100) for i, v in enumerate(values) if v is not None]
                if pts:
                    self.plot.plot([p[0] for p in pts], [p[1] for p in pts],
                                   pen=pg.mkPen(colour, width=max(2, round(3 * self.scale))), symbol="o",
                                   symbolSize=max(5, round(7 * self.scale)), symbolBrush=colour)
        self._caption()
        if self.kind == "rates":
            self.plot.setYRange(0, 105, padding=0)
        step = max(1, round(len(self.labels) / 10))
        self.plot.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(self.labels) if i % step == 0], []])
        self.plot.setXRange(-0.6, max(len(self.labels) - 0.4, 0.6), padding=0)

    def _caption(self) -> None:
        """The title, and with several series a key in their colours (no legend box over the data)."""
        key = ""
        if len(self.series) > 1:
            colours = (BLUE, GREEN, ORANGE)
            key = "　".join(f'<span style="color:{colours[k % 3]}">■</span> {name}'
                           for k, (name, _) in enumerate(self.series))
        self.caption.setText(f"<b>{self.title}</b>　<span style='font-weight:normal'>{key}</span>" if key
                             else f"<b>{self.title}</b>")

    def set_title(self, title: str) -> None:
        self.title = title
        self._caption()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        font = QFont(self.caption.font())
        font.setPixelSize(max(11, round(15 * scale)))
        font.setBold(True)
        self.caption.setFont(font)
        tick = QFont()
        tick.setPixelSize(max(10, round(12 * scale)))
        for side in ("bottom", "left"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=tick, tickTextOffset=max(3, round(5 * scale)))
            axis.setTextPen("#333333")
            axis.setWidth(round(48 * scale)) if side == "left" else axis.setHeight(round(30 * scale))
        if self.series:
            self._draw()


def month_series(t: Table) -> tuple[list[str], list, list]:
    labels = [r[0][2:].replace("-", "/") for r in t.rows]
    counts = [("上报事件", [float(r[1]) for r in t.rows])]
    rates = [("事件流转办结率", [r[2] for r in t.rows]), ("派单按时办结率", [r[3] for r in t.rows])]
    return labels, counts, rates


def day_series(t: Table) -> tuple[list[str], list]:
    return [r[0] for r in t.rows], [("上报事件", [float(r[1]) for r in t.rows]),
                                    ("其中已办结", [float(r[2]) for r in t.rows])]
