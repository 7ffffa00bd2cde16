"""A refused restore leaves the target database exactly as it was, on SQLite and on PostgreSQL:
a target that is not empty, a damaged or tampered backup (either kind: SQLite file or zip), a
backup of a newer schema, the wrong data key. "As it was": every table's definition and rows
(the audit log with them) and, on PostgreSQL, every sequence -- compared before and after."""
from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import uuid
import zipfile

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from desk.cli import main
from desk.config import Settings
from desk.db import Database, sqlite_path
from desk.services import auth, backup
from desk.services.context import Context
from desk.services.errors import DeskError
from desk.services.pii import FieldCipher
from tests.cli.walk_support import dump
from tests.conftest import _PG, _need_pg
from tests.db.test_security_backup import fill

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _make_backup(url: str, out) -> None:
    db = Database(url)
    saved, auth.HASHER = auth.HASHER, CHEAP
    try:
        fill(Context(db=db, settings=Settings()))
        backup.create_backup(Context(db=db, settings=Settings()), out)
    finally:
        auth.HASHER = saved
        db.dispose()


@pytest.fixture(scope="module")
def good(tmp_path_factory, sqlite_template):
    """A good backup of each kind: an SQLite file (from SQLite) and a zip (from PostgreSQL)."""
    folder = tmp_path_factory.mktemp("good")
    shutil.copy(sqlite_template, folder / "source.db")
    _make_backup(f"sqlite:///{folder / 'source.db'}", folder / "good.db")
    _need_pg()
    name = _PG.create()
    try:
        _make_backup(_PG.url_for(name), folder / "good.zip")
    finally:
        _PG.drop(name)
    return {"db": folder / "good.db", "zip": folder / "good.zip"}


def _rewrite_zip(src, dst, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, change(item.filename, zin.read(item.filename)))


def _edit_line(member: str, index: int, edit):
    def change(name, data):
        if name != member:
            return data
        lines = data.decode().splitlines()
        lines[index] = edit(lines[index])
        return ("\n".join(line for line in lines if line is not None) + "\n").encode()
    return change


def _edit_sqlite(path, *statements) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


def _actor_renamed(line: str) -> str:
    row = json.loads(line)
    row["actor"] = "someone"
    return json.dumps(row, ensure_ascii=False)


def _damage(kind: str, fault: str, good: dict, folder):
    """A copy of the good backup of ``kind`` with ``fault``; returns its path."""
    out = folder / f"{fault}.{kind}"
    shutil.copy(good[kind], out)
    if fault == "header then garbage":
        out.write_bytes(backup.SQLITE_MAGIC + b"\x00\xff" * 5000)
    elif fault == "cut in half":
        data = good[kind].read_bytes()
        out.write_bytes(data[: len(data) // 2])
    elif fault == "audit record edited" and kind == "db":
        _edit_sqlite(out, "DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET actor = 'someone' WHERE id = 2")
    elif fault == "audit record edited":
        _rewrite_zip(good[kind], out, _edit_line("tables/audit_log.jsonl", 1, _actor_renamed))
    elif fault == "a row missing":
        _rewrite_zip(good[kind], out, _edit_line("tables/staff.jsonl", 1, lambda line: None))
    elif fault == "a broken line late in the file":
        _rewrite_zip(good[kind], out, _edit_line("tables/audit_log.jsonl", -1, lambda line: line[:40]))
    elif fault == "newer schema" and kind == "db":
        _edit_sqlite(out, "UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    elif fault == "newer schema":
        def manifest(name, data):
            if name != "manifest.json":
                return data
            m = json.loads(data)
            m["revision"] = ["ffff_from_the_future"]
            return json.dumps(m).encode()
        _rewrite_zip(good[kind], out, manifest)
    elif fault != "wrong key":
        raise AssertionError(fault)
    return out


def snapshot(url: str):
    """Everything a restore could change: SQLite's full SQL dump; PostgreSQL's tables, columns,
    rows and sequences."""
    path = sqlite_path(url)
    if path is not None:
        con = sqlite3.connect(path)
        try:
            return list(con.iterdump())
        finally:
            con.close()
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as c:
            columns = c.execute(text("SELECT table_name, column_name, data_type, is_nullable, column_default "
                                     "FROM information_schema.columns WHERE table_schema = 'public' "
                                     "ORDER BY 1, 2")).all()
            sequences = c.execute(text("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")).all()
            types = c.execute(text("SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                                   "WHERE n.nspname = 'public' ORDER BY 1")).all()
    finally:
        engine.dispose()
    return columns, sequences, types, dump(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request):
    return request.param


@pytest.fixture
def target(engine, tmp_path, sqlite_template):
    """make(kind) → a target database URL: 'migrated' (empty, at this program's schema; the usual
    target), 'blank' (no tables at all) or 'filled' (holding data)."""
    made = []

    def make(kind: str) -> str:
        if engine == "sqlite":
            path = tmp_path / f"target-{kind}.db"
            if kind == "blank":
                sqlite3.connect(path).close()
            else:
                shutil.copy(sqlite_template, path)
            url = f"sqlite:///{path}"
        else:
            _need_pg()
            if kind == "blank":
                name = f"desk_b_{uuid.uuid4().hex[:12]}"
                with _PG.engine.connect() as c:
                    c.exec_driver_sql(f'CREATE DATABASE "{name}"')
            else:
                name = _PG.create()
            made.append(name)
            url = _PG.url_for(name)
        if kind == "filled":
            db = Database(url)
            saved, auth.HASHER = auth.HASHER, CHEAP
            try:
                fill(Context(db=db, settings=Settings()))
            finally:
                auth.HASHER = saved
                db.dispose()
        return url

    yield make
    for name in made:
        _PG.drop(name)


def _refused_and_unchanged(url: str, path, cipher: FieldCipher | None = None) -> DeskError:
    before = snapshot(url)
    db = Database(url)
    try:
        ctx = Context(db=db, settings=Settings(), cipher_override=cipher)
        with pytest.raises(DeskError) as refused:
            backup.restore(ctx, path)
    finally:
        db.dispose()
    assert snapshot(url) == before, f"the refused restore of {path.name} changed the target"
    return refused.value


CASES = [("db", "header then garbage"), ("db", "cut in half"), ("db", "audit record edited"),
         ("db", "newer schema"), ("db", "wrong key"),
         ("zip", "cut in half"), ("zip", "audit record edited"), ("zip", "a row missing"),
         ("zip", "a broken line late in the file"), ("zip", "newer schema"), ("zip", "wrong key")]
OTHER_KEY = FieldCipher(base64.b64decode(base64.b64encode(b"another-key-another-key-32bytes!")))


@pytest.mark.parametrize("kind, fault", CASES, ids=[f"{k}-{f}" for k, f in CASES])
def test_a_refused_restore_leaves_an_empty_target_as_it_was(kind, fault, good, target, tmp_path):
    bad = _damage(kind, fault, good, tmp_path)
    url = target("migrated")
    refused = _refused_and_unchanged(url, bad, OTHER_KEY if fault == "wrong key" else None)
    assert "未恢复" in str(refused) or "更新版本" in str(refused) or bad.name in str(refused)


@pytest.mark.parametrize("kind, fault", [("zip", "a broken line late in the file"), ("db", "wrong key")])
def test_a_refused_restore_into_a_database_without_tables_creates_none(kind, fault, good, target, tmp_path):
    url = target("blank")
    _refused_and_unchanged(url, _damage(kind, fault, good, tmp_path), OTHER_KEY if fault == "wrong key" else None)


@pytest.mark.parametrize("kind", ["db", "zip"])
def test_a_restore_into_a_database_that_holds_data_is_refused_and_changes_nothing(kind, good, target):
    refused = _refused_and_unchanged(target("filled"), good[kind])
    assert "空" in str(refused)


def test_after_a_refusal_the_right_backup_and_key_still_restore(good, target, tmp_path):
    url = target("migrated")
    _refused_and_unchanged(url, _damage("zip", "audit record edited", good, tmp_path))
    db = Database(url)
    try:
        rep = backup.restore(Context(db=db, settings=Settings()), good["zip"])
        assert rep.counts["staff"] == 3
    finally:
        db.dispose()


def test_a_refused_restore_from_the_command_line_exits_1_and_leaves_no_new_file(good, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    new = tmp_path / "new.db"
    assert main(["restore", str(_damage("zip", "a row missing", good, tmp_path)), "--db", str(new)]) == 1
    assert "未恢复" in capsys.readouterr().err
    assert not new.exists() and not list(tmp_path.glob("new.db*"))


def test_a_seat_without_the_data_key_is_refused_and_no_key_is_made(good, target, tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_DATA_KEY", raising=False)
    key_file = tmp_path / "keys" / "desk.key"
    url = target("migrated")
    before = snapshot(url)
    db = Database(url)
    try:
        ctx = Context(db=db, settings=Settings(extra={"key_file": str(key_file)}))
        with pytest.raises(DeskError, match="密钥"):
            backup.restore(ctx, good["zip"])
    finally:
        db.dispose()
    assert snapshot(url) == before and not key_file.exists()
