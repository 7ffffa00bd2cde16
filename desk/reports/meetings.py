"""A meeting's minutes or sign-in sheet as a PDF, through the one renderer of the briefing sheets
(desk.reports.pdf: the street's red header, Chinese faces embedded, page numbers). Audited like
every print."""
from __future__ import annotations

from pathlib import Path

from desk.reports import pdf
from desk.services.audit_log import record_output
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.figures.periods import local_today
from desk.services.meetings.printing import minutes_sheet, signin_sheet

DOCUMENTS = {"minutes": minutes_sheet, "signin": signin_sheet}


def print_meeting(ctx: Context, meeting_id: int, out: Path | None, document: str = "minutes"
                  ) -> tuple[bytes | None, int]:
    """Write the document to ``out`` (or return its bytes when ``out`` is None); returns (bytes, pages)."""
    if document not in DOCUMENTS:
        raise ValidationError(f"未知的文档 {document!r} (unknown document)")
    if out is not None and Path(out).suffix.lower() != ".pdf":
        raise ValidationError(f"输出文件应为 .pdf: {out} (the output must be a .pdf file)")
    sheet = DOCUMENTS[document](ctx, meeting_id)
    today = local_today(ctx.clock.now())
    number = f"会议编号 第{meeting_id}号"
    data, pages = pdf.render_pdf(sheet, number, today, out)
    record_output(ctx, f"meeting_{document}", 1, Path(out).name if out is not None else "(preview)",
                  {"meeting_id": meeting_id, "pages": pages})
    return data, pages
