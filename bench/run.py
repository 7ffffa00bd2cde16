"""Run every benchmark in bench/ and print each figure against its target.

Usage: .venv/bin/python bench/run.py [name ...]   (names: startup, board, map, ... = bench_<name>.py)
The machine matters: these PCs are shared and noisy, so each figure is a median of several runs.
"""
from __future__ import annotations

import importlib.util
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


def machine() -> str:
    cpus = os.cpu_count()
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor()
    return f"{platform.system()} {platform.machine()}, {cpus} cores ({model}), Python {platform.python_version()}"


def main(names: list[str]) -> int:
    print(f"# desk benchmarks on {machine()}")
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    for script in scripts:
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"\n## {script.stem.removeprefix('bench_')}")
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
