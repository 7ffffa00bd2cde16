"""Settings, declared once with their types and defaults, and where the database lives.

Order for the database URL: ``--db URL``, else env ``DESK_DB``, else the settings file,
else a SQLite file in the user data folder.
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from desk import APP_NAME

ENV_DB = "DESK_DB"
ENV_SETTINGS = "DESK_SETTINGS"


class SettingsError(Exception):
    """The settings file cannot be read; the message says which file and why."""


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None
    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    feed_poll_ms: int = 250
    backup_dir: str | None = None
    backup_keep_days: int = 30
    map_tiles: str | None = None
    seat_name: str | None = None
    extra: dict = field(default_factory=dict)

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    env = os.environ.get(ENV_SETTINGS)
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise SettingsError(f"settings file {path} must hold a JSON object")
    known = {f.name: f for f in fields(Settings)}
    values, extra = {}, {}
    for key, value in raw.items():
        if key in known and key != "extra":
            expected = known[key].type
            if value is not None and "int" in str(expected) and not isinstance(value, int):
                raise SettingsError(f"settings file {path}: '{key}' must be a whole number")
            values[key] = value
        else:
            extra[key] = value
    return Settings(**values, extra=extra)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in dataclasses.asdict(settings).items() if k != "extra" and v is not None}
    data.update(settings.extra)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


def default_sqlite_url() -> str:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / 'desk.db').as_posix()}"


def resolve_db_url(cli_url: str | None, settings: Settings, environ=os.environ) -> str:
    """The database URL by precedence: command line, environment, settings file, default."""
    for candidate in (cli_url, environ.get(ENV_DB), settings.db_url):
        if candidate:
            return normalise_url(candidate)
    return default_sqlite_url()


def normalise_url(url: str) -> str:
    """Accept a bare file path or a plain postgresql:// URL and make it explicit."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve().as_posix()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def describe_url(url: str) -> str:
    """A URL for people to read: no password."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced [ of an IPv6 host: the URL is refused anyway
        return "(无法解析的数据库地址 / unparseable database URL)"
    if parts.scheme.startswith("sqlite"):
        return f"SQLite {url.split(':///', 1)[-1]}"
    host = parts.hostname or "localhost"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a port that is not a number (the URL is refused anyway)
        port = ":?"
    user = f"{parts.username}@" if parts.username else ""
    engine = "PostgreSQL" if parts.scheme.startswith("postgres") else (parts.scheme or "?")
    return f"{engine} {user}{host}{port}{parts.path}"
