"""Importing 200,000 event rows from a CSV and from an .xlsx (targets: ≤ 30 s, ≤ 300 MB peak RSS each),
and an .xlsx with 65,000 blank trailing rows after 10 real ones (target: ≤ 3 s).

Each import runs in its own process on a fresh SQLite database holding the demo street (``--pg`` adds
PostgreSQL), so addresses are located as in a real street and its peak resident memory is measured
alone (ru_maxrss of the child). Usage:
    .venv/bin/python bench/bench_import.py [--rows 200000] [--pg] [--skip-xlsx] [--files DIR]
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")

from _bench_db import fresh_database  # noqa: E402

HEADER = ["工单编号", "来电时间", "诉求标题", "诉求内容", "地址", "诉求类型", "来电号码", "答复意见"]
TEXTS = ("小区楼道堆放杂物，存在消防隐患，请尽快清理。", "邻居装修噪音扰民，晚上十点以后仍在施工。",
         "路灯不亮已经一周，夜间出行不便。", "楼上漏水导致我家天花板发霉，多次协商未果。",
         "小区门口占道经营，早晚高峰堵塞交通。")
TARGET_S, TARGET_MB, BLANK_S = 30.0, 300.0, 3.0

CHILD = r"""
import sys, time, resource
from pathlib import Path
from desk.config import Settings
from desk.db import Database
from desk.services.context import Context
from desk.services.unit import Actor
from desk.services.incidents.importer import import_events
ctx = Context(db=Database(sys.argv[1]), settings=Settings(), actor=Actor("bench", "导入", role="duty_staff"))
import desk.services.incidents.search as search; search._initial_table()  # what a real import loads
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t, c = time.monotonic(), time.process_time()
r = import_events(ctx, Path(sys.argv[2]), skip_bad=True, report=False)
took, cpu = time.monotonic() - t, time.process_time() - c
mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{r.rows} {r.imported} {len(r.bad)} {took:.2f} {mb:.0f} {cpu:.2f} {base:.0f}")
"""


def row(i: int) -> list:
    return [f"GD{i:08d}", f"2026-{1 + i % 11:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00",
            f"诉求{i}", TEXTS[i % len(TEXTS)] + f"（第{i}号）", f"兴钢社区{1 + i % 30}号楼{1 + i % 6}单元",
            ("噪声", "供水", "路灯", "物业纠纷", "环境卫生")[i % 5], f"138{i:08d}", ""]


def write_csv(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            w.writerow(row(i))
    return path


def write_xlsx(path: Path, n: int, blank_tail: int = 0) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER)
    for i in range(n):
        ws.append(row(i))
    for _ in range(blank_tail):  # what a real export carries: empty cells written out, row after row
        ws.append([""] * len(HEADER))
    wb.save(path)
    return path


def street(url: str) -> None:
    """The demo street's organisation (16,000 households, 40 grids), so addresses are looked up as in a
    real street."""
    subprocess.run([sys.executable, "-m", "desk", "demo", "--db", url, "--households", "16000", "--days", "1",
                    "--now", "2026-11-25 09:00"], check=True, capture_output=True, cwd=Path(__file__).resolve().parents[1])


def measure(url: str, path: Path) -> tuple:
    street(url)
    out = subprocess.run([sys.executable, "-c", CHILD, url, str(path)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1])
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    rows, imported, bad, took, mb, cpu, base = out.stdout.split()
    return int(rows), int(imported), int(bad), float(took), float(mb), float(cpu), float(base)


def report(name: str, result, target_s: float, rows: int) -> None:
    n, imported, bad, took, mb, cpu, base = result
    ok = took <= target_s and mb <= TARGET_MB and imported == rows
    print(f"{name}: {imported}/{n} rows imported ({bad} bad) in {took:.1f} s ({cpu:.1f} s CPU), peak {mb:.0f} MB "
          f"(process before the import {base:.0f} MB)  target ≤ {target_s:g} s, ≤ {TARGET_MB:g} MB  "
          f"{'OK' if ok else 'MISSED'}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--pg", action="store_true")
    ap.add_argument("--skip-xlsx", action="store_true")
    ap.add_argument("--files", type=Path, help="keep the generated files in this folder and reuse them")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-bench-import-") as scratch:
        folder = a.files or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        t = time.monotonic()

        def made(name: str, write) -> Path:
            path = folder / name
            return path if path.exists() else write(path)

        files = {"CSV": made(f"rows-{a.rows}.csv", lambda p: write_csv(p, a.rows))}
        if not a.skip_xlsx:
            files["XLSX"] = made(f"rows-{a.rows}.xlsx", lambda p: write_xlsx(p, a.rows))
        blank = made("blank-tail.xlsx", lambda p: write_xlsx(p, 10, blank_tail=65_000))
        print(f"(files written in {time.monotonic() - t:.0f} s)")
        for engine in ("sqlite", "postgresql") if a.pg else ("sqlite",):
            for name, path in files.items():
                with fresh_database(engine) as url:
                    if url is None:
                        print(f"{engine}: no server, skipped")
                        break
                    report(f"{engine} {name} {a.rows} rows", measure(url, path), TARGET_S, a.rows)
            with fresh_database(engine) as url:
                if url is not None:
                    report(f"{engine} XLSX 10 rows + 65,000 blank rows", measure(url, blank), BLANK_S, 10)


if __name__ == "__main__":
    main()
