"""The data key from the command line: a missing or wrong key stops every command with a plain
message saying where the key belongs, and `desk db check` reports it with the rows that do not decrypt."""
from __future__ import annotations

import base64
import json
import shutil

import pytest

from desk.cli import main
from desk.config import Settings
from desk.db import Database
from desk.models import Staff, StaffRole
from desk.services.context import Context
from desk.services.pii import ENV_KEY, FieldCipher

KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()


@pytest.fixture
def desk(tmp_path, monkeypatch, sqlite_template):
    """`desk ...` on a database whose staff phone numbers are encrypted under KEY_A."""
    path = tmp_path / "desk.db"
    shutil.copy(sqlite_template, path)
    key_file = tmp_path / "seat" / "desk.key"
    (tmp_path / "settings.json").write_text(json.dumps({"key_file": str(key_file)}))
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.setenv(ENV_KEY, KEY_A)
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    db = Database(f"sqlite:///{path}")
    cipher = FieldCipher(b"A" * 32)
    with Context(db=db, settings=Settings(), cipher_override=cipher).unit() as u:
        u.session.add(Staff(name="张网格", role=StaffRole.GRID_LEADER, phone_enc=cipher.encrypt("13812345678"),
                            phone_idx=cipher.blind("13812345678"), active=True))
    db.dispose()
    assert main(["audit", "verify", "--db", str(path)]) == 0  # the first start checks KEY_A and stores it

    def run(*argv, key: str | None = KEY_A) -> int:
        if key is None:
            monkeypatch.delenv(ENV_KEY, raising=False)
        else:
            monkeypatch.setenv(ENV_KEY, key)
        return main([*argv, "--db", str(path)])
    run.key_file = key_file
    return run


def test_a_wrong_key_stops_a_command_with_where_the_key_belongs(desk, capsys):
    capsys.readouterr()
    assert desk("audit", "verify", key=KEY_B) == 1
    err = capsys.readouterr().err
    assert "不符" in err and ENV_KEY in err and "Traceback" not in err
    assert desk("audit", "verify") == 0


def test_a_seat_without_the_key_file_is_stopped_and_no_key_is_made(desk, capsys):
    capsys.readouterr()
    assert desk("audit", "verify", key=None) == 1
    err = capsys.readouterr().err
    assert str(desk.key_file) in err and ENV_KEY in err
    assert not desk.key_file.exists()


def test_a_corrupt_key_file_is_named_without_a_traceback(desk, capsys):
    desk.key_file.parent.mkdir()
    desk.key_file.write_text("not a key\n")
    capsys.readouterr()
    assert desk("audit", "verify", key=None) == 1
    err = capsys.readouterr().err
    assert str(desk.key_file) in err and "Traceback" not in err


def test_db_check_reports_a_wrong_key_and_the_rows_it_cannot_decrypt(desk, capsys):
    capsys.readouterr()
    assert desk("db", "check") == 0
    assert "一致" in capsys.readouterr().out
    assert desk("db", "check", key=KEY_B) == 2
    out = capsys.readouterr().out
    assert "不符" in out and "staff 1 (phone_enc)" in out
    assert not desk.key_file.exists()
