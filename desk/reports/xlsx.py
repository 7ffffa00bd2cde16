"""Tables as Excel workbooks (openpyxl): one worksheet per table, Chinese headers, a frozen header
row, widths that fit, dates and times as real Excel dates (local time), numbers as numbers, rates as
percentages; and CSV for Excel (UTF-8 with a BOM)."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desk.clock import LOCAL_TZ
from desk.services.figures.table import Sheet, Table, cell_text, render_csv, safe_cell

FORMATS = {"int": "0", "rate": "0.0%", "hours": "0.0", "number": "0.0", "date": "yyyy-mm-dd",
           "datetime": "yyyy-mm-dd hh:mm"}
_BAD = re.compile(r"[\[\]:*?/\\]")
THIN = Side(style="thin", color="999999")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _value(kind: str, v):
    if v is None:
        return None
    if kind == "datetime" and isinstance(v, datetime):
        return v.astimezone(LOCAL_TZ).replace(tzinfo=None)  # Excel has no time zones: local time
    if kind == "date" and isinstance(v, date):
        return v
    if kind in ("int", "rate", "hours", "number"):
        return v
    return safe_cell(str(v))


def _sheet_name(title: str, taken: set[str]) -> str:
    base = _BAD.sub("", title)[:28] or "表"
    name, i = base, 2
    while name in taken:
        name, i = f"{base[:26]}{i}", i + 1
    taken.add(name)
    return name


def add_table(wb: Workbook, t: Table, taken: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(t.title, taken))
    head_font, fill = Font(bold=True), PatternFill("solid", fgColor="E9E9E9")
    ws.append([c.heading for c in t.columns])
    for cell in ws[1]:
        cell.font, cell.fill = head_font, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=THIN)
    rows = list(t.rows) + ([t.totals] if t.totals is not None else [])
    for r in rows:
        ws.append([_value(c.kind, v) for c, v in zip(t.columns, r)])
    for j, c in enumerate(t.columns, start=1):
        fmt = FORMATS.get(c.kind)
        if fmt:
            for i in range(2, len(rows) + 2):
                ws.cell(i, j).number_format = fmt
        texts = [c.heading] + [cell_text(c, r[j - 1]) for r in rows[:2000]]
        ws.column_dimensions[get_column_letter(j)].width = min(max(_width(x) for x in texts) + 2, 60)
    if t.totals is not None:
        for cell in ws[len(rows) + 1]:
            cell.font = head_font
    ws.freeze_panes = "A2"
    if not rows:
        ws.append([t.empty_text])
    for note in t.notes:
        ws.append([])
        ws.append(["注：" + note])


def tables_workbook(tables: list[Table], cover: list[tuple[str, str]] | None = None) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    if cover:
        ws = wb.create_sheet(_sheet_name("说明", taken))
        for k, v in cover:
            ws.append([k, v])
        ws.column_dimensions["A"].width = 14
        ws.column_dimensions["B"].width = max([_width(v) for _, v in cover] + [20]) + 2
    for t in tables:
        add_table(wb, t, taken)
    return wb


def _save(wb: Workbook, out: Path) -> None:
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    wb.save(tmp)
    tmp.replace(out)


def write_tables(tables: list[Table], out: Path, cover: list[tuple[str, str]] | None = None) -> int:
    """Save the tables as one workbook; returns the number of data rows written."""
    _save(tables_workbook(tables, cover), out)
    return sum(len(t.rows) for t in tables)


def write_sheet(sheet: Sheet, out: Path, issue_no: str = "") -> int:
    """Every table of a briefing sheet in one workbook, after a cover with its title and summary."""
    cover = [("简报", f"{sheet.street}警网融合中心{sheet.title}"), ("期号", issue_no), ("时期", sheet.period_label)]
    cover += [("摘要", s) for s in sheet.summary]
    return write_tables(sheet.tables, out, cover)


def write_csv(t: Table, out: Path) -> int:
    """A table as CSV that Excel opens in Chinese: UTF-8 with a BOM."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(render_csv(t, bom=True), encoding="utf-8", newline="")
    tmp.replace(out)
    return len(t.rows)


_INT = re.compile(r"^-?[1-9]\d{0,8}$|^0$")
_DEC = re.compile(r"^-?\d+\.\d+$")
_PCT = re.compile(r"^-?\d+(\.\d+)?%$")
_DT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$")
_D = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MDT = re.compile(r"^\d{2}-\d{2} \d{2}:\d{2}$")   # the board's short "11-25 09:30"
_NONE = ("", "—", "-")


def _kind_of(texts: list[str]) -> str:
    seen = [t for t in texts if t not in _NONE]
    if not seen:
        return "text"
    for kind, rx in (("int", _INT), ("number", _DEC), ("rate", _PCT), ("datetime", _DT), ("date", _D),
                     ("short_datetime", _MDT)):
        if all(rx.match(t) for t in seen):
            return kind
    return "text"


def _typed(kind: str, text: str, today: date):
    if text in _NONE:
        return None
    if kind == "short_datetime":  # the most recent such moment: this year's, or last year's if still ahead
        at = datetime.fromisoformat(f"{today.year}-{text}").replace(tzinfo=LOCAL_TZ)
        return at.replace(year=today.year - 1) if at.date() > today else at
    if kind == "int":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "rate":
        return round(float(text[:-1]) / 100, 6)
    if kind == "datetime":
        return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)
    if kind == "date":
        return date.fromisoformat(text)
    return text


def table_from_text(title: str, headings: list[str], rows: list[list[str]], today: date | None = None) -> Table:
    """A screen table (what it shows, as text) as a typed Table: columns of whole numbers become numbers,
    percentages rates, "2026-11-25 09:30" real date-times; codes with leading zeros and long digit strings
    stay text."""
    from desk.services.figures.table import Column

    today = today or datetime.now(LOCAL_TZ).date()
    kinds = [_kind_of([r[i] for r in rows]) for i in range(len(headings))]
    cols = tuple(Column(f"c{i}", h or f"列{i + 1}", "datetime" if k == "short_datetime" else k)
                 for i, (h, k) in enumerate(zip(headings, kinds)))
    return Table(title, cols, tuple(tuple(_typed(k, r[i], today) for i, k in enumerate(kinds)) for r in rows))
