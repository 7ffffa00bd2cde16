"""Colours and legends of the map: what a leader reads off the big screen at a glance."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

SIZE_COLOURS = {"ok": "#66bb6a", "small": "#ffd54f", "large": "#ef5350", "dedicated": "#ba68c8"}
GRID_STROKE, DEDICATED_STROKE = "#37474f", "#6a1b9a"
COMMUNITY_STROKE, STREET_STROKE, BEAT_STROKE = "#1b2631", "#b71c1c", "#0d47a1"
URGENCY_COLOURS = {"normal": "#1e88e5", "urgent": "#fb8c00", "critical": "#e53935"}
URGENCY_RANK = {"normal": 0, "urgent": 1, "critical": 2}
OVERDUE_COLOUR = "#8e0000"
# Counts of events per grid: none, a few, several, many, very many.
COUNT_STEPS = ((0, "#c8e6c9"), (1, "#fff176"), (3, "#ffb74d"), (6, "#f4511e"), (10, "#b71c1c"))

FIGURES = ("households", "open_events", "overdue_events")


def figure_name(key: str) -> str:
    names = {
        "households": QCoreApplication.translate("MapLegend", "户数对标"),
        "open_events": QCoreApplication.translate("MapLegend", "未办结事件"),
        "overdue_events": QCoreApplication.translate("MapLegend", "超时事件"),
    }
    return names.get(key, key)


def count_colour(n: int) -> str:
    colour = COUNT_STEPS[0][1]
    for floor, c in COUNT_STEPS:
        if n >= floor:
            colour = c
    return colour


def _swatch(colour: str, text: str) -> str:
    return f'<div><span class="sw" style="background:{colour}"></span>{escape(text)}</div>'


def _line(css: str, text: str) -> str:
    return f'<div><span class="line" style="{css}"></span>{escape(text)}</div>'


def _dot(colour: str, text: str, extra: str = "") -> str:
    return f'<div><span class="dot" style="background:{colour};{extra}"></span>{escape(text)}</div>'


def _common_rows() -> str:
    dedicated = (f'<div><span class="sw" style="background:{SIZE_COLOURS["dedicated"]};'
                 f'border:2px dashed {DEDICATED_STROKE}"></span>'
                 + escape(QCoreApplication.translate("MapLegend", "专属网格")) + "</div>")
    return "".join([
        _line(f"border-top:3px dashed {BEAT_STROKE}", QCoreApplication.translate("MapLegend", "警务区边界")),
        _line(f"border-top:3px solid {COMMUNITY_STROKE}", QCoreApplication.translate("MapLegend", "社区/村边界")),
        dedicated,
        '<h4 style="margin-top:6px">' + escape(QCoreApplication.translate("MapLegend", "事件")) + "</h4>",
        _dot(URGENCY_COLOURS["critical"], QCoreApplication.translate("MapLegend", "特急")),
        _dot(URGENCY_COLOURS["urgent"], QCoreApplication.translate("MapLegend", "紧急")),
        _dot(URGENCY_COLOURS["normal"], QCoreApplication.translate("MapLegend", "一般")),
        _dot(OVERDUE_COLOUR, QCoreApplication.translate("MapLegend", "超时"), "box-shadow:0 0 0 2px #4a0000"),
    ])


def legend_html(figure: str, late_outline: bool = False) -> str:
    """The legend of a colouring; ``late_outline``: grids with overdue events are outlined (the big screen)."""
    head = ("<h4>" + escape(QCoreApplication.translate("MapLegend", "网格着色")) + "："
            + escape(figure_name(figure)) + "</h4>")
    if figure == "households":
        body = (_swatch(SIZE_COLOURS["ok"], QCoreApplication.translate("MapLegend", "达标 300–500 户 / 约 1000 人"))
                + _swatch(SIZE_COLOURS["small"], QCoreApplication.translate("MapLegend", "偏小 (不足 300 户)"))
                + _swatch(SIZE_COLOURS["large"], QCoreApplication.translate("MapLegend", "偏大 (超过 500 户)")))
    else:
        labels = (QCoreApplication.translate("MapLegend", "无"), QCoreApplication.translate("MapLegend", "1–2 件"),
                  QCoreApplication.translate("MapLegend", "3–5 件"), QCoreApplication.translate("MapLegend", "6–9 件"),
                  QCoreApplication.translate("MapLegend", "10 件以上"))
        body = "".join(_swatch(c, lbl) for (_f, c), lbl in zip(COUNT_STEPS, labels))
    if late_outline:
        body += (f'<div><span class="sw" style="background:transparent;border:3px solid {OVERDUE_COLOUR}"></span>'
                 + escape(QCoreApplication.translate("MapLegend", "有超时事件的网格")) + "</div>")
    return head + body + _common_rows()
