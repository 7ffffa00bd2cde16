"""`desk meetings due|list|items|print`: the meeting routine from the command line.

- `desk meetings due [--date D]`: what is due today and what was missed in D's week.
- `desk meetings list --from D --to D [--kind daily|weekly|monthly|joint] [--format table|csv|json]`.
- `desk meetings items [--open] [--format table|csv|json]`: the action items, overdue first.
- `desk meetings print ID --out F.pdf [--sign-in]`: the minutes (or the sign-in sheet) as a PDF.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import acting_context
from desk.services.audit_log import record_output
from desk.services.errors import ValidationError
from desk.services.figures.periods import parse_day, parse_range
from desk.services.figures.table import Column, Table, render_csv, render_json, render_text
from desk.services.meetings import codes

FORMATS = ("table", "csv", "json")


def register(sub, parent) -> None:
    p = sub.add_parser("meetings", help="会商研判：应开和未开的会议、会议列表、督办事项、打印纪要")
    ms = p.add_subparsers(dest="meetings", metavar="WHAT", required=True)
    d = ms.add_parser("due", parents=[parent], help="今日应召开和本周未召开的会议")
    d.add_argument("--date", help="日期 YYYY-MM-DD（默认今天）：看这一天所在的周")
    d.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认表格)")
    d.set_defaults(func=run_due)
    ls = ms.add_parser("list", parents=[parent], help="某一时期的会议")
    ls.add_argument("--from", dest="date_from", required=True, help="开始日期 YYYY-MM-DD (含)")
    ls.add_argument("--to", dest="date_to", required=True, help="结束日期 YYYY-MM-DD (含)")
    ls.add_argument("--kind", choices=tuple(codes.KINDS), help="会议类型：日见面/周研判/月讲评/联席会议")
    ls.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认表格)")
    ls.set_defaults(func=run_list)
    it = ms.add_parser("items", parents=[parent], help="督办事项（逾期在前）")
    it.add_argument("--open", action="store_true", help="只列未完成的")
    it.add_argument("--format", choices=FORMATS, default="table", help="输出格式 (默认表格)")
    it.set_defaults(func=run_items)
    pr = ms.add_parser("print", parents=[parent], help="会议纪要（或签到表）PDF")
    pr.add_argument("id", type=int, help="会议编号")
    pr.add_argument("--out", required=True, help="输出文件 .pdf")
    pr.add_argument("--sign-in", action="store_true", help="打印签到表而不是纪要")
    pr.set_defaults(func=run_print)


def _emit(ctx, t: Table, fmt: str, what: str, detail: dict) -> None:
    record_output(ctx, what, len(t.rows), "(stdout)", detail | {"format": fmt})
    if fmt == "csv":
        print(render_csv(t).rstrip("\n"))
    elif fmt == "json":
        print(render_json(t))
    else:
        print(t.title)
        print(render_text(t) if t.rows else t.empty_text)
        for note in t.notes:
            print("注：" + note)
    sys.stdout.flush()


def run_due(args) -> int:
    from desk.services.meetings import rhythm

    ctx = acting_context(args, "meetings.read")
    on = parse_day(args.date).start if args.date else None
    _emit(ctx, rhythm.due(ctx, on), args.format, "meetings_due", {"date": args.date})
    return 0


MEETING_COLUMNS = (Column("id", "编号", "int"), Column("day", "日期", "date"), Column("kind", "类型"),
                   Column("scope", "范围"), Column("topic", "议题"), Column("chair", "主持人"),
                   Column("present", "出席", "int", "人"), Column("absent", "缺席", "int", "人"),
                   Column("items", "督办事项", "int", "项"))


def run_list(args) -> int:
    from desk.services.meetings import list_meetings

    ctx = acting_context(args, "meetings.read")
    period = parse_range(args.date_from, args.date_to)
    rows = list_meetings(ctx, period.start, period.end, args.kind)
    t = Table(f"会议列表 {period.label}", MEETING_COLUMNS,
              tuple((r.id, r.day, r.kind_text, r.scope_text, r.topic, r.chair_name, r.present, r.absent, r.items)
                    for r in rows), key="meetings", empty_text="这一时期没有会议记录。")
    _emit(ctx, t, args.format, "meetings_list", {"from": args.date_from, "to": args.date_to, "kind": args.kind})
    return 0


def run_items(args) -> int:
    from desk.services.meetings import items, items_table

    ctx = acting_context(args, "meetings.items")
    rows = items(ctx, open_only=args.open)
    t = items_table(rows, "未完成的督办事项" if args.open else "督办事项")
    _emit(ctx, t, args.format, "meeting_items", {"open": args.open})
    return 0


def run_print(args) -> int:
    from desk.reports.meetings import print_meeting

    ctx = acting_context(args, "meetings.read")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"输出文件应为 .pdf: {out} (the output must be a .pdf file)")
    if not out.parent.is_dir():
        raise ValidationError(f"输出文件夹不存在: {out.parent} (no such folder)")
    document = "signin" if args.sign_in else "minutes"
    _, pages = print_meeting(ctx, args.id, out, document)
    print(f"已生成会议 #{args.id} 的{'签到表' if args.sign_in else '纪要'}，共 {pages} 页 → {out}")
    return 0
