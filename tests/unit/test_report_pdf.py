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


def test_a_short_text_column_leaves_room_for_the_number_headings_to_stay_whole():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desk.reports.pdf import FRAME_WIDTH, column_widths

    f = faces()
    heads = ["社区", "业务培训(次)", "能力测试(次)", "联合巡逻(次)", "应急演练(次)"]
    widths = column_widths(heads, [["兴钢社区", "0", "0", "3", "0"]], [False, True, True, True, True], f.body, f.heading)
    assert abs(sum(widths) - FRAME_WIDTH) < 0.5
    assert all(w >= stringWidth("业务培训", f.heading, 9.5) for w in widths[1:])   # 业务培训 / (次), not 业务培 / 训


def test_a_tables_totals_row_never_stands_alone_on_a_new_page(tmp_path):
    alone = []
    for rows in range(30, 56):
        out = tmp_path / f"t{rows}.pdf"
        render_pdf(sheet_with(rows), "2026年第3期", date(2026, 11, 2), out)
        pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout.split("\f")
        for page in pages:
            if "合计" in page and "社区第" not in page:
                alone.append(rows)
    assert not alone, f"the totals row alone on a page with {alone} rows"
