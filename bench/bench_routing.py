"""Routing figures (issue 15 item 5), on a throwaway SQLite database:

1. the 200 real messages of ../shared/data/messages/messages-sample-200.csv stored as closed history
   cases with their first-level category (一级分类) as the department: top-1 and top-3 accuracy by
   5-fold cross-validation (target top-1 ≥ 85%), how often the proposal says 较有把握 and how often it
   is then right, and the time-ordered replay of `desk dispatch routing-check`;
2. a proposal's latency on a 100,000-case history (target ≤ 50 ms once the history is in memory;
   the first proposal, which reads and segments the whole history, is printed too).

    .venv/bin/python bench/bench_routing.py [--cases 100000]
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._bench_db import fresh_database  # noqa: E402
from bench.common import figure  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "messages" / "messages-sample-200.csv"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def read_sample() -> list[dict]:
    with open(SAMPLE, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def when(text: str) -> datetime:
    for fmt in ("%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=SHANGHAI).astimezone(timezone.utc)
        except ValueError:
            pass
    raise ValueError(text)


def history_row(i: int, title: str, text: str, at: datetime, dept: int) -> dict:
    return dict(id=i, reported_at=at, source="hotline_12345", kind="request", sub_kind="", police=False,
                urgent=False, address="", reporter_name="", title=title[:120], description=text, initials="",
                status="closed", is_open=False, closed_at=at + timedelta(days=3), status_since=at + timedelta(days=3),
                created_by="bench", last_action="close", last_actor="bench", ladder_level=0, version=1,
                department_id=dept)


def load(url: str, rows: list[dict]) -> dict[str, int]:
    from sqlalchemy import insert

    from desk.db import Database
    from desk.models import Department, Event

    db = Database(url)
    names = sorted({r["一级分类"] for r in rows})
    with db.write_session() as s, s.begin():
        s.execute(insert(Department), [dict(code=f"C{i:02d}", name=n, short_name=n[:16]) for i, n in enumerate(names)])
    from sqlalchemy import select

    with db.read() as s:
        ids = dict(s.execute(select(Department.name, Department.id)).all())
    with db.write_session() as s, s.begin():
        s.execute(insert(Event), [history_row(i + 1, r["留言主题"], r["留言详情"], when(r["留言时间"]), ids[r["一级分类"]])
                                  for i, r in enumerate(rows)])
    db.dispose()
    return ids


def cross_validation(url: str, folds: int = 5) -> None:
    from desk.db import Database
    from desk.services.dispatch.history import history_cases
    from desk.services.dispatch.learner import Learner
    from desk.services.dispatch.routing import confidence, ranked
    from desk.services.dispatch.words import event_words

    db = Database(url)
    with db.read() as s:
        cases = history_cases(s)
    db.dispose()
    words = {c.id: event_words(c.title, c.description) for c in cases}
    order = [c for c in cases]
    random.Random(15).shuffle(order)
    top1 = top3 = sure = sure_right = 0
    for f in range(folds):
        test = order[f::folds]
        held = {c.id for c in test}
        learner = Learner()
        for c in cases:
            if c.id not in held:
                learner.add(c.id, c.department_id, words[c.id])
        for c in test:
            r = learner.rank(words[c.id])
            ranks = ranked(r.shares)
            top1 += ranks[:1] == [c.department_id]
            top3 += c.department_id in ranks[:3]
            if confidence(r.shares, r.cases, False) == "较有把握":
                sure += 1
                sure_right += ranks[:1] == [c.department_id]
    n = len(cases)
    figure(f"routing top-1, {folds}-fold cross-validation on {n} real messages", [100 * top1 / n], "%", 85,
           lower_is_better=False)
    figure("routing top-3, same folds", [100 * top3 / n], "%", None)
    print(f"  较有把握 on {sure}/{n} proposals ({sure / n:.0%}), right {sure_right / max(sure, 1):.0%} of those; "
          f"仅供参考 right {(top1 - sure_right) / max(n - sure, 1):.0%}")


def replay(url: str) -> None:
    from desk.config import Settings
    from desk.db import Database
    from desk.services.context import Context
    from desk.services.dispatch.replay import routing_check
    from desk.services.figures.routing import routing_check_table
    from desk.services.figures.table import render_text

    db = Database(url)
    t0 = time.perf_counter()
    table = routing_check_table(routing_check(Context(db=db, settings=Settings())))
    print(f"desk dispatch routing-check (time-ordered replay, {time.perf_counter() - t0:.1f} s):")
    print(f"  top-1 {table.totals[3]:.1%}, top-3 {table.totals[5]:.1%}")
    print("  " + render_text(table).replace("\n", "\n  "))
    db.dispose()


def add_reference_departments(url: str) -> None:
    """The street's usual departments (城管, 市场监管, ...): the matters list (seeded by the schema) now
    names departments that exist but never took one of these cases."""
    from sqlalchemy import insert

    from desk import resources
    from desk.db import Database
    from desk.models import Department

    db = Database(url)
    rows = list(csv.DictReader(resources.read_text("reference", "departments.csv").splitlines()))
    with db.write_session() as s, s.begin():
        s.execute(insert(Department), [dict(code=r["code"], name=r["name"], short_name=r["short_name"]) for r in rows])
    db.dispose()


def synthetic(rows: list[dict], ids: dict[str, int], n: int, first_id: int) -> list[dict]:
    """n cases made of the real messages' sentences, each from messages of one category."""
    rng = random.Random(7)
    by_cat: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for r in rows:
        by_cat.setdefault(r["一级分类"], []).extend(x for x in re.split(r"[。！？!?\n]", r["留言详情"]) if len(x) > 4)
        titles.setdefault(r["一级分类"], []).append(r["留言主题"])
    cats = sorted(by_cat)
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        cat = rng.choice(cats)
        text = "。".join(rng.sample(by_cat[cat], min(3, len(by_cat[cat])))) + "。"
        out.append(history_row(first_id + i, rng.choice(titles[cat]), text,
                               start + timedelta(minutes=i * 3), ids[cat]))
    return out


def latency(url: str, rows: list[dict], ids: dict[str, int], n: int) -> None:
    from sqlalchemy import insert

    from desk.config import Settings
    from desk.db import Database
    from desk.models import Event
    from desk.services.context import Context
    from desk.services.dispatch.routing import propose_route

    db = Database(url)
    t0 = time.perf_counter()
    made = synthetic(rows, ids, n, 1000)
    for k in range(0, len(made), 5000):
        with db.write_session() as s, s.begin():
            s.execute(insert(Event), made[k:k + 5000])
    del made
    probe = history_row(999, "小区门口道路施工围挡占道，晚上噪音扰民", "施工单位夜间施工，噪音很大，影响居民休息，"
                        "请有关部门处理。", datetime(2026, 11, 30, tzinfo=timezone.utc), None)
    probe.update(status="accepted", is_open=True, closed_at=None, department_id=None)
    with db.write_session() as s, s.begin():
        s.execute(insert(Event), [probe])
    print(f"{n} synthetic history cases written in {time.perf_counter() - t0:.1f} s")
    ctx = Context(db=db, settings=Settings())
    t0 = time.perf_counter()
    p = propose_route(ctx, 999)
    print(f"first proposal (reads and segments the whole history): {time.perf_counter() - t0:.1f} s -> "
          f"{p.department} {p.confidence}")
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        propose_route(ctx, 999)
        times.append(1000 * (time.perf_counter() - t0))
    figure(f"routing proposal on a {n}-case history", times, "ms", 50)
    import resource

    print(f"  peak memory of the bench process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"  reason: {p.reason}")
    db.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000, help="history size for the latency figure")
    args = ap.parse_args()
    if not SAMPLE.exists():
        print(f"skipped: {SAMPLE} is absent")
        return 0
    rows = read_sample()
    with fresh_database("sqlite") as url:
        ids = load(url, rows)
        cross_validation(url)
        replay(url)
        add_reference_departments(url)
        print("with the matters list naming the street's usual departments (as on a demo street):")
        replay(url)
        latency(url, rows, ids, args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
