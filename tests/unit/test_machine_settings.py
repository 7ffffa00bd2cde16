"""The installer writes the PC's settings for every user (ProgramData on Windows); a user's own
settings file still wins, key by key; a file saved with a BOM (Notepad, the installer) reads."""
from __future__ import annotations

import json

import pytest

from desk import config


@pytest.fixture
def folders(tmp_path, monkeypatch):
    site, user = tmp_path / "site" / "settings.json", tmp_path / "user" / "settings.json"
    monkeypatch.delenv(config.ENV_SETTINGS, raising=False)
    monkeypatch.setattr(config, "site_settings_path", lambda: site)
    monkeypatch.setattr(config, "settings_path", lambda: user)
    site.parent.mkdir()
    user.parent.mkdir()
    return site, user


def test_the_installers_database_and_key_reach_every_user_of_the_pc(folders):
    site, _user = folders
    text = json.dumps({"db_url": "postgresql+psycopg://desk@10.0.0.5/street",
                       "key_file": "C:\\ProgramData\\desk\\desk.key"}, ensure_ascii=False)
    site.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # UTF-8 with a BOM, as Inno Setup writes it
    settings = config.load_settings()
    assert settings.db_url == "postgresql+psycopg://desk@10.0.0.5/street"
    assert settings.extra["key_file"] == "C:\\ProgramData\\desk\\desk.key"


def test_a_users_own_settings_win_key_by_key(folders):
    site, user = folders
    site.write_text(json.dumps({"db_url": "postgresql+psycopg://desk@server/street", "idle_lock_minutes": 5}))
    user.write_text(json.dumps({"idle_lock_minutes": 15}))
    settings = config.load_settings()
    assert settings.db_url == "postgresql+psycopg://desk@server/street"
    assert settings.idle_lock_minutes == 15


def test_a_broken_machine_settings_file_is_named_in_a_plain_error(folders):
    site, _user = folders
    site.write_text("{not json")
    with pytest.raises(config.SettingsError, match="settings file"):
        config.load_settings()
