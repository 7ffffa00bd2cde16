"""The briefing sheets on the 100,000-event database of bench_figures (SQLite and PostgreSQL):
`desk report monthly` end to end in a fresh process (target ≤ 5 s, peak memory ≤ 500 MB),
`desk report daily` (≤ 2 s), the same in a warm process (what the window pays), and the window's preview of a daily sheet in a warm process
(sheet built and its PDF ready to show: ≤ 1 s). Medians of 3 runs."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from common import ROOT, figure

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")


def run_cli(url: str, args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one `desk report ...` process."""
    out = Path(tempfile.mkdtemp(prefix="desk-bench-report-")) / ("r." + ("xlsx" if "xlsx" in args else "pdf"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "desk", "report", *args, "--db", url, "--out", str(out)], cwd=ROOT,
                       capture_output=True, text=True)
    took = time.perf_counter() - started
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return took, peak


def in_process_times(url: str, kind: str, period) -> list[float]:
    """The same sheet made and written as PDF in a warm process (no interpreter start, no imports)."""
    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.reports.issue import issue_sheet
    from desk.services.context import Context
    from desk.services.figures import build_sheet

    ctx = Context(Database(url), Settings(), FixedClock(datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)))
    out = Path(tempfile.mkdtemp(prefix="desk-bench-report-")) / "r.pdf"
    times = []
    for _ in range(4):
        started = time.perf_counter()
        issue_sheet(ctx, build_sheet(ctx, kind, period), "pdf", out)
        times.append(time.perf_counter() - started)
    ctx.db.dispose()
    return times[1:]


def preview_times(url: str) -> list[float]:
    from desk.clock import FixedClock
    from desk.config import Settings
    from desk.db import Database
    from desk.reports.issue import preview
    from desk.services.context import Context
    from desk.services.figures import build_sheet, periods

    ctx = Context(Database(url), Settings(), FixedClock(datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)))
    times = []
    for _ in range(4):
        started = time.perf_counter()
        preview(ctx, build_sheet(ctx, "daily", periods.parse_day("2026-11-24")))
        times.append(time.perf_counter() - started)
    ctx.db.dispose()
    return times[1:]


def main() -> None:
    import bench_figures

    sqlite = f"sqlite:///{Path(tempfile.gettempdir()) / 'desk-bench-figures.db'}"
    for engine, url in (("SQLite", sqlite), ("PostgreSQL", bench_figures.pg_url())):
        if url is None:
            continue
        bench_figures.build(url)
        monthly = [run_cli(url, ["monthly", "--month", "2026-10"]) for _ in range(3)]
        figure(f"desk report monthly (100,000 events), {engine}", [t for t, _ in monthly], "s", 5.0)
        figure(f"  peak memory of that process, {engine}", [m for _, m in monthly], "MB", 500.0)
        daily = [run_cli(url, ["daily", "--date", "2026-11-24"]) for _ in range(3)]
        figure(f"desk report daily, {engine}", [t for t, _ in daily], "s", 2.0)
        from desk.services.figures import periods

        figure(f"  monthly in a warm process, {engine}",
               in_process_times(url, "monthly", periods.parse_month("2026-10")), "s", 5.0)
        figure(f"  daily in a warm process, {engine}", in_process_times(url, "daily", periods.parse_day("2026-11-24")),
               "s", 2.0)
        figure(f"window preview of a daily sheet (warm), {engine}", preview_times(url), "s", 1.0)


if __name__ == "__main__":
    main()
