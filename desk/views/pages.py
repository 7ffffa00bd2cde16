"""What every page of the main window offers the window."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A screen in the main window. ``key`` is stable; ``title()`` is translated.

    ``read_once`` is the one way a page reloads: a read asked for while the same read is still in
    flight is not sent again but run once more after it (so a burst of change records, or a click
    and the change it causes, costs one or two reads, not one per record)."""

    key = "page"

    def read_once(self, key: str, fn: Callable, on_done: Callable, on_error: Callable | None = None) -> bool:
        """Read ``fn`` through ``self.backend``; True when sent now, False when merged into one in flight."""
        flights = self.__dict__.setdefault("_flights", {})
        if key in flights:
            flights[key] = (fn, on_done, on_error)   # the latest request runs once the current one ends
            return False
        flights[key] = None

        def finish(callback, value) -> None:
            again = flights.pop(key, None)
            if callback is not None:
                callback(value)
            if again is not None:
                self.read_once(key, *again)

        backend = self.backend  # every page that reads has one
        backend.read(fn, lambda v: finish(on_done, v),
                     lambda exc: finish(on_error or backend.failed(self.title()), exc))
        return True

    def loading(self, key: str) -> bool:
        return key in self.__dict__.get("_flights", {})

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the page is shown; load lazily here."""

    def on_changes(self, changes) -> None:
        """Refresh only what this page shows, when it is concerned."""

