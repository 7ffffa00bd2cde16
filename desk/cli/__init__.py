"""`desk` and its subcommands. `desk` alone opens the window.

Every subcommand takes --db URL, prints what it did in a line or two, and exits non-zero
with a plain message (no traceback) when the user's input or the database is the problem:
2 when the person is refused (not signed in, a wrong password, a locked or disabled account,
no right; see desk.cli.common), 1 for every other error.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from desk import __version__, logfile
from desk.bootstrap import db_parent
from desk.services.auth import SignInFailed
from desk.services.errors import DeskError, PermissionDenied

EXIT_ERROR = 1
EXIT_REFUSED = 2  # the person was refused: no valid sign-in, or no right

# The subcommand modules, in registration order (`desk import` first registers the import kinds that
# events_cmd and geo_cmd add to), and the top-level commands each registers. A module is imported only
# when its command runs (or for --help and the walk over every command): the window's start and each
# command load no other command's services (shapely, the demo street, meetings, ...).
# Imported by name: installer/desk.spec collects every desk module (collect_submodules) for the bundle.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "db_cmd": ("db",),
    "demo_cmd": ("demo",),
    "import_cmd": ("import",),
    "events_cmd": ("import",),   # desk import events
    "registry_cmd": ("import", "registry"),  # desk import people|houses|units, desk registry
    "geo_cmd": ("import", "geo", "grids"),  # desk import grids|beats, desk geo, desk grids
    "dispatch_cmd": ("dispatch",),  # desk dispatch routing-check
    "figures_cmd": ("figures",),
    "report_cmd": ("report",),  # desk report (briefing sheets)
    "evaluation_cmd": ("evaluation",),  # desk evaluation (评价奖惩)
    "meetings_cmd": ("meetings",),  # desk meetings (会商研判)
    "user_cmd": ("user",),
    "audit_cmd": ("audit",),
    "backup_cmd": ("backup", "restore"),
    "key_cmd": ("key",),  # desk key merge (the data key)
    "selftest_cmd": ("selftest",),  # needs no sign-in, reveals no data: a scratch database
}
# Options of `desk` itself that take a value: skipped when looking for the command's name.
_VALUED_OPTIONS = {"--db", "--user"}


def command_name(argv: list[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is no option nor an option's value),
    or None: the window (`desk`, `desk --db URL`, `desk --guide`)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--":
            return None
        elif word.startswith("-"):
            # --db URL, --user NAME, or an abbreviation argparse accepts (--us NAME); not --db=URL
            skip = "=" not in word and len(word) > 2 and any(o.startswith(word) for o in _VALUED_OPTIONS)
        else:
            return word
    return None


def _modules_for(argv: list[str] | None):
    """The command modules a parser for ``argv`` needs: none for the window, the command's own for a
    known command, every one for --help, --version and an unknown command (argparse lists them)."""
    if argv is None:
        return list(COMMAND_MODULES)
    name = command_name(argv)
    if name is None:
        return [] if not {"-h", "--help"} & set(argv) else list(COMMAND_MODULES)
    wanted = [m for m, names in COMMAND_MODULES.items() if name in names]
    if not wanted:
        return list(COMMAND_MODULES)
    if any(m in ("events_cmd", "geo_cmd") for m in wanted) and "import_cmd" not in wanted:
        wanted.insert(0, "import_cmd")  # they add their kinds to `desk import`
    return wanted


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of `desk`: with every subcommand (argv None), or only with what ``argv`` needs."""
    parent = db_parent()
    parser = argparse.ArgumentParser(prog="desk", parents=[parent],
                                     description="警网融合中心工作台 (desk)。不带子命令时打开窗口。")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument("--guide", action="store_true", help="只打开值班员使用指南 (show the user guide only)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _modules_for(argv):
        importlib.import_module(f"desk.cli.{name}").register(sub, parent)
    return parser


def _configure_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
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
