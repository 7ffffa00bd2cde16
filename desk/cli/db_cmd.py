"""`desk db upgrade|status`."""
from __future__ import annotations

from desk.cli.common import open_context
from desk.config import describe_url
from desk.services import audit_guard, schema


def register(sub, parent) -> None:
    p = sub.add_parser("db", help="数据库结构 (schema): upgrade, status")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="{upgrade,status,check,app-role}")
    up = dbsub.add_parser("upgrade", parents=[parent], help="把数据库升级到本程序的结构版本")
    up.set_defaults(func=upgrade)
    st = dbsub.add_parser("status", parents=[parent], help="显示数据库的结构版本")
    st.set_defaults(func=status)
    ck = dbsub.add_parser("check", parents=[parent], help="检查数据库是否一致 (审计链、完整性、外键)")
    ck.set_defaults(func=check)
    ar = dbsub.add_parser("app-role", parents=[parent],
                          help="PostgreSQL: 建立席位使用的受限角色 (对审计日志无 UPDATE/DELETE 权限)")
    ar.add_argument("name", help="角色名，如 desk_app")
    ar.add_argument("--apply", action="store_true", help="立即执行 (需以数据库所有者连接)；否则只打印 SQL")
    ar.add_argument("--password-stdin", action="store_true", help="从标准输入第一行读取该角色的登录密码")
    ar.set_defaults(func=app_role)


def upgrade(args) -> int:
    ctx = open_context(args, upgrade=False)
    before = schema.state(ctx.db)
    after = schema.upgrade(ctx.db)
    where = describe_url(ctx.db.url)
    restored = audit_guard.restore_in(ctx.db)  # triggers dropped or altered since
    if restored:
        print("已恢复审计保护 (audit guards restored): " + "; ".join(restored))
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


def app_role(args) -> int:
    from desk.cli.common import read_new_password
    from desk.services import pg_roles

    password = read_new_password(True) if args.password_stdin else None
    if not args.apply:
        for stmt in pg_roles.app_role_statements(args.name, "********" if password else None):
            print(stmt + ";")
        return 0
    ctx = open_context(args)
    pg_roles.grant_app_role(ctx.db, args.name, password)
    print(f"已建立/更新角色 {args.name}: 可读写业务表，不能修改或删除审计日志。"
          f"席位请用此角色连接 (postgresql+psycopg://{args.name}@主机/数据库)")
    return 0


def check(args) -> int:
    from desk.services import integrity

    ctx = open_context(args, check_key=False)  # a wrong data key is one of the problems reported
    found = integrity.problems(ctx)
    for p in found:
        print("问题: " + p)
    print(f"{describe_url(ctx.db.url)}: " + ("一致，未发现问题" if not found else f"发现 {len(found)} 个问题"))
    return 0 if not found else 2
