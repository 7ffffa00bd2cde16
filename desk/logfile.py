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
