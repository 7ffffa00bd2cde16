"""A crash on a duty PC leaves a trace in the user data folder, kept for the next start."""
from __future__ import annotations

import subprocess
import sys

from desk import crashlog

CRASH = """
import sys, faulthandler
from pathlib import Path
from desk import crashlog
crashlog.enable(Path(sys.argv[1]))
def open_the_map():
    faulthandler._sigsegv()   # what a crash inside Qt looks like to Python
open_the_map()
"""


def test_a_segmentation_fault_leaves_the_stack_in_the_crash_folder_and_the_next_start_keeps_it(tmp_path):
    done = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    trace = (tmp_path / "crash" / "current.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in trace
    assert "open_the_map" in trace, "the trace says where it happened"
    kept = crashlog.enable(tmp_path)
    try:
        assert kept is not None and kept.name.startswith("crash-") and "open_the_map" in kept.read_text("utf-8")
        assert "Fatal" not in (tmp_path / "crash" / "current.log").read_text(encoding="utf-8")
    finally:
        crashlog.disable()


def test_a_clean_run_leaves_no_crash_report(tmp_path):
    assert crashlog.enable(tmp_path) is None
    crashlog.disable()
    assert crashlog.enable(tmp_path) is None, "a start line alone is not a crash"
    crashlog.disable()
    assert not list((tmp_path / "crash").glob("crash-*.log"))


def test_only_the_most_recent_crash_traces_are_kept(tmp_path):
    folder = tmp_path / "crash"
    folder.mkdir()
    for i in range(crashlog.KEEP + 5):
        (folder / f"crash-20260101-0000{i:02d}.log").write_text("old", encoding="utf-8")
    (folder / "current.log").write_text("Fatal Python error: Aborted\n", encoding="utf-8")
    crashlog.enable(tmp_path)
    crashlog.disable()
    assert len(list(folder.glob("crash-*.log"))) == crashlog.KEEP
