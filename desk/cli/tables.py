"""Printing figures-layer ``Table``s on the terminal as aligned text, CSV or JSON (one renderer each,
from desk.services.figures.table: the CLI prints what the screen and the sheets show)."""
from __future__ import annotations

import json
import sys

from desk.services.figures.table import as_records, render_csv, render_text


def print_tables(tables, fmt: str, heading: str = "") -> None:
    if fmt == "json":
        print(json.dumps({"title": heading, "tables": {t.key or t.title: as_records(t) for t in tables}},
                         ensure_ascii=False, indent=1))
    elif fmt == "csv":
        print("\n".join(f"# {t.title}\n{render_csv(t).rstrip()}\n" for t in tables).rstrip())
    else:
        if heading:
            print(heading)
        for t in tables:
            print(f"\n【{t.title}】")
            print(render_text(t) if t.rows else t.empty_text)
            for note in t.notes:
                print(f"  注：{note}")
    sys.stdout.flush()
