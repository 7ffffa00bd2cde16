"""`desk figures --from D --to D [--by department|grid|community] [--format table|csv|json]`:
the dispatch figures of a period (the same service the screen and the reports use);
`desk figures --set dashboard [--period today|week|month|last_month|30days]`: the leaders' dashboard
(key figures against targets, the dispute ladder, hotspots, departments, trends), the values on the wall."""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import replace
from datetime import date

from desk.cli.common import acting_context
from desk.services.audit_log import record_output
from desk.services.dispatch.figures import COLUMNS, GROUPS, Figures, as_dict, figures
from desk.services.figures.dispatch import figures_table
from desk.services.figures.table import render_text
from desk.services.errors import ValidationError
from desk.services.figures.dashboard import CHOICES


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"日期格式应为 YYYY-MM-DD: {text!r} (bad date)") from None


def register(sub, parent) -> None:
    p = sub.add_parser("figures", parents=[parent], help="派单处置指标：按部门/网格/社区统计某一时期")
    p.add_argument("--set", dest="figure_set", choices=("dispatch", "dashboard"), default="dispatch",
                   help="指标集：dispatch 派单处置指标 (默认，需 --from --to)；dashboard 数据总览")
    p.add_argument("--period", choices=tuple(CHOICES), help="数据总览的时期 (默认本月，月初为上月)")
    p.add_argument("--from", dest="date_from", help="开始日期 YYYY-MM-DD (含)")
    p.add_argument("--to", dest="date_to", help="结束日期 YYYY-MM-DD (含)")
    p.add_argument("--by", choices=GROUPS, default="department", help="分组：部门 / 网格 / 社区 (默认部门)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="输出格式 (默认表格)")
    p.set_defaults(func=run)


def render_table(f: Figures) -> str:
    """The figures as aligned columns, rendered from the figures layer's one table value."""
    t = figures_table(f, every_column=True)
    t = replace(t, totals=t.totals if t.totals is not None else tuple(as_row(f.total)))
    return render_text(t, headings=["名称", *[title for _, title in COLUMNS]])


def as_row(r) -> list:
    return [r.name, *[getattr(r, a) for a, _ in COLUMNS]]


def render_csv(f: Figures) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "name", *[a for a, _ in COLUMNS]])
    for r in (*f.rows, f.total):
        w.writerow([r.key if r.key is not None else "", r.name, *["" if getattr(r, a) is None else getattr(r, a)
                                                                  for a, _ in COLUMNS]])
    return buf.getvalue().rstrip("\n")


def render_json(f: Figures) -> str:
    return json.dumps({"from": f.date_from.isoformat(), "to": f.date_to.isoformat(), "by": f.by,
                       "rows": [as_dict(r) for r in f.rows], "total": as_dict(f.total)}, ensure_ascii=False, indent=1)


def run(args) -> int:
    if args.figure_set == "dashboard":
        return run_dashboard(args)
    ctx = acting_context(args, "dispatch.figures")  # who asks comes before what is asked
    if not args.date_from or not args.date_to:
        raise ValidationError("派单处置指标需要 --from 和 --to (give --from and --to)")
    date_from, date_to = _date(args.date_from), _date(args.date_to)
    f = figures(ctx, date_from, date_to, args.by)
    record_output(ctx, "dispatch_figures", len(f.rows), "(stdout)",
                  {"from": date_from.isoformat(), "to": date_to.isoformat(), "by": args.by, "format": args.format})
    if args.format == "csv":
        print(render_csv(f))
    elif args.format == "json":
        print(render_json(f))
    else:
        by = {"department": "部门", "grid": "网格", "community": "社区"}[args.by]
        print(f"{date_from:%Y年%m月%d日}至{date_to:%Y年%m月%d日} 派单处置指标（按{by}，共 {f.total.dispatched} 件派单）")
        print(render_table(f))
    sys.stdout.flush()
    return 0


def run_dashboard(args) -> int:
    from desk.cli.tables import print_tables
    from desk.services.figures.overview import dashboard

    ctx = acting_context(args, "dashboard.read")
    if args.date_from or args.date_to:
        raise ValidationError("数据总览按 --period 选时期，不用 --from/--to (use --period)")
    d = dashboard(ctx, args.period)
    record_output(ctx, "dashboard_figures", len(d.figures), "(stdout)", {"period": d.period.code,
                                                                        "format": args.format})
    print_tables(d.tables, args.format, heading=f"数据总览：{d.period.label}")
    return 0
