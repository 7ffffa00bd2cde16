"""Change feed latency: a row committed by another process, until this process's feed reports it.
Targets: ≤ 1 s (foundation), ≤ 0.5 s for the board. SQLite (poll) and PostgreSQL (LISTEN/NOTIFY)."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, figure, scratch_postgres

sys.path.insert(0, str(ROOT))

WRITER = r"""
import sys, time
from desk.config import Settings
from desk.db import Database
from desk.services.context import Context
from desk.services.unit import Actor
ctx = Context(db=Database(sys.argv[1]), settings=Settings(), actor=Actor("bench"))
for i in range(int(sys.argv[2])):
    line = sys.stdin.readline()
    with ctx.unit() as u:
        u.changed("grid", i, "update")
    print(time.time(), flush=True)
"""


def _measure(url: str, rounds: int = 15) -> list[float]:
    from desk.db import Database
    from desk.services.changefeed import ChangeFeed

    db = Database(url)
    feed = ChangeFeed(db)
    feed.connect()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url, str(rounds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    import queue
    import threading

    received: queue.Queue = queue.Queue()
    stop = threading.Event()

    def listen():  # the feed waits while the other seat commits, as in the window
        while not stop.is_set():
            if feed.wait(0.5):
                received.put(time.time())

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(0.3)
    lags = []
    for _ in range(rounds):
        time.sleep(0.137)  # commits fall at random points of the poll cycle
        proc.stdin.write("go\n")
        proc.stdin.flush()
        committed = float(proc.stdout.readline())
        lags.append(received.get(timeout=5) - committed)
    stop.set()
    listener.join()
    proc.wait()
    feed.close()
    db.dispose()
    return lags


def main() -> None:
    from desk.services import schema
    from desk.db import Database

    folder = Path(tempfile.mkdtemp(prefix="desk-feed-"))
    url = f"sqlite:///{folder / 'feed.db'}"
    schema.upgrade(Database(url))
    figure("SQLite: commit at another seat → reported here", _measure(url), "s", 0.5)
    try:
        admin = os.environ.get("DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
        with scratch_postgres(admin) as pg:
            db = Database(pg)
            schema.upgrade(db)
            db.dispose()
            figure("PostgreSQL: commit at another seat → reported here", _measure(pg), "s", 0.5)
    except Exception as exc:  # noqa: BLE001
        print(f"PostgreSQL: not measured ({exc.__class__.__name__}: {exc})")


if __name__ == "__main__":
    main()
