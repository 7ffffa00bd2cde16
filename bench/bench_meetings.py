"""The meetings page and the weekly agenda (issue 12's figures):

- the meetings page opened (built, and the tab in front read and shown: the meetings of the last 30 days
  and the next 30 with this week's rhythm) on the demo street with a year of meetings and action items:
  target ≤ 300 ms, median of 5;
- a weekly review's agenda pre-filled on a 100,000-event database (bench_figures' data, in its own
  file): target ≤ 500 ms, median of 5.
SQLite, and PostgreSQL for the agenda when a server answers."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from common import ROOT, demo_database, figure

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WEEKLY_DAY = date(2026, 11, 26)


def _ctx(url: str):
    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.demo.dispatch import DEMO_NOW
    from desk.services.context import Context
    from desk.services.unit import Actor

    duty = Actor("bench", "值班员", role="duty_staff", seat="bench")
    return Context(db=Database(url), settings=Settings(), clock=FixedClock(DEMO_NOW), actor=duty)


def page_open(url: str) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from desk.views.backend import Backend
    from desk.views.bus import ChangeBus
    from desk.views.meetings import MeetingsPage
    from desk.views.workers import DbWorker

    app = QApplication.instance() or QApplication([])
    ctx = _ctx(url)
    worker, bus = DbWorker(), ChangeBus()
    backend = Backend(ctx, worker, bus)
    times, cpu = [], []
    try:
        for _ in range(6):
            started, cpu_started = time.perf_counter(), time.process_time()
            page = MeetingsPage(backend)
            page.resize(1280, 720)
            page.show()
            page.activate()
            while page.__dict__.get("_flights"):
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            assert page.meetings.rowCount() and page.rhythm.rowCount()
            page.close()
            page.deleteLater()
            app.processEvents()
    finally:
        worker.stop()
    return times[1:], cpu[1:]


def agenda(url: str) -> list[float]:
    from desk.services.meetings.agenda import prefill

    ctx = _ctx(url)
    times, cpu = [], []
    for _ in range(6):
        started, cpu_started = time.perf_counter(), time.process_time()
        lines = prefill(ctx, "weekly", WEEKLY_DAY)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    assert len(lines) > 5
    ctx.db.dispose()
    return times[1:], cpu[1:]


def pg_url() -> str | None:
    """The bench's own PostgreSQL database (not bench_figures': another branch may hold another schema)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from bench_figures import PG_ADMIN

    try:
        eng = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with eng.connect() as c:
            if not c.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = 'desk_bench_meetings'").first():
                c.exec_driver_sql('CREATE DATABASE "desk_bench_meetings"')
        eng.dispose()
    except Exception as exc:  # noqa: BLE001 - reported
        print(f"PostgreSQL not available ({exc.__class__.__name__}); skipped")
        return None
    return make_url(PG_ADMIN).set(database="desk_bench_meetings").render_as_string(hide_password=False)


def main() -> None:
    import bench_figures

    started = time.perf_counter()
    demo = demo_database(days=365)
    print(f"demo street with a year of meetings ready in {time.perf_counter() - started:.1f} s")
    wall, cpu = page_open(demo)
    figure("meetings page open, a year of meetings, SQLite", [t * 1000 for t in wall], "ms", 300)
    figure("  (its CPU time, all threads: what a loaded machine does not inflate)", [t * 1000 for t in cpu], "ms", None)
    sqlite = f"sqlite:///{Path(tempfile.gettempdir()) / 'desk-bench-meetings-100k.db'}"
    for engine, url in (("SQLite", sqlite), ("PostgreSQL", pg_url())):
        if url is None:
            continue
        started = time.perf_counter()
        bench_figures.build(url)
        print(f"{engine}: database of {bench_figures.EVENTS} events ready in {time.perf_counter() - started:.1f} s")
        wall, cpu = agenda(url)
        figure(f"weekly agenda pre-fill, 100k events, {engine}", [t * 1000 for t in wall], "ms", 500)
        figure("  (its CPU time in this process)", [t * 1000 for t in cpu], "ms", None)


if __name__ == "__main__":
    main()
