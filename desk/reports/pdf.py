"""A briefing sheet as an A4 PDF in the customs of Chinese official documents (GB/T 9704-2012):
a red header with the issuing body and the sheet's name, the issue number (第X期) and the date,
a red rule, the title centred in a Hei face, body text in a Song face, ruled tables whose header
repeats on every page, vector bar charts, and "第 N 页 共 M 页" at the foot of every page.
Margins about 37 mm top, 28 mm left, 35 mm bottom, 26 mm right.
"""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table as RLTable, TableStyle,
)

from desk.reports.charts import bar_chart
from desk.reports.fonts import Faces, faces
from desk.services.errors import DeskError
from desk.services.figures.table import Sheet, Table, cell_text, text_rows

RED = colors.HexColor("#C00000")
MARGINS = dict(topMargin=37 * mm, leftMargin=28 * mm, bottomMargin=35 * mm, rightMargin=26 * mm)
FRAME_WIDTH = A4[0] - (28 + 26) * mm


class Cancelled(DeskError):
    """The person cancelled the report before it was finished."""


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class _Styles:
    def __init__(self, f: Faces):
        self.header = ParagraphStyle("header", fontName=f.heading, fontSize=26, leading=34, alignment=TA_CENTER,
                                     textColor=RED)
        self.issue = ParagraphStyle("issue", fontName=f.body, fontSize=14, leading=20, alignment=TA_CENTER)
        self.left = ParagraphStyle("left", fontName=f.body, fontSize=12, leading=18, alignment=TA_LEFT)
        self.right = ParagraphStyle("right", fontName=f.body, fontSize=12, leading=18, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", fontName=f.heading, fontSize=20, leading=30, alignment=TA_CENTER,
                                    spaceBefore=6, spaceAfter=2)
        self.subtitle = ParagraphStyle("subtitle", fontName=f.body, fontSize=14, leading=22, alignment=TA_CENTER,
                                       spaceAfter=8)
        self.body = ParagraphStyle("body", fontName=f.body, fontSize=14, leading=24, firstLineIndent=28,
                                   wordWrap="CJK")
        self.h1 = ParagraphStyle("h1", fontName=f.heading, fontSize=15, leading=24, spaceBefore=10, spaceAfter=4)
        self.caption = ParagraphStyle("caption", fontName=f.heading, fontSize=11, leading=16, alignment=TA_CENTER,
                                      spaceBefore=6, spaceAfter=4)
        self.cell = ParagraphStyle("cell", fontName=f.body, fontSize=9.5, leading=12.5, wordWrap="CJK")
        self.cell_num = ParagraphStyle("cell_num", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", fontName=f.heading, fontSize=9.5, leading=12.5, alignment=TA_CENTER,
                                   wordWrap="CJK")
        self.total = ParagraphStyle("total", parent=self.cell, fontName=f.heading)
        self.total_num = ParagraphStyle("total_num", parent=self.total, alignment=TA_RIGHT)
        self.note = ParagraphStyle("note", fontName=f.body, fontSize=9, leading=13, textColor=colors.HexColor("#444444"),
                                   wordWrap="CJK")
        self.empty = ParagraphStyle("empty", parent=self.body, fontSize=12, leading=20)
        self.sign = ParagraphStyle("sign", fontName=f.body, fontSize=13, leading=26, alignment=TA_LEFT,
                                   leftIndent=FRAME_WIDTH * 0.45)


def _glyphs(font: str) -> dict:
    return pdfmetrics.getFont(font).face.charToGlyph


def covered(text: str, font: str) -> bool:
    """Whether ``font`` has a glyph for every character of ``text`` (else it would print a box)."""
    cmap = _glyphs(font)
    return all(ord(ch) < 128 or ord(ch) in cmap for ch in text)


def _markup(text: str, font: str) -> str:
    """Escaped text; a character the face lacks is set in the other embedded face when that one has it."""
    if covered(text, font):
        return escape(text)
    f = faces()
    other = f.heading if font == f.body else f.body
    cmap, alt = _glyphs(font), _glyphs(other)
    out = []
    for ch in text:
        if ord(ch) >= 128 and ord(ch) not in cmap and ord(ch) in alt:
            out.append(f'<font face="{other}">{escape(ch)}</font>')
        else:
            out.append(escape(ch))
    return "".join(out)


def _p(text: str, style) -> Paragraph:
    return Paragraph(_markup(text, style.fontName).replace("\n", "<br/>"), style)


def column_widths(headings: list[str], body: list[list[str]], fixed: list[bool], font: str, head_font: str,
                  size: float = 9.5, total: float = FRAME_WIDTH, bold_last: bool = False) -> list[float]:
    """Widths that fit: numbers and times keep their natural width (they never wrap); the text columns
    share what is left so that short ones stay whole and only the longest wrap; spare room is spread."""
    pad = 8
    natural = []
    for i, h in enumerate(headings):
        # a heading wraps after 3 (numbers) or 4 characters rather than widen its column
        head_w = min(stringWidth(h, head_font, size), (3 if fixed[i] else 4) * size) + pad
        cells = [stringWidth(r[i], font, size) for r in body[:400]]
        if bold_last and body:
            cells[-1] = stringWidth(body[-1][i], head_font, size)
        natural.append(max(head_w, max(cells or [0]) + pad, 2 * size + pad))
    flex = [i for i, f in enumerate(fixed) if not f]
    if not flex:
        return [w * total / sum(natural) for w in natural]
    fixed_sum = sum(w for w, f in zip(natural, fixed) if f)
    widths = list(natural)
    flex_need = min(sum(natural[i] for i in flex), total * 0.4)
    if fixed_sum > total - flex_need:  # too many numbers: they shrink alike, the text keeps what it needs
        widths = [w * (total - flex_need) / fixed_sum if f else w for w, f in zip(widths, fixed)]
        fixed_sum = total - flex_need
    remaining = total - fixed_sum
    # as browsers lay out tables: each text column gets at least a few characters, and the room beyond
    # that in proportion to how much more its longest cell needs (long text gets the most)
    least = {i: min(natural[i], max(4 * size + pad, min(stringWidth(headings[i], head_font, size), 4 * size) + pad))
             for i in flex}
    need = {i: natural[i] - least[i] for i in flex}
    spare = remaining - sum(least.values())
    if spare <= 0:
        for i in flex:
            widths[i] = least[i] * remaining / sum(least.values())
    elif sum(need.values()) <= spare:  # everything fits: the spare room goes to the text in proportion
        extra = spare - sum(need.values())
        for i, f in enumerate(fixed):  # first, a number's heading whole on one line above its unit
            if f and extra > 0:
                title = headings[i].partition("(")[0]
                more = min(max(0.0, stringWidth(title, head_font, size) + pad - widths[i]), extra)
                widths[i] += more
                extra -= more
        for i in flex:
            widths[i] = natural[i] + extra * natural[i] / sum(natural[j] for j in flex)
    else:
        for i in flex:
            widths[i] = least[i] + spare * need[i] / sum(need.values())
    return widths


def wrapped_heading(heading: str, room: float, font: str, size: float = 9.5) -> str:
    """A heading too wide for its column breaks before its unit, 本期 / (件), never inside the brackets."""
    title, bracket, unit = heading.partition("(")
    if not bracket or not title or stringWidth(heading, font, size) <= room:
        return heading
    return f"{title}\n({unit}"


def table_flowables(t: Table, st: _Styles, f: Faces) -> list:
    out = [CondPageBreak(35 * mm), _p(t.title, st.caption)]
    if t.empty:
        out.append(_p(t.empty_text, st.empty))
        return out
    headings = [c.heading for c in t.columns]
    body = text_rows(t)
    numeric = [c.numeric for c in t.columns]
    fixed = [c.numeric or c.kind in ("date", "datetime") for c in t.columns]
    widths = column_widths(headings, body, fixed, f.body, f.heading, bold_last=t.totals is not None)
    data = [[_p(wrapped_heading(h, w - 6, f.heading), st.head) for h, w in zip(headings, widths)]]
    n_rows = len(t.rows)
    room = [w - 6 for w in widths]
    for i, row in enumerate(body):
        is_total = i >= n_rows
        font = f.heading if is_total else f.body
        cells = []
        for j, (v, n) in enumerate(zip(row, numeric)):
            if stringWidth(v, font, 9.5) <= room[j] and "\n" not in v and covered(v, font):
                cells.append(v)  # fits on one line: a plain string is many times faster than a Paragraph
            else:
                cells.append(_p(v, (st.total_num if n else st.total) if is_total else (st.cell_num if n else st.cell)))
        data.append(cells)
    rl = RLTable(data, colWidths=widths, repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E9E9E9")),
             ("FONTNAME", (0, 1), (-1, -1), f.body), ("FONTSIZE", (0, 1), (-1, -1), 9.5),
             ("LEADING", (0, 1), (-1, -1), 12.5),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("ALIGN", (j, 1), (j, -1), "RIGHT") for j, n in enumerate(numeric) if n]
    if t.totals is not None:
        style.append(("FONTNAME", (0, -1), (-1, -1), f.heading))
        if len(data) > 4:  # the totals row goes over the page with the last two rows it sums, never alone
            style.append(("NOSPLIT", (0, len(data) - 3), (-1, -1)))
    if t.totals is not None:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4")))
    rl.setStyle(TableStyle(style))
    out.append(rl)
    for note in t.notes:
        out.append(_p("注：" + note, st.note))
    return out


def _header(sheet: Sheet, issue_no: str, issued_on: date, st: _Styles, f: Faces) -> list:
    name = f"{sheet.street}警网融合中心" if sheet.street else "警网融合中心"
    head = f"{name}{sheet.title}" if sheet.kind in ("daily", "weekly", "monthly") else name
    size = 26
    while stringWidth(head, f.heading, size) > FRAME_WIDTH and size > 14:
        size -= 1
    header_style = ParagraphStyle("h", parent=st.header, fontSize=size, leading=size * 1.3)
    line = RLTable([[_p(f"{name}编", st.left), _p(chinese_date(issued_on), st.right)]],
                   colWidths=[FRAME_WIDTH / 2] * 2,
                   style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [_p(head, header_style), Spacer(1, 4), _p(issue_no, st.issue), line,
            HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=2, spaceAfter=10)]


def sheet_flowables(sheet: Sheet, issue_no: str, issued_on: date) -> list:
    f = faces()
    st = _Styles(f)
    story = _header(sheet, issue_no, issued_on, st, f)
    story.append(_p(sheet.title if sheet.kind in ("event", "dispatch") else f"{sheet.title}", st.title))
    label = sheet.period_label
    story.append(_p(f"（{label}）" if "（" not in label else label, st.subtitle))
    for para in sheet.summary:
        story.append(_p(para, st.body))
    for sec in sheet.sections:
        story.append(CondPageBreak(50 * mm))
        story.append(_p(sec.heading, st.h1))
        for para in sec.paragraphs:
            story.append(_p(para, st.body) if para else Spacer(1, 24))
        for chart in sec.charts:
            story.append(KeepTogether([Spacer(1, 4), bar_chart(chart, FRAME_WIDTH, 62 * mm, f.body, f.heading)]))
        for t in sec.tables:
            story.extend(table_flowables(t, st, f))
    if sheet.signature:
        story.append(Spacer(1, 18))
        story.append(KeepTogether([_p(line, st.sign) for line in sheet.signature]))
    return story


def _numbered_canvas(font: str):
    class NumberedCanvas(rl_canvas.Canvas):
        """Draws "第 N 页 共 M 页" once the number of pages is known."""

        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", font)  # no unembedded Helvetica in the file
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 11)
                self.drawCentredString(A4[0] / 2, 20 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(sheet: Sheet, issue_no: str, issued_on: date, out: Path | io.BytesIO | None = None,
               progress: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> tuple[bytes | None, int]:
    """Render ``sheet``; write to ``out`` (a path is written whole or not at all). Returns (the PDF bytes
    when ``out`` is None, the number of pages). ``progress`` gets 0..100; ``cancelled()`` stops the work."""
    story = sheet_flowables(sheet, issue_no, issued_on)
    total = max(len(story), 1)
    done = [0]

    def after(_flowable):
        done[0] += 1
        if cancelled is not None and cancelled():
            raise Cancelled("已取消 (cancelled)")
        if progress is not None:
            progress(min(99, 100 * done[0] // total))

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=f"{sheet.title} {sheet.period_label}",
                            author=f"{sheet.street}警网融合中心", subject=issue_no, creator="desk", **MARGINS)
    doc.afterFlowable = after
    doc.build(story, canvasmaker=_numbered_canvas(faces().body))
    data = buf.getvalue()
    pages = doc.page
    if progress is not None:
        progress(100)
    if out is None:
        return data, pages
    if isinstance(out, io.BytesIO):
        out.write(data)
        return None, pages
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return None, pages


def cells_text(t: Table) -> list[list[str]]:
    """What a table prints, for tests and previews."""
    return [[c.heading for c in t.columns], *[[cell_text(c, v) for c, v in zip(t.columns, r)] for r in t.rows]]
