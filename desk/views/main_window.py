"""The main window: navigation on the left, the pages, and a status bar that says which
database the seat is on and whether the live feed is connected."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from desk.views import ui_state
from desk.views.bus import ChangeBus
from desk.views.pages import Page


class MainWindow(QMainWindow):
    def __init__(self, bus: ChangeBus, pages: list[Page], db_description: str, user_text: str = "",
                 start_page: str | None = None, parent=None):
        super().__init__(parent)
        self.bus = bus
        self.pages = pages
        self.closing_hooks: list = []
        self.setWindowTitle(self.tr("警网融合中心工作台"))
        screen = QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        # The first start fits the screen, taskbar included (1280x720 too); later ones are remembered.
        self.resize(min(1280, room.width()) if room else 1280, min(800, room.height() - 30) if room else 800)
        ui_state.restore_geometry(self, "main_window")

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget#nav::item { padding: 9px 6px; }")
        self.stack = QStackedWidget()
        for i, page in enumerate(pages):
            item = QListWidgetItem(page.title())
            item.setData(Qt.UserRole, page.key)
            self.nav.addItem(item)
            self.stack.addWidget(page)
            if i < 9:
                QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.nav.setCurrentRow(i))
        self._fit_nav()
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("数据库：") + db_description)
        self.feed_label = QLabel()
        self.user_label = QLabel(user_text)
        self.busy_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.db_label)
        bar.addWidget(self.busy_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.feed_label)
        self.set_feed_state(False, self.tr("连接中…"))

        bus.changed.connect(self._dispatch_changes)
        bus.feed_state.connect(self.set_feed_state)
        bus.db_state.connect(self.set_db_state)
        bus.problem.connect(lambda text: self.statusBar().showMessage(text, 15000))
        keys = [p.key for p in pages]
        self.nav.setCurrentRow(keys.index(start_page) if start_page in keys else 0)

    def _fit_nav(self) -> None:
        """The navigation a little larger than the text and wide enough for its titles, at any
        font size (Ctrl+= / Ctrl+-)."""
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.nav.setFont(font)
        widest = max((QFontMetrics(font).horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
                     default=100)
        self.nav.setFixedWidth(max(150, widest + 40))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.ApplicationFontChange:
            self._fit_nav()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        ui_state.save_geometry(self, "main_window")
        for hook in self.closing_hooks:
            hook()
        super().closeEvent(event)

    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)

    def show_page(self, key: str) -> None:
        keys = [p.key for p in self.pages]
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].activate()

    def _dispatch_changes(self, changes) -> None:
        for page in self.pages:
            page.on_changes(changes)

    def set_feed_state(self, connected: bool, detail: str = "") -> None:
        if connected:
            self.feed_label.setText("● " + self.tr("实时更新已连接"))
            self.feed_label.setStyleSheet("color: #1e8449;")
            self.feed_label.setToolTip(self.tr("其他席位的修改会在一秒内显示"))
        else:
            self.feed_label.setText("● " + self.tr("实时更新未连接"))
            self.feed_label.setStyleSheet("color: #c0392b;")
            self.feed_label.setToolTip(detail)

    def set_db_state(self, available: bool, detail: str = "") -> None:
        if available:
            self.busy_label.setText("")
            self.busy_label.setStyleSheet("")
        else:
            self.busy_label.setText(self.tr("数据库不可用，正在重连…"))
            self.busy_label.setStyleSheet("color: white; background: #c0392b; padding: 0 6px;")
            self.busy_label.setToolTip(detail)

    def set_street_name(self, name: str) -> None:
        if name:
            self.setWindowTitle(name + self.tr("警网融合中心") + " — desk")
