"""What every page of the main window offers the window, and the page for areas still to come."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A screen in the main window. ``key`` is stable; ``title()`` is translated."""

    key = "page"

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the page is shown; load lazily here."""

    def on_changes(self, changes) -> None:
        """Refresh only what this page shows, when it is concerned."""


class PlannedPage(Page):
    """An area of the desk that a later version fills; says what it will hold."""

    def __init__(self, key: str, title: str, what: str, parent=None):
        super().__init__(parent)
        self.key = key
        self._title = title
        layout = QVBoxLayout(self)
        head = QLabel(f"<h2>{title}</h2>")
        body = QLabel(what)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        note = QLabel(self.tr("本区域将在后续版本中启用。"))
        note.setStyleSheet("color: #888;")
        for w in (head, body, note):
            layout.addWidget(w)
        layout.addStretch(1)

    def title(self) -> str:
        return self._title
