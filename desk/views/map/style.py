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


def tr(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


def figure_name(key: str) -> str:
    return {"households": tr("户数对标"), "open_events": tr("未办结事件"),
            "overdue_events": tr("超期事件")}.get(key, key)


def count_colour(n: int) -> str:
    colour = COUNT_STEPS[0][1]
    for floor, c in COUNT_STEPS:
        if n >= floor:
            colour = c
    return colour


def _swatch(colour: str, text: str) -> str:
    return f'<div><span class="sw" style="background:{colour}"></span>{escape(text)}</div>'


def _common_rows() -> str:
    rows = [f'<div><span class="line" style="border-top:3px dashed {BEAT_STROKE}"></span>{escape(tr("警务区边界"))}</div>',
            f'<div><span class="line" style="border-top:3px solid {COMMUNITY_STROKE}"></span>{escape(tr("社区/村边界"))}</div>',
            f'<div><span class="sw" style="background:{SIZE_COLOURS["dedicated"]};border:2px dashed {DEDICATED_STROKE}">'
            f'</span>{escape(tr("专属网格"))}</div>',
            f'<h4 style="margin-top:6px">{escape(tr("事件"))}</h4>']
    for key, label in (("critical", tr("特急")), ("urgent", tr("紧急")), ("normal", tr("一般"))):
        rows.append(f'<div><span class="dot" style="background:{URGENCY_COLOURS[key]}"></span>{escape(label)}</div>')
    rows.append(f'<div><span class="dot" style="background:{OVERDUE_COLOUR};box-shadow:0 0 0 2px #4a0000">'
                f'</span>{escape(tr("已超期"))}</div>')
    return "".join(rows)


def legend_html(figure: str) -> str:
    head = f"<h4>{escape(tr('网格着色'))}：{escape(figure_name(figure))}</h4>"
    if figure == "households":
        body = (_swatch(SIZE_COLOURS["ok"], tr("达标 300–500 户 / 约 1000 人"))
                + _swatch(SIZE_COLOURS["small"], tr("偏小 (不足 300 户)"))
                + _swatch(SIZE_COLOURS["large"], tr("偏大 (超过 500 户)")))
    else:
        labels = (tr("无"), tr("1–2 件"), tr("3–5 件"), tr("6–9 件"), tr("10 件以上"))
        body = "".join(_swatch(c, lbl) for (_f, c), lbl in zip(COUNT_STEPS, labels))
    return head + body + _common_rows()
