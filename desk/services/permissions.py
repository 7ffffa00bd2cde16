"""Who may do what: the permission table, enforced in the services (not only by hidden buttons).

Each area adds its rows in its own section. ``require()`` raises PermissionDenied with a
message naming the action and the role. The system actor (imports, demo, escalation jobs)
has no role and is let through; people always act with a role.
"""
from __future__ import annotations

from desk.models.users import Role
from desk.services.errors import PermissionDenied
from desk.services.unit import Actor

DUTY, LEADER, LIAISON, GRID = Role.DUTY_STAFF, Role.LEADER, Role.DEPARTMENT_LIAISON, Role.GRID_STAFF
SYSADMIN, SECADMIN, AUDITOR = Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN
STAFF_ROLES = frozenset({DUTY, LEADER, LIAISON, GRID})

PERMISSIONS: dict[str, frozenset[Role]] = {
    # --- organisation (foundation) ---
    "org.read": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN}),
    "org.import": frozenset({SYSADMIN}),
    "org.edit": frozenset({SYSADMIN}),

    # --- board (events) ---

    # --- dispatch ---

    # --- map ---
    "geo.import": frozenset({SYSADMIN}),
    "geo.assign": frozenset({SYSADMIN}),
    "map.read": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN}),

    # --- security (accounts, audit, backups) ---
}


def allowed(actor: Actor, permission: str) -> bool:
    if actor.role is None:
        return True
    roles = PERMISSIONS.get(permission)
    if roles is None:
        raise KeyError(f"unknown permission {permission!r}")
    return Role(actor.role) in roles


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        raise PermissionDenied(f"当前角色无权执行此操作 ({permission}) "
                               f"(role {actor.role} may not {permission})")
