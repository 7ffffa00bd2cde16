"""The first start of a newer desk on an older database backs it up as it was, then migrates;
a database already up to date or new is not copied; a backup that cannot be written stops the
upgrade and leaves the database as it was."""
from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
from alembic import command
from sqlalchemy import text

from desk.db import Database
from desk.services import preupgrade, schema
from desk.services.errors import DatabaseError

OLD = "0003"


def _at_old_revision(url: str) -> Database:
    db = Database(url)
    cfg = schema.alembic_config(db.url)
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, OLD)
    with db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO street (code, name) VALUES ('410481004', '院岭街道')"))
    return db


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request, tmp_path):
    if request.param == "sqlite":
        db = _at_old_revision(f"sqlite:///{tmp_path / 'old.db'}")
        yield db
        db.dispose()
    else:
        url = request.getfixturevalue("pg_empty_url")
        db = _at_old_revision(url)
        yield db
        db.dispose()


def test_an_older_database_is_backed_up_as_it_was_then_migrated(old_db, tmp_path):
    made = preupgrade.upgrade_with_backup(old_db, tmp_path / "backups")
    assert made is not None and made.exists() and made.name.startswith(f"pre-upgrade-{OLD}-")
    assert schema.state(old_db).up_to_date
    if old_db.sqlite:
        with sqlite3.connect(made) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (OLD,)
            assert conn.execute("SELECT name FROM street").fetchall() == [("院岭街道",)]
    else:
        with zipfile.ZipFile(made) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            streets = [json.loads(line) for line in zf.read("tables/street.jsonl").decode("utf-8").splitlines()]
        assert manifest["format"] == "desk-backup/1" and manifest["revision"] == [OLD]
        assert manifest["counts"]["street"] == 1 and streets[0]["name"] == "院岭街道"
    assert list((tmp_path / "backups").glob("*.part")) == []


def test_an_up_to_date_or_new_database_is_not_copied(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert preupgrade.upgrade_with_backup(db, tmp_path / "backups") is None  # new: nothing to keep
        assert preupgrade.upgrade_with_backup(db, tmp_path / "backups") is None  # up to date
    finally:
        db.dispose()
    assert not (tmp_path / "backups").exists()


def test_a_backup_that_cannot_be_written_stops_the_upgrade(tmp_path):
    db = _at_old_revision(f"sqlite:///{tmp_path / 'old.db'}")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    try:
        with pytest.raises(DatabaseError, match="数据库未升级"):
            preupgrade.upgrade_with_backup(db, blocker / "backups")
        assert schema.state(db).current == (OLD,)
    finally:
        db.dispose()
