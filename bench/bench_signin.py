"""Sign-in time with the shipped Argon2id parameters (target ≤ 0.5 s), median of 15, on both engines.

The figure is the whole ``auth.sign_in``: look-up, Argon2 verification, counters and the audit
record committed."""
from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")

from _bench_db import fresh_database  # noqa: E402

from desk.config import Settings  # noqa: E402
from desk.db import Database  # noqa: E402
from desk.services import accounts, auth  # noqa: E402
from desk.services.context import Context  # noqa: E402

RUNS = 15
TARGET = 0.5


def run(engine: str) -> None:
    with fresh_database(engine) as url:
        if url is None:
            print(f"{engine}: skipped (no server)")
            return
        db = Database(url)
        try:
            ctx = Context(db=db, settings=Settings())
            accounts.add_user(ctx, "admin", "王管理", "security_admin", "Yuanling-2026")
            auth.sign_in(ctx, "admin", "Yuanling-2026")  # warm up
            times = []
            for _ in range(RUNS):
                t = time.perf_counter()
                auth.sign_in(ctx, "admin", "Yuanling-2026")
                times.append(time.perf_counter() - t)
        finally:
            db.dispose()
        med = statistics.median(times)
        p = auth.HASHER
        print(f"{engine:<10}: sign-in median {med:.3f} s, max {max(times):.3f} s over {RUNS} "
              f"(target ≤ {TARGET} s) {'OK' if med <= TARGET else 'MISSED'}; Argon2id t={p.time_cost} "
              f"m={p.memory_cost // 1024} MiB p={p.parallelism}")


def main() -> None:
    print(f"bench_signin on {platform.node()} ({os.cpu_count()} cores, {platform.platform()})")
    for engine in ("sqlite", "postgresql"):
        run(engine)


if __name__ == "__main__":
    main()
