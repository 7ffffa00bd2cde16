"""The 报表简报 page: a sheet previewed off the UI thread, saved as PDF and Excel with its number,
printed through the printer (to a PDF file here), a cancel that stops it, and the history of issues."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from desk.services.unit import Actor
from desk.views.reports import ReportsPage

pytestmark = pytest.mark.gui
DUTY = Actor("wangli", "王丽", role="duty_staff", seat="seat-1")
GRID = Actor("grid1", "赵网格", role="grid_staff", seat="grid")


@pytest.fixture
def page_for(demo_page_for):
    return lambda actor: demo_page_for(ReportsPage, actor, (1200, 800))


def wait_idle(qtbot, page, timeout=30000):
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished and not page.progress.isVisible(),
                    timeout=timeout)


def test_a_duty_officer_previews_then_saves_the_daily_report_as_pdf_and_excel(page_for, qtbot, tmp_path):
    page = page_for(DUTY)
    page.set_request("daily", date(2026, 11, 24))
    assert page.period_text.text() == "2026年11月24日"
    page.make_preview()
    wait_idle(qtbot, page)
    assert page.document is not None and page.document.pageCount() >= 1
    assert "预览" in page.status.text()
    assert page.history_model.rowCount() == 0  # a preview issues nothing
    assert "导出为 Excel…" in [a.text() for a in page.history_view.actions()]
    page.save_as("pdf", str(tmp_path / "日报.pdf"))
    wait_idle(qtbot, page)
    assert (tmp_path / "日报.pdf").exists() and "2026年第1期" in page.status.text()
    page.save_as("xlsx", str(tmp_path / "日报"))
    wait_idle(qtbot, page)
    assert (tmp_path / "日报.xlsx").exists() and "2026年第2期" in page.status.text()
    page.reload_history()
    qtbot.waitUntil(lambda: page.history_model.rowCount() == 2, timeout=5000)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "日报.pdf"), "-"], capture_output=True, text=True).stdout
        assert "值班日报" in text and "2026年第1期" in text


def test_printing_goes_through_the_printer_and_is_recorded(page_for, qtbot, tmp_path):
    page = page_for(DUTY)
    page.set_request("monthly", date(2026, 11, 1))
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.print_sheet(printer)
    wait_idle(qtbot, page, 60000)
    qtbot.waitUntil(lambda: "已打印" in page.status.text(), timeout=30000)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    page.grab().save(str(tmp_path.parent / "reports_page.png"))
    page.reload_history()
    qtbot.waitUntil(lambda: page.history_model.rowCount() == 1, timeout=5000)
    assert page.history_model.data(page.history_model.index(0, 3)) == "打印"


def test_the_print_button_asks_for_the_printer_first_and_a_cancelled_dialog_issues_no_number(
        page_for, qtbot, monkeypatch):
    from desk.views.reports import page as page_module

    asked = []

    class CancelledDialog:  # the system printer dialog, closed with 取消
        def __init__(self, printer, parent):
            asked.append(printer)

        def exec(self):
            return QDialog.Rejected

    monkeypatch.setattr(page_module, "QPrintDialog", CancelledDialog)
    page = page_for(DUTY)
    page.set_request("daily", date(2026, 11, 24))
    qtbot.mouseClick(page.print_button, Qt.LeftButton)
    assert len(asked) == 1 and isinstance(asked[0], QPrinter)
    assert page.job is None  # nothing made, nothing numbered
    page.reload_history()
    qtbot.wait(300)
    assert page.history_model.rowCount() == 0


def test_a_future_month_says_so_and_cancel_stops_the_work(page_for, qtbot):
    page = page_for(DUTY)
    page.set_request("monthly", date(2027, 3, 1))
    page.make_preview()
    wait_idle(qtbot, page)
    assert "尚未开始" in page.status.text()
    page.set_request("monthly", date(2026, 11, 1))
    page.make_preview()
    page.cancel()
    wait_idle(qtbot, page)
    assert page.status.text() == "已取消。" and page.document is None


def test_grid_staff_cannot_make_sheets(page_for):
    page = page_for(GRID)
    assert not page.preview_button.isEnabled() and not page.pdf_button.isEnabled()
    assert "无权" in page.status.text()
