"""What every subcommand shares: opening the database and signing in.

Who acts from the command line: ``--user NAME`` (or env DESK_USER) with the password from env
DESK_PASSWORD or typed at a prompt (never echoed). The sign-in is the same as the window's: it
is audited, counts failures, and refuses locked and disabled accounts and accounts that must
first change their password. While the database has NO account at all (a fresh installation),
commands act as the system: that is how the first administrator is made (``desk user add``)
and how ``desk demo`` / ``desk import`` fill a new database. Once an account exists, every
command that changes or reveals data needs a signed-in user.
"""
from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import replace

from desk.bootstrap import db_parent, open_context
from desk.services import accounts, auth
from desk.services.context import Context
from desk.services.errors import PermissionDenied, ValidationError

ENV_USER = "DESK_USER"
ENV_PASSWORD = "DESK_PASSWORD"

__all__ = ["acting_context", "db_parent", "open_context", "read_new_password", "read_password", "username_of"]


def cli_seat() -> str:
    return f"{socket.gethostname()} (cli)"[:64]


def username_of(args) -> str | None:
    return getattr(args, "user", None) or os.environ.get(ENV_USER) or None


def read_password(prompt: str) -> str:
    env = os.environ.get(ENV_PASSWORD)
    if env is not None:
        return env
    return getpass.getpass(prompt)


def read_new_password(from_stdin: bool) -> str:
    """A new password: the first line of stdin (scripts), or typed twice at a prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ValidationError("标准输入中没有密码 (no password on stdin)")
        return line.rstrip("\r\n")
    first = getpass.getpass("新密码 (new password): ")
    if getpass.getpass("再输入一次 (again): ") != first:
        raise ValidationError("两次输入的密码不一致 (the two passwords differ)")
    return first


def acting_context(args, *, upgrade: bool = True, check_key: bool = True) -> Context:
    """The context acting as the signed-in user, or as the system on a database with no account."""
    ctx = open_context(args, upgrade=upgrade, check_key=check_key)
    ctx = ctx.as_actor(replace(ctx.actor, seat=cli_seat()))
    username = username_of(args)
    if username:
        actor = auth.sign_in(ctx, username, read_password(f"用户 {username} 的密码 (password): "))
        if actor.must_change_password:
            raise PermissionDenied(f"请先修改初始密码: desk user passwd --user {username} "
                                   f"(change your password first)")
        ctx = ctx.as_actor(replace(actor, seat=cli_seat()))
        args.acting = ctx  # so a refusal further on can be recorded (desk.cli.main)
        return ctx
    if accounts.account_count(ctx) > 0:
        raise PermissionDenied("请登录: --user 用户名 (密码取自 DESK_PASSWORD 或提示输入) "
                               "(sign in with --user NAME; this database has accounts)")
    return ctx
