"""Where the data lives: --db, else DESK_DB, else the settings file, else a SQLite file."""
import json

import pytest

from desk.config import Settings, SettingsError, describe_url, load_settings, normalise_url, resolve_db_url, save_settings


def test_command_line_wins_over_environment_and_settings():
    url = resolve_db_url("sqlite:///a.db", Settings(db_url="sqlite:///c.db"), {"DESK_DB": "sqlite:///b.db"})
    assert url == "sqlite:///a.db"


def test_environment_wins_over_settings_file():
    url = resolve_db_url(None, Settings(db_url="sqlite:///c.db"), {"DESK_DB": "sqlite:///b.db"})
    assert url == "sqlite:///b.db"


def test_settings_file_is_used_when_nothing_else_is_given():
    assert resolve_db_url(None, Settings(db_url="sqlite:///c.db"), {}) == "sqlite:///c.db"


def test_default_is_a_sqlite_file_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("desk.config.data_dir", lambda: tmp_path / "data")
    url = resolve_db_url(None, Settings(), {})
    assert url == f"sqlite:///{(tmp_path / 'data' / 'desk.db').as_posix()}"
    assert (tmp_path / "data").is_dir()


def test_plain_postgres_urls_are_made_to_use_psycopg_and_bare_paths_become_sqlite(tmp_path):
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url(str(tmp_path / "x.db")) == f"sqlite:///{(tmp_path / 'x.db').as_posix()}"


def test_described_url_hides_the_password():
    text = describe_url("postgresql+psycopg://desk:secret@10.0.0.5:5432/street")
    assert "secret" not in text and "10.0.0.5:5432/street" in text


def test_settings_round_trip_keeps_unknown_keys(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(db_url="sqlite:///x.db", idle_lock_minutes=5, extra={"future": 1}), path)
    loaded = load_settings(path)
    assert loaded.db_url == "sqlite:///x.db" and loaded.idle_lock_minutes == 5 and loaded.extra == {"future": 1}


def test_a_broken_settings_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match="settings.json"):
        load_settings(path)
    path.write_text(json.dumps({"idle_lock_minutes": "ten"}), encoding="utf-8")
    with pytest.raises(SettingsError, match="idle_lock_minutes"):
        load_settings(path)
