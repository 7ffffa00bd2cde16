"""`desk db upgrade|status`."""
from __future__ import annotations

from desk.cli.common import open_context
from desk.config import describe_url
from desk.services import schema


def register(sub, parent) -> None:
    p = sub.add_parser("db", help="数据库结构 (schema): upgrade, status")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="{upgrade,status}")
    up = dbsub.add_parser("upgrade", parents=[parent], help="把数据库升级到本程序的结构版本")
    up.set_defaults(func=upgrade)
    st = dbsub.add_parser("status", parents=[parent], help="显示数据库的结构版本")
    st.set_defaults(func=status)


def upgrade(args) -> int:
    ctx = open_context(args, upgrade=False)
    before = schema.state(ctx.db)
    after = schema.upgrade(ctx.db)
    where = describe_url(ctx.db.url)
    if before.up_to_date:
        print(f"数据库已是最新结构 {','.join(after.current)}: {where}")
    else:
        print(f"数据库已升级 {','.join(before.current) or '(空)'} → {','.join(after.current)}: {where}")
    return 0


def status(args) -> int:
    ctx = open_context(args, upgrade=False)
    st = schema.state(ctx.db)
    schema.check_not_newer(st.current)
    label = "最新" if st.up_to_date else "需要升级 (run: desk db upgrade)"
    print(f"{describe_url(ctx.db.url)}: 结构版本 {','.join(st.current) or '(空)'}，程序版本 {','.join(st.heads)}，{label}")
    return 0
