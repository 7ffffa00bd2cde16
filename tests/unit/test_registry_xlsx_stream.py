"""The import's fast .xlsx reader gives the same values as openpyxl: shared and inline strings with
markup characters, numbers, gaps between cells, empty rows, dates as Excel serial numbers."""
from datetime import datetime

from openpyxl import Workbook, load_workbook

from desk.services.registry import xlsx_stream


def _write(path, write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("s") if write_only else wb.active
    ws.append(["姓名", "身份证号", None, "备注 & <注>"])
    ws.append(["张三", "41048119850315123X", None, "a\nb"])
    ws.append([])
    ws.append(["李四", 410481198503151234, 3.5, datetime(1985, 3, 15)])
    wb.save(path)


def test_the_fast_reader_agrees_with_openpyxl(tmp_path):
    for write_only in (False, True):
        path = tmp_path / f"t{write_only}.xlsx"
        _write(path, write_only)
        ours = [r for r in xlsx_stream.rows(path)]
        theirs = [list(r) for r in load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True)]
        assert ours[0] == ["姓名", "身份证号", None, "备注 & <注>"]
        assert ours[1] == ["张三", "41048119850315123X", None, "a\nb"]
        li = [r for r in ours if r and r[0] == "李四"][0]
        assert li[1] == 410481198503151234 or isinstance(li[1], float)  # an 18-digit number: Excel's precision
        assert li[2] == 3.5 and li[3] == 31121  # 1985-03-15 as Excel's serial number
        assert [r[0] for r in theirs if r and r[0]] == [r[0] for r in ours if r and r[0]]
