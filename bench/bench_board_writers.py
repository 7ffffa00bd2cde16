"""Many writers on PostgreSQL: 8 processes acting on 200 shared events for 30 s (the issue's figure).

Each process picks events at random and tries the next legal step with the version it saw (as a seat
does); conflicts are expected. Afterwards: every success a process was told about is in the audit
log exactly once (no lost update, no duplicated transition), each event's version equals 1 + its
successful actions, timeline steps match, and the audit chain verifies.
Run: DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres PYTHONPATH=. python bench/bench_board_writers.py
(DESK_BENCH_SECONDS to shorten.)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DESK_DATA_KEY", "ZGVzay10ZXN0LWtleS1kZXNrLXRlc3Qta2V5LTAwMDA=")

WRITERS, EVENTS = 8, 200
NEXT = {"reported": "accept", "accepted": "handle_in_grid", "in_grid": "feedback", "feedback": "verify",
        "verified": "close", "closed": "reopen", "reopened": "handle_in_grid"}

WORKER = r"""
import json, random, sys, time
from desk.config import Settings
from desk.db import Database
from desk.services.context import Context
from desk.services import incidents as inc
from desk.services.errors import ConflictError, DeskError
from desk.services.unit import Actor
NEXT = json.loads(sys.argv[4])
ctx = Context(db=Database(sys.argv[1]), settings=Settings(),
              actor=Actor(f"seat{sys.argv[2]}", f"席位{sys.argv[2]}", role="duty_staff"))
rng = random.Random(int(sys.argv[2]))
ids = [r.id for r in inc.open_events(ctx)]
done, conflicts, refused, why = [], 0, 0, []
end = time.time() + float(sys.argv[3])
while time.time() < end:
    eid = rng.choice(ids)
    row = inc.event_row(ctx, eid)
    try:
        if rng.random() < 0.2:
            if row.claimed_by:
                inc.unclaim(ctx, eid, expected_version=row.version); done.append([eid, "unclaim"])
            else:
                inc.claim(ctx, eid, expected_version=row.version); done.append([eid, "claim"])
        else:
            action = NEXT[row.status]
            inc.transition(ctx, eid, action, expected_version=row.version, reason="复发")
            done.append([eid, action])
    except ConflictError:
        conflicts += 1
    except DeskError as exc:
        refused += 1
        why.append(str(exc).splitlines()[0][:160])
print(json.dumps({"done": done, "conflicts": conflicts, "refused": refused, "why": why[:3]}))
"""


def main() -> None:
    pg = os.environ.get("DESK_BENCH_PG")
    if not pg:
        print("bench_board_writers: set DESK_BENCH_PG to a PostgreSQL server; skipped")
        return
    from sqlalchemy import create_engine, func, select
    from sqlalchemy.engine import make_url

    from desk.config import Settings
    from desk.db import Database
    from desk.models import AuditRecord, Event, EventStep
    from desk.services import incidents as inc
    from desk.services import schema
    from desk.services.audit import verify_chain
    from desk.services.context import Context
    from desk.services.unit import Actor

    seconds = float(os.environ.get("DESK_BENCH_SECONDS", "30"))
    name = f"desk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(pg).set(database=name).render_as_string(hide_password=False)
    try:
        db = Database(url)
        schema.upgrade(db)
        ctx = Context(db=db, settings=Settings(), actor=Actor("setup", "准备", role="duty_staff"))
        for i in range(EVENTS):
            inc.report_event(ctx, inc.NewEvent(title=f"共享事件{i}", kind="other", source="phone"))
        procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, str(w), str(seconds), json.dumps(NEXT)],
                                  stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
                 for w in range(WRITERS)]
        results = [json.loads(p.communicate(timeout=seconds + 120)[0].strip().splitlines()[-1]) for p in procs]
        told = Counter()
        per_event = Counter()
        for r in results:
            for eid, action in r["done"]:
                told[action] += 1
                per_event[eid] += 1
        with db.read() as s:
            audited = Counter({a.removeprefix("event."): n for a, n in s.execute(
                select(AuditRecord.action, func.count()).where(AuditRecord.action.like("event.%"))
                .group_by(AuditRecord.action)).all()})
            audited.pop("report", None)
            steps = Counter(dict(s.execute(select(EventStep.action, func.count()).group_by(EventStep.action)).all()))
            steps.pop("report", None)
            versions = dict(s.execute(select(Event.id, Event.version)).all())
            chain = verify_chain(s)
        lost_or_doubled = sum((told - audited).values()) + sum((audited - told).values())
        version_mismatch = sum(1 for eid, v in versions.items() if v != 1 + per_event.get(eid, 0))
        total = sum(told.values())
        conflicts = sum(r["conflicts"] for r in results)
        print(f"bench_board_writers: {WRITERS} processes × {seconds:.0f} s on {EVENTS} shared events (PostgreSQL)")
        print(f"  successful actions: {total} ({total / seconds:.0f}/s), conflicts told to seats: {conflicts}, "
              f"refused: {sum(r['refused'] for r in results)}")
        print(f"  lost or duplicated actions (seats' successes vs audit log): {lost_or_doubled} (target 0)"
              f"{' OK' if lost_or_doubled == 0 else ' FAILED'}")
        print(f"  events whose version ≠ 1 + their successful actions: {version_mismatch} (target 0)"
              f"{' OK' if version_mismatch == 0 else ' FAILED'}")
        reasons = Counter(w for r in results for w in r["why"])
        if reasons:
            print("  refusals, e.g.:", "; ".join(f"{w} ×{n}" for w, n in reasons.most_common(3)))
        print(f"  timeline steps match the audit log: {steps == audited}; audit chain intact: {chain.ok}")
        db.dispose()
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
