"""The PDF of a sheet: an embedded CJK font, every character a glyph (a character the Song face lacks
is set in the Hei face), page numbers, and long tables whose header repeats on the next page."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from desk.reports.pdf import covered, render_pdf
from desk.reports.fonts import faces
from desk.services.figures.table import Column, Section, Sheet, Table

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def sheet_with(rows: int, name: str = "甲") -> Sheet:
    t = Table("各网格事件", (Column("grid", "网格"), Column("events", "事件数", "int", "件"), Column("rate", "办结率", "rate")),
              tuple((f"{name}社区第{i}网格", i, i / rows) for i in range(1, rows + 1)), ("合计", rows, 1.0))
    return Sheet("monthly", "月讲评通报", "院岭街道", "2026年10月", (Section("一、各网格情况", tables=(t,)),),
                 ("本月共上报事件 5 件。",), "2026-10")


def test_a_long_table_breaks_across_pages_with_its_header_repeated(tmp_path):
    out = tmp_path / "long.pdf"
    _, pages = render_pdf(sheet_with(120), "2026年第3期", date(2026, 11, 2), out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    page_texts = text.split("\f")
    assert pages >= 3 and f"第 {pages} 页 共 {pages} 页" in page_texts[pages - 1]
    assert all("事件数" in p and "办结率" in p for p in page_texts[:pages])  # the header on every page
    assert "甲社区第120网格" in text and "2026年第3期" in text and "2026年11月2日" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:] if "Helvetica" not in line)


def test_a_rare_character_the_song_face_lacks_is_printed_from_the_hei_face(tmp_path):
    f = faces()
    rare = "劆"
    if covered(rare, f.body) or not covered(rare, f.heading):
        pytest.skip("these fonts both have (or both lack) the test character")
    out = tmp_path / "rare.pdf"
    render_pdf(sheet_with(3, name=rare), "2026年第1期", date(2026, 11, 2), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert f"{rare}社区第1网格" in text


def test_a_narrow_column_heading_breaks_before_its_unit_not_inside_the_brackets():
    from desk.reports.pdf import wrapped_heading

    f = faces()
    assert wrapped_heading("本期(件)", 30, f.heading) == "本期\n(件)"
    assert wrapped_heading("平均办理时长(小时)", 40, f.heading) == "平均办理时长\n(小时)"
    assert wrapped_heading("本期(件)", 200, f.heading) == "本期(件)"      # fits: one line
    assert wrapped_heading("办结率", 10, f.heading) == "办结率"
