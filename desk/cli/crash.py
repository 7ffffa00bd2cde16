"""The command line's last line of defence: an exception nobody expected becomes one plain line
on stderr and exit code 1; its traceback goes to the log file (desk.logfile), never to the screen.

The specific causes are fixed where they arise (a clear ``DeskError``); this only catches what
was missed, so that no traceback ever reaches a user.
"""
from __future__ import annotations

import logging
import sys

from desk import logfile

log = logging.getLogger("desk.cli")


def command_words(argv: list[str] | None) -> str:
    """The subcommand as typed, without options (a --db URL may hold a password)."""
    words = []
    for word in (sys.argv[1:] if argv is None else argv):
        if word.startswith("-"):
            break
        words.append(word)
    return " ".join(words[:3]) or "(window)"


def unexpected(exc: BaseException, argv: list[str] | None) -> int:
    """Log ``exc`` with its traceback (to the file only), tell the user where, give the exit code (1)."""
    path = None
    try:
        path = logfile.install()
        if path is not None:  # without a file, logging's last resort would print the traceback
            with logfile.quiet_console():  # the traceback goes to the file, never to the screen
                log.error("unexpected error in `desk %s`", command_words(argv), exc_info=exc)
    except Exception:  # noqa: BLE001 - the log is a help, never a second failure
        path = None
    where = (f"详情见日志文件 {path} (details in the log file)" if path is not None
             else "日志文件无法写入 (the log file could not be written)")
    print(f"内部错误 (internal error): {logfile.summary(exc)}; {where}", file=sys.stderr)
    return 1
