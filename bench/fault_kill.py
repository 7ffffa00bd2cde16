"""Kill a fault_writer process with SIGKILL at random moments (shared by the test and the bench)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

WRITER = Path(__file__).resolve().parent / "fault_writer.py"
ROOT = WRITER.parent.parent


def run_and_kill(url: str, seed: int, rng: random.Random, after_at_least: int) -> int:
    """Start a writer, let it commit ``after_at_least`` writes, then kill -9 it mid-flight.
    Returns how many writes it reported committed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, str(WRITER), url, "--seed", str(seed)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    done = 0
    try:
        while done < after_at_least:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("writer stopped early: " + proc.stderr.read()[-2000:])
            done = int(line)
        time.sleep(rng.uniform(0, 0.02))  # land somewhere inside the next transaction
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    return done


def terminate_connections(url: str) -> int:
    """Cut every connection to the database of ``url`` (what a server restart does to the seats),
    without restarting the server. PostgreSQL only."""
    from sqlalchemy import create_engine, pool, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
    try:
        with admin.connect() as c:
            return c.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                  "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": target.database}).scalar()
    finally:
        admin.dispose()


def seats_through_cuts(url: str, rng: random.Random, seats: int = 3, writes: int = 40, cuts: int = 3):
    """``seats`` writer processes that retry after a lost connection, while every connection is cut
    ``cuts`` times. Returns ({seat tag: writes the seat saw committed}, cuts made, retries the seats
    made after losing their connection) once all have finished."""
    import threading

    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = [subprocess.Popen([sys.executable, str(WRITER), url, "--seed", str(900 + i), "--max", str(writes),
                               "--retry"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
             for i in range(seats)]
    reported = {p.pid: 0 for p in procs}

    def follow(p):
        for line in p.stdout:
            reported[p.pid] = int(line)

    readers = [threading.Thread(target=follow, args=(p,), daemon=True) for p in procs]
    for t in readers:
        t.start()
    cut = 0
    try:
        deadline = time.monotonic() + 30
        while min(reported.values()) == 0 and time.monotonic() < deadline:  # every seat is writing
            time.sleep(0.02)
        while cut < cuts and any(p.poll() is None for p in procs):
            time.sleep(rng.uniform(0.05, 0.2))
            terminate_connections(url)
            cut += 1
        for p in procs:
            p.wait(timeout=120)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for t in readers:
        t.join(timeout=5)
    errors = {p.pid: p.stderr.read() for p in procs}
    failed = [errors[p.pid][-1500:] for p in procs if p.returncode != 0]
    retries = sum(text.count("retry after") for text in errors.values())
    for p in procs:
        p.stderr.close()
        p.stdout.close()
    if failed:
        raise RuntimeError("a seat gave up: " + failed[0])
    return {f"s{900 + i}p{p.pid}x": reported[p.pid] for i, p in enumerate(procs)}, cut, retries
