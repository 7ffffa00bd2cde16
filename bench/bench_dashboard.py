"""The leaders' dashboard (数据总览) on the 100,000-event database of bench_figures (a year before
2026-11-25, half of it dispatched), SQLite (and PostgreSQL when DESK_BENCH_PG=1 and a server answers):

- first paint: the page built and shown, its dashboard read on the database worker, the figures set and
  painted — target ≤ 1 s (median of 5, each in a fresh page; pyqtgraph's import is paid by the first);
- live refresh: UI-thread time of one refresh after a change (the result put on screen and painted;
  the reading itself runs on the worker) — target ≤ 200 ms;
- memory: the process's resident size with the window and the dashboard shown — target ≤ 350 MB.
Run: .venv/bin/python bench/bench_dashboard.py   (or bench/run.py dashboard)
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, figure

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")


def _wait(app, done, timeout=30.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the dashboard did not load")
        time.sleep(0.001)


def _resident_mb() -> float:
    """The process's resident size now, with the dashboard shown (not its peak: building the 100,000-event
    database in this process, when it is not there yet, would count otherwise)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(url: str, engine: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.services.context import Context
    from desk.services.unit import Actor, Change
    from desk.views.backend import Backend
    from desk.views.bus import ChangeBus
    from desk.views.dashboard import DashboardPage
    from desk.views.workers import DbWorker
    from bench_figures import END

    from desk.views import main_thread_gc

    app = QApplication.instance() or QApplication([])
    main_thread_gc.install(app)  # as the program does: no collection on the database worker
    ctx = Context(db=Database(url), settings=Settings(), clock=FixedClock(END))
    leader = ctx.as_actor(Actor("bench", "领导", role="leader", seat="bench"))
    worker, bus = DbWorker(), ChangeBus()
    backend = Backend(leader, worker, bus)
    firsts, pages = [], []
    for _ in range(6):
        started = time.perf_counter()
        page = DashboardPage(backend)
        page.resize(1920, 1080)
        page.show()
        page.activate()
        _wait(app, lambda: page.data is not None)  # figures, hotspots, departments (trends follow)
        page.repaint()
        app.processEvents()
        firsts.append(time.perf_counter() - started)
        pages.append(page)
        _wait(app, lambda: not page.loading("trends"))  # the next page does not queue behind these trends
        page.tick.stop()
    figure(f"dashboard first paint, 100k events, {engine}", firsts[1:], "s", 1.0)
    page = pages[-1]
    bus.changed.connect(page.on_changes)
    ui = []
    real_show = page.show_data

    def timed_show(data):
        t = time.perf_counter()
        real_show(data)
        page.repaint()
        ui.append((time.perf_counter() - t) * 1000)

    page.show_data = timed_show
    for i in range(5):
        before = len(ui)
        t = time.perf_counter()
        bus.changed.emit([Change("event", str(i), "update")])
        handler_ms = (time.perf_counter() - t) * 1000
        _wait(app, lambda: len(ui) > before)
        ui[-1] += handler_ms
    figure(f"dashboard live refresh, UI-thread time, {engine}", ui, "ms", 200)
    rss = _resident_mb()
    figure(f"memory with the dashboard shown, {engine}", [rss], "MB", 350)
    for p in pages:
        p.dispose()
        p.close()
    worker.stop()


def main() -> None:
    from bench_figures import build, pg_url

    sqlite = f"sqlite:///{Path(tempfile.gettempdir()) / 'desk-bench-figures.db'}"
    targets = [("SQLite", sqlite)]
    if os.environ.get("DESK_BENCH_PG") == "1":
        targets.append(("PostgreSQL", pg_url()))
    for engine, url in targets:
        if url is None:
            continue
        build(url)
        measure(url, engine)


if __name__ == "__main__":
    main()
