"""Every table on screen exports to Excel with real numbers and dates, or to CSV that Excel opens in
Chinese (UTF-8 with a BOM); the export is audited under the user's name."""
from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import select

from desk.models import AuditRecord
from desk.views.table_export import export_view

pytestmark = pytest.mark.gui


@pytest.fixture
def sqlite_only(db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")


def test_the_board_table_exports_to_excel_and_csv_and_each_export_is_audited(sqlite_only, shell, qtbot, tmp_path):
    board = next(p for p in shell.window.pages if p.key == "board")
    shell.window.show_page("board")
    view = board.findChild(QTableView)
    qtbot.waitUntil(lambda: view.model().rowCount() > 3, timeout=20000)
    names = [a.text() for a in view.actions()]
    assert "导出为 Excel…" in names and view.contextMenuPolicy() == Qt.ActionsContextMenu
    done = []
    export_view(view, shell.backend, board.title(), tmp_path / "board.xlsx", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    ws = load_workbook(tmp_path / "board.xlsx").active
    headers = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2" and all(isinstance(h, str) and h for h in headers)
    assert ws.max_row == view.model().rowCount() + 1
    times = [c.value for c in ws["B"] if isinstance(c.value, datetime)] + \
            [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, datetime)]
    assert times, "date-times are real Excel dates"
    export_view(view, shell.backend, board.title(), tmp_path / "board.csv", on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=20000)
    raw = (tmp_path / "board.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and headers[0].encode() in raw

    def audited():
        with shell.ctx.read() as s:
            return s.scalars(select(AuditRecord.after).where(AuditRecord.action == "data.export")).all()

    qtbot.waitUntil(lambda: len(audited()) == 2, timeout=10000)
    assert "board.xlsx" in audited()[0]


def test_screen_text_becomes_typed_cells():
    from desk.reports.xlsx import table_from_text

    t = table_from_text("t", ["编号", "时间", "比例", "代码", "名称"],
                        [["12", "2026-11-25 09:30", "12.5%", "0410", "甲"], ["3", "—", "—", "0411", "乙"]])
    assert [c.kind for c in t.columns] == ["int", "datetime", "rate", "text", "text"]
    assert t.rows[0][0] == 12 and t.rows[0][2] == 0.125 and t.rows[1][1] is None and t.rows[0][3] == "0410"
