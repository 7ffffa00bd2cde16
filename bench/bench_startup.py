"""Cold start of the desk to a shown window on the demo street (target ≤ 2.0 s, median of 5),
and the peak memory of that window."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from common import ROOT, demo_database, figure

CHILD = r"""
import os, resource, sys, time
from PySide6.QtWidgets import QApplication
from desk.app import build_shell, prepare_environment
from desk.bootstrap import open_context
import argparse
prepare_environment()
app = QApplication(sys.argv[:1])
ctx = open_context(argparse.Namespace(db=sys.argv[1]))
shell = build_shell(ctx)
shell.window.show()
page = shell.window.pages[shell.window.stack.currentIndex()]
deadline = time.monotonic() + 30
def drawn():
    model = getattr(page, "tree_model", None) or getattr(page, "model", None)
    return model is None or model.rowCount() > 0
while not drawn() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
app.processEvents()
print("shown", flush=True)
print("rss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
shell.close()
os._exit(0)
"""


def main() -> None:
    url = demo_database()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here: the window is drawn offscreen
    times, rss = [], []
    for _ in range(6):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, env=env, cwd=ROOT)
        for line in proc.stdout:
            if line.startswith("shown"):
                times.append(time.perf_counter() - started)
            elif line.startswith("rss_kb"):
                rss.append(int(line.split()[1]) / 1024)
        proc.wait()
    if not times:
        raise SystemExit("the window never showed: run the child by hand to see why")
    times, rss = times[1:], rss[1:]  # the first run warms the disk cache
    figure("cold start to a shown window with the street loaded", times, "s", 2.0)
    figure("peak memory of that window", rss, "MB", None)


if __name__ == "__main__":
    main()
