"""A fast streaming reader of an .xlsx workbook's first sheet: values only, row by row.

openpyxl's read-only mode builds a cell object for every cell, blank or not: an export with 65,000
blank trailing rows took seconds before the first real row was even reached. This reader feeds the
sheet's XML through expat in chunks and keeps only the values: shared and inline strings, numbers
(an Excel date arrives as its serial number, which the date reader understands), booleans. Memory
holds the shared strings and one row.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Iterator
from xml.parsers import expat

from desk.services.errors import ValidationError

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHUNK = 1 << 16
_COL = re.compile(r"[A-Z]+")


def _col_index(ref: str | None, fallback: int) -> int:
    if not ref:
        return fallback
    m = _COL.match(ref)
    if not m:
        return fallback
    n = 0
    for ch in m.group():
        n = n * 26 + ord(ch) - 64
    return n - 1


# A row of nothing but empty cells (``<row r="9"><c r="A9" s="1"/>...</row>``): what an export's
# 65,000 trailing rows look like. Cut out of the bytes before expat sees them.
_BLANK_ROW = re.compile(rb'<row\b[^>]*?(?:/>|>(?:\s*<c\b[^>]*?/>)*\s*</row>)')


def _parse(zf: zipfile.ZipFile, name: str, start, end, text, drop_blank_rows: bool = False) -> Iterator[None]:
    """Feed one XML member through expat; yields after each chunk so the caller can drain rows."""
    p = expat.ParserCreate()
    p.buffer_text = True
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
    carry = b""
    with zf.open(name) as f:
        while chunk := f.read(_CHUNK):
            if drop_blank_rows:
                chunk = carry + chunk
                cut = chunk.rfind(b"</row>")
                if cut == -1:
                    carry = chunk
                    continue
                cut += len(b"</row>")
                chunk, carry = _BLANK_ROW.sub(b"", chunk[:cut]), chunk[cut:]
            p.Parse(chunk, False)
            yield None
    p.Parse(carry, True)
    yield None


def _shared_strings(zf: zipfile.ZipFile, name: str | None) -> list[str]:
    if name is None or name not in zf.namelist():
        return []
    out: list[str] = []
    parts: list[str] = []
    state = {"in_t": False, "in_rph": False}

    def start(tag, attrs):
        if tag == "si":
            parts.clear()
        elif tag == "t" and not state["in_rph"]:
            state["in_t"] = True
        elif tag == "rPh":  # phonetic hints are not part of the text
            state["in_rph"] = True

    def end(tag):
        if tag == "si":
            out.append("".join(parts))
        elif tag == "t":
            state["in_t"] = False
        elif tag == "rPh":
            state["in_rph"] = False

    def text(data):
        if state["in_t"]:
            parts.append(data)

    for _ in _parse(zf, name, start, end, text):
        pass
    return out


def _sheets(zf: zipfile.ZipFile) -> tuple[list[str], str | None]:
    """The paths of the workbook's sheets, the active one first, and of its shared strings."""
    names = set(zf.namelist())
    sheets: list[str] = []
    active = [0]
    rels: dict[str, str] = {}
    shared = None

    def wb_start(tag, attrs):
        if tag.endswith("sheet") and not tag.endswith("Sheets"):
            rid = attrs.get("r:id") or next((v for k, v in attrs.items() if k.endswith(":id")), None)
            if rid:
                sheets.append(rid)
        elif tag.endswith("workbookView") and "activeTab" in attrs:
            active[0] = int(attrs["activeTab"])

    def rel_start(tag, attrs):
        nonlocal shared
        if tag.endswith("Relationship"):
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            rels[attrs.get("Id", "")] = path
            if attrs.get("Type", "").endswith("/sharedStrings"):
                shared = path

    for _ in _parse(zf, "xl/workbook.xml", wb_start, lambda t: None, lambda d: None):
        pass
    if "xl/_rels/workbook.xml.rels" in names:
        for _ in _parse(zf, "xl/_rels/workbook.xml.rels", rel_start, lambda t: None, lambda d: None):
            pass
    if shared is None and "xl/sharedStrings.xml" in names:
        shared = "xl/sharedStrings.xml"
    # The active sheet first, then the others in their order: an export's data may sit behind a
    # notes sheet that happened to be open when it was saved.
    order = ([active[0]] if 0 <= active[0] < len(sheets) else []) + [i for i in range(len(sheets)) if i != active[0]]
    found = [rels[sheets[i]] for i in order if rels.get(sheets[i]) in names]
    if not found and "xl/worksheets/sheet1.xml" in names:
        found = ["xl/worksheets/sheet1.xml"]
    if not found:
        raise ValidationError("工作簿中没有工作表 (no worksheet in the workbook)")
    return found, shared


def xlsx_rows(path) -> Iterator[tuple[int, list]]:
    """(row number, values) for every row that has any value, of the active sheet -- or, when it is
    empty, of the first sheet that is not; blank rows skipped."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError(f"无法读取 Excel 文件 {getattr(path, 'name', path)} (not a readable workbook): "
                              f"{type(exc).__name__}: {exc}") from exc
    with zf:
        try:
            sheets, shared_name = _sheets(zf)
            shared = _shared_strings(zf, shared_name)
            for sheet in sheets:
                empty = True
                for item in _sheet_rows(zf, sheet, shared):
                    empty = False
                    yield item
                if not empty:
                    return
        except (expat.ExpatError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
            raise ValidationError(f"无法读取 Excel 文件 {getattr(path, 'name', path)} (broken workbook): "
                                  f"{type(exc).__name__}: {str(exc)[:200]}") from exc


def _sheet_rows(zf: zipfile.ZipFile, sheet: str, shared: list[str]) -> Iterator[tuple[int, list]]:
    """The sheet's rows, read by expat callbacks kept lean (plain variables, a column letter read
    once): they run for every element of a sheet of millions of cells."""
    ready: list[tuple[int, list]] = []
    row: dict[int, object] = {}
    number, col, kind, collect, parts = 0, -1, "n", False, []
    letters: dict[str, int] = {}  # "AB" → 27

    def start(tag, attrs):
        nonlocal number, col, kind, collect, parts
        if tag == "c":
            ref = attrs.get("r")
            found = letters.get(ref.rstrip(_DIGITS)) if ref else None
            if found is None:
                found = _col_index(ref, col + 1)
                if ref and _COL.fullmatch(ref.rstrip(_DIGITS)):
                    letters[ref.rstrip(_DIGITS)] = found
            col = found
            kind = attrs.get("t", "n")
            parts = []
        elif tag == "v" or tag == "t":
            collect = True
        elif tag == "row":
            number = int(attrs["r"]) if "r" in attrs else number + 1
            col = -1
            row.clear()

    def end(tag):
        nonlocal collect
        if tag == "v" or tag == "t":
            collect = False
        elif tag == "c":
            if parts:
                row[col] = _value(kind, "".join(parts), shared)
        elif tag == "row":
            if any(v not in (None, "") and not (isinstance(v, str) and not v.strip()) for v in row.values()):
                width = max(row) + 1
                ready.append((number, [row.get(i) for i in range(width)]))

    def text(data):
        if collect:
            parts.append(data)

    for _ in _parse(zf, sheet, start, end, text, drop_blank_rows=True):
        if ready:
            yield from ready
            ready.clear()


_DIGITS = "0123456789"


def _value(kind: str, raw: str, shared: list[str]):
    if kind == "s":
        return shared[int(raw)]
    if kind in ("inlineStr", "str", "e", "d"):
        return raw
    if kind == "b":
        return raw == "1"
    try:
        number = float(raw)
    except ValueError:
        return raw
    return int(number) if number.is_integer() and "." not in raw and "E" not in raw.upper() else number
