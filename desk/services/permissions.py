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
    "board.read": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN}),
    "board.report": frozenset({DUTY, LEADER, GRID}),          # register an event, add attachments
    "board.act": frozenset({DUTY, LEADER}),                   # accept, dispatch, close, merge, assign, urgent
    "board.claim": frozenset({DUTY, LEADER}),
    "board.handle": frozenset({DUTY, LEADER, LIAISON, GRID}), # department/grid: start, return, feedback
    "board.verify": frozenset({DUTY, LEADER, GRID}),          # on-the-spot check by the grid worker
    "board.mediate": frozenset({DUTY, LEADER, GRID}),         # record a dispute mediation
    "board.phone": frozenset({DUTY, LEADER}),                 # (kept; the full number is shown through pii.unmask)
    "board.limits": frozenset({SYSADMIN}),                    # edit the deadline table

    # --- dispatch ---
    "dispatch.read": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN}),  # liaisons: own department only
    "dispatch.send": frozenset({DUTY, LEADER}),             # dispatch, re-route, close, call back
    "dispatch.handle": frozenset({DUTY, LIAISON}),          # accept, return, feedback, ask for an extension
    "dispatch.verify": frozenset({DUTY, GRID}),             # on-the-spot verification
    "dispatch.extend": frozenset({LEADER}),                 # approve or refuse an extension
    "dispatch.supervise": frozenset({LEADER}),              # supervision (督办) and instructions (批示)
    "dispatch.urge": frozenset({DUTY, LEADER}),             # 催办
    "dispatch.expedite": frozenset({DUTY, LEADER}),         # 加急
    "dispatch.figures": frozenset({DUTY, LEADER, SYSADMIN}),
    "dispatch.matters.propose": frozenset({DUTY, LEADER, LIAISON, SYSADMIN}),
    "dispatch.matters.admit": frozenset({LEADER, SYSADMIN}),  # 事务准入
    "dispatch.matters.edit": frozenset({SYSADMIN}),

    # --- the leaders' dashboard ---
    "dashboard.read": frozenset({DUTY, LEADER}),                # 数据总览: the leader's figures

    # --- meetings (会商研判): minutes, action items, trainings, patrols and drills ---
    "meetings.read": frozenset({DUTY, LEADER, GRID}),           # minutes, due and missed meetings, compliance
    "meetings.write": frozenset({DUTY, LEADER, GRID}),          # record minutes and items (grid staff: daily only)
    "meetings.items": frozenset({DUTY, LEADER, LIAISON, GRID}),  # the action items (liaison: own department only)
    "meetings.items.update": frozenset({DUTY, LEADER, LIAISON, GRID}),  # liaison: own department; grid: own items
    "meetings.items.assign": frozenset({DUTY, LEADER}),         # a new due date (延期) or owner for an item
    "meetings.routine": frozenset({DUTY, LEADER, GRID}),        # record trainings, skill tests, patrols, drills
    # --- mutual evaluation (评价奖惩) ---
    "evaluation.view": frozenset({DUTY, LEADER, GRID, SYSADMIN}),  # the 评价奖惩 page (what it offers: below)
    "evaluation.read": frozenset({DUTY, LEADER, SYSADMIN}),   # the ranking, the model grids
    "evaluation.open": frozenset({LEADER}),                   # open (and close) a month's evaluation
    "evaluation.rate": frozenset({GRID}),                     # police <-> grid leaders, own beat/grid only (service)
    "evaluation.weights": frozenset({SYSADMIN}),              # how ratings and data are weighed
    "evaluation.award": frozenset({LEADER}),                  # choose the month's model grids (示范网格)

    # --- registry (基础信息: people, houses, units, special populations, visits) ---
    # Grid staff see and change only their own grids' records (desk.services.scope); liaisons see only the
    # people linked to their department's open or recent cases, masked and read-only (registry/linked.py).
    "registry.read": frozenset({DUTY, LEADER, GRID}),
    "registry.linked": frozenset({LIAISON}),
    "registry.write": frozenset({DUTY, GRID}),                # add, change, merge people, houses, units
    "registry.visit": frozenset({DUTY, GRID}),                # record a visit (走访), a finding to the board
    "registry.import": frozenset({DUTY, SYSADMIN}),           # `desk import people|houses|units`
    "registry.export": frozenset({DUTY, LEADER, GRID}),       # to .xlsx (grid staff: own grids), masked unless pii.unmask
    "registry.care": frozenset({SYSADMIN}),                   # visit frequency per care level

    # --- map ---
    "geo.import": frozenset({SYSADMIN}),
    "geo.assign": frozenset({SYSADMIN}),
    "map.read": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN}),

    # --- reports (briefing sheets, exports) ---
    "report.issue": frozenset({DUTY, LEADER}),               # make, print and save the briefing sheets
    "report.history": frozenset({DUTY, LEADER, SYSADMIN}),   # the list of issued sheets
    # a screen table to .xlsx / CSV; each role exports only the tables its pages show it (the auditor: the log)
    "report.export": frozenset({DUTY, LEADER, LIAISON, GRID, SYSADMIN, SECADMIN, AUDITOR}),

    # --- security (accounts, audit, backups) ---
    # The three administrators are kept apart (三员分立): the system and security administrators
    # manage accounts but cannot read the audit log; the auditor reads it and changes nothing.
    "user.list": frozenset({SYSADMIN, SECADMIN}),
    "user.manage": frozenset({SYSADMIN, SECADMIN}),   # add, disable, enable, unlock, reset password
    "user.role": frozenset({SECADMIN}),               # grant or change roles; create administrators
    "settings.security": frozenset({SECADMIN}),       # idle-lock minutes
    "audit.read": frozenset({AUDITOR}),
    "audit.export": frozenset({AUDITOR}),
    "audit.anchor": frozenset({AUDITOR}),             # write the chain's head to a file outside the database
    "backup.run": frozenset({SYSADMIN}),
    "db.check": frozenset({SYSADMIN, SECADMIN, AUDITOR}),  # `desk db check` names accounts and broken rows
    "db.roles": frozenset({SYSADMIN, SECADMIN}),           # `desk db app-role --apply`: the seats' PostgreSQL role
    "pii.unmask": frozenset({DUTY, LEADER}),          # see a full phone / ID number (recorded)
}


def allowed(actor: Actor, permission: str) -> bool:
    if actor.role is None:
        return True
    roles = PERMISSIONS.get(permission)
    if roles is None:
        raise KeyError(f"unknown permission {permission!r}")
    return Role(actor.role) in roles


def require(actor: Actor, permission: str) -> None:
    if actor.must_change_password:
        raise _denied(permission, "请先修改初始密码，然后才能操作 (change your password first)")
    if not allowed(actor, permission):
        raise _denied(permission, f"当前角色无权执行此操作 ({permission}) "
                               f"(role {actor.role} may not {permission})")


def _denied(permission: str, message: str) -> PermissionDenied:
    exc = PermissionDenied(message)
    exc.permission = permission  # for the audit record of the refusal (audit_log.record_denied)
    return exc
