"""Making and issuing a briefing sheet: its contents from the figures layer, its number in the
year's series, the PDF or workbook, the history entry and the audit record — for the CLI and the window.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from desk.clock import LOCAL_TZ
from desk.reports import pdf
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.figures import Period, Sheet, build_sheet
from desk.services.figures.issues import IssueRow, issue, next_number

FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class Issued:
    issue: IssueRow | None
    pages: int
    data: bytes | None = None    # the PDF, when it was made for printing or a preview


def issue_text(year: int, number: int) -> str:
    return f"{year}年第{number}期"


def format_of(path: Path) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in FORMATS:
        raise ValidationError(f"只能保存为 .pdf 或 .xlsx: {Path(path).name} (output must end in .pdf or .xlsx)")
    return ext


def _today(ctx: Context) -> date:
    return ctx.clock.now().astimezone(LOCAL_TZ).date()


def preview(ctx: Context, sheet: Sheet, progress: Callable[[int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Issued:
    """The PDF as it would be issued now, with the next number marked as a preview; nothing recorded."""
    today = _today(ctx)
    n = next_number(ctx, sheet.kind, today.year)
    data, pages = pdf.render_pdf(sheet, issue_text(today.year, n) + "（预览）", today, None, progress, cancelled)
    return Issued(None, pages, data)


def issue_sheet(ctx: Context, sheet: Sheet, output: str, out: Path | None = None,
                progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Issued:
    """Issue ``sheet``: ``output`` is pdf or xlsx (written to ``out``) or print (the PDF bytes are
    returned for the printer). The number is taken when the document is ready, so a cancelled or failed
    rendering takes none; if another seat took that number meanwhile, the sheet is made again."""
    today = _today(ctx)
    if output in ("pdf", "xlsx") and out is None:
        raise ValidationError("请指定保存位置 (no output file)")
    if out is not None and not Path(out).parent.is_dir():
        raise ValidationError(f"文件夹不存在: {Path(out).parent} (no such folder)")
    expected = next_number(ctx, sheet.kind, today.year)
    data, pages = _render(sheet, output, issue_text(today.year, expected), today, progress, cancelled)
    row = issue(ctx, sheet.kind, sheet.period_code, f"{sheet.title}（{sheet.period_label}）", output,
                Path(out).name if out is not None else "", pages, sheet.entity_id,
                sum(len(t.rows) for t in sheet.tables))
    if row.number != expected:  # another seat issued one of this kind at the same moment
        data, pages = _render(sheet, output, row.number_text, today, None, None)
    if output == "pdf":
        _write(Path(out), data)
    elif output == "xlsx":
        from desk.reports import xlsx  # openpyxl only when a workbook is wanted

        xlsx.write_sheet(sheet, Path(out), row.number_text)
    return Issued(row, pages, data if output == "print" else None)


def _render(sheet: Sheet, output: str, number: str, today: date, progress, cancelled) -> tuple[bytes | None, int]:
    if output == "xlsx":
        return None, 0
    return pdf.render_pdf(sheet, number, today, None, progress, cancelled)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        raise ValidationError(f"无法写入 {path}: {exc.strerror} (cannot write the file)") from None


def make_sheet(ctx: Context, kind: str, what: Period | int) -> Sheet:
    return build_sheet(ctx, kind, what)
