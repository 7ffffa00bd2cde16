"""`desk import divisions FILE.csv [--street CODE]`, `desk import departments FILE`, `desk import staff FILE`
(later areas add grids, beats, people...)."""
from __future__ import annotations

from pathlib import Path

from desk.cli.common import acting_context
from desk.services.divisions import import_divisions


def register(sub, parent) -> None:
    p = sub.add_parser("import", help="导入数据: divisions (区划代码), departments, staff, grids, beats (GeoJSON 边界), people/houses/units, events")
    isub = p.add_subparsers(dest="import_command", required=True, metavar="{divisions,departments,staff,grids,beats,events,people,houses,units}")
    d = isub.add_parser("divisions", parents=[parent], help="从统计用区划代码 CSV 创建街道的社区/村")
    d.add_argument("file", type=Path, help="CSV，至少含 code 和 name 两列")
    d.add_argument("--street", metavar="CODE", help="9 位街道代码；文件含多个街道时必填")
    d.set_defaults(func=divisions)
    dp = isub.add_parser("departments", parents=[parent], help="导入街道的职能部门 (CSV/XLSX: 代码, 名称, 简称)")
    dp.add_argument("file", type=Path, help="CSV 或 XLSX，列 代码/名称/简称 (或 code/name/short_name)")
    dp.set_defaults(func=departments)
    st = isub.add_parser("staff", parents=[parent], help="导入工作人员：网格长、网格员、民辅警、值班员、领导、部门联络员")
    st.add_argument("file", type=Path, help="XLSX 或 CSV；列 姓名、角色、所属社区、所属网格、联系电话、所属部门")
    st.add_argument("--map", metavar="FIELD=HEADER,...", help="指定表头 (字段: name, role, community, grid, phone, department)")
    st.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入任何数据")
    st.add_argument("--skip-bad", action="store_true", help="导入正确的行，跳过问题行 (默认: 有问题行则全部不导入)")
    st.set_defaults(func=staff)
    register.subparsers = isub  # later areas add their own import kinds


def divisions(args) -> int:
    ctx = acting_context(args, "org.import")
    r = import_divisions(ctx, args.file, args.street)
    made = "新建街道" if r.street_created else "街道"
    print(f"{made} {r.street_name} ({r.street_code}): 新建 {r.created} 个社区/村, 更名 {r.renamed} 个, "
          f"未变 {r.unchanged} 个" + (f"; 跳过 {r.skipped} 行上级区划" if r.skipped else ""))
    return 0


def departments(args) -> int:
    from desk.services.staff_import import import_departments

    ctx = acting_context(args, "org.import")
    new, renamed, same = import_departments(ctx, args.file)
    print(f"职能部门：新建 {new} 个，更名 {renamed} 个，未变 {same} 个")
    return 0


def staff(args) -> int:
    from desk.services.registry.import_files import parse_map
    from desk.services.staff_import import import_staff

    ctx = acting_context(args, "org.import")
    r = import_staff(ctx, args.file, mapping=parse_map(args.map), dry_run=args.dry_run, skip_bad=args.skip_bad)
    print(r.summary())
    for line in r.shown_bad() + ["更新 " + c for c in r.changes[:20]]:
        print("  " + line)
    refused = bool(r.bad) and not r.written and not args.dry_run and not args.skip_bad
    if refused:
        print("存在问题行，整个文件未导入；可改正后重导，或用 --skip-bad 只导入正确的行")
    print(f"报告文件：{r.report}" if r.report else "报告文件无法写在输入文件旁（目录不可写）")
    return 1 if refused else 0
