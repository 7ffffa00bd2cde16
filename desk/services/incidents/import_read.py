"""Reading another system's export (CSV or XLSX) one row at a time, with memory flat.

A CSV is streamed through the csv module after its encoding is found (UTF-8 with or without BOM,
else GB18030, what Chinese Excel writes); an XLSX through expat (desk.services.incidents.import_xlsx). Blank rows
(an export with 65,000 empty rows at its end) are passed over without cost and never counted;
there is no row cap. Cells come back as text the way a person reads them: an Excel whole number
``24.0`` is ``24``.
"""
from __future__ import annotations

import codecs
import itertools
import re
import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator

from desk.services import files, limits
from desk.services.errors import ValidationError
from desk.services.incidents.import_xlsx import xlsx_rows

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Sheet:
    """The header of an export and its data rows as (line number, cells), blank rows left out."""

    name: str
    header: tuple[str, ...]
    rows: Iterator[tuple[int, list]]


def cell_text(value) -> str:
    """A cell as a person reads it: ``24.0`` → ``24``, a date → ``2020-01-06 12:09:38``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


_SPACES_SUB = limits.SPACES.sub


def row_cells(cols: dict[str, int], cells: list) -> tuple[dict, dict]:
    """One data row's cells by field (``None`` past the row's end) and the same as one-line texts,
    each ``limits.one_line(cell_text(x))``: the row's texts are tidied by one regex pass over them
    joined by a separator no cell holds (this runs for every row of files of 100,000s of rows)."""
    width = len(cells)
    picked = [cells[c] if c < width else None for c in cols.values()]
    raw = [x if x.__class__ is str else cell_text(x) for x in picked]
    joined = _SEP.join(raw)
    if joined.count(_SEP) == len(raw) - 1:
        texts = map(str.strip, _SPACES_SUB(" ", joined).split(_SEP))
    else:  # a cell holding the separator itself: each cell alone
        texts = (_SPACES_SUB(" ", x).strip() for x in raw)
    return dict(zip(cols, picked)), dict(zip(cols, texts))


_SEP = "\x1f"


def encoding_of(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8 (checked in chunks, nothing kept), else gb18030."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc
    decoder = codecs.getincrementaldecoder("gb18030")()
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path.name}: 无法识别文件编码 (neither UTF-8 nor GB18030)") from exc
    return "gb18030"


HEADER_SEARCH = 10  # rows looked at for the header: exports often start with a title line or two


def read_sheet(path: Path | str, score=None) -> Sheet:
    """The export's header and a generator over the rows after it (the file stays open until the
    generator ends or is closed). ``score(header) -> int`` says how much a row looks like the header:
    the best of the first HEADER_SEARCH non-blank rows is taken (ties: the first), so a title line
    above the header ("XX市12345热线工单导出") is passed over."""
    path = files.input_file(path, limits.MAX_TABLE_FILE)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = xlsx_rows(path)
    elif path.suffix.lower() == ".xls":
        raise ValidationError(f"{path.name} 是旧版 Excel (.xls) 文件；请在 Excel 中另存为 .xlsx 或 CSV 后再导入 "
                              f"(old .xls format: save as .xlsx or CSV)")
    else:
        rows = _csv_rows(path, encoding_of(path))
    head: list[tuple[int, list]] = []
    for item in rows:
        head.append(item)
        if score is None or len(head) >= HEADER_SEARCH:
            break
    if not head:
        raise ValidationError(f"{path.name} 是空文件 (empty file)")
    texts = [tuple(limits.one_line(cell_text(c)) for c in cells) for _line, cells in head]
    best = 0
    if score is not None:
        scores = [score(t) for t in texts]
        best = max(range(len(texts)), key=lambda i: (scores[i], -i)) if max(scores) > 0 else 0
    return Sheet(path.name, texts[best], itertools.chain(head[best + 1:], rows))


def _blank(cells) -> bool:
    for c in cells:
        if c is not None and c != "" and not (isinstance(c, str) and not c.strip()):
            return False
    return True


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list]]:
    try:
        f = path.open("r", encoding=encoding, newline="")
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc
    with f:
        reader = csv.reader(f)
        try:
            for line, cells in enumerate(reader, start=1):  # the row as Excel numbers it
                if cells and not _blank(cells):
                    yield line, cells
        except csv.Error as exc:
            line = reader.line_num
            if "field larger than field limit" in str(exc):
                raise ValidationError(f"{path.name} 第{line}行有超过 {limits.MAX_CSV_CELL} 字的单元格，文件无法读取 "
                                      f"(line {line}: a cell is too long; is this really the export?)") from exc
            raise ValidationError(f"{path.name} 第{line}行: 不是有效的 CSV (line {line}: not valid CSV: {exc})") from exc


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE][+]?\d+$")


def excel_scientific(text: str) -> bool:
    """``3.31102E+11``: a long number Excel showed in scientific notation and saved that way."""
    return bool(_SCIENTIFIC.match(text.strip()))


def scientific_problem(text: str, what: str) -> str:
    return (f"{what}“{text}”是 Excel 转换成的科学计数法，原来的数字已丢失；请在 Excel 中把该列设置为“文本”后"
            f"重新导出，或直接使用系统导出的原始 CSV 文件 (Excel converted the number to scientific notation "
            f"and lost its digits: set the column to Text and export again, or use the original CSV)")
