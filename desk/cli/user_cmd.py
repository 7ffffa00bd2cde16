"""`desk user add|passwd|disable|enable|unlock|role|list`: accounts from the command line.

The first administrator: ``desk user add NAME --role security_admin`` on a database with no
account needs no sign-in. Everything else is done by a signed-in administrator (``--user``).
Passwords are read with --password-stdin (first line) or typed at a prompt; never echoed.
"""
from __future__ import annotations

from sqlalchemy import select

from desk.cli.common import (SignInRequired, acting_context, open_context, read_new_password, read_password,
                             username_of)
from desk.clock import format_local
from desk.models import Community, Department, Role, Staff
from desk.services import accounts, auth
from desk.services.audit_log import record_output
from desk.services.errors import ValidationError

ROLE_NAMES = {"duty_staff": "值班员", "leader": "领导", "liaison": "职能部门联络员", "grid_staff": "网格员",
              "system_admin": "系统管理员", "security_admin": "安全管理员", "audit_admin": "审计管理员"}


def register(sub, parent) -> None:
    p = sub.add_parser("user", help="用户账户: add, passwd, disable, enable, unlock, role, list")
    us = p.add_subparsers(dest="user_command", required=True,
                          metavar="{add,passwd,disable,enable,unlock,role,list}")
    a = us.add_parser("add", parents=[parent], help="新建账户 (数据库尚无账户时，第一个管理员无需登录)")
    a.add_argument("name", help="用户名 (字母、数字、_ . -)")
    a.add_argument("--role", required=True, choices=[r.value for r in Role], help="角色")
    a.add_argument("--display-name", default="", help="显示的姓名")
    a.add_argument("--department", metavar="CODE", help="所属部门代码 (职能部门联络员必填)")
    a.add_argument("--staff", metavar="NAME", help="对应的工作人员姓名 (网格员账户据此只看本人网格；可写 社区/姓名)")
    a.add_argument("--password-stdin", action="store_true", help="从标准输入第一行读取密码")
    a.set_defaults(func=add)
    pw = us.add_parser("passwd", parents=[parent],
                       help="修改自己的密码 (--user 自己)；管理员给 NAME 重置临时密码")
    pw.add_argument("name", nargs="?", help="要重置密码的用户 (省略则修改 --user 自己的密码)")
    pw.add_argument("--password-stdin", action="store_true", help="从标准输入第一行读取新密码")
    pw.set_defaults(func=passwd)
    for verb, label in (("disable", "停用账户"), ("enable", "启用账户"), ("unlock", "解除锁定")):
        c = us.add_parser(verb, parents=[parent], help=label)
        c.add_argument("name")
        c.set_defaults(func=toggle, verb=verb)
    r = us.add_parser("role", parents=[parent], help="修改用户角色 (安全管理员)")
    r.add_argument("name")
    r.add_argument("role", choices=[x.value for x in Role])
    r.add_argument("--department", metavar="CODE")
    r.set_defaults(func=role)
    ls = us.add_parser("list", parents=[parent], help="列出账户")
    ls.set_defaults(func=list_)


def _department_id(ctx, code: str | None) -> int | None:
    if not code:
        return None
    with ctx.read() as s:
        dep = s.scalar(select(Department.id).where(Department.code == code))
    if dep is None:
        raise ValidationError(f"没有代码为 {code} 的部门 (no such department)")
    return dep


def _staff_id(ctx, name: str | None) -> int | None:
    """The staff record an account belongs to: by name, or 社区/姓名 when two people share a name."""
    if not name:
        return None
    community, _, person = name.rpartition("/")
    with ctx.read() as s:
        q = select(Staff.id).where(Staff.name == person.strip(), Staff.active.is_(True))
        if community:
            q = q.join(Community, Community.id == Staff.community_id).where(Community.name == community.strip())
        found = list(s.scalars(q))
    if not found:
        raise ValidationError(f"没有名为 {name} 的工作人员，请先 desk import staff (no such staff)")
    if len(found) > 1:
        raise ValidationError(f"有 {len(found)} 位工作人员名为 {name}，请写成 社区/姓名 (several staff share the name)")
    return found[0]


def add(args) -> int:
    ctx = acting_context(args, "user.manage")  # the service also asks user.role for an administrator
    if ctx.actor.role is None and args.role != Role.SECURITY_ADMIN.value:
        # The first account makes the others: only the security administrator may create administrators.
        raise ValidationError("第一个账户须为安全管理员: desk user add 用户名 --role security_admin "
                              "(the first account must be the security administrator)")
    password = read_new_password(args.password_stdin)
    row = accounts.add_user(ctx, args.name, args.display_name, args.role, password,
                            department_id=_department_id(ctx, args.department), staff_id=_staff_id(ctx, args.staff))
    note = "，首次登录须修改密码" if row.must_change_password else ""
    print(f"已新建账户 {row.username} ({ROLE_NAMES[row.role]}){note}")
    return 0


def passwd(args) -> int:
    me = username_of(args)
    if args.name and args.name != me:
        ctx = acting_context(args, "user.manage")
        accounts.reset_password(ctx, args.name, read_new_password(args.password_stdin))
        print(f"已为 {args.name} 设置临时密码，其下次登录时须修改")
        return 0
    if not me:
        raise SignInRequired("请用 --user 指明是谁修改密码 (who: --user NAME)")
    ctx = open_context(args)
    old = read_password(f"用户 {me} 的当前密码 (current password): ")
    auth.change_password(ctx, me, old, read_new_password(args.password_stdin))
    print(f"{me} 的密码已修改")
    return 0


def toggle(args) -> int:
    ctx = acting_context(args, "user.manage")
    if args.verb == "unlock":
        accounts.unlock(ctx, args.name)
        print(f"已解除 {args.name} 的锁定")
    else:
        accounts.set_disabled(ctx, args.name, args.verb == "disable")
        print(f"已{'停用' if args.verb == 'disable' else '启用'}账户 {args.name}")
    return 0


def role(args) -> int:
    ctx = acting_context(args, "user.role")
    row = accounts.set_role(ctx, args.name, args.role, _department_id(ctx, args.department))
    print(f"{row.username} 的角色已改为 {ROLE_NAMES[row.role]}")
    return 0


def list_(args) -> int:
    ctx = acting_context(args, "user.list")
    rows = accounts.list_users(ctx)
    record_output(ctx, "user_account", len(rows), "(stdout)")
    for r in rows:
        state = "停用" if r.disabled else ("锁定至 " + format_local(r.locked_until) if r.locked_until else "正常")
        print(f"{r.username:<16} {r.display_name:<10} {ROLE_NAMES[r.role]:<8} {state}"
              f"{'  须改密码' if r.must_change_password else ''}")
    print(f"共 {len(rows)} 个账户")
    return 0
