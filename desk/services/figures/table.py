"""One plain tabular value that every output renders: the screen tables, the PDF sheets, the Excel
files, the CLI's table/csv/json and the dashboard's charts.

A ``Table`` has a title, columns (each with a kind and a unit), rows of plain values, an optional
totals row and notes. Values stay typed (int, float rates 0..1, hours, dates, datetimes, text);
``cell_text`` is the one way a value is shown as text.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from desk.clock import format_local
from desk.services.pii import mask_id_number, mask_phone

# Column kinds: text, int, rate (a fraction 0..1 shown as a percentage), hours (one decimal),
# number (one decimal), date, datetime (a UTC instant shown in local time).
KINDS = ("text", "int", "rate", "hours", "number", "date", "datetime")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"
    unit: str = ""

    @property
    def heading(self) -> str:
        """The header as printed: the title with its unit, 平均办理时长(小时)."""
        return f"{self.title}({self.unit})" if self.unit and not self.title.endswith(f"({self.unit})") else self.title

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "rate", "hours", "number")


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]
    totals: tuple | None = None
    notes: tuple[str, ...] = ()
    key: str = ""                       # a stable name (sheet name in Excel, JSON key)
    empty_text: str = "本期无数据。"

    def column(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def values(self, key: str) -> list:
        i = self.column(key)
        return [r[i] for r in self.rows]

    @property
    def empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class Chart:
    """A bar chart of some of a table's numbers: labels × one or more series."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    unit: str = ""


_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
_ID = re.compile(r"(?<![0-9Xx])(\d{17}[\dXx])(?![0-9Xx])")


def mask_text(text: str) -> str:
    """Free text on paper keeps no mobile or ID number whole: 138****5678, 4104**********1234."""
    if not text:
        return text or ""
    text = _ID.sub(lambda m: mask_id_number(m.group(1)), text)
    return _PHONE.sub(lambda m: mask_phone(m.group(1)), text)


def rate(n: int | None, d: int | None) -> float | None:
    if n is None or not d:
        return None
    return round(n / d, 4)


def cell_text(column: Column, value) -> str:
    """A value as people read it: rates as percentages, hours to one decimal, a dash for none."""
    if value is None:
        return "—"
    if column.kind == "rate":
        return f"{value:.1%}"
    if column.kind in ("hours", "number"):
        return f"{value:.1f}"
    if column.kind == "datetime" and isinstance(value, datetime):
        return format_local(value)
    if column.kind == "date" and isinstance(value, date):
        return value.isoformat()
    return str(value)


def text_rows(t: Table) -> list[list[str]]:
    body = [[cell_text(c, v) for c, v in zip(t.columns, r)] for r in t.rows]
    if t.totals is not None:
        body.append([cell_text(c, v) for c, v in zip(t.columns, t.totals)])
    return body


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render_text(t: Table, headings: list[str] | None = None) -> str:
    """Aligned columns for a terminal (wide characters count twice)."""
    head = headings or [c.heading for c in t.columns]
    body = text_rows(t)
    widths = [max(_width(x[i]) for x in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip()
                     for row in [head, *body])


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def render_csv(t: Table, *, keys: bool = False, bom: bool = False) -> str:
    """CSV with the headings (or the column keys); UTF-8 with a BOM when meant for Excel."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.key if keys else c.heading for c in t.columns])
    for r in (*t.rows, *((t.totals,) if t.totals is not None else ())):
        w.writerow([safe_cell("" if v is None else _plain(v)) for v in r])
    return ("\ufeff" if bom else "") + buf.getvalue()


def safe_cell(value):
    """No spreadsheet formula injection: a text cell starting with = + - @ is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def as_records(t: Table) -> dict:
    return {"title": t.title, "columns": [{"key": c.key, "title": c.title, "kind": c.kind, "unit": c.unit}
                                          for c in t.columns],
            "rows": [{c.key: _plain(v) for c, v in zip(t.columns, r)} for r in t.rows],
            "totals": None if t.totals is None else {c.key: _plain(v) for c, v in zip(t.columns, t.totals)},
            "notes": list(t.notes)}


def render_json(t: Table) -> str:
    return json.dumps(as_records(t), ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class Section:
    """One part of a briefing sheet: a heading, paragraphs, tables and charts, in that order."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """A briefing sheet as plain data; desk.reports renders it as PDF or .xlsx."""

    kind: str                    # daily, weekly, monthly, event, dispatch
    title: str
    street: str
    period_label: str
    sections: tuple[Section, ...]
    summary: tuple[str, ...] = ()
    period_code: str = ""
    entity_id: int | None = None
    signature: tuple[str, ...] = ()   # lines at the end (a department's signature block)
    generated_at: datetime | None = None
    meta: dict = field(default_factory=dict)

    @property
    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]
