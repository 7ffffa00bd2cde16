"""Demo accounts, one per role, so a demonstration can sign in at once.

Every demo account has the password ``Demo-Pass-2026`` (stored as a fixed Argon2id hash so the same
seed gives the same data) and need not change it. A demo database is for demonstrations only:
never put real data into it. Times come from a fixed anchor (2026-01-01 08:00 Asia/Shanghai).
"""
from __future__ import annotations

import random
from datetime import datetime, timezone

from desk.models import PasswordHistory, Role, StaffRole, UserAccount

DEMO_PASSWORD = "Demo-Pass-2026"
DEMO_HASH = "$argon2id$v=19$m=65536,t=3,p=4$wS/z9m/o8r92LJE+Fg+bug$4facTWEyZhgK1HYYoWpINHyg/kZaU7qKbWJHreHysPE"
ANCHOR = datetime(2026, 1, 1, 0, 0, tzinfo=timezone.utc)

ACCOUNTS = [  # user name, shown name, role
    ("admin", "安全管理员", Role.SECURITY_ADMIN),
    ("ops", "系统管理员", Role.SYSTEM_ADMIN),
    ("audit", "审计管理员", Role.AUDIT_ADMIN),
    ("duty", "值班员", Role.DUTY_STAFF),
    ("leader", "带班领导", Role.LEADER),
    ("liaison", "部门联络员", Role.DEPARTMENT_LIAISON),
    ("grid", "网格长", Role.GRID_STAFF),
]


def build(u, rng: random.Random, street, options) -> str:
    s = u.session
    first_department = next(iter(street.department_ids.values()), None)
    staff_of = {Role.DUTY_STAFF: StaffRole.DUTY_STAFF, Role.LEADER: StaffRole.LEADER,
                Role.GRID_STAFF: StaffRole.GRID_LEADER, Role.DEPARTMENT_LIAISON: StaffRole.DEPARTMENT_LIAISON}
    for username, shown, role in ACCOUNTS:
        people = street.staff_by_role.get(staff_of.get(role), []) if role in staff_of else []
        user = UserAccount(username=username, display_name=shown, role=role, password_hash=DEMO_HASH,
                           staff_id=people[0] if people else None,
                           department_id=first_department if role == Role.DEPARTMENT_LIAISON else None,
                           must_change_password=False, disabled=False, failed_attempts=0, created_at=ANCHOR)
        s.add(user)
        s.flush()
        s.add(PasswordHistory(user_id=user.id, password_hash=DEMO_HASH, changed_at=ANCHOR))
        u.audit("user.add", "user_account", user.id, after={"username": username, "role": role.value, "demo": True})
        u.changed("user_account", user.id, "insert")
    return f"{len(ACCOUNTS)} 个演示账户 (密码 {DEMO_PASSWORD})"
