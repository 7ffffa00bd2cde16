"""Big-screen mode (大屏模式): the dashboard full screen for a projector, read-only, one panel at a
time in turn every N seconds, with large type. It shows no personal data: figures, grid and department
names, and overdue events by number, kind and grid (no titles, callers, phones or ID numbers).

Esc or F11 leaves it without a password. The idle lock leaves the wall showing (it reveals nothing
personal and changes nothing); leaving it then shows the locked main window, which needs the password.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desk.clock import LOCAL_TZ
from desk.services.figures.overview import Dashboard
from desk.views.dashboard.view import PANEL_NAMES, PANELS, DashboardView

WALL_PROPERTY = "desk_read_only_wall"   # the idle lock leaves such a window as it is


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class BigScreen(QWidget):
    closed = Signal()

    def __init__(self, street: str, panels: tuple[str, ...], seconds: int, now: Callable, parent=None):
        super().__init__(parent, Qt.Window)
        self.now = now
        self.setProperty(WALL_PROPERTY, True)
        self.setWindowTitle(tr("数据总览（大屏）"))
        self.setStyleSheet("BigScreen { background: #f4f6fa; }")
        self.street = street
        self.chosen = tuple(p for p in PANELS if p in panels) or PANELS[:3]
        self.index = 0
        self.view = DashboardView(wall=True)
        self.heading = QLabel()
        self.panel_name = QLabel()
        self.clock = QLabel()
        self.hint = QLabel(tr("按 Esc 或 F11 退出大屏"))
        self.hint.setStyleSheet("color: #777;")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.panel_name)
        top.addSpacing(30)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint, 0, Qt.AlignRight)
        self.rotation = QTimer(self)
        self.rotation.setInterval(max(5, int(seconds)) * 1000)
        self.rotation.timeout.connect(self.next_panel)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._show_panel()
        self._tick()

    def start(self) -> None:
        self.showFullScreen()
        if len(self.chosen) > 1:
            self.rotation.start()
        self.ticker.start()

    def set_data(self, data: Dashboard) -> None:
        self.view.set_data(data)
        self.heading.setText(f"{self.street}{tr('警网融合中心 · 数据总览')}　{data.period.label}")

    def next_panel(self) -> None:
        self.index = (self.index + 1) % len(self.chosen)
        self._show_panel()

    def _show_panel(self) -> None:
        key = self.chosen[self.index]
        self.view.show_panel(key)
        self.panel_name.setText(tr(PANEL_NAMES[key]) + f"  {self.index + 1}/{len(self.chosen)}")

    def _tick(self) -> None:
        self.clock.setText(self.now().astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M"))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        scale = max(1.0, min(event.size().width() / 1500, event.size().height() / 820))
        font = QFont()
        font.setPixelSize(round(26 * scale))
        font.setBold(True)
        for w in (self.heading, self.panel_name, self.clock):
            w.setFont(font)
        small = QFont()
        small.setPixelSize(round(13 * scale))
        self.hint.setFont(small)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Escape, Qt.Key_F11):
            self.close()
            return
        if event.key() in (Qt.Key_Right, Qt.Key_Space, Qt.Key_PageDown):
            self.next_panel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.rotation.stop()
        self.ticker.stop()
        super().closeEvent(event)
        self.closed.emit()
