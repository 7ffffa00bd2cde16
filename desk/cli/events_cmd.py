"""`desk import events FILE.xlsx|FILE.csv [--map field=HEADER,...] [--skip-bad]`: a hotline export as events."""
from __future__ import annotations

from pathlib import Path

from desk.cli import import_cmd
from desk.cli.common import acting_context
from desk.services.incidents import codes
from desk.services.incidents.importer import import_events, parse_map


def register(sub, parent) -> None:
    isub = getattr(import_cmd.register, "subparsers", None)  # `desk import` registers first
    if isub is None:  # pragma: no cover
        return
    p = isub.add_parser("events", parents=[parent], help="导入热线/工单导出文件为事件 (CSV 或 XLSX)")
    p.add_argument("file", type=Path, help="CSV 或 XLSX；识别表头 工单编号、来电时间、诉求内容、地址、诉求类型 等")
    p.add_argument("--map", metavar="FIELD=HEADER,...",
                   help="指定表头，如 source_no=单号,description=问题描述 (字段: source_no, reported_at, title, "
                        "description, kind, address, phone, reporter)")
    p.add_argument("--skip-bad", action="store_true", help="只导入正确的行，报告其余行")
    p.add_argument("--source", default="hotline_12345", choices=sorted(codes.SOURCES), help="来源 (默认 12345 热线)")
    p.add_argument("--require-grid", action="store_true", help="地址找不到网格的行视为有问题")
    p.set_defaults(func=run)


def run(args) -> int:
    ctx = acting_context(args, "board.report")
    r = import_events(ctx, args.file, mapping=parse_map(args.map), skip_bad=args.skip_bad, source=args.source,
                      require_grid=args.require_grid)
    print(f"导入事件 {r.imported} 件；已存在 {r.already} 件（按工单编号跳过）；问题行 {len(r.bad)} 行；"
          f"提示 {len(r.warnings)} 条")
    for line in (*r.bad, *r.warnings)[:50]:
        print("  " + line)
    return 0
