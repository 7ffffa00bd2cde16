"""A process that writes at random until it is killed, and the checks that its writes left no trace
of being cut off: used by tests/db/test_faults_kill.py and bench/bench_faults.py.

    python bench/fault_writer.py URL --seed N [--max N]

prints the number of committed writes, one line per commit (flushed), so the killer knows how far it got.
Writes: a new community (+audit), a rename (audit before/after), a batch of five staff (+audit listing
their ids), a new account (account + password history + audit). Each is one transaction.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

from argon2 import PasswordHasher
from sqlalchemy import func, select

from desk.config import Settings
from desk.db import Database
from desk.models import AuditRecord, Community, CommunityKind, Staff, StaffRole, Street
from desk.services import accounts, auth, integrity
from desk.services.context import Context
from desk.services.errors import DatabaseError

STREET = "999999999"


def _street(ctx) -> int:
    try:
        return _street_once(ctx)
    except DatabaseError:  # another seat made it at the same moment, or the connection was cut
        return _street_once(ctx)


def _street_once(ctx) -> int:
    with ctx.unit() as u:
        sid = u.session.scalar(select(Street.id).where(Street.code == STREET))
        if sid is None:
            st = Street(code=STREET, name="故障测试街道")
            u.session.add(st)
            u.session.flush()
            sid = st.id
        return sid


def write_once(ctx, rng: random.Random, street_id: int, tag: str) -> None:
    kind = rng.choice(["community", "community", "rename", "staff", "user"])
    with ctx.unit() as u:
        s = u.session
        if kind == "rename":
            ids = s.scalars(select(Community.id).where(Community.street_id == street_id)).all()
            kind = "community" if not ids else kind
        if kind == "community":
            n = s.scalar(select(func.count()).select_from(Community)) or 0
            c = Community(street_id=street_id, code=f"{STREET}{n + 1:03d}", name=f"社区{tag}-{n}",
                          kind=CommunityKind.COMMUNITY)
            s.add(c)
            s.flush()
            u.audit("fault.community", "community", c.id, after={"name": c.name})
            u.changed("community", c.id, "insert")
        elif kind == "rename":
            c = s.get(Community, rng.choice(ids))
            before, c.name = c.name, f"更名{tag}-{rng.randrange(10**6)}"
            u.audit("fault.rename", "community", c.id, before={"name": before}, after={"name": c.name})
            u.changed("community", c.id)
        elif kind == "staff":
            batch = f"{tag}-{rng.randrange(10**9)}"
            people = [Staff(name=f"F{batch}-{k}"[:32], role=StaffRole.FULLTIME_GRID_WORKER, active=True)
                      for k in range(5)]
            s.add_all(people)
            s.flush()
            u.audit("fault.staff_batch", "staff", None, after={"batch": batch, "ids": [p.id for p in people]})
    if kind == "user":
        accounts.add_user(ctx, f"f{tag}{rng.randrange(10**8)}"[:32], "故障", "duty_staff", "Fault-Pass-001")


def seat_tag(seed: int, pid: int | None = None) -> str:
    return f"s{seed}p{pid or os.getpid()}x"  # delimited: no tag is part of another


def writes_of(ctx, tag: str) -> int:
    """How many writes of one writer are in the database (each leaves exactly one audit record)."""
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditRecord).where(
            AuditRecord.action.in_(["fault.community", "fault.rename", "fault.staff_batch", "user.add"]),
            func.coalesce(AuditRecord.after, "").contains(tag, autoescape=True))) or 0


def inconsistencies(ctx) -> list[str]:
    """What a cut-off write could have left half done ([] when none)."""
    found = integrity.problems(ctx)
    with ctx.read() as s:
        names = dict(s.execute(select(Community.id, Community.name)
                               .join(Street, Street.id == Community.street_id).where(Street.code == STREET)).all())
        made = {int(e) for e in s.scalars(select(AuditRecord.entity_id).where(AuditRecord.action == "fault.community"))}
        if set(names) != made:
            found.append(f"communities and their audit records differ: {sorted(set(names) ^ made)[:10]}")
        last_name: dict[int, str] = {}
        for eid, after in s.execute(select(AuditRecord.entity_id, AuditRecord.after).where(
                AuditRecord.action.in_(["fault.community", "fault.rename"])).order_by(AuditRecord.id)):
            last_name[int(eid)] = json.loads(after)["name"]
        wrong = [i for i, n in names.items() if last_name.get(i) != n]
        if wrong:
            found.append(f"community names disagree with the audit log: {wrong[:10]}")
        batch_ids: set[int] = set()
        for after in s.scalars(select(AuditRecord.after).where(AuditRecord.action == "fault.staff_batch")):
            batch_ids |= set(json.loads(after)["ids"])
        staff_ids = set(s.scalars(select(Staff.id).where(Staff.name.like("F%"))))
        if staff_ids != batch_ids:
            found.append(f"staff rows and their batch records differ: {sorted(staff_ids ^ batch_ids)[:10]}")
    return found


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max", type=int, default=10**9)
    p.add_argument("--retry", action="store_true", help="on a lost connection, retry (a seat that keeps working)")
    args = p.parse_args(argv)
    saved, auth.HASHER = auth.HASHER, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    db = Database(args.url)
    try:
        ctx = Context(db=db, settings=Settings())
        rng = random.Random(args.seed)
        street_id = _street(ctx)
        tag = seat_tag(args.seed)
        for i in range(1, args.max + 1):
            while True:
                try:
                    write_once(ctx, rng, street_id, tag)
                    break
                except DatabaseError as exc:
                    if not args.retry:
                        raise
                    sys.stderr.write(f"retry after: {exc}\n")
                    time.sleep(0.05)
            sys.stdout.write(f"{i}\n")
            sys.stdout.flush()
    finally:
        auth.HASHER = saved
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
