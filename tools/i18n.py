"""Translations: `python tools/i18n.py update` refreshes desk/resources/translations/desk_en.ts from the
sources (pyside6-lupdate; existing translations are kept); `python tools/i18n.py build` compiles every
.ts into the .qm the program loads. The build runs in setup, CI and the installer."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "desk" / "resources" / "translations"
SOURCES = [ROOT / "desk" / "views", ROOT / "desk" / "app.py"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def update() -> None:
    files = [str(p) for src in SOURCES for p in ([src] if src.is_file() else sorted(src.rglob("*.py")))]
    for ts in sorted(TS_DIR.glob("desk_*.ts")):
        subprocess.run([_tool("pyside6-lupdate"), *files, "-ts", str(ts)], check=True)


def build() -> None:
    for ts in sorted(TS_DIR.glob("desk_*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"built {ts.with_suffix('.qm').relative_to(ROOT)}")




def fill(glossary: str) -> None:
    """Merge {source: translation} pairs from a JSON file into the unfinished entries of desk_en.ts."""
    import json
    import xml.etree.ElementTree as ET

    pairs = json.loads(Path(glossary).read_text(encoding="utf-8"))
    ts = TS_DIR / "desk_en.ts"
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.iter("message"):
        src, tr = msg.find("source"), msg.find("translation")
        if msg.get("numerus") == "yes":  # plural forms are written by hand (<numerusform>)
            continue
        if tr is not None and tr.get("type") == "unfinished" and src.text in pairs:
            tr.text = pairs[src.text]
            del tr.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:  # ElementTree drops it; Qt Linguist expects it
        head, rest = text.split("\n", 1)
        ts.write_text(f"{head}\n<!DOCTYPE TS>\n{rest}", encoding="utf-8")
    print(f"filled {filled} translations")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "fill":
        fill(sys.argv[2])
    else:
        {"update": update, "build": build}[command]()
