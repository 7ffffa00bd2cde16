"""Opening the desk: settings, the database URL, the database at this program's schema.
Shared by the CLI and the window (the composition roots)."""
from __future__ import annotations

import argparse
import os
from dataclasses import replace

from desk.config import SettingsError, describe_url, load_settings, resolve_db_url
from desk.db import Database, DatabaseUnavailable, looks_like_network_path, sqlite_path
from desk.services import datakey, schema
from desk.services.context import Context
from desk.services.errors import DatabaseError, ValidationError


def db_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", metavar="URL", help="数据库 (sqlite:///file.db 或 postgresql+psycopg://user@host/db); "
                                               "默认: 环境变量 DESK_DB, 设置文件, 用户数据目录中的 SQLite")
    p.add_argument("--user", metavar="NAME", help="以此用户身份操作 (或环境变量 DESK_USER)；密码取自环境变量 "
                                                  "DESK_PASSWORD，否则提示输入。数据库尚无账户时不需要。")
    return p


def open_context(args: argparse.Namespace, *, upgrade: bool = True, warn=print, check_key: bool = True) -> Context:
    """The context on the chosen database at this program's schema, with the data key checked
    (a missing or wrong key stops here, before anything is read or written: KeyError_).
    ``upgrade=False`` (schema commands, restore) and ``check_key=False`` (`desk db check`, which
    reports a wrong key rather than stopping) leave the key alone."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        raise ValidationError(f"设置文件有误，请修正或删除 (the settings file is wrong): {exc}") from exc
    url = resolve_db_url(getattr(args, "db", None), settings, os.environ)
    try:
        db = Database(url)
    except DatabaseUnavailable as exc:
        raise DatabaseError(f"无法打开数据库 {describe_url(url)}: {exc}") from exc
    path = sqlite_path(url)
    if path is not None and looks_like_network_path(path):
        warn(f"警告: SQLite 文件位于网络路径 {path}，不支持多台电脑共用；多席位请使用 PostgreSQL。")
    ctx = Context(db=db, settings=settings)
    if upgrade:
        schema.upgrade(db)
        if check_key:  # --- security: the data key is the database's ---
            ctx = replace(ctx, cipher_override=datakey.start(ctx))
    return ctx
