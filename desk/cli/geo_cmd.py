"""`desk import grids|beats FILE.geojson`, `desk geo assign`, `desk grids balance`."""
from __future__ import annotations

import json
from pathlib import Path

from desk.cli import import_cmd
from desk.cli.common import open_context
from desk.services import files
from desk.services.errors import ValidationError
from desk.services.geo.export import export_geojson
from desk.services.geo.balance import STATUS_LABELS, balance_check
from desk.services.geo.features import CRS_CHOICES, PropertyNames
from desk.services.geo.importer import import_geojson
from desk.services.geo.locate import assign


def register(sub, parent) -> None:
    isub = import_cmd.register.subparsers
    for kind, help_text in (("grids", "从 GeoJSON 导入网格边界 (properties: code, name, community, kind)"),
                            ("beats", "从 GeoJSON 导入警务区边界 (properties: code, name)")):
        p = isub.add_parser(kind, parents=[parent], help=help_text)
        p.add_argument("file", type=Path, help="GeoJSON FeatureCollection (Polygon/MultiPolygon)")
        p.add_argument("--crs", choices=CRS_CHOICES, default="wgs84",
                       help="文件坐标系: wgs84/cgcs2000 (默认) 或 gcj02 (高德/腾讯地图，导入时转换)")
        p.add_argument("--code-property", default="code", metavar="NAME", help="代码属性名 (默认 code)")
        p.add_argument("--name-property", default="name", metavar="NAME", help="名称属性名 (默认 name)")
        if kind == "grids":
            p.add_argument("--community-property", default="community", metavar="NAME",
                           help="社区代码属性名 (默认 community)")
            p.add_argument("--kind-property", default="kind", metavar="NAME",
                           help="网格类型属性名 (默认 kind: comprehensive/dedicated)")
        p.add_argument("--street", metavar="CODE", help="9 位街道代码；库中有多个街道时必填")
        p.add_argument("--skip-bad", action="store_true", help="只导入无问题的要素，并列出跳过的要素")
        p.set_defaults(func=_import, geo_kind=kind[:-1])

    g = sub.add_parser("geo", help="地理: assign (按坐标把住户落到网格、警务区关联网格), export (导出边界)")
    gsub = g.add_subparsers(dest="geo_command", required=True, metavar="{assign,export}")
    e = gsub.add_parser("export", parents=[parent], help="把网格或警务区边界导出为 GeoJSON (WGS84)，可在 QGIS 中修改后再导入")
    e.add_argument("what", choices=("grids", "beats"))
    e.add_argument("file", type=Path)
    e.set_defaults(func=_export)
    a = gsub.add_parser("assign", parents=[parent], help="按坐标把住户放入所在网格；按重叠关联警务区与网格")
    a.add_argument("--no-beats", action="store_true", help="不更新警务区与网格的关联")
    a.set_defaults(func=_assign)

    gr = sub.add_parser("grids", help="网格: balance (网格规模检查)")
    grsub = gr.add_subparsers(dest="grids_command", required=True, metavar="{balance}")
    b = grsub.add_parser("balance", parents=[parent], help="列出不在 300–500 户 / 约 1000 人标准内的网格及调整建议")
    b.add_argument("--all", action="store_true", help="也列出达标的网格")
    b.set_defaults(func=_balance)


def _import(args) -> int:
    ctx = open_context(args)
    names = PropertyNames(code=args.code_property, name=args.name_property,
                          community=getattr(args, "community_property", "community"),
                          kind=getattr(args, "kind_property", "kind"))
    r = import_geojson(ctx, args.file, args.geo_kind, names, crs=args.crs, street_code=args.street,
                       skip_bad=args.skip_bad)
    what = "网格" if r.kind == "grid" else "警务区"
    print(f"{r.street_name}: {args.file.name} 共 {r.total} 个要素; 新建{what} {r.created} 个, 更新 {r.updated} 个, "
          f"未变 {r.unchanged} 个" + (f", 跳过 {r.skipped} 个有问题的要素:" if r.skipped else ""))
    for d in r.defects:
        print(f"  - {d}")
    return 0


def _export(args) -> int:
    ctx = open_context(args)
    data = export_geojson(ctx, args.what[:-1])
    files.write_text(args.file, json.dumps(data, ensure_ascii=False))
    what = "网格" if args.what == "grids" else "警务区"
    print(f"已导出 {len(data['features'])} 个{what}边界 → {args.file}")
    return 0


def _assign(args) -> int:
    ctx = open_context(args)
    r = assign(ctx, beats=not args.no_beats)
    print(f"有坐标的住户 {r.checked} 户: 调整网格 {r.moved} 户, 不在任何网格内 {r.outside} 户 (保持原网格)")
    if not args.no_beats:
        print(f"警务区关联网格: 新增 {r.beat_links_added} 个, 移除 {r.beat_links_removed} 个")
    return 0


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _balance(args) -> int:
    ctx = open_context(args)
    report = balance_check(ctx)
    if not report.rows:
        raise ValidationError("还没有网格 (no grids yet)")
    rows = [r for r in report.rows if args.all or r.status not in ("ok", "dedicated")]
    head = ("网格代码", "名称", "社区", "户数", "人口", "状态", "建议")
    table = [head] + [(r.grid.code, r.grid.name, r.grid.community_name, str(r.grid.households),
                       str(r.grid.population), STATUS_LABELS.get(r.status, r.status), r.suggestion) for r in rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(head) - 1)]
    for row in table:
        print("  ".join(_pad(cell, w) for cell, w in zip(row, widths)) + "  " + row[-1])
    print(f"共 {len(report.rows)} 个网格: 偏大 {report.count('large')}, 偏小 {report.count('small')}, "
          f"达标 {report.count('ok')}, 专属 {report.count('dedicated') + report.count('dedicated_unstaffed')}; "
          f"建议 {len(report.suggestions)} 条")
    return 0
