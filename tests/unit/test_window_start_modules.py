"""The window starts without what it needs only later: Excel (openpyxl), the PDF sheets (reportlab), the map's
geometry (shapely, numpy), the charts (pyqtgraph) and the migrations (Alembic) load when first used. Each of
them costs start time and memory on every seat, all day."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = ("openpyxl", "reportlab", "shapely", "numpy", "pyqtgraph", "alembic")
CHILD = f"""
import sys
import desk.app
print([m for m in {LATER!r} if m in sys.modules])
"""


def test_the_windows_modules_load_no_excel_pdf_geometry_chart_or_migration_library():
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"
