"""Helpers for benchmarks: medians, the figure line, a demo database made once."""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def figure(name: str, values: list[float], unit: str, target: float | None, lower_is_better: bool = True) -> None:
    med = statistics.median(values)
    spread = f"min {min(values):.3g}, max {max(values):.3g}, n={len(values)}"
    if target is None:
        verdict = ""
    else:
        ok = med <= target if lower_is_better else med >= target
        verdict = f"  target {'≤' if lower_is_better else '≥'} {target:g} {unit}  {'OK' if ok else 'MISSED'}"
    print(f"{name}: median {med:.3g} {unit} ({spread}){verdict}")


def demo_database(seed: int = 1, households: int = 16000, days: int = 365) -> str:
    """A demo street in a temporary SQLite file (made with the real CLI)."""
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    url = f"sqlite:///{folder / 'demo.db'}"
    subprocess.run([sys.executable, "-m", "desk", "demo", "--db", url, "--seed", str(seed),
                    "--households", str(households), "--days", str(days)], check=True, cwd=ROOT,
                   capture_output=True)
    return url


@contextmanager
def scratch_postgres(admin_url: str):
    """A throwaway database on the PostgreSQL server at ``admin_url``; yields its URL, drops it after."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"desk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
