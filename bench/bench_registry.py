"""The registry at scale: `desk import people` of a 100,000-row .xlsx with validation (target ≤ 60 s,
peak memory ≤ 1 GB), then search over the ~110,000 people by name, pinyin initials and full ID number
(target ≤ 100 ms, median of 20), and the registry page opening until its browser and first people are
shown (target ≤ 500 ms). SQLite in a temporary folder, on the demo street's organisation."""
from __future__ import annotations

import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, figure

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROWS = int(os.environ.get("BENCH_REGISTRY_ROWS", "100000"))


def write_sheet(path: Path, grid_names: list[str]) -> list[tuple[str, str]]:
    from openpyxl import Workbook

    from desk.demo.names import GIVEN_FEMALE, GIVEN_MALE, SURNAMES
    from desk.services.registry.idcard import check_char

    rng = random.Random(14)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("人口")
    ws.append(["序号", "姓名", "性别", "公民身份号码", "联系电话", "人口类型", "所属网格", "现住址"])
    used, sample = set(), []
    for i in range(ROWS):
        female = rng.random() < 0.5
        pool = GIVEN_FEMALE if female else GIVEN_MALE
        name = rng.choice(SURNAMES) + rng.choice(pool) + rng.choice(pool)
        while True:
            birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 30000))
            first = f"410481{birth:%Y%m%d}{rng.randrange(0, 500) * 2 + (0 if female else 1):03d}"
            number = first + check_char(first)
            if number not in used:
                used.add(number)
                break
        grid = rng.choice(grid_names)
        ws.append([i + 1, name, "女" if female else "男", number, "13" + f"{rng.randrange(10**9):09d}",
                   rng.choice(("户籍", "户籍", "常住", "流动")), grid,
                   f"{grid[:4]}{rng.randint(1, 60)}号楼{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}"])
        if i % 10_000 == 0:
            sample.append((name, number))
    wb.save(path)
    return sample


def main() -> None:
    from desk.config import Settings
    from desk.db import Database
    from desk.demo import DemoOptions, build_demo
    from desk.services import registry as reg
    from desk.services import schema
    from desk.services.context import Context
    from desk.services.registry.import_people import import_people
    from desk.services.registry.people import initials_of

    folder = Path(tempfile.mkdtemp(prefix="desk-bench-registry-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    db = Database(url)
    schema.upgrade(db)
    ctx = Context(db=db, settings=Settings())
    build_demo(ctx, DemoOptions(seed=3, households=1000, days=30))
    with ctx.read() as s:
        from sqlalchemy import select

        from desk.models import Grid
        names = list(s.scalars(select(Grid.name)))
    sheet = folder / "people.xlsx"
    sample = write_sheet(sheet, names)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    r = import_people(ctx, sheet)
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(r.summary())
    figure("import 100,000 people from .xlsx", [took], "s", 60)
    figure("peak memory during the import", [peak], "MB", 1024)
    print(f"(memory before the import {before:.0f} MB)")

    duty = ctx  # the system actor: no grid scope, like duty staff
    for label, queries in (("name", [n[:2] for n, _ in sample]), ("initials", [initials_of(n) for n, _ in sample]),
                           ("full ID number", [num.lower() for _, num in sample])):
        times = []
        for q in (queries * 2)[:20]:
            t0 = time.perf_counter()
            found = reg.search_people(duty, q)
            times.append((time.perf_counter() - t0) * 1000)
            assert found.rows, q
        figure(f"search by {label} over {r.new + 1000:,}+ people", times, "ms", 100)

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desk.services.unit import Actor
    from desk.views.backend import Backend
    from desk.views.bus import ChangeBus
    from desk.views.registry import RegistryPage
    from desk.views.workers import DbWorker

    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(5):
        worker = DbWorker()
        page = RegistryPage(Backend(ctx.as_actor(Actor("wangli", "王丽", role="duty_staff")), worker, ChangeBus()))
        page.resize(1300, 850)
        page.show()
        t0 = time.perf_counter()
        page.activate()
        while not (page.tree_model.rowCount() and page.people.rowCount() and page.care.rowCount()):
            app.processEvents(QEventLoop.WaitForMoreEvents, 20)   # as the window's event loop: it waits, not spins
            if time.perf_counter() - t0 > 20:
                break
        times.append((time.perf_counter() - t0) * 1000)
        page.close()
        page.deleteLater()
        worker.stop()
        app.processEvents()
    figure("registry page opens (browser, people, special populations)", times, "ms", 500)
    db.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
