"""Bar charts as vector graphics inside the PDF (reportlab.graphics), from a figures ``Chart``."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desk.services.figures.table import Chart

SERIES_COLOURS = (colors.HexColor("#C0392B"), colors.HexColor("#2E86C1"), colors.HexColor("#7F8C8D"))


def bar_chart(chart: Chart, width: float, height: float, font: str, title_font: str) -> Drawing:
    d = Drawing(width, height)
    many = len(chart.labels) > 8
    bottom = 46 if many else 30
    top = 22
    c = VerticalBarChart()
    c.x, c.y = 36, bottom
    c.width, c.height = width - 50, height - bottom - top - (14 if len(chart.series) > 1 else 0)
    c.data = [tuple(values) for _, values in chart.series]
    c.categoryAxis.categoryNames = [label[:8] for label in chart.labels]
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 7 if many else 8
    if many:
        c.categoryAxis.labels.angle = 40
        c.categoryAxis.labels.boxAnchor = "ne"
        c.categoryAxis.labels.dy = -2
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    peak = max((max(v) for _, v in chart.series if v), default=0)
    c.valueAxis.valueMax = max(peak * 1.15, 1)
    c.valueAxis.visibleGrid = True
    c.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    c.barLabelFormat = "%d"
    c.barLabels.fontName = font
    c.barLabels.fontSize = 6 if many else 7
    c.barLabels.nudge = 5
    c.groupSpacing = 4 if many else 8
    for i in range(len(chart.series)):
        c.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        c.bars[i].strokeColor = None
    d.add(c)
    d.add(String(width / 2, height - 14, chart.title, fontName=title_font, fontSize=10, textAnchor="middle"))
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = width - 10 - 60 * len(chart.series), height - 24
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = font, 8
        legend.colorNamePairs = [(SERIES_COLOURS[i % 3], name) for i, (name, _) in enumerate(chart.series)]
        legend.dx = legend.dy = 7
        legend.deltax = 60
        d.add(legend)
    return d
