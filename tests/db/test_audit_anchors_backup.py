"""Backups and anchors: a backup of a broken chain says so and is not labelled verified; the daily
backup anchors the chain it verified; a zip backup's own records are walked, not just its manifest."""
from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import pytest
from sqlalchemy import text

from desk.config import Settings
from desk.services import anchors, backup, backup_daily
from desk.services.errors import DatabaseError
from desk.services.unit import Actor
from tests.db.chain_support import owner_lifts_the_guards


@pytest.fixture
def room(ctx, tmp_path):
    """The context with its anchor folder set, as a room's settings file would."""
    return replace(ctx, settings=Settings(extra={"anchor_dir": str(tmp_path / "anchors")}))


def some_records(ctx, n=4):
    for i in range(n):
        with ctx.unit() as u:
            u.audit("test.step", "thing", i, after={"i": i, "text": "多行\n'引号' \"双\" \\"})


def break_record(db, rec_id: int) -> None:
    owner_lifts_the_guards(db)
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone' WHERE id = :i"), {"i": rec_id})


def test_the_daily_backup_leaves_an_anchor_that_a_later_cut_no_longer_fits(room, tmp_path):
    some_records(room)
    made = backup_daily.daily_backup(room, tmp_path / "backups", keep_days=5)
    assert made is not None and made.exists()
    files = list((tmp_path / "anchors").glob("*.json"))
    assert len(files) == 1
    anchor = anchors.read_anchor(files[0])
    assert (anchor.by, anchor.reason) == ("system", "daily-backup")
    assert anchors.verify_anchors(room, tmp_path / "anchors").ok
    owner_lifts_the_guards(room.db)
    with room.db.write_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": anchor.last_id})
        conn.execute(text("UPDATE audit_head SET last_id = last_id - 1, last_hash = "
                          "(SELECT hash FROM audit_log WHERE id = audit_head.last_id - 1)"))
    report = anchors.verify_anchors(room, tmp_path / "anchors")
    assert (report.ok, report.first_bad) == (False, files[0])


def test_a_backup_of_a_broken_chain_is_written_but_not_labelled_verified(room, tmp_path):
    some_records(room, 5)
    good = backup.create_backup(room, tmp_path / ("good.db" if room.db.sqlite else "good.zip"))
    assert good.verified and good.chain_problem() == ""
    break_record(room.db, 3)
    bad = backup.create_backup(room, tmp_path / ("bad.db" if room.db.sqlite else "bad.zip"))
    assert bad.path.exists() and not bad.verified
    assert "记录 3" in bad.chain_problem()
    assert not backup.inspect_backup(bad.path).verified


def test_the_daily_backup_of_a_broken_chain_says_so_and_anchors_nothing(room, tmp_path):
    some_records(room, 5)
    break_record(room.db, 2)
    duty = room.as_actor(Actor("duty1", role="duty_staff"))
    with pytest.raises(DatabaseError, match="未标记为已校验.*记录 2"):
        backup_daily.daily_backup(duty, tmp_path / "backups", keep_days=5)
    assert len(list((tmp_path / "backups").iterdir())) == 1  # the data is kept all the same
    assert not (tmp_path / "anchors").exists() or not list((tmp_path / "anchors").iterdir())


def test_a_zip_backup_is_checked_record_by_record_not_only_by_its_manifest(room, tmp_path):
    if room.db.sqlite:
        pytest.skip("the logical (zip) backup is a PostgreSQL matter")
    some_records(room, 4)
    good = tmp_path / "good.zip"
    assert backup.create_backup(room, good).verified
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "tables/audit_log.jsonl":
                lines = data.decode().splitlines()
                row = json.loads(lines[1])
                row["after"] = '{"i": 99}'
                lines[1] = json.dumps(row, ensure_ascii=False)
                data = ("\n".join(lines) + "\n").encode()
            zout.writestr(item, data)
    report = backup.inspect_backup(bad)
    assert not report.verified and report.chain.first_bad_id == 2


def test_the_daily_sheet_gets_an_anchor_line_whoever_prints_it(room, tmp_path):
    some_records(room, 2)
    duty = room.as_actor(Actor("duty1", role="duty_staff"))
    made = anchors.for_sheet(duty)
    assert made.path.parent == tmp_path / "anchors" and made.reason == "daily-sheet"
    assert str(made.last_id) in made.line() and made.head_hash[:16] in made.line()
    with room.read() as s:
        from desk.models import AuditRecord
        rec = s.get(AuditRecord, made.last_id)
    assert (rec.action, rec.actor) == ("audit.anchor", "duty1")  # the anchor covers its own record


def test_a_damaged_anchor_file_is_named_rather_than_skipped(room, tmp_path):
    some_records(room, 2)
    made = anchors.for_sheet(room)
    made.path.write_text('{"format": "desk-audit-anchor/1", "records": "many"}', encoding="utf-8")
    report = anchors.verify_anchors(room, tmp_path / "anchors")
    assert (report.ok, report.first_bad) == (False, made.path)
    assert "无法读取" in report.reason
