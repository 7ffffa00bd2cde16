"""The command line's last line of defence: an exception nobody expected becomes one plain line
on stderr and exit code 1; its traceback goes to the log file (desk.logfile), never to the screen.

The specific causes are fixed where they arise (a clear ``DeskError``); this only catches what
was missed, so that no traceback ever reaches a user.
"""
from __future__ import annotations

import sys

from desk import logfile


def command_words(argv: list[str] | None) -> str:
    """The subcommand as typed, without options (a --db URL may hold a password)."""
    words = []
    for word in (sys.argv[1:] if argv is None else argv):
        if word.startswith("-"):
            break
        words.append(word)
    return " ".join(words[:3]) or "(window)"


def unexpected(exc: BaseException, argv: list[str] | None) -> int:
    """Log ``exc`` with its traceback, tell the user where, and give the exit code (1)."""
    print(logfile.report_unexpected(exc, f"`desk {command_words(argv)}`"), file=sys.stderr)
    return 1
