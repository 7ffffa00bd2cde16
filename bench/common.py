"""Helpers for benchmarks: medians, the figure line, a demo database made once."""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
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
