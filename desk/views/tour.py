"""A scripted tour of the real program, for the end-to-end test (tests/e2e): with the
environment variable ``DESK_TOUR`` set (to the idle-lock seconds to use), the window, once
signed in, visits every page of its navigation, opens an event dialog and the dispatch dialog
where the role may, shortens the idle lock and waits until it locks; the person (the test,
through the X server) types the password; then the tour closes the window.

Every step is reported on stderr as a line ``desk-tour: ...``; a step that fails reports
``desk-tour: FAILED ...`` and ends the program with exit code 3. Nothing here runs unless the
variable is set. ``DESK_TOUR_SHOTS`` names a folder for a screenshot of each page.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desk.services.permissions import allowed

ENV_TOUR = "DESK_TOUR"
ENV_SHOTS = "DESK_TOUR_SHOTS"
FAILED_EXIT = 3
log = logging.getLogger("desk.tour")


def tour_requested() -> float | None:
    value = os.environ.get(ENV_TOUR)
    if not value:
        return None
    try:
        return max(1.0, float(value))
    except ValueError:
        return 3.0


class Tour(QObject):
    """Runs the steps one after another on the UI thread, each waiting for its condition."""

    def __init__(self, shell, watcher, overlay, idle_seconds: float, shots: Path | None = None):
        super().__init__(shell.window)
        self.shell, self.window = shell, shell.window
        self.watcher, self.lock = watcher, overlay.controller
        self.idle_seconds, self.shots = idle_seconds, shots
        self.actor = shell.ctx.actor
        self.steps: list[Callable[[], None]] = []
        self._map_drawn = False
        self._feed_connected = False
        shell.bus.feed_state.connect(self._feed_state)
        self._dialogs: list = []

    # --- plumbing ---
    def say(self, text: str) -> None:
        log.info("%s", text)

    def fail(self, text: str) -> None:
        self.say(f"FAILED {text}")
        QApplication.exit(FAILED_EXIT)

    def wait(self, condition: Callable[[], bool], then: Callable[[], None], what: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout

        def poll():
            try:
                if condition():
                    then()
                elif time.monotonic() > deadline:
                    self.fail(f"timed out waiting for {what}")
                else:
                    QTimer.singleShot(100, poll)
            except Exception as exc:  # a broken step ends the tour with its reason, not a hang
                log.exception("tour step failed")
                self.fail(f"{what}: {exc!r}")

        QTimer.singleShot(100, poll)

    def start(self) -> None:
        keys = [p.key for p in self.window.pages]
        self.say(f"signed in as {self.actor.username} ({self.actor.role}); pages {','.join(keys)}")
        map_page = self.window.page("map")
        if map_page is not None:
            map_page.map_drawn.connect(lambda _s: setattr(self, "_map_drawn", True))
        self.steps = [self.live_feed, *[lambda k=k: self.visit(k) for k in keys]]
        self.steps += [self.open_event_dialog, self.idle, self.wait_unlock, self.finish]
        self.next()

    def next(self) -> None:
        if self.steps:
            step = self.steps.pop(0)
            QTimer.singleShot(300, step)

    def _feed_state(self, connected: bool, _detail: str = "") -> None:
        self._feed_connected = connected

    # --- the steps ---
    def live_feed(self) -> None:
        self.wait(lambda: self._feed_connected, lambda: (self.say("live feed connected"), self.next()),
                  "the live feed", timeout=20.0)

    def visit(self, key: str) -> None:
        self.window.show_page(key)
        page = self.window.page(key)

        def shown() -> bool:
            if self.window.stack.currentWidget() is not page or not page.isVisible():
                return False
            return key != "map" or self._map_drawn

        def done() -> None:
            if self.shots is not None:
                self.window.grab().save(str(self.shots / f"{self.actor.username}-{key}.png"))
            self.say(f"page {key} shown")
            self.next()

        self.wait(shown, done, f"page {key}", timeout=60.0 if key == "map" else 20.0)

    def open_event_dialog(self) -> None:
        board = self.window.page("board")
        if board is None:
            self.say("no board for this role: no event dialog")
            return self.next()

        def opened() -> None:
            if not board.model.rows:
                self.say("the board is empty: no event dialog")
                return self.next()
            dlg = board.open_event(board.model.rows[0].id)
            self._dialogs.append(dlg)
            self.wait(lambda: dlg.isVisible() and dlg.detail is not None, self._event_shown, "the event dialog")

        self.window.show_page("board")
        started = time.monotonic()
        self.wait(lambda: bool(board.model.rows) or time.monotonic() > started + 10, opened, "the board's rows")

    def _event_shown(self) -> None:
        dlg = self._dialogs[-1]
        self.say(f"event dialog #{dlg.event_id} shown")
        if not allowed(self.actor, "dispatch.send"):
            self.say("this role does not dispatch: no dispatch dialog")
            return self.next()
        from desk.views.dispatch import DispatchDialog

        dlg.run("dispatch")
        self.wait(lambda: any(isinstance(w, DispatchDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                  self._dispatch_shown, "the dispatch dialog")

    def _dispatch_shown(self) -> None:
        self.say("dispatch dialog shown")
        self.next()

    def idle(self) -> None:
        self.watcher.minutes = self.idle_seconds / 60
        self.watcher.set_check_interval(250)
        self.watcher.resume()
        self.say(f"idle for {self.idle_seconds:g} s")
        self.wait(lambda: self.lock.locked, self._locked, "the idle lock", timeout=self.idle_seconds + 30)

    def _locked(self) -> None:
        covered = 1 + len([p for p in self.lock.others if p.locked])
        self.say(f"locked ({covered} windows covered)")
        self.next()

    def wait_unlock(self) -> None:
        self.wait(lambda: not self.lock.locked, self._unlocked, "the unlock", timeout=90.0)

    def _unlocked(self) -> None:
        self.say("unlocked")
        self.next()

    def finish(self) -> None:
        for dlg in QApplication.topLevelWidgets():
            if dlg is not self.window and dlg.isVisible() and dlg.isWindow():
                dlg.close()
        self.say("closing the window")
        self.window.close()


def start_tour(shell, watcher, overlay) -> Tour | None:
    """Start the tour if ``DESK_TOUR`` asks for it (after the window is shown)."""
    seconds = tour_requested()
    if seconds is None:
        return None
    shots = os.environ.get(ENV_SHOTS)
    folder = Path(shots) if shots else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("desk-tour: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    tour = Tour(shell, watcher, overlay, seconds, folder)
    QTimer.singleShot(500, tour.start)
    return tour
