"""Backups restore into an empty database of either engine, verified by row counts and the audit chain."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desk.config import Settings
from desk.db import Database
from desk.models import Community, Staff, StaffRole, UserAccount
from desk.resources import path as resource
from desk.services import accounts, audit_log, auth, backup, backup_daily
from desk.services.context import Context
from desk.services.divisions import import_divisions
from desk.services.errors import DatabaseError, ValidationError


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def fill(ctx) -> None:
    import_divisions(ctx, resource("reference", "divisions-410481004.csv"))
    accounts.add_user(ctx, "admin", "王管理", "security_admin", "Yuanling-2026")
    auth.sign_in(ctx, "admin", "Yuanling-2026")
    with ctx.unit() as u:
        for i in range(3):
            u.session.add(Staff(name=f"网格员{i}😀", role=StaffRole.FULLTIME_GRID_WORKER, active=True,
                                phone_enc=ctx.cipher.encrypt(f"1391234000{i}"), phone_idx=ctx.cipher.blind(f"1391234000{i}")))
        u.audit("test.fill", after={"text": "多行\n文本 'quoted' \"double\" \\ back"})


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_target(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
    else:
        yield request.getfixturevalue("pg_empty_url")


def test_a_backup_restores_into_an_empty_database_of_either_engine(ctx, clock, tmp_path, empty_target):
    fill(ctx)
    out = tmp_path / ("backup.db" if ctx.db.sqlite else "backup.zip")
    made = backup.create_backup(ctx, out)
    assert made.kind == ("sqlite" if ctx.db.sqlite else "logical") and made.counts["community"] > 0
    target = Database(empty_target)
    try:
        tctx = Context(db=target, settings=Settings(), clock=clock)
        rep = backup.restore(tctx, out)
        assert rep.counts == made.counts
        assert audit_log.verify(tctx).ok
        with tctx.read() as s:
            assert s.scalar(select(func.count()).select_from(Community)) == made.counts["community"]
            phones = sorted(tctx.cipher.decrypt(p) for p in s.scalars(select(Staff.phone_enc)))
            names = sorted(s.scalars(select(Staff.name)))
        assert phones == ["13912340000", "13912340001", "13912340002"] and names[0] == "网格员0😀"
        # the restored database goes on working: sign-in, new rows with fresh ids, audit appended
        assert auth.sign_in(tctx, "admin", "Yuanling-2026").role == "security_admin"
        accounts.add_user(tctx.as_actor(auth.sign_in(tctx, "admin", "Yuanling-2026")), "duty9", "新", "duty_staff",
                          "Temp-Pass-001")
        with tctx.read() as s:
            assert s.scalar(select(func.count()).select_from(UserAccount)) == 2
        assert audit_log.verify(tctx).ok
    finally:
        target.dispose()


def test_a_restore_into_a_database_that_holds_data_is_refused(ctx, tmp_path):
    fill(ctx)
    out = tmp_path / "b.bak"
    backup.create_backup(ctx, out)
    with pytest.raises(ValidationError, match="空"):
        backup.restore(ctx, out)


def test_a_file_that_is_not_a_backup_is_refused_with_its_name(ctx, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(ValidationError, match="notes.txt"):
        backup.restore(ctx, bogus)


def test_the_daily_backup_is_made_once_a_day_and_old_ones_are_removed(ctx, clock, tmp_path):
    from dataclasses import replace
    ctx = replace(ctx, settings=Settings(extra={"anchor_dir": str(tmp_path / "anchors")}))  # anchors too
    fill(ctx)
    folder = tmp_path / "backups"
    duty = ctx.as_actor(__import__("desk.services.unit", fromlist=["Actor"]).Actor("duty1", role="duty_staff"))
    first = backup_daily.daily_backup(duty, folder, keep_days=2)  # a scheduled job: runs whoever is signed in
    assert first is not None and first.exists()
    assert backup_daily.daily_backup(duty, folder, keep_days=2) is None  # once a day
    for _ in range(3):
        clock.advance(days=1)
        assert backup_daily.daily_backup(duty, folder, keep_days=2) is not None
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3 and first.name not in names
    assert backup.inspect_backup(folder / names[-1]).counts["community"] > 0


def test_a_backup_whose_audit_log_was_edited_is_refused_and_the_target_stays_empty(ctx, clock, tmp_path):
    import json
    import zipfile
    if ctx.db.sqlite:
        pytest.skip("the logical (zip) backup is edited here")
    fill(ctx)
    good = tmp_path / "good.zip"
    backup.create_backup(ctx, good)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "tables/audit_log.jsonl":
                lines = data.decode().splitlines()
                row = json.loads(lines[2])
                row["actor"] = "someone"
                lines[2] = json.dumps(row, ensure_ascii=False)
                data = ("\n".join(lines) + "\n").encode()
            zout.writestr(item, data)
    target = Database(f"sqlite:///{tmp_path / 'target.db'}")
    try:
        tctx = Context(db=target, settings=Settings(), clock=clock)
        with pytest.raises(DatabaseError, match="记录 3"):
            backup.restore(tctx, bad)
        assert backup.restore(tctx, good).counts["audit_log"] > 3  # still empty: the good one goes in
    finally:
        target.dispose()
