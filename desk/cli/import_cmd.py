"""`desk import divisions FILE.csv [--street CODE]` (later areas add grids, beats, people...)."""
from __future__ import annotations

from pathlib import Path

from desk.cli.common import acting_context
from desk.services.divisions import import_divisions


def register(sub, parent) -> None:
    p = sub.add_parser("import", help="导入数据: divisions (区划代码), grids, beats (GeoJSON 边界), events (事件表格)")
    isub = p.add_subparsers(dest="import_command", required=True, metavar="{divisions,grids,beats,events}")
    d = isub.add_parser("divisions", parents=[parent], help="从统计用区划代码 CSV 创建街道的社区/村")
    d.add_argument("file", type=Path, help="CSV，至少含 code 和 name 两列")
    d.add_argument("--street", metavar="CODE", help="9 位街道代码；文件含多个街道时必填")
    d.set_defaults(func=divisions)
    register.subparsers = isub  # later areas add their own import kinds


def divisions(args) -> int:
    ctx = acting_context(args, "org.import")
    r = import_divisions(ctx, args.file, args.street)
    made = "新建街道" if r.street_created else "街道"
    print(f"{made} {r.street_name} ({r.street_code}): 新建 {r.created} 个社区/村, 更名 {r.renamed} 个, "
          f"未变 {r.unchanged} 个" + (f"; 跳过 {r.skipped} 行上级区划" if r.skipped else ""))
    return 0
