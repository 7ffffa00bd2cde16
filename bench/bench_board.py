"""The board on a big database: 100,000 events (about 20 years of the demo street), 2,000 of them open.

Figures (median of N runs, printed with their targets):
- open: the open-events query + building the model (reset) — target ≤ 200 ms (board brief); the issue's
  "open with 2,000 open events shown ≤ 1.0 s" is the same path plus the first paint.
- a filter or search keystroke to an updated view (proxy refilter over 2,000 rows) — target ≤ 50 ms.
- database search over all 100,000 events (substring, pinyin initials) — no target; reported.
SQLite by default; set DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres to add PostgreSQL.
Run: PYTHONPATH=. python bench/bench_board.py
"""
from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from common import scratch_postgres  # noqa: E402
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay10ZXN0LWtleS1kZXNrLXRlc3Qta2V5LTAwMDA=")

EVENTS = int(os.environ.get("DESK_BENCH_EVENTS", "100000"))
OPEN = 2000
RUNS = 7


def _median_ms(fn, runs=RUNS) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def figure(name: str, value_ms: float, target_ms: float | None) -> None:
    verdict = "" if target_ms is None else (" OK" if value_ms <= target_ms else " OVER TARGET")
    target = f" (target ≤ {target_ms:.0f} ms)" if target_ms is not None else ""
    print(f"  {name}: {value_ms:.1f} ms{target}{verdict}")


def build(url: str):
    from sqlalchemy import select, update

    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.demo import DemoOptions, build_demo
    from desk.demo.incidents import DEMO_NOW, PER_1000_HOUSEHOLDS_A_DAY
    from desk.models import Event
    from desk.services import schema
    from desk.services.context import Context

    db = Database(url)
    schema.upgrade(db)
    ctx = Context(db=db, settings=Settings(), clock=FixedClock(DEMO_NOW))
    per_day = 16000 / 1000 * PER_1000_HOUSEHOLDS_A_DAY
    t = time.perf_counter()
    build_demo(ctx, DemoOptions(seed=1, days=int(EVENTS / per_day)))
    with ctx.unit() as u:
        ids = u.session.scalars(select(Event.id).where(Event.is_open.is_(False))).all()
        chosen = random.Random(1).sample(ids, max(0, OPEN - (len(ids) and 0)))
        u.session.execute(update(Event).where(Event.id.in_(chosen)).values(status="handling", is_open=True))
        total = u.session.query(Event).count()
        open_n = u.session.query(Event).filter(Event.is_open.is_(True)).count()
    print(f"  built {total} events ({open_n} open) in {time.perf_counter() - t:.1f} s")
    return ctx


def measure(ctx) -> None:
    from PySide6.QtWidgets import QApplication

    from desk.services import incidents as inc
    from desk.services.unit import Actor
    from desk.views.board.model import BoardFilterProxy, EventTableModel, Filter

    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need one
    duty = ctx.as_actor(Actor("wangli", "王丽", role="duty_staff"))
    model = EventTableModel(now=ctx.clock.now)
    proxy = BoardFilterProxy(model)
    proxy.sort(1)
    rows = inc.open_events(duty)

    figure(f"open-events query ({len(rows)} rows)", _median_ms(lambda: inc.open_events(duty)), None)
    figure("model reset with those rows (incl. sorted proxy)", _median_ms(lambda: model.set_rows(rows)), None)
    figure("board refresh: query + model reset", _median_ms(lambda: model.set_rows(inc.open_events(duty))), 200)
    def first_open():
        from PySide6.QtWidgets import QTableView

        m = EventTableModel(now=ctx.clock.now)
        p = BoardFilterProxy(m)
        view = QTableView()
        view.setModel(p)
        view.setSortingEnabled(True)
        view.resize(1300, 700)
        m.set_rows(inc.open_events(duty))
        view.show()
        app.processEvents()
        view.grab()
        view.close()
        view.deleteLater()
    figure("open the board: query + model + first paint of the table", _median_ms(first_open, runs=5), 1000)
    queries = ["z", "zs", "zsj", "兴钢", "消防通道", "xftd", "供水", ""]
    i = iter(range(10 ** 6))
    figure("search keystroke (proxy refilter, 2,000 rows)",
           _median_ms(lambda: proxy.set_filter(Filter(text=queries[next(i) % len(queries)])), runs=40), 50)
    figure("filter change (overdue only)", _median_ms(lambda: proxy.set_filter(Filter(overdue=True)), runs=20), 50)
    figure("database search '消防通道' over all events",
           _median_ms(lambda: inc.search_events(duty, "消防通道", include_closed=True), runs=5), None)
    figure("database search 'xftd' (pinyin initials) over all events",
           _median_ms(lambda: inc.search_events(duty, "xftd", include_closed=True), runs=5), None)


def main() -> None:
    print(f"bench_board: {EVENTS} events, {OPEN} open; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as d:
        print("SQLite:")
        ctx = build(f"sqlite:///{Path(d) / 'bench-board.db'}")
        measure(ctx)
        ctx.db.dispose()
    pg = os.environ.get("DESK_BENCH_PG")
    if pg:
        with scratch_postgres(pg) as url:
            print("PostgreSQL:")
            ctx = build(url)
            measure(ctx)
            ctx.db.dispose()



WRITER = r"""
import sys, time
from desk.config import Settings
from desk.db import Database
from desk.services.context import Context
from desk.services import incidents as inc
from desk.services.unit import Actor
ctx = Context(db=Database(sys.argv[1]), settings=Settings(), actor=Actor("lina", "李娜", role="duty_staff"))
for i in range(int(sys.argv[2])):
    sys.stdin.readline()
    row = inc.report_event(ctx, inc.NewEvent(title=f"席位二上报{i}", kind="other", source="phone"))
    print(row.id, time.time(), flush=True)
"""


def seat_to_seat(url: str, rounds: int = 50) -> list[float]:
    """An event reported by another process, until it is in this process's board rows (feed + query)."""
    import subprocess

    from desk.config import Settings
    from desk.db import Database
    from desk.services import incidents as inc
    from desk.services.changefeed import ChangeFeed
    from desk.services.context import Context
    from desk.services.unit import Actor

    ctx = Context(db=Database(url), settings=Settings(), actor=Actor("wangli", "王丽", role="duty_staff"))
    feed = ChangeFeed(ctx.db, poll_interval=Settings().feed_poll_ms / 1000)
    feed.connect()
    import random as _random
    import threading

    seen: dict[str, float] = {}
    stop = threading.Event()

    def listen():  # as the window's FeedListener does: always waiting, then the board reloads
        while not stop.is_set():
            changes = feed.wait(0.5)
            if any(c.table == "event" for c in changes):
                now_rows = inc.open_events(ctx)
                t = time.time()
                for r in now_rows:
                    seen.setdefault(str(r.id), t)

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url, str(rounds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    latencies = []
    rng = _random.Random(1)
    try:
        for _ in range(rounds):
            time.sleep(rng.uniform(0.05, 0.4))  # writes at unrelated moments, not in step with the poll
            proc.stdin.write("\n")
            proc.stdin.flush()
            event_id, committed = proc.stdout.readline().split()
            deadline = time.time() + 5
            while event_id not in seen and time.time() < deadline:
                time.sleep(0.002)
            latencies.append((seen.get(event_id, time.time()) - float(committed)) * 1000)
    finally:
        stop.set()
        listener.join(5)
        proc.stdin.close()
        proc.wait(30)
        feed.close()
        ctx.db.dispose()
    return latencies


def seats_main() -> None:
    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.demo import DemoOptions, build_demo
    from desk.services import schema
    from desk.services.context import Context
    from desk.demo.incidents import DEMO_NOW

    def prepare(url):
        db = Database(url)
        schema.upgrade(db)
        build_demo(Context(db=db, settings=Settings(), clock=FixedClock(DEMO_NOW)), DemoOptions(seed=1, days=365))
        db.dispose()

    def report(name, lat, target):
        lat = sorted(lat)
        p95 = lat[int(len(lat) * 0.95) - 1]
        print(f"  {name}: median {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms over {len(lat)} events "
              f"(target p95 ≤ {target} ms){' OK' if p95 <= target else ' OVER TARGET'}")

    print("seat to seat (event reported by another process → in this process's board rows):")
    with tempfile.TemporaryDirectory() as d:
        url = f"sqlite:///{Path(d) / 'seats.db'}"
        prepare(url)
        report("SQLite", seat_to_seat(url), 500)
    pg = os.environ.get("DESK_BENCH_PG")
    if pg:
        with scratch_postgres(pg) as url:
            prepare(url)
            report("PostgreSQL", seat_to_seat(url), 100)


if __name__ == "__main__":
    seats_main() if os.environ.get("DESK_BENCH_SEATS_ONLY") else main()
