"""`desk figures` for a year on a 100,000-event database, on SQLite and PostgreSQL (target ≤ 1 s,
median of 5). The database: the demo street's organisation, then 100,000 events over the year before
2026-11-25 (about half dispatched, with returns, late acceptances, feedback, closures and call-backs),
written with bulk inserts and kept between runs (SQLite in the temp folder, PostgreSQL database
desk_bench_figures on DESK_TEST_PG's server)."""
from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import ROOT, figure

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay1iZW5jaC1rZXktZGVzay1iZW5jaC1rZXktMDA=")

EVENTS = 100_000
END = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)
PG_ADMIN = os.environ.get("DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
ARGS = ["--from", "2025-11-25", "--to", "2026-11-24"]


def _rows(grids, departments, police_dept, first_id: int):
    rng = random.Random(4)
    events, dispatches = [], []
    span = (END - timedelta(days=365), END)
    for i in range(first_id, first_id + EVENTS):
        at = span[0] + timedelta(seconds=rng.randint(0, 365 * 86400 - 1))
        grid, community = rng.choice(grids)
        police = rng.random() < 0.12
        dispatched = rng.random() < 0.5
        dept = police_dept if (police and dispatched and rng.random() < 0.7) else rng.choice(departments)
        status = "called_back" if rng.random() < 0.85 else rng.choice(("handling", "feedback", "closed", "in_grid"))
        if not dispatched and status in ("handling", "feedback"):
            status = "in_grid"
        events.append(dict(id=i, reported_at=at, source="phone", kind="request", sub_kind="", police=police,
                           urgent=False, grid_id=grid, community_id=community, address="", reporter_name="",
                           title=f"事件{i}", description="", initials="", status=status,
                           is_open=status not in ("closed", "called_back"), status_since=at, created_by="bench",
                           last_action="report", last_actor="bench", ladder_level=0, version=1,
                           department_id=dept if dispatched else None))
        if not dispatched:
            continue
        sent = at + timedelta(minutes=rng.randint(2, 30))
        returned = rng.random() < 0.05
        accepted = None if returned else sent + timedelta(minutes=rng.randint(3, 60))
        feedback = accepted + timedelta(hours=rng.uniform(0.5, 40)) if accepted and status != "handling" else None
        closed = feedback + timedelta(hours=rng.uniform(0.5, 6)) if feedback and status in ("closed", "called_back") else None
        sat = rng.choices(("satisfied", "basic", "unsatisfied"), (0.8, 0.15, 0.05))[0] if status == "called_back" else None
        dispatches.append(dict(event_id=i, matter_id=None, department_id=dept, grid_id=grid, community_id=community,
                               police=police, instructions="", dispatched_at=sent, dispatched_by="bench",
                               dispatched_name="bench", accept_by=sent + timedelta(minutes=30),
                               deadline_at=sent + timedelta(hours=24), proposed_department_id=None,
                               routing_reason="", overridden=False, override_reason="",
                               state="rerouted" if returned else ("closed" if closed else "accepted"),
                               active=not returned, accepted_at=accepted, accepted_by="x" if accepted else None,
                               returned_at=sent + timedelta(minutes=10) if returned else None,
                               return_reason="不属于本部门" if returned else None, feedback_at=feedback,
                               last_feedback_at=feedback,
                               closed_at=closed, satisfaction=sat, rounds=1 if feedback else 0,
                               reopened=1 if sat == "unsatisfied" and rng.random() < 0.5 else 0, urgent=False,
                               supervision=0, version=1))
    return events, dispatches


def build(url: str) -> None:
    from sqlalchemy import func, insert, select, text

    from desk.config import Settings
    from desk.db import Database
    from desk.demo import DemoOptions, build_demo, street_missing
    from desk.models import Department, Dispatch, Event, Grid
    from desk.services import schema
    from desk.services.context import Context

    db = Database(url)
    schema.upgrade(db)
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Event).where(Event.created_by == "bench")) == EVENTS:
            db.dispose()
            return
    ctx = Context(db=db, settings=Settings())
    if street_missing(ctx):
        build_demo(ctx, DemoOptions(seed=1, households=16000, days=1))
    with ctx.unit() as u:
        s = u.session
        grids = [tuple(r) for r in s.execute(select(Grid.id, Grid.community_id))]
        deps = {short: i for short, i in s.execute(select(Department.short_name, Department.id))}
        for table in ("dispatch_entry", "dispatch_party", "dispatch_extension", "dispatch"):
            s.execute(text(f"DELETE FROM {table}"))  # only the synthetic dispatches below
        first = (s.scalar(select(func.max(Event.id))) or 0) + 1  # after the board's demo events, if any
        events, dispatches = _rows(grids, sorted(deps.values()), deps["公安"], first)
        conn = s.connection()
        for model, rows in ((Event, events), (Dispatch, dispatches)):
            for i in range(0, len(rows), 5000):
                conn.execute(insert(model.__table__), rows[i:i + 5000])
        if not db.sqlite:
            s.execute(text("SELECT setval(pg_get_serial_sequence('event', 'id'), (SELECT max(id) FROM event))"))
    if not db.sqlite:
        with db.write_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE")
    db.dispose()


def pg_url() -> str | None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    try:
        eng = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with eng.connect() as c:
            if not c.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = 'desk_bench_figures'").first():
                c.exec_driver_sql('CREATE DATABASE "desk_bench_figures"')
        eng.dispose()
    except Exception as exc:  # noqa: BLE001 - reported
        print(f"PostgreSQL not available ({exc.__class__.__name__}); skipped")
        return None
    return make_url(PG_ADMIN).set(database="desk_bench_figures").render_as_string(hide_password=False)


def time_cli(url: str, by: str) -> list[float]:
    from desk.cli import main as cli

    times = []
    for _ in range(6):
        out = io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(out):
            assert cli(["figures", "--db", url, *ARGS, "--by", by]) == 0
        times.append(time.perf_counter() - started)
    return times[1:]  # the first run warms the imports and the page cache


def main() -> None:
    sqlite = f"sqlite:///{Path(tempfile.gettempdir()) / 'desk-bench-figures.db'}"
    for engine, url in (("SQLite", sqlite), ("PostgreSQL", pg_url())):
        if url is None:
            continue
        started = time.perf_counter()
        build(url)
        print(f"{engine}: database of {EVENTS} events ready in {time.perf_counter() - started:.1f} s")
        for by in ("department", "grid", "community"):
            figure(f"desk figures, one year, --by {by}, {engine}", time_cli(url, by), "s", 1.0)


if __name__ == "__main__":
    main()
