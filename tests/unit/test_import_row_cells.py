"""A row of an export read into fields: each cell tidied exactly as one line of text (runs of
spaces, tabs and line breaks become one space), whatever the cell holds."""
from __future__ import annotations

from datetime import datetime

from desk.services import limits
from desk.services.incidents.import_read import cell_text, row_cells

COLS = {"source_no": 0, "reported_at": 1, "description": 2, "address": 3, "phone": 5}


def expected(cells):
    values = {f: (cells[c] if c < len(cells) else None) for f, c in COLS.items()}
    return values, {f: limits.one_line(cell_text(x)) for f, x in values.items()}


def test_cells_with_tabs_breaks_and_wide_spaces_are_tidied_one_by_one():
    cells = ["  GD1 ", "2026-11-24\t08:15", "楼道\r\n水管　 漏水\xa0\xa0了 ", "兴钢社区 ", "x", " 138 0000 1111\n"]
    assert row_cells(COLS, cells) == expected(cells)
    assert row_cells(COLS, cells)[1]["description"] == "楼道 水管 漏水 了"


def test_a_short_row_leaves_the_missing_fields_empty():
    cells = ["GD2", "2026-11-24", "路灯不亮"]
    values, texts = row_cells(COLS, cells)
    assert (values["phone"], texts["phone"], texts["address"]) == (None, "", "")
    assert (values, texts) == expected(cells)


def test_numbers_dates_and_a_cell_holding_the_separator_read_as_a_person_reads_them():
    cells = [24.0, datetime(2020, 1, 6, 12, 9, 38), "a\x1fb\t c", None, True, 13800001111]
    assert row_cells(COLS, cells) == expected(cells)
    texts = row_cells(COLS, cells)[1]
    assert (texts["source_no"], texts["reported_at"], texts["phone"]) == ("24", "2020-01-06 12:09:38", "13800001111")
