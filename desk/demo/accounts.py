"""Demo accounts, one per role, so a demonstration can sign in at once: ``desk demo --accounts``.

Not part of the plain demo on purpose: a database with no account stays in the bootstrap state
(the command line acts as the system), which scripts and tests rely on. Every demo account has the
password ``Demo-Pass-2026`` (a fixed Argon2id hash, so the same seed gives the same data) and need
not change it. A demo database is for demonstrations only: never put real data into it.
Times come from a fixed anchor (2026-01-01 08:00 Asia/Shanghai).
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from desk.models import Department, PasswordHistory, Role, Staff, StaffRole, UserAccount
from desk.services.context import Context
from desk.services.errors import ValidationError

DEMO_PASSWORD = "Demo-Pass-2026"
DEMO_HASH = "$argon2id$v=19$m=65536,t=3,p=4$wS/z9m/o8r92LJE+Fg+bug$4facTWEyZhgK1HYYoWpINHyg/kZaU7qKbWJHreHysPE"
ANCHOR = datetime(2026, 1, 1, 0, 0, tzinfo=timezone.utc)

ACCOUNTS = [  # user name, shown name, role, the staff role whose first person it is
    ("admin", "安全管理员", Role.SECURITY_ADMIN, None),
    ("ops", "系统管理员", Role.SYSTEM_ADMIN, None),
    ("audit", "审计管理员", Role.AUDIT_ADMIN, None),
    ("duty", "值班员", Role.DUTY_STAFF, StaffRole.DUTY_STAFF),
    ("leader", "带班领导", Role.LEADER, StaffRole.LEADER),
    ("liaison", "部门联络员", Role.DEPARTMENT_LIAISON, StaffRole.DEPARTMENT_LIAISON),
    ("grid", "网格长", Role.GRID_STAFF, StaffRole.GRID_LEADER),
]


def create_demo_accounts(ctx: Context) -> str:
    with ctx.unit() as u:
        s = u.session
        if s.scalar(select(func.count()).select_from(UserAccount)):
            raise ValidationError("数据库中已有账户，不再建立演示账户 (the database already has accounts)")
        first_department = s.scalar(select(Department.id).order_by(Department.code).limit(1))
        for username, shown, role, staff_role in ACCOUNTS:
            person = (s.execute(select(Staff.id, Staff.name).where(Staff.role == staff_role).order_by(Staff.id)
                                .limit(1)).first() if staff_role else None)
            staff_id = person.id if person else None
            user = UserAccount(username=username, display_name=person.name if person else shown, role=role, password_hash=DEMO_HASH,
                               staff_id=staff_id,
                               department_id=first_department if role == Role.DEPARTMENT_LIAISON else None,
                               must_change_password=False, disabled=False, failed_attempts=0, created_at=ANCHOR)
            s.add(user)
            s.flush()
            s.add(PasswordHistory(user_id=user.id, password_hash=DEMO_HASH, changed_at=ANCHOR))
            u.audit("user.add", "user_account", user.id, after={"username": username, "role": role.value,
                                                                "demo": True})
            u.changed("user_account", user.id, "insert")
    return f"{len(ACCOUNTS)} 个演示账户 (admin, ops, audit, duty, leader, liaison, grid; 密码 {DEMO_PASSWORD})"
