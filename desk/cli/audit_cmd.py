"""`desk audit verify|list|export|anchor`: the tamper-evident audit log.

``verify`` shows no content (only whether the chain holds and the first bad record's id), so it
needs no sign-in; it exits 2 when the chain is broken, or, with ``--anchors DIR``, when the chain no
longer contains one of the anchors kept there (naming the first). ``list`` and ``export`` are for the
audit administrator, and so is ``anchor``, which writes the chain's head to a file outside the database.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from desk.cli.common import acting_context, open_context
from desk.clock import LOCAL_TZ, format_local
from desk.services import anchors, audit_log
from desk.services.errors import ValidationError


def register(sub, parent) -> None:
    p = sub.add_parser("audit", help="审计日志: verify, list, export, anchor")
    asub = p.add_subparsers(dest="audit_command", required=True, metavar="{verify,list,export,anchor}")
    v = asub.add_parser("verify", parents=[parent], help="校验审计日志的哈希链；被篡改或缺失时指出第一条的编号")
    v.add_argument("--anchors", type=Path, metavar="DIR",
                   help="同时核对此文件夹中的锚点 (desk audit anchor 写出的)，指出链中已不包含的第一个")
    v.set_defaults(func=verify)
    a = asub.add_parser("anchor", parents=[parent], help="把审计链的长度、末条编号和哈希写入库外的锚点文件 (审计管理员)")
    a.add_argument("--dir", type=Path, metavar="DIR", help="锚点文件夹 (默认: 用户数据文件夹的 anchors/)")
    a.set_defaults(func=anchor)
    for name, helptext in (("list", "列出审计记录 (审计管理员)"), ("export", "导出审计记录为 CSV (审计管理员)")):
        c = asub.add_parser(name, parents=[parent], help=helptext)
        c.add_argument("--since", metavar="YYYY-MM-DD", help="起始日期 (北京时间)")
        c.add_argument("--until", metavar="YYYY-MM-DD", help="截止日期 (含当天)")
        c.add_argument("--actor", metavar="NAME", help="操作人")
        c.add_argument("--action", help="操作或其前缀，如 auth.")
        c.add_argument("--text", help="对象编号或内容中包含的文字")
        if name == "list":
            c.add_argument("--limit", type=int, default=50)
            c.set_defaults(func=list_)
        else:
            c.add_argument("--out", type=Path, required=True, help="CSV 文件")
            c.set_defaults(func=export)


def _day(text: str | None, end: bool = False) -> datetime | None:
    if not text:
        return None
    try:
        d = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError(f"日期应为 YYYY-MM-DD (got {text!r})") from None
    return datetime.combine(d + timedelta(days=1) if end else d, time(0), LOCAL_TZ)


def _filter(args, limit: int) -> audit_log.AuditFilter:
    return audit_log.AuditFilter(since=_day(args.since), until=_day(args.until, end=True), actor=args.actor,
                                 action=args.action, text=args.text, limit=limit)


def verify(args) -> int:
    ctx = open_context(args)
    report = audit_log.verify(ctx)
    if not report.ok:
        print(f"审计日志被篡改或缺失: 第一条有问题的记录编号 {report.first_bad_id} ({report.reason})；"
              f"此前 {report.checked} 条校验通过")
        return 2
    print(f"审计日志完整: {report.checked} 条记录，哈希链校验通过")
    if args.anchors is None:
        return 0
    found = anchors.verify_anchors(ctx, args.anchors)
    if found.ok:
        print(f"锚点核对通过: {args.anchors} 中 {found.checked} 个锚点都在链中")
        return 0
    name = found.first_bad.name if found.first_bad else ""
    print(f"审计链与锚点不符: 锚点 {name} 已不在链中 ({found.reason})；此前 {found.checked} 个锚点核对通过")
    return 2


def anchor(args) -> int:
    ctx = acting_context(args)
    made = anchors.make_anchor(ctx, args.dir)
    print(f"已写出锚点 {made.path}: {made.records} 条记录，末条编号 {made.last_id}，哈希 {made.head_hash[:16]}…")
    print("请把锚点文件另存到数据库以外的地方 (另一台电脑、U 盘或打印)。")
    return 0


def list_(args) -> int:
    ctx = acting_context(args)
    rows = audit_log.list_records(ctx, _filter(args, args.limit))
    for r in rows:
        print(f"{r.id:>7} {format_local(r.at, True)} {r.actor:<12} {r.action:<22} {r.entity}:{r.entity_id} "
              f"{r.after[:60]}")
    print(f"共 {len(rows)} 条")
    return 0


def export(args) -> int:
    ctx = acting_context(args)
    n = audit_log.export_csv(ctx, args.out, _filter(args, audit_log.MAX_ROWS))
    print(f"已导出 {n} 条审计记录到 {args.out}")
    return 0
