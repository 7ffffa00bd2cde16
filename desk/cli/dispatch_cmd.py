"""`desk dispatch routing-check [--from D] [--to D] [--format table|csv|json]`: the street's history
replayed in time order, each case proposed only from the cases before it; top-1 and top-3 accuracy
of the routing proposal per department (desk.services.dispatch.replay)."""
from __future__ import annotations

import sys

from desk.cli.common import acting_context
from desk.services.audit_log import record_output
from desk.services.dispatch.replay import routing_check
from desk.services.errors import ValidationError
from desk.services.figures.periods import parse_day
from desk.services.figures.routing import routing_check_table
from desk.services.figures.table import render_csv, render_json, render_text


def register(sub, parent) -> None:
    p = sub.add_parser("dispatch", help="派单分流")
    dsub = p.add_subparsers(dest="dispatch_command", metavar="ACTION", required=True)
    c = dsub.add_parser("routing-check", parents=[parent],
                        help="分流建议回放检验：按时间回放已知承办部门的案件，统计首选和前三准确率")
    c.add_argument("--from", dest="date_from", help="只检验此日起上报的案件 YYYY-MM-DD (含；更早的案件只用于学习)")
    c.add_argument("--to", dest="date_to", help="只检验至此日上报的案件 YYYY-MM-DD (含)")
    c.add_argument("--format", choices=("table", "csv", "json"), default="table", help="输出格式 (默认表格)")
    c.set_defaults(func=run_routing_check)


def run_routing_check(args) -> int:
    ctx = acting_context(args, "dispatch.figures")  # who asks comes before what is asked
    date_from = parse_day(args.date_from).start if args.date_from else None
    date_to = parse_day(args.date_to).start if args.date_to else None
    if date_from and date_to and date_to < date_from:
        raise ValidationError(f"结束日期 {date_to} 早于开始日期 {date_from} (the range ends before it starts)")
    result = routing_check(ctx, date_from, date_to)
    table = routing_check_table(result)
    record_output(ctx, "routing_check", len(table.rows), "(stdout)",
                  {"from": str(date_from or ""), "to": str(date_to or ""), "format": args.format})
    if args.format == "csv":
        print(render_csv(table), end="")
    elif args.format == "json":
        print(render_json(table))
    else:
        print(table.title)
        print(render_text(table) if not table.empty else table.empty_text)
        for note in table.notes:
            print(note)
    sys.stdout.flush()
    return 0
