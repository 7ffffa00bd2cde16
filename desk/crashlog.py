"""A crash leaves a trace: Python's faulthandler writes the stack of every thread into a file in
the user data folder when the process dies of a fatal signal (a segmentation fault in Qt, an
abort), so that a crash on a duty PC can be reported with where it happened.

Each start writes to ``crash/current.log``; a start that finds a trace left by the previous run
keeps it as ``crash/crash-<time>.log`` and tells the caller, so the window can say so.
"""
from __future__ import annotations

import faulthandler
import logging
import os
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

KEEP = 20  # the most recent crash traces kept
_handle = None


def crash_dir(base: Path) -> Path:
    return base / "crash"


def enable(base: Path) -> Path | None:
    """Enable faulthandler into ``base/crash/current.log``. Returns the path of a trace the
    previous run left (a crash), or None. Never raises: a crash log is not worth failing a start."""
    global _handle
    folder = crash_dir(base)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        current = folder / "current.log"
        kept = _keep_previous(folder, current)
        _handle = open(current, "w", encoding="utf-8")  # noqa: SIM115 - open for the process's life
        _handle.write(f"desk started {datetime.now().isoformat(timespec='seconds')} pid {os.getpid()}\n")
        _handle.flush()
        faulthandler.enable(file=_handle, all_threads=True)
        return kept
    except OSError as exc:
        log.warning("crash log not enabled: %s", exc)
        faulthandler.enable(all_threads=True)  # stderr at least
        return None


def _keep_previous(folder: Path, current: Path) -> Path | None:
    if not current.exists():
        return None
    text = current.read_text(encoding="utf-8", errors="replace")
    if "Fatal Python error" not in text and "most recent call first" not in text:
        return None
    kept = folder / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S')}.log"
    current.replace(kept)
    for old in sorted(folder.glob("crash-*.log"))[:-KEEP]:
        old.unlink(missing_ok=True)
    return kept


def disable() -> None:
    """At a clean exit: stop writing (the file then holds only the start line)."""
    global _handle
    if faulthandler.is_enabled():
        faulthandler.disable()
    if _handle is not None:
        _handle.close()
        _handle = None
