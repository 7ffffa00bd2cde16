"""Reading a community office's spreadsheet row by row (streaming): .xlsx through the desk's one streaming
reader (desk.services.incidents.import_xlsx, expat, values only), .csv in UTF-8 (with or without BOM) or GB18030 (what Excel on a Chinese Windows saves).

Headers are recognised by their usual Chinese names; ``--map FIELD=HEADER,…`` names others. Each row
comes with its line number in the file, so a problem is named where a person finds it in Excel. The header
is the first of the first rows that holds the required columns: a sheet's title row above it is passed over."""
from __future__ import annotations

import codecs
import csv
import itertools
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from desk.services.errors import ValidationError
from desk.services.incidents.import_xlsx import xlsx_rows

log = logging.getLogger(__name__)

SHOWN = 20  # bad rows printed on screen; the report file has them all


@dataclass(frozen=True)
class BadRow:
    line: int
    column: str      # the header as written in the file (or the field's Chinese name)
    reason: str

    def text(self) -> str:
        return f"第{self.line}行 [{self.column}] {self.reason}"


def parse_map(text: str | None) -> dict[str, str]:
    """``name=姓名,id_number=证件号`` → {field: header}."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValidationError(f"--map 的格式应为 字段=表头，此处为“{part.strip()}” (use FIELD=HEADER)")
        field, header = (x.strip() for x in part.split("=", 1))
        if not field or not header:
            raise ValidationError(f"--map 的格式应为 字段=表头，此处为“{part.strip()}” (use FIELD=HEADER)")
        out[field] = header
    return out


def csv_encoding(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else gb18030 (checked in pieces, not loaded whole)."""
    dec = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                dec.decode(chunk)
            dec.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "gb18030"


def raw_rows(path: Path) -> Iterator[tuple[int, list]]:
    """(line as Excel or a text editor numbers it, cells) for every row: an .xlsx through the one streaming
    reader of the desk (desk.services.incidents.import_xlsx, which leaves blank rows out), a .csv record by
    record."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(f"找不到文件 {path} (no such file)")
    if suffix == ".xlsx":
        if not zipfile.is_zipfile(path):
            raise ValidationError(f"无法读取Excel文件 {path.name}：不是 .xlsx 工作簿；旧版 .xls 请先在Excel中另存为 .xlsx "
                                  f"(not a readable .xlsx; an old .xls must be saved as .xlsx first)")
        for line, cells in xlsx_rows(path):
            yield line, [_excel_number(v) for v in cells]
    elif suffix in (".csv", ".txt"):
        enc = csv_encoding(path)
        with path.open(encoding=enc, newline="") as f:
            yield from enumerate(csv.reader(f), start=1)
    else:
        raise ValidationError(f"只能导入 .xlsx 或 .csv 文件，此处为 {suffix or '无扩展名'} (use .xlsx or .csv)")


def _excel_number(v):
    """A whole number past Excel's 15 significant digits (an ID number typed into a number cell) stays the
    float it was read as: its last digits are lost, and the import says so rather than taking made-up ones."""
    if type(v) is int and abs(v) >= 10 ** 15:
        return float(v)
    return v


HEADER_SCAN = 10   # rows looked at for the header: title rows above it are passed over


def _header(row: list) -> list[str]:
    return ["" if c is None else str(c).strip().replace("\n", "") for c in row]


def _fields(header: list[str], known: dict[str, tuple[str, ...]], mapping: dict[str, str],
            required: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
    """The column of each field found in this header, and the required fields it lacks."""
    index = {h: i for i, h in enumerate(header) if h}
    found: dict[str, int] = {}
    for field, names in known.items():
        for n in ((mapping[field],) if field in mapping else names):
            if n in index:
                found[field] = index[n]
                break
    return found, [f for f in required if f not in found]


def rows_with_fields(path: Path, known: dict[str, tuple[str, ...]], required: tuple[str, ...],
                     mapping: dict[str, str]) -> tuple[dict[str, str], Iterator[tuple[int, dict]]]:
    """The header of each field found, and the rows as (line, {field: cell})."""
    unknown = set(mapping) - set(known)
    if unknown:
        raise ValidationError(f"--map 中的字段 {', '.join(sorted(unknown))} 不存在；可用字段：{', '.join(known)}")
    it = raw_rows(path)
    seen: list[tuple[int, list]] = []   # the first rows: a title row (a merged heading) may come before the header
    for line, row in it:
        if any(c not in (None, "") for c in row):
            seen.append((line, row))
            if len(seen) == HEADER_SCAN or not _fields(_header(row), known, mapping, required)[1]:
                break
    if not seen:
        raise ValidationError(f"文件 {path.name} 是空的 (the file is empty)")
    at = next((k for k, (_n, row) in enumerate(seen) if not _fields(_header(row), known, mapping, required)[1]), 0)
    header = _header(seen[at][1])
    index = {h: i for i, h in enumerate(header) if h}
    for field in mapping:
        if mapping[field] not in index:
            raise ValidationError(f"--map 指定的表头“{mapping[field]}”不在文件中；文件的表头为：{'、'.join(index)}")
    found, missing = _fields(header, known, mapping, required)
    if missing:
        names = "、".join(known[f][0] for f in missing)
        raise ValidationError(f"文件缺少必需的列：{names}；文件的表头为：{'、'.join(index) or '（无）'}；"
                              f"可用 --map 字段=表头 指定 (required columns missing)")
    rest = seen[at + 1:]
    headers = {f: header[i] for f, i in found.items()}

    def gen():
        for n, row in itertools.chain(rest, it):
            if not any(c not in (None, "") and str(c).strip() for c in row):
                continue
            yield n, {f: (row[i] if i < len(row) else None) for f, i in found.items()}

    return headers, gen()


def write_report(path: Path, title: str, lines: list[str]) -> Path | None:
    """The report beside the input: FILE.导入报告.txt (UTF-8 with BOM, so Notepad shows it right); None when
    the input's folder cannot be written (a read-only share): the screen still names the rows."""
    out = path.with_name(path.stem + ".导入报告.txt")
    try:
        out.write_text(title + "\n" + "\n".join(lines) + "\n", encoding="utf-8-sig")
    except OSError as exc:
        log.warning("import report not written beside %s: %s", path, exc)
        return None
    return out
