"""The desk's one streaming .xlsx reader (desk.services.incidents.import_xlsx), as the event import and the
registry import use it, gives the values openpyxl gives: shared and inline strings with markup characters
and line breaks, numbers, gaps between cells, dates as Excel serial numbers; a blank row is left out and
every row keeps the line Excel shows; an ID number stored as a number is never taken with made-up digits."""
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from desk.services.errors import ValidationError
from desk.services.incidents.import_xlsx import xlsx_rows
from desk.services.registry.import_files import raw_rows


def _write(path, write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("s") if write_only else wb.active
    ws.append(["姓名", "身份证号", None, "备注 & <注>"])
    ws.append(["张三", "41048119850315123X", None, "a\nb"])
    ws.append([])
    ws.append(["李四", 410481198503151234, 3.5, datetime(1985, 3, 15)])
    wb.save(path)


@pytest.mark.parametrize("write_only", [False, True])
def test_the_reader_agrees_with_openpyxl_and_keeps_excel_line_numbers(tmp_path, write_only):
    path = tmp_path / f"t{write_only}.xlsx"
    _write(path, write_only)
    ours = list(xlsx_rows(path))
    theirs = [list(r) for r in load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True)]
    assert ours[0] == (1, ["姓名", "身份证号", None, "备注 & <注>"])
    assert ours[1] == (2, ["张三", "41048119850315123X", None, "a\nb"])
    line, li = ours[2]                        # the blank third row is left out; 李四 stays on line 4
    assert line == 4 and li[0] == "李四"
    assert li[2] == 3.5 and li[3] == 31121    # 1985-03-15 as Excel's serial number
    assert [r[0] for r in theirs if r and r[0]] == [cells[0] for _, cells in ours]


def test_the_registry_import_reads_an_id_number_stored_as_a_number_as_lost_digits(tmp_path):
    path = tmp_path / "t.xlsx"
    _write(path, write_only=True)
    rows = dict(raw_rows(path))
    assert rows[2][1] == "41048119850315123X"
    assert isinstance(rows[4][1], float)   # past 15 digits: a float, which the import names as Excel's doing


def test_a_file_that_is_not_a_workbook_is_named_with_a_clear_message(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls renamed")
    with pytest.raises(ValidationError, match="另存为 .xlsx"):
        list(raw_rows(path))
    with pytest.raises(ValidationError, match="无法读取"):
        list(xlsx_rows(path))
