"""Forms take their field sizes from desk.services.limits (the one place that declares them):
a line edit stops at its limit; a multi-line box counts its characters and turns red past it,
and the form says which field is too long before anything is sent."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from desk.services.limits import Limit


def limit_line(edit: QLineEdit, limit: Limit) -> QLineEdit:
    edit.setMaxLength(limit.max)
    return edit


class CharCounter(QLabel):
    """'123/5000' under a multi-line box; red when over the limit."""

    def __init__(self, box: QPlainTextEdit, limit: Limit, parent=None):
        super().__init__(parent)
        self.box, self.limit = box, limit
        self.setObjectName("char_counter")
        box.textChanged.connect(self.update_count)
        self.update_count()

    @property
    def over(self) -> bool:
        return len(self.box.toPlainText().strip()) > self.limit.max

    def update_count(self) -> None:
        n = len(self.box.toPlainText().strip())
        self.setText(f"{n}/{self.limit.max}")
        self.setStyleSheet("color: #c0392b;" if n > self.limit.max else "color: #7f8c8d;")
