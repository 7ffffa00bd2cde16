"""kill -9 during 200 random writes, on SQLite and PostgreSQL: inconsistencies found (target 0).

A writer process commits random transactions (communities, renames, staff batches, accounts, each
with its audit record); it is killed with SIGKILL at a random moment every 5-25 commits and started
again until 200 writes are committed; then the database is checked (audit chain, SQLite integrity
and foreign keys, every row against its audit record)."""
from __future__ import annotations

import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")

from _bench_db import fresh_database  # noqa: E402
from fault_kill import run_and_kill, seats_through_cuts  # noqa: E402
from fault_writer import inconsistencies, writes_of  # noqa: E402

from desk.config import Settings  # noqa: E402
from desk.db import Database  # noqa: E402
from desk.services.context import Context  # noqa: E402

WRITES = 200


def run(engine: str) -> None:
    with fresh_database(engine) as url:
        if url is None:
            print(f"{engine}: skipped (no server)")
            return
        rng = random.Random(2026)
        total, kills, started = 0, 0, time.monotonic()
        while total < WRITES:
            total += run_and_kill(url, 100 + kills, rng, after_at_least=min(rng.randint(5, 25), WRITES - total))
            kills += 1
        db = Database(url)
        try:
            found = inconsistencies(Context(db=db, settings=Settings()))
        finally:
            db.dispose()
        print(f"{engine:<10}: {total} writes committed, {kills} kill -9, "
              f"{len(found)} inconsistencies (target 0) [{time.monotonic() - started:.1f} s]")
        for f in found:
            print("    " + f)


def run_seats() -> None:
    """3 seats writing while every connection to the database is cut (a server restart, as seen by
    the seats; the shared server itself is not restarted). Lost writes: target 0."""
    with fresh_database("postgresql") as url:
        if url is None:
            print("3 seats: skipped (no PostgreSQL server)")
            return
        started = time.monotonic()
        reported, cuts, retries = seats_through_cuts(url, random.Random(5), seats=3, writes=80, cuts=6)
        db = Database(url)
        try:
            ctx = Context(db=db, settings=Settings())
            stored = {tag: writes_of(ctx, tag) for tag in reported}
            found = inconsistencies(ctx)
        finally:
            db.dispose()
        lost = sum(max(0, reported[t] - stored[t]) for t in reported)
        doubled = sum(max(0, stored[t] - reported[t]) for t in reported)
        print(f"3 seats   : {sum(reported.values())} writes, {cuts} cuts of every connection, {retries} retries; "
              f"{lost} lost (target 0), {doubled} doubled, {len(found)} inconsistencies "
              f"[{time.monotonic() - started:.1f} s]")


def main() -> None:
    print(f"bench_faults on {platform.node()} ({os.cpu_count()} cores, {platform.platform()})")
    for engine in ("sqlite", "postgresql"):
        run(engine)
    run_seats()


if __name__ == "__main__":
    main()
