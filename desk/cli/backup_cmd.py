"""`desk backup --out FILE` and `desk restore FILE --db URL` (into an empty database)."""
from __future__ import annotations

from pathlib import Path

from desk.cli.common import acting_context, open_context
from desk.config import describe_url
from desk.services import backup


def register(sub, parent) -> None:
    b = sub.add_parser("backup", parents=[parent], help="备份数据库 (SQLite: .db 文件; PostgreSQL: .zip 逻辑导出)")
    b.add_argument("--out", type=Path, required=True, help="备份文件")
    b.set_defaults(func=run_backup)
    r = sub.add_parser("restore", parents=[parent], help="把备份恢复到一个空数据库 (--db 指定目标)")
    r.add_argument("file", type=Path, help="desk backup 生成的文件")
    r.set_defaults(func=run_restore)


def run_backup(args) -> int:
    ctx = acting_context(args)
    rep = backup.create_backup(ctx, args.out)
    label = "已校验" if rep.verified else "未校验"
    print(f"已备份 {describe_url(ctx.db.url)} → {rep.path}: {len(rep.counts)} 个表, {rep.rows} 行, "
          f"审计记录 {rep.audit_records} 条 ({label})")
    print("注意: 个人信息以密文保存，恢复后的数据库需要同一个数据密钥 (DESK_DATA_KEY 或密钥文件)。")
    if not rep.verified:
        print(f"警告: 数据库的{rep.chain_problem()}；备份已写出，但不是经校验的备份 (desk audit verify, desk db check)")
        return 2
    return 0


def run_restore(args) -> int:
    ctx = open_context(args, upgrade=False)
    rep = backup.restore(ctx, args.file)
    print(f"已恢复到 {describe_url(ctx.db.url)}: {len(rep.counts)} 个表, {rep.rows} 行, 行数一致；"
          f"审计链 {rep.audit_records} 条校验通过")
    return 0
