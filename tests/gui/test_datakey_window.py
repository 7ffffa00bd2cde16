"""The window with a wrong data key: a plain message box and the program ends, before anyone signs in."""
from __future__ import annotations

import base64
import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.config import Settings
from desk.db import Database
from desk.services import datakey
from desk.services.context import Context
from desk.services.pii import ENV_KEY

pytestmark = pytest.mark.usefixtures("no_leftover_windows")


def test_a_wrong_data_key_shows_a_message_and_ends_before_sign_in(qtbot, tmp_path, sqlite_template, monkeypatch):
    from desk import app

    shutil.copy(sqlite_template, tmp_path / "desk.db")
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setenv(ENV_KEY, base64.b64encode(b"A" * 32).decode())
    db = Database(url)
    datakey.start(Context(db=db, settings=Settings()))  # the room's key is A
    db.dispose()
    monkeypatch.setenv(ENV_KEY, base64.b64encode(b"B" * 32).decode())  # this seat has B
    shown, asked = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(app, "sign_in_at_start", lambda *a, **k: asked.append(a))

    class Args:
        db = url

    assert app.run_window(Args()) == 1
    assert len(shown) == 1 and "不符" in shown[0] and ENV_KEY in shown[0]
    assert asked == []  # the sign-in dialog never opened
