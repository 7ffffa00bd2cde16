"""The bundle's size by part, for tools/build_bundle.sh: which component costs what in dist/desk.

Usage: python tools/bundle_sizes.py dist/desk
Sizes are the files' own sizes (symbolic links count nothing), in MB of 2**20 bytes.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

# (part, pattern on the path inside the bundle): the first that matches wins
PARTS = [
    ("QtWebEngine (Chromium: the map)", r"WebEngine|qtwebengine|icudtl\.dat|v8_context|/resources/.*\.pak$"),
    ("ICU for Qt (zh/en data)", r"(lib)?icu"),
    ("Qt libraries, plugins, translations", r"PySide6/(Qt/)?(lib|plugins|translations|libexec)/|(^|/)(lib)?Qt6"),
    ("PySide6 bindings", r"PySide6/|shiboken6"),
    ("numpy (+OpenBLAS)", r"^_internal/numpy"),
    ("Pillow (reportlab needs it)", r"^_internal/(PIL|pillow)"),
    ("cryptography", r"^_internal/cryptography"),
    ("psycopg (PostgreSQL)", r"^_internal/psycopg"),
    ("shapely (GEOS)", r"^_internal/shapely"),
    ("pyqtgraph", r"^_internal/pyqtgraph"),
    ("pypinyin", r"^_internal/pypinyin"),
    ("SQLAlchemy", r"^_internal/sqlalchemy"),
    ("reportlab", r"^_internal/reportlab"),
    ("desk (its own files)", r"^_internal/(desk|docs)/"),
    ("Python runtime", r"libpython|^_internal/python3|base_library\.zip"),
    ("programs: desk-cli (the Python archive) and desk", r"^desk(-cli)?(\.exe)?$"),
    ("system libraries", r"^_internal/[^/]+\.(so[.\d]*|dll|chk)$"),
    ("other Python packages", r"."),
]


def sizes(folder: Path) -> dict[str, int]:
    out = {name: 0 for name, _ in PARTS}
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        part = next(name for name, pattern in PARTS if re.search(pattern, rel))
        out[part] += path.stat().st_size
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/desk")
    table = sizes(folder)
    width = max(len(name) for name in table)
    for name, size in sorted(table.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<{width}}  {size / 2**20:6.1f} MB")
    print(f"  {'total':<{width}}  {sum(table.values()) / 2**20:6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
