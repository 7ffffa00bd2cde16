"""The dashboard's trend charts, drawn with pyqtgraph from the figures layer's trend tables.

pyqtgraph costs about 0.3 s to import: it is imported here, inside the functions, when the dashboard
is first shown, never at the window's start."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.services.figures.table import Table

BLUE, GREEN, ORANGE = "#1565c0", "#2e7d32", "#ef6c00"
SO_FAR = "本月至今"   # the trend table's mark of the running month (desk.services.figures.trends)


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
        self.partial_last = False

    def set_series(self, labels: list[str], series: list[tuple[str, list[float | None]]],
                   bar_colours: list[str] | None = None, partial_last: bool = False) -> None:
        """``bar_colours``: one colour per bar of a single series (weak values in red). ``partial_last``:
        the last point is the running month so far, drawn paler (bars) or hollow on a dashed line (rates)."""
        self.labels, self.series, self.bar_colours = labels, series, bar_colours
        self.partial_last = partial_last
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
                fills = [QColor(c) for c in per_bar] if per_bar and n == 1 else [QColor(colour) for _ in values]
                if self.partial_last and fills:
                    fills[-1].setAlpha(90)  # the month so far: paler
                item = pg.BarGraphItem(x=xs, height=[v or 0 for v in values], width=width * 0.9, pen=colour,
                                       brushes=fills)
                self.plot.addItem(item)
            else:
                self._line(pg, values, colour)
        self._caption()
        if self.kind == "rates":
            self.plot.setYRange(0, 105, padding=0)
        self._ticks()
        self.plot.setXRange(-0.6, max(len(self.labels) - 0.4, 0.6), padding=0)

    def _line(self, pg, values: list[float | None], colour: QColor) -> None:
        """Rates as a line with a gap where a month has none; the month so far hollow, on a dashed end
        (in its first week it has no rate, and says so)."""
        ys = [math.nan if v is None else v * 100 for v in values]
        whole = ys[:-1] if self.partial_last else ys
        pen = pg.mkPen(colour, width=max(2, round(3 * self.scale)))
        size = max(5, round(7 * self.scale))
        if any(not math.isnan(y) for y in whole):
            self.plot.plot(list(range(len(whole))), whole, pen=pen, symbol="o", symbolSize=size, symbolBrush=colour,
                           connect="finite")
        if self.partial_last and ys and not math.isnan(ys[-1]):
            last = len(ys) - 1
            xs, tail = ([last - 1, last], ys[-2:]) if last and not math.isnan(ys[-2]) else ([last], ys[-1:])
            dashed = pg.mkPen(colour, width=max(2, round(3 * self.scale)), style=Qt.DashLine)
            self.plot.plot(xs, tail, pen=dashed)
            self.plot.plot([last], [ys[-1]], pen=None, symbol="o", symbolSize=size + 2, symbolBrush="w",
                           symbolPen=pg.mkPen(colour, width=2))
        elif self.partial_last and ys and colour == QColor(BLUE):  # once: the month so far has no rate yet
            note = pg.TextItem(tr("未满一周\n不计比率"), color="#888888", anchor=(1.0, 1.0))
            font = QFont()
            font.setPixelSize(max(10, round(11 * self.scale)))
            note.setFont(font)
            note.setPos(len(ys) - 0.45, 30)
            self.plot.addItem(note)

    def _ticks(self) -> None:
        """As many labels as fit the width, counted back from the last point (the running month is named)."""
        n = len(self.labels)
        if not n:
            return
        px = max(10, round(12 * self.scale))
        longest = max(sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in t) for t in self.labels)  # in ems
        room = max(50, self.plot.width() - round(48 * self.scale))
        step = max(1, math.ceil(n * (longest + 1.0) * px / room))
        self.plot.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(self.labels) if (n - 1 - i) % step == 0],
                                              []])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.labels:
            self._ticks()

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
        self.plot.getPlotItem().setContentsMargins(2, 2, round(24 * scale), 2)  # room for the last label
        for side in ("bottom", "left"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=tick, tickTextOffset=max(3, round(5 * scale)),
                          hideOverlappingLabels=round(20 * scale) if side == "bottom" else False)
            axis.setTextPen("#333333")
            axis.setWidth(round(48 * scale)) if side == "left" else axis.setHeight(round(30 * scale))
        if self.series:
            self._draw()


def month_series(t: Table) -> tuple[list[str], list, list, bool]:
    """Labels (26/11, the running month 本月至今), counts, rates, and whether the last month is so far only."""
    span = t.column("span")
    partial = bool(t.rows) and t.rows[-1][span] == SO_FAR
    labels = [r[0][2:].replace("-", "/") for r in t.rows]
    if partial:
        labels[-1] = tr("本月至今")
    counts = [("上报事件", [float(r[1]) for r in t.rows])]
    rates = [("事件流转办结率", [r[2] for r in t.rows]), ("派单按时办结率", [r[3] for r in t.rows])]
    return labels, counts, rates, partial


def day_series(t: Table) -> tuple[list[str], list]:
    return [r[0] for r in t.rows], [("上报事件", [float(r[1]) for r in t.rows]),
                                    ("其中已办结", [float(r[2]) for r in t.rows])]
