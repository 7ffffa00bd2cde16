"""The font size of the whole program, for a wall screen or tired eyes: Ctrl+= larger, Ctrl+-
smaller, Ctrl+0 back to normal; remembered for the seat (ui_state)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from desk.views import ui_state

KEY = "font/point_size"
SMALLEST, LARGEST = 8, 28


def normal_size() -> int:
    app = QApplication.instance()
    base = app.property("desk_normal_point_size")
    if base is None:
        base = max(9, app.font().pointSize())
        app.setProperty("desk_normal_point_size", base)
    return int(base)


def current() -> int:
    return QApplication.instance().font().pointSize()


def set_size(points: int) -> int:
    """Give every widget ``points`` (bounded), remember it, and return what was set."""
    normal_size()
    points = max(SMALLEST, min(LARGEST, int(points)))
    app = QApplication.instance()
    font = app.font()
    font.setPointSize(points)
    app.setFont(font)
    ui_state.set_value(KEY, points)
    return points


def restore() -> None:
    """The size remembered for this seat, if any."""
    saved = ui_state.value(KEY, 0)
    if saved:
        set_size(saved)


def install(window: QWidget) -> None:
    restore()
    for keys, step in ((("Ctrl+=", "Ctrl++"), 1), (("Ctrl+-",), -1)):
        for k in keys:
            QShortcut(QKeySequence(k), window, activated=lambda step=step: set_size(current() + step))
    QShortcut(QKeySequence("Ctrl+0"), window, activated=lambda: set_size(normal_size()))
