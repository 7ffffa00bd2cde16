"""A fast streaming reader of an .xlsx's first sheet: values only, row by row, in constant memory.

openpyxl's read-only mode builds an object per cell (about 40 s for 100,000 rows of 8 columns here);
the import needs only the values, so the sheet's XML is read in pieces and its cells are taken with
regular expressions (shared strings, inline strings, numbers, booleans, ISO dates). Dates stored as
numbers stay numbers (the import reads a birth-date column's Excel serial numbers itself)."""
from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Iterator

_ROW_END = "</row>"
_ROW = re.compile(r"<row\b[^>]*?(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r'<c\b([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_REF = re.compile(r'\br="([A-Z]+)\d+"')
_TYPE = re.compile(r'\bt="(\w+)"')
_V = re.compile(r"<v>(.*?)</v>", re.S)
_T = re.compile(r"<t\b[^>]*>(.*?)</t>", re.S)
_T_EMPTY = re.compile(r"<t\b[^>]*/>")
_RPH = re.compile(r"<rPh\b.*?</rPh>", re.S)
_SI = re.compile(r"<si>(.*?)</si>|<si/>", re.S)
_SHEET = re.compile(r'<sheet\b[^>]*?r:id="([^"]+)"')
_REL = re.compile(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"|'
                  r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"')


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _text(xml: str) -> str:
    if "<rPh" in xml:
        xml = _RPH.sub("", xml)
    text = "".join(_T.findall(xml))
    return html.unescape(text) if "&" in text else text


def _first_sheet(z: zipfile.ZipFile) -> str:
    try:
        wb = z.read("xl/workbook.xml").decode("utf-8")
        rid = _SHEET.search(wb).group(1)
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        for m in _REL.finditer(rels):
            ident, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if ident == rid:
                return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    except (KeyError, AttributeError):
        pass
    sheets = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    if not sheets:
        raise ValueError("no worksheet")
    return sheets[0]


def _value(attrs: str, body: str | None, shared: list[str]):
    if body is None:
        return None
    t = _TYPE.search(attrs)
    kind = t.group(1) if t else "n"
    if kind == "inlineStr":
        return _text(body)
    v = _V.search(body)
    if v is None:
        return None
    raw = v.group(1)
    if kind == "s":
        return shared[int(raw)]
    if kind in ("str", "e", "d"):
        return html.unescape(raw) if "&" in raw else raw
    if kind == "b":
        return raw == "1"
    try:
        num = float(raw)
    except ValueError:
        return html.unescape(raw)
    # what Excel shows: an integral number as an integer unless it is past 15 significant digits
    return int(num) if num.is_integer() and abs(num) < 1e15 and "E" not in raw.upper() else num


def rows(path: Path) -> Iterator[list]:
    with zipfile.ZipFile(path) as z:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            text = z.read("xl/sharedStrings.xml").decode("utf-8")
            shared = [_text(m.group(1)) if m.group(1) is not None else "" for m in _SI.finditer(text)]
            del text
        with z.open(_first_sheet(z)) as f:
            buffer = ""
            decoder = __import__("codecs").getincrementaldecoder("utf-8")()
            while True:
                chunk = f.read(1 << 20)
                buffer += decoder.decode(chunk, final=not chunk)
                cut = buffer.rfind(_ROW_END)
                if cut < 0 and chunk:
                    continue
                head, buffer = (buffer[:cut + len(_ROW_END)], buffer[cut + len(_ROW_END):]) if cut >= 0 \
                    else (buffer, "")
                for row in _ROW.finditer(head):
                    cells: list = []
                    for c in _CELL.finditer(row.group(1) or ""):
                        ref = _REF.search(c.group(1))
                        col = _column(ref.group(1)) if ref else len(cells)
                        if col >= 16384:
                            continue
                        while len(cells) < col:
                            cells.append(None)
                        cells.append(_value(c.group(1), c.group(2), shared))
                    yield cells
                if not chunk:
                    break
