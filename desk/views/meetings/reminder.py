"""A reminder in the window's status bar when an action item falls due: how many of the person's
visible items are due today or overdue, checked at start, every few minutes and on every change."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from desk.services.meetings import reminder
from desk.services.permissions import allowed
from desk.services.topics import concerns

EVERY_MS = 5 * 60 * 1000


class ItemReminder(QObject):
    def __init__(self, window, backend, bus):
        super().__init__(window)
        self.window, self.backend = window, backend
        self.label = QLabel()
        self.label.setStyleSheet("color: #c0392b; padding: 0 6px;")
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        bus.changed.connect(lambda changes: concerns(changes, "meetings") and self.check())
        self.last = None

    def check(self) -> None:
        self.backend.read(reminder, self.show, self.backend.failed(self.tr("督办事项提醒")))

    def show(self, r) -> None:
        self.last = r
        if not r.any:
            self.label.setVisible(False)
            return
        text = self.tr("督办事项：今日到期 %1 项，已逾期 %2 项").replace("%1", str(r.due_today)).replace("%2", str(r.overdue))
        self.label.setText(text)
        self.label.setToolTip("\n".join(r.first))
        self.label.setVisible(True)


def install_item_reminder(window, backend, bus) -> ItemReminder | None:
    """Only for those who see action items (the permission table decides)."""
    if not allowed(backend.ctx.actor, "meetings.items"):
        return None
    r = ItemReminder(window, backend, bus)
    r.check()
    return r
