"""`desk report daily|weekly|monthly|event|dispatch ... [--out FILE.pdf|.xlsx]` and `desk report history`:
the briefing sheets, issued with their number (第X期), audited like every print and export.

A malformed or future period, or an output that is neither .pdf nor .xlsx, is a usage error: a clear
message and exit code 2, nothing written and no number taken.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import acting_context
from desk.services.errors import ValidationError
from desk.services.figures import periods
from desk.services.figures.periods import PeriodError
from desk.services.figures.table import Column, Table, render_text

USAGE_ERROR = 2


def register(sub, parent) -> None:
    p = sub.add_parser("report", help="简报：值班日报、周研判材料、月讲评通报、事件处置单、交办单 (PDF / Excel)")
    rs = p.add_subparsers(dest="report", metavar="SHEET", required=True)
    d = rs.add_parser("daily", parents=[parent], help="值班日报：某一天")
    d.add_argument("--date", required=True, help="日期 YYYY-MM-DD，如 2026-11-24")
    w = rs.add_parser("weekly", parents=[parent], help="周研判材料：某一 ISO 周")
    w.add_argument("--week", required=True, help="ISO 周 YYYY-Www，如 2026-W47")
    m = rs.add_parser("monthly", parents=[parent], help="月讲评通报：某一月")
    m.add_argument("--month", default="last", help="月份 YYYY-MM，如 2026-10；last（默认）表示上一个完整月份")
    e = rs.add_parser("event", parents=[parent], help="事件处置单（含处置过程）")
    e.add_argument("id", type=int, help="事件编号")
    x = rs.add_parser("dispatch", parents=[parent], help="交办单（部门签收用）")
    x.add_argument("id", type=int, help="派单编号")
    for q in (d, w, m, e, x):
        q.add_argument("--out", help="输出文件 .pdf 或 .xlsx（默认：当前文件夹里以简报名和日期命名的 PDF）")
        q.set_defaults(func=run)
    h = rs.add_parser("history", parents=[parent], help="已发简报的期号记录")
    h.add_argument("--kind", choices=("daily", "weekly", "monthly", "event", "dispatch"), help="只列某一类")
    h.set_defaults(func=run_history)


def _what(args, now):
    if args.report == "daily":
        return periods.parse_day(args.date)
    if args.report == "weekly":
        return periods.parse_week(args.week)
    if args.report == "monthly":
        if args.month.strip().lower() == "last":
            return periods.last_complete_month(periods.local_today(now))
        return periods.parse_month(args.month)
    return args.id


def _file_label(args, what) -> str:
    """The period or number in a default file name: 2026-11, 2026-W48, 2026-12-01, 302."""
    if args.report == "monthly":
        return f"{what.start:%Y-%m}"
    if args.report == "weekly":
        return args.week.strip().upper()
    if args.report == "daily":
        return f"{what.start:%Y-%m-%d}"
    return str(what)


def run(args) -> int:
    from desk.reports.issue import format_of, issue_sheet
    from desk.services.figures import build_sheet

    ctx = acting_context(args, "report.issue")  # who asks comes before what is asked
    out = Path(args.out) if args.out else None
    try:
        fmt = format_of(out) if out is not None else "pdf"
        if args.report in ("daily", "weekly", "monthly"):  # checked before any figure is read
            _what(args, ctx.clock.now())
    except (PeriodError, ValidationError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return USAGE_ERROR
    try:
        what = _what(args, ctx.clock.now())
        sheet = build_sheet(ctx, args.report, what)
    except PeriodError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return USAGE_ERROR
    out = out or Path(f"{sheet.title}-{_file_label(args, what)}.pdf")
    done = issue_sheet(ctx, sheet, fmt, out)
    pages = f"，共 {done.pages} 页" if done.pages else ""
    print(f"已生成{sheet.title}（{sheet.period_label}）{done.issue.number_text}{pages} → {out}")
    sys.stdout.flush()
    return 0


def run_history(args) -> int:
    from desk.services.figures.issues import history

    ctx = acting_context(args, "report.history")
    rows = history(ctx, args.kind)
    t = Table("已发简报", (Column("no", "期号"), Column("title", "简报"), Column("output", "方式"),
                           Column("at", "时间", "datetime"), Column("who", "经办人"), Column("target", "文件")),
              tuple((r.number_text, r.title, {"pdf": "PDF", "xlsx": "Excel", "print": "打印"}[r.output], r.issued_at,
                     r.issued_name or r.issued_by, r.target) for r in rows))
    print(render_text(t) if rows else "尚未发出任何简报 (nothing issued yet)")
    return 0
