"""A key figure as a tile: its name, the value (or 本期无数据), the change against the previous period
with an arrow coloured by whether it is for the better, and the target with 达标 / 未达标.
A click asks for the list behind the figure."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from desk.services.figures.dashboard import KeyFigure, change_text

GOOD, BAD, FLAT, MUTED = "#2e7d32", "#c62828", "#555555", "#888888"


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def change_colour(f: KeyFigure) -> str:
    c = f.change
    if c is None or c == 0 or f.better == "none":
        return FLAT
    return GOOD if (c > 0) == (f.better == "up") else BAD


def _empty_text(source: str) -> str:
    if source == "person":
        return tr("本期无在管特殊人群")
    if source == "household":
        return tr("尚未录入基础信息")
    return tr("本期无上报、派单或调解")


def _click_text(source: str) -> str:
    if source == "person":
        return tr("点击查看在管特殊人群及走访情况（姓名已遮蔽）")
    if source == "household":
        return tr("点击查看各住户的登记情况")
    return tr("点击查看此指标背后的事件清单")


class FigureTile(QFrame):
    clicked = Signal(str)

    def __init__(self, key: str, parent=None, clickable: bool = True):
        super().__init__(parent)
        self.key = key
        self.clickable = clickable
        self.setObjectName("tile")
        self.setFrameShape(QFrame.StyledPanel)
        self.name = QLabel()
        self.value = QLabel()
        self.change = QLabel()
        self.target = QLabel()
        for w in (self.name, self.value, self.change, self.target):
            w.setAlignment(Qt.AlignCenter)
            w.setWordWrap(w is not self.value)  # 22.2小时 on one line
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for w in (self.name, self.value, self.change, self.target):
            layout.addWidget(w)
        self.compact = False
        if clickable:
            self.setCursor(Qt.PointingHandCursor)
            self.setToolTip(tr("点击查看此指标背后的事件清单"))
        self.set_scale(1.0)

    def set_figure(self, f: KeyFigure) -> None:
        self.figure = f
        self.name.setText(tr(f.title))
        text = tr(f.text) if f.empty else f.text
        long = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) > 6
        if long != getattr(self, "_long", False):
            self._long = long
            self.set_scale(self.scale)  # a long value (24.5小时, 本期无数据) in a smaller face
        self.value.setText(text)
        _colour(self.value, MUTED if f.empty else _met_colour(f.met))
        self.change.setText(tr("较上期 ") + change_text(f) if not f.empty else _empty_text(f.source))
        _colour(self.change, change_colour(f))
        met = {True: tr("达标"), False: tr("未达标"), None: ""}[f.met]
        self.target.setText((tr("目标 ") + f.target_text + (f"  {met}" if met else "")) if f.target is not None
                            else tr("本期合计"))
        self.setToolTip(f.note + ("\n" + _click_text(f.source) if self.clickable else ""))

    def set_compact(self, compact: bool) -> None:
        """Two rows of tiles on a small screen: a lower tile, the value a little smaller."""
        if compact != self.compact:
            self.compact = compact
            self.set_scale(self.scale)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        value_px = (24 if self.compact else 28) if getattr(self, "_long", False) else (32 if self.compact else 38)
        for w, px, bold in ((self.name, 15, True), (self.value, value_px, True), (self.change, 13, False),
                            (self.target, 13, False)):
            font = QFont(w.font())
            font.setPixelSize(max(10, round(px * scale)))
            font.setBold(bold)
            w.setFont(font)
        self.layout().setContentsMargins(*(((6, 3) * 2) if self.compact else ((9, 9) * 2)))
        self.setMinimumHeight(round((84 if self.compact else 130) * scale))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.clickable and event.button() == Qt.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


def _colour(label: QLabel, colour: str) -> None:
    """The text colour through the palette (a style sheet per refresh costs a style pass per tile)."""
    pal = label.palette()
    if pal.color(QPalette.WindowText) != QColor(colour):
        pal.setColor(QPalette.WindowText, QColor(colour))
        label.setPalette(pal)


def _met_colour(met: bool | None) -> str:
    return {True: GOOD, False: BAD, None: "#1a237e"}[met]
