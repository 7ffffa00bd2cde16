"""The desk's log file, in the user data folder: where what went wrong is written in full
(tracebacks included) for the administrator, while the person at the keyboard sees one plain line.

``logs/desk.log`` under the user data folder (``~/.local/share/desk`` on Linux,
``%LOCALAPPDATA%\\desk`` on Windows), rotated at 1 MB with three old files kept.
"""
from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desk.config import data_dir

LOGGER = "desk"
MAX_BYTES = 1_000_000
KEEP = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def log_path() -> Path:
    return data_dir() / "logs" / "desk.log"


def install(path: Path | None = None) -> Path | None:
    """Send the ``desk`` loggers to the log file (once per file); the file's path, or None when
    it cannot be written (a read-only profile): then nothing is logged to a file."""
    path = path or log_path()
    logger = logging.getLogger(LOGGER)
    for h in logger.handlers:
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path.absolute():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8",
                                      errors="backslashreplace")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def _summary(exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [""])[0]
    first = first.encode("utf-8", "backslashreplace").decode("utf-8")[:160]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def report_unexpected(exc: BaseException, where: str) -> str:
    """Log ``exc`` with its traceback (``where``: what was running) and give the one plain line
    a person sees: "内部错误 (internal error): ...; details in the log file ..."."""
    path = None
    try:
        path = install()
        logging.getLogger(LOGGER).error("unexpected error in %s", where, exc_info=exc)
    except Exception:  # noqa: BLE001 - the log is a help, never a second failure
        path = None
    found = (f"详情见日志文件 {path} (details in the log file)" if path is not None
             else "日志文件无法写入 (the log file could not be written)")
    return f"内部错误 (internal error): {_summary(exc)}; {found}"
