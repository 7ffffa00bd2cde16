"""`desk evaluation open --month M`, `desk evaluation weights --month M --peer N` and
`desk evaluation ranking --month M [--format table|csv|json]`: the monthly mutual evaluation
(评价奖惩) — opened by a leader, weighed by the system administrator, the ranking for the sheet."""
from __future__ import annotations

from desk.cli.common import acting_context
from desk.services.audit_log import record_output


def register(sub, parent) -> None:
    p = sub.add_parser("evaluation", help="评价奖惩：月度民警与网格长互评、排名")
    es = p.add_subparsers(dest="evaluation", metavar="ACTION", required=True)
    o = es.add_parser("open", parents=[parent], help="开启某月互评（领导）")
    o.add_argument("--month", required=True, help="月份 YYYY-MM，如 2026-11")
    o.set_defaults(func=run_open)
    w = es.add_parser("weights", parents=[parent], help="设置互评与数据的权重（系统管理员）")
    w.add_argument("--month", required=True, help="月份 YYYY-MM")
    w.add_argument("--peer", required=True, help="互评所占百分比 0-100，其余为数据得分")
    w.set_defaults(func=run_weights)
    r = es.add_parser("ranking", parents=[parent], help="某月网格与民辅警排名")
    r.add_argument("--month", required=True, help="月份 YYYY-MM")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table", help="输出格式 (默认表格)")
    r.set_defaults(func=run_ranking)


def run_open(args) -> int:
    from desk.services.evaluation import open_round

    ctx = acting_context(args, "evaluation.open")
    r = open_round(ctx, args.month)
    print(f"已开启 {r.month} 民警与网格长互评 (evaluation opened)")
    return 0


def run_weights(args) -> int:
    from desk.services.errors import ValidationError
    from desk.services.evaluation import set_weights

    ctx = acting_context(args, "evaluation.weights")
    text = (args.peer or "").strip()
    if not text.isdigit():
        raise ValidationError(f"互评权重应为 0 到 100 之间的整数: {args.peer!r} (peer weight must be 0..100)")
    r = set_weights(ctx, args.month, int(text))
    print(f"{r.month} 综合得分 = 互评 {r.peer_weight}% + 数据 {100 - r.peer_weight}%")
    return 0


def run_ranking(args) -> int:
    from desk.cli.tables import print_tables
    from desk.services.evaluation import ranking

    ctx = acting_context(args, "evaluation.read")
    r = ranking(ctx, args.month)
    record_output(ctx, "evaluation_ranking", len(r.grids.rows) + len(r.officers.rows), "(stdout)",
                  {"month": r.month, "format": args.format})
    print_tables([r.grids, r.officers], args.format, heading=f"评价奖惩排名：{r.month}")
    return 0
