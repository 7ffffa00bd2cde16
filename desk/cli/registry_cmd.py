"""The registry's commands: `desk import people|houses|units FILE`, `desk registry export FILE.xlsx`,
`desk registry coverage --month YYYY-MM`."""
from __future__ import annotations

from pathlib import Path

from desk.cli import import_cmd
from desk.cli.common import acting_context

FIELDS_HELP = {
    "people": "name, id_number, grid, address, sex, birth, phone, residence, relation, note",
    "houses": "address, grid, use, owner, area, note, landlord (身份证号)",
    "units": "name, grid, kind, credit_code, address, contact, phone, staff",
}


def register(sub, parent) -> None:
    isub = getattr(import_cmd.register, "subparsers", None)
    # `desk registry …` alone builds no `desk import`: the subparsers left by an earlier build are not this one's
    if isub is not None and "people" not in isub.choices:
        for kind, what in (("people", "实有人口"), ("houses", "实有房屋"), ("units", "实有单位")):
            p = isub.add_parser(kind, parents=[parent], help=f"导入{what} (XLSX 或 CSV，UTF-8 或 GB18030)")
            p.add_argument("file", type=Path, help="XLSX 或 CSV；识别常用中文表头")
            p.add_argument("--map", metavar="FIELD=HEADER,...", help=f"指定表头 (字段: {FIELDS_HELP[kind]})")
            p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入任何数据")
            p.add_argument("--skip-bad", action="store_true", help="导入正确的行，跳过问题行 (默认: 有问题行则全部不导入)")
            p.set_defaults(func=run_import, kind=kind)
    r = sub.add_parser("registry", help="基础信息: export (导出实有人口), coverage (走访覆盖与登记率), interval (走访周期)")
    rsub = r.add_subparsers(dest="registry_command", required=True, metavar="{export,coverage,interval}")
    e = rsub.add_parser("export", parents=[parent], help="导出实有人口到 .xlsx (号码按角色脱敏)")
    e.add_argument("out", type=Path, help="输出的 .xlsx 文件")
    e.add_argument("--grid", metavar="CODE", help="只导出一个网格 (网格编号或名称)")
    e.add_argument("--unmasked", action="store_true", help="完整号码 (仅限有权查看完整号码的角色，记入审计)")
    e.set_defaults(func=run_export)
    c = rsub.add_parser("coverage", parents=[parent], help="各网格走访覆盖率与基础信息登记率")
    c.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    c.set_defaults(func=run_coverage)
    i = rsub.add_parser("interval", parents=[parent], help="设定某一管理等级的走访周期 (系统管理员)")
    i.add_argument("--level", type=int, required=True, choices=(1, 2, 3), help="管理等级: 1 红, 2 黄, 3 绿")
    i.add_argument("--days", type=int, required=True, help="走访周期 (天, 1–366)")
    i.set_defaults(func=run_interval)


def run_import(args) -> int:
    from desk.services.errors import ValidationError
    from desk.services.registry.import_files import parse_map

    ctx = acting_context(args, "registry.import")
    mapping = parse_map(args.map)
    if args.file.suffix.lower() not in (".xlsx", ".csv", ".txt"):
        raise ValidationError(f"只能导入 .xlsx 或 .csv 文件 (use .xlsx or .csv): {args.file.name}")
    if args.kind == "people":
        from desk.services.registry.import_people import import_people as run
    else:
        from desk.services.registry.import_places import import_houses, import_units
        run = import_houses if args.kind == "houses" else import_units
    r = run(ctx, args.file, mapping=mapping, dry_run=args.dry_run, skip_bad=args.skip_bad)
    print(r.summary())
    for line in r.shown_bad():
        print("  " + line)
    for line in r.changes[:20]:
        print("  更新 " + line)
    if len(r.changes) > 20:
        print(f"  ……另有 {len(r.changes) - 20} 条更新，见报告文件")
    if r.bad and not r.written and not args.dry_run and not args.skip_bad:
        print("存在问题行，整个文件未导入；可改正后重导，或用 --skip-bad 只导入正确的行")
    print(f"报告文件：{r.report}" if r.report else "报告文件无法写在输入文件旁（目录不可写）")
    return 1 if r.bad and not r.written and not args.dry_run and not args.skip_bad else 0


def run_export(args) -> int:
    from desk.services.errors import ValidationError
    from desk.services.registry.addresses import GridLookup
    from desk.services.registry.export import export_people

    ctx = acting_context(args, "registry.export")
    if args.out.suffix.lower() != ".xlsx":
        raise ValidationError(f"输出文件应为 .xlsx (the output must be .xlsx): {args.out.name}")
    if not args.out.parent.is_dir():
        raise ValidationError(f"输出目录不存在 (no such folder): {args.out.parent}")
    grid_id = None
    if args.grid:
        with ctx.read() as s:
            g = GridLookup(s).find(args.grid)
        if g is None:
            raise ValidationError(f"网格“{args.grid}”不存在 (no such grid)")
        grid_id = g.id
    n = export_people(ctx, args.out, grid_id=grid_id, unmasked=args.unmasked)
    print(f"已导出 {n} 人到 {args.out}" + ("（完整号码）" if args.unmasked else "（号码已脱敏）"))
    return 0


def run_coverage(args) -> int:
    from desk.services.figures.periods import parse_month
    from desk.services.figures.registry import coverage_table
    from desk.services.figures.table import cell_text
    from desk.services.permissions import require
    from desk.services.scope import grid_scope

    ctx = acting_context(args, "registry.read")
    period = parse_month(args.month)
    with ctx.read() as s:
        require(ctx.actor, "registry.read")
        t = coverage_table(s, period, grid_scope(s, ctx.actor))
    print(t.title)
    print("\t".join(c.heading for c in t.columns))
    for row in (*t.rows, t.totals):
        print("\t".join(cell_text(c, v) for c, v in zip(t.columns, row)))
    return 0


def run_interval(args) -> int:
    from desk.services.registry.visits import set_visit_days

    ctx = acting_context(args, "registry.care")
    set_visit_days(ctx, args.level, args.days)
    print(f"{args.level}级管理对象的走访周期已设为 {args.days} 天")
    return 0
