"""`desk` and its subcommands. `desk` alone opens the window.

Every subcommand takes --db URL, prints what it did in a line or two, and exits non-zero
with a plain message (no traceback) when the user's input or the database is the problem:
2 when the person is refused (not signed in, a wrong password, a locked or disabled account,
no right; see desk.cli.common), 1 for every other error.
"""
from __future__ import annotations

import argparse
import sys

from desk import __version__, logfile
from desk.cli import audit_cmd, backup_cmd, db_cmd, demo_cmd, events_cmd, figures_cmd, geo_cmd, import_cmd, user_cmd
from desk.cli import dispatch_cmd, evaluation_cmd, key_cmd
from desk.cli import registry_cmd, report_cmd, selftest_cmd
from desk.cli import meetings_cmd
from desk.bootstrap import db_parent
from desk.services.auth import SignInFailed
from desk.services.errors import DeskError, PermissionDenied

EXIT_ERROR = 1
EXIT_REFUSED = 2  # the person was refused: no valid sign-in, or no right

COMMANDS = [db_cmd, demo_cmd, import_cmd, events_cmd, geo_cmd, figures_cmd, user_cmd, audit_cmd, backup_cmd]
COMMANDS.append(key_cmd)  # desk key merge (the data key)
COMMANDS.insert(COMMANDS.index(figures_cmd) + 1, report_cmd)  # desk report (briefing sheets)
COMMANDS.insert(COMMANDS.index(report_cmd) + 1, meetings_cmd)  # desk meetings (会商研判)
COMMANDS.insert(COMMANDS.index(report_cmd) + 1, evaluation_cmd)  # desk evaluation (评价奖惩)
COMMANDS.insert(COMMANDS.index(figures_cmd), dispatch_cmd)  # desk dispatch routing-check
COMMANDS.insert(COMMANDS.index(events_cmd) + 1, registry_cmd)  # desk import people|houses|units, desk registry
COMMANDS.append(selftest_cmd)  # needs no sign-in, reveals no data: a scratch database


def build_parser() -> argparse.ArgumentParser:
    parent = db_parent()
    parser = argparse.ArgumentParser(prog="desk", parents=[parent],
                                     description="警网融合中心工作台 (desk)。不带子命令时打开窗口。")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument("--guide", action="store_true", help="只打开值班员使用指南 (show the user guide only)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub, parent)
    return parser


def _configure_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    logfile.configure(verbose=getattr(args, "verbose", False), argv=argv)  # the one logging set-up (window too)
    try:
        if args.command is None and args.guide:
            from desk.views.help import run_guide

            return run_guide()
        if args.command is None:
            from desk.app import run_window

            return run_window(args)
        return args.func(args)
    except DeskError as exc:
        if isinstance(exc, PermissionDenied) and getattr(args, "acting", None) is not None:
            from desk.services.audit_log import record_denied

            record_denied(args.acting, exc)
        print(f"错误: {exc}", file=sys.stderr)
        return EXIT_REFUSED if isinstance(exc, (PermissionDenied, SignInFailed)) else EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one plain line; the traceback goes to the log file
        from desk.cli.crash import unexpected

        return unexpected(exc, argv)
