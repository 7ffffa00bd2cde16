"""User accounts, managed by the system and security administrators; shared security settings.

The very first account may be made by the system actor (``desk user add`` on a database with no
account, see desk/cli/user_cmd.py); it is then the administrator who makes the others. Accounts
are never deleted (the audit log names them): they are disabled.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from desk.models import AppSetting, Role, UserAccount
from desk.services import limits
from desk.services.auth import check_new_password, store_password
from desk.services.context import Context
from desk.services.errors import NotFound, ValidationError
from desk.services.permissions import require

ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")
IDLE_LOCK_KEY = "idle_lock_minutes"


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    department_id: int | None
    staff_id: int | None
    disabled: bool
    must_change_password: bool
    locked_until: datetime | None
    created_at: datetime


def _row(u: UserAccount, now: datetime | None = None) -> UserRow:
    """``locked_until`` only while the lock lasts (at ``now``)."""
    locked = u.locked_until if u.locked_until is not None and (now is None or u.locked_until > now) else None
    return UserRow(u.id, u.username, u.display_name, u.role.value, u.department_id, u.staff_id, u.disabled,
                   u.must_change_password, locked, u.created_at)


def _role(value: str | Role) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(f"未知角色 {value!r} (unknown role; one of: {', '.join(r.value for r in Role)})") from None


def account_count(ctx: Context) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(UserAccount)) or 0


def add_user(ctx: Context, username: str, display_name: str, role: str | Role, password: str, *,
             department_id: int | None = None, staff_id: int | None = None) -> UserRow:
    """A new account. Its password must be changed at first sign-in, unless the system actor makes
    the very first account (the administrator typing their own password at set-up)."""
    role = _role(role)
    require(ctx.actor, "user.manage")
    if role in ADMIN_ROLES:
        require(ctx.actor, "user.role")
    username = username.strip()
    if not USERNAME.fullmatch(username):
        raise ValidationError("用户名须为 2-32 个字母、数字或 _ . - (user name: 2-32 letters, digits, _ . -)")
    display_name = (display_name or "").strip() or username
    limits.require((limits.DISPLAY_NAME, display_name), message="账户未建立 (no account made)")
    if role == Role.DEPARTMENT_LIAISON and department_id is None:
        raise ValidationError("职能部门联络员须指定所属部门 (a department liaison needs a department)")
    with ctx.unit() as u:
        s = u.session
        if s.scalar(select(UserAccount.id).where(UserAccount.username == username)) is not None:
            raise ValidationError(f"用户名 {username} 已存在 (user name taken)")
        bootstrap = ctx.actor.role is None and not s.scalar(select(func.count()).select_from(UserAccount))
        user = UserAccount(username=username, display_name=display_name, role=role, department_id=department_id,
                           staff_id=staff_id, must_change_password=not bootstrap, disabled=False,
                           failed_attempts=0, created_at=u.now)
        check_new_password(s, user, password)
        s.add(user)
        s.flush()
        store_password(u, user, password)
        u.audit("user.add", "user_account", user.id, after={
            "username": username, "display_name": display_name, "role": role.value,
            "department_id": department_id, "staff_id": staff_id, "bootstrap": bootstrap})
        u.changed("user_account", user.id, "insert")
        s.flush()
        return _row(user)


def _load(s, username: str) -> UserAccount:
    user = None
    if USERNAME.fullmatch(username or ""):  # anything else cannot be an account (nor be asked of a database)
        user = s.scalar(select(UserAccount).where(UserAccount.username == username))
    if user is None:
        raise NotFound(f"没有用户 {limits.shown(username or '')} (no such user)")
    return user


def reset_password(ctx: Context, username: str, new_password: str) -> None:
    """An administrator sets a temporary password; the user must change it at next sign-in."""
    require(ctx.actor, "user.manage")
    with ctx.unit() as u:
        user = _load(u.session, username)
        if Role(user.role) in ADMIN_ROLES and user.username != ctx.actor.username:
            require(ctx.actor, "user.role")
        check_new_password(u.session, user, new_password)
        store_password(u, user, new_password)
        user.must_change_password = True
        user.failed_attempts, user.locked_until = 0, None
        u.audit("user.password_reset", "user_account", user.id, after={"by": ctx.actor.username})
        u.changed("user_account", user.id)


def set_disabled(ctx: Context, username: str, disabled: bool) -> UserRow:
    require(ctx.actor, "user.manage")
    with ctx.unit() as u:
        user = _load(u.session, username)
        if disabled and user.username == ctx.actor.username:
            raise ValidationError("不能停用自己的账户 (you cannot disable your own account)")
        if user.disabled != disabled:
            u.audit("user.disable" if disabled else "user.enable", "user_account", user.id,
                    before={"disabled": user.disabled}, after={"disabled": disabled})
            user.disabled = disabled
            if not disabled:
                user.failed_attempts, user.locked_until = 0, None
            u.changed("user_account", user.id)
        u.session.flush()
        return _row(user)


def unlock(ctx: Context, username: str) -> None:
    require(ctx.actor, "user.manage")
    with ctx.unit() as u:
        user = _load(u.session, username)
        u.audit("user.unlock", "user_account", user.id, before={"locked_until": user.locked_until and
                                                                 user.locked_until.isoformat()})
        user.failed_attempts, user.locked_until = 0, None
        u.changed("user_account", user.id)


def set_role(ctx: Context, username: str, role: str | Role, department_id: int | None = None) -> UserRow:
    """Grant a role (a permission change: audited with before and after)."""
    role = _role(role)
    require(ctx.actor, "user.role")
    with ctx.unit() as u:
        user = _load(u.session, username)
        if user.username == ctx.actor.username:
            raise ValidationError("不能修改自己的角色 (you cannot change your own role)")
        before = {"role": user.role.value, "department_id": user.department_id}
        user.role = role
        if department_id is not None:
            user.department_id = department_id
        if role == Role.DEPARTMENT_LIAISON and user.department_id is None:
            raise ValidationError("职能部门联络员须指定所属部门 (a department liaison needs a department)")
        u.audit("user.role_change", "user_account", user.id, before=before,
                after={"role": role.value, "department_id": user.department_id})
        u.changed("user_account", user.id)
        u.session.flush()
        return _row(user)


def list_users(ctx: Context) -> list[UserRow]:
    require(ctx.actor, "user.list")
    with ctx.read() as s:
        now = ctx.clock.now()
        return [_row(u, now) for u in s.scalars(select(UserAccount).order_by(UserAccount.username))]


# --- settings every seat shares ---

def get_setting(ctx: Context, key: str, default=None):
    with ctx.read() as s:
        row = s.get(AppSetting, key)
        return default if row is None else json.loads(row.value)


def idle_lock_minutes(ctx: Context) -> int:
    """Minutes without input before a seat locks: the room's setting, else the local default (10)."""
    return int(get_setting(ctx, IDLE_LOCK_KEY, ctx.settings.idle_lock_minutes))


def set_idle_lock_minutes(ctx: Context, minutes: int) -> int:
    require(ctx.actor, "settings.security")
    if not 1 <= int(minutes) <= 120:
        raise ValidationError("锁屏时间应为 1-120 分钟 (idle lock: 1 to 120 minutes)")
    with ctx.unit() as u:
        row = u.session.get(AppSetting, IDLE_LOCK_KEY)
        before = None if row is None else json.loads(row.value)
        if row is None:
            row = AppSetting(key=IDLE_LOCK_KEY, value="", updated_at=u.now, updated_by="")
            u.session.add(row)
        row.value, row.updated_at, row.updated_by = json.dumps(int(minutes)), u.now, ctx.actor.username
        u.audit("settings.change", "app_setting", IDLE_LOCK_KEY, before=before, after=int(minutes))
        u.changed("app_setting", IDLE_LOCK_KEY)
    return int(minutes)
