"""The desk's log: the standard ``logging`` module, configured once by the composition root
(``desk.cli.main``, which also opens the window), into a rotating file in the user data folder.

``logs/desk.log`` under the user data folder (``~/.local/share/desk`` on Linux,
``%LOCALAPPDATA%\\desk`` on Windows), rotated at 2 MB with five old files kept. What went wrong is
written there in full (tracebacks included) for the administrator, while the person at the
keyboard sees one plain line. ``--verbose`` also writes every record to stderr.

No personal data in the log: every line passes through :func:`mask`, which hides mobile and
landline numbers, ID-card numbers and passwords in database URLs, whatever code logged them.
"""
from __future__ import annotations

import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from desk.config import data_dir

LOGGER = "desk"
MAX_BYTES = 2_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s]: %(message)s"

# Personal numbers that must never reach a log line (DOMAIN.md: ID and phone numbers are encrypted).
_ID_CARD = re.compile(r"(?<![0-9])([1-9][0-9]{5})(?:[0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(0[0-9]{2,3}-?)[0-9]{4,5}([0-9]{3})(?![0-9])")
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")

_listeners: list[Callable[[str], None]] = []
_configured_path: Path | None = None


def mask(text: str) -> str:
    """``text`` with personal numbers and URL passwords hidden."""
    text = _ID_CARD.sub(r"\1********\2", text)
    text = _MOBILE.sub(r"\1****\2", text)
    text = _LANDLINE.sub(r"\1****\2", text)
    return _URL_PASSWORD.sub(r"\1***@", text)


class MaskingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def log_path() -> Path:
    return data_dir() / "logs" / "desk.log"


def current_path() -> Path | None:
    """The file this process logs to, or None (not configured, or the file could not be opened)."""
    logger = logging.getLogger(LOGGER)
    for h in logger.handlers:
        if isinstance(h, RotatingFileHandler):
            return Path(h.baseFilename)
    return None


def install(path: Path | None = None) -> Path | None:
    """Send the ``desk`` loggers to the log file (once per file); the file's path, or None when
    it cannot be written (a read-only profile): then nothing is logged to a file."""
    path = (path or log_path()).absolute()
    logger = logging.getLogger(LOGGER)
    for h in logger.handlers:
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8",
                                      errors="backslashreplace", delay=False)
    except OSError:
        return None
    handler.setFormatter(MaskingFormatter(_FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def configure(verbose: bool = False, path: Path | None = None) -> Path | None:
    """The one logging set-up of the process: the rotating file, stderr (warnings; everything
    with ``verbose``) when there is a stderr (the windowed build has none), and uncaught
    exceptions of any thread logged with their traceback. Returns the log file's path."""
    global _configured_path
    logger = logging.getLogger(LOGGER)
    _configured_path = install(path)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for h in [h for h in logger.handlers if getattr(h, "_desk_console", False)]:
        logger.removeHandler(h)
    if sys.stderr is not None:
        console = _Stderr()
        console._desk_console = True  # type: ignore[attr-defined]
        console.setLevel(logging.DEBUG if verbose else logging.WARNING)
        console.setFormatter(MaskingFormatter("desk: %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(console)
    logging.captureWarnings(True)
    # Only where nobody else (a debugger, a test harness) has put its own hook.
    if sys.excepthook in (sys.__excepthook__, _excepthook):
        sys.excepthook = _excepthook
    if threading.excepthook in (threading.__excepthook__, _thread_excepthook):
        threading.excepthook = _thread_excepthook
    logger.info("desk %s started: %s", _version(), " ".join(_safe_argv()))
    return _configured_path


@contextmanager
def quiet_console() -> Iterator[None]:
    """Inside: the stderr handler stays silent (an error provoked on purpose by the self-check)."""
    handlers = [h for h in logging.getLogger(LOGGER).handlers if getattr(h, "_desk_console", False)]
    levels = [h.level for h in handlers]
    for h in handlers:
        h.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for h, level in zip(handlers, levels):
            h.setLevel(level)


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record comes (it may be replaced meanwhile)."""

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


def add_listener(callback: Callable[[str], None]) -> None:
    """``callback(plain_text)`` is called after an uncaught exception is logged (the window shows it)."""
    _listeners.append(callback)


def remove_listener(callback: Callable[[str], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def summary(exc: BaseException) -> str:
    """One plain line for a person: the error's kind and the first line of its message."""
    first = (str(exc).strip().splitlines() or [""])[0][:160]
    return mask(f"{type(exc).__name__}: {first}" if first else type(exc).__name__)


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logging.getLogger("desk.uncaught").error("uncaught exception", exc_info=(exc_type, exc, tb))
    _tell(exc)


def _thread_excepthook(args) -> None:
    if args.exc_type is SystemExit:
        return
    logging.getLogger("desk.uncaught").error("uncaught exception in thread %s",
                                             getattr(args.thread, "name", "?"),
                                             exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    if args.exc_value is not None:
        _tell(args.exc_value)


def _tell(exc: BaseException) -> None:
    for callback in list(_listeners):
        try:
            callback(summary(exc))
        except Exception:  # noqa: BLE001 - telling must never fail a second time
            logging.getLogger("desk.uncaught").debug("listener failed", exc_info=True)


def _safe_argv() -> list[str]:
    """The command as typed, without option values (a --db URL may hold a password)."""
    out, skip = [], False
    for word in sys.argv[1:]:
        if skip:
            out.append("…")
            skip = False
        elif word.startswith("-"):
            out.append(word.split("=", 1)[0])
            skip = "=" not in word and word in ("--db", "--user", "--out")
        else:
            out.append(word)
    return out[:6]


def _version() -> str:
    from desk import __version__

    return __version__
