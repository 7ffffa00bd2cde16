"""`desk import events FILE.xlsx|FILE.csv [--map field=HEADER,...] [--skip-bad] [--history] ...`:
another system's export (a hotline, a message board, a 311 export) as events."""
from __future__ import annotations

from pathlib import Path

from desk.cli import import_cmd
from desk.cli.common import acting_context
from desk.services.incidents import codes
from desk.services.incidents.import_map import FIELDS
from desk.services.incidents.importer import CRS, SHOWN, import_events, parse_map


def register(sub, parent) -> None:
    isub = getattr(import_cmd.register, "subparsers", None)  # `desk import` registers first
    if isub is None:  # pragma: no cover
        return
    p = isub.add_parser("events", parents=[parent], help="导入热线/工单/留言板导出文件为事件 (CSV 或 XLSX)")
    p.add_argument("file", type=Path, help="CSV 或 XLSX；识别表头 工单编号、来电时间、诉求内容、地址、诉求类型、"
                                           "答复意见、答复时间 等，也识别常见英文表头")
    p.add_argument("--map", metavar="FIELD=HEADER,...",
                   help=f"指定表头，如 source_no=单号,description=问题描述 (字段: {', '.join(FIELDS)})")
    p.add_argument("--skip-bad", action="store_true", help="只导入正确的行，报告其余行")
    p.add_argument("--source", default="hotline_12345", choices=sorted(codes.SOURCES),
                   help="来源 (默认 12345 热线)；工单编号在同一来源内唯一")
    p.add_argument("--require-grid", action="store_true", help="地址找不到网格的行视为有问题")
    p.add_argument("--history", action="store_true",
                   help="作为已办结的历史件导入：不进入看板、时限和逐级上升 (有答复/办结列时按行自动识别)")
    p.add_argument("--date-format", metavar="FORMAT",
                   help="时间格式，如 %%m/%%d/%%Y %%I:%%M:%%S %%p；默认自动识别常见格式")
    p.add_argument("--crs", default="wgs84", choices=CRS, help="经纬度坐标系 (默认 wgs84；高德/腾讯为 gcj02)")
    p.add_argument("--kind-map", metavar="FILE", type=Path,
                   help="分类对照表 CSV: 对方分类,本系统类别 (如 Noise,request/noise 或 噪音,民生诉求/噪声)")
    p.add_argument("--add-departments", action="store_true",
                   help="历史件的部门本系统没有时新建 (如留言板的一级分类)，派单建议才能从这些历史件学习")
    p.set_defaults(func=run)


def run(args) -> int:
    ctx = acting_context(args, "board.report")
    r = import_events(ctx, args.file, mapping=parse_map(args.map), skip_bad=args.skip_bad, source=args.source,
                      require_grid=args.require_grid, history=args.history, date_format=args.date_format,
                      crs=args.crs, kind_map=args.kind_map, add_departments=args.add_departments)
    print(f"数据行 {r.rows} 行：导入事件 {r.imported} 件（其中已办结历史件 {r.history} 件）；"
          f"已存在 {r.already} 件（同一来源的工单编号）；问题行 {len(r.bad)} 行；提示 {len(r.warnings)} 条")
    listed = [*r.bad, *r.warnings]
    for line in listed[:SHOWN]:
        print("  " + line)
    if len(listed) > SHOWN:
        print(f"  …另有 {len(listed) - SHOWN} 条未列出 ({len(listed) - SHOWN} more)")
    if r.report:
        print(f"全部问题行已写入 {r.report}")
    for note in r.notes:
        print(note)
    return 0
