"""The permission table, cell by cell: every role against every permission, through the real
service where one exists (a refused call raises PermissionDenied before changing anything;
an allowed one completes). Also the separation of the three administrators."""
from __future__ import annotations

import itertools
import shutil

import pytest
from argon2 import PasswordHasher

from desk.clock import FixedClock
from desk.config import Settings
from desk.db import Database
from desk.models import Role, Staff, StaffRole
from desk.resources import path as resource
from desk.services import accounts, anchors, audit_log, auth, backup, unmask
from desk.services.context import Context
from desk.services.divisions import import_divisions
from desk.services.errors import PermissionDenied
from desk.services.org_tree import build_tree
from desk.services import registry
from desk.services.permissions import PERMISSIONS, allowed
from desk.services.registry.export import export_people
from desk.services.unit import Actor
from tests.conftest import MORNING

PW = "Cell-Pass-0001"
_n = itertools.count()


@pytest.fixture(scope="module")
def world(sqlite_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("perm")
    shutil.copy(sqlite_template, folder / "desk.db")
    db = Database(f"sqlite:///{folder / 'desk.db'}")
    ctx = Context(db=db, settings=Settings(), clock=FixedClock(MORNING))
    saved = auth.HASHER
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    import_divisions(ctx, resource("reference", "divisions-410481004.csv"))
    accounts.add_user(ctx, "target", "目标", "duty_staff", PW)
    with ctx.unit() as u:
        st = Staff(name="张网格", role=StaffRole.GRID_LEADER, phone_enc=ctx.cipher.encrypt("13812345678"), active=True)
        u.session.add(st)
        u.session.flush()
        staff_id = st.id
    yield ctx, folder, staff_id
    auth.HASHER = saved
    db.dispose()


def _probes(folder, staff_id):
    return {
        "org.read": lambda c: build_tree(c),
        "org.import": lambda c: import_divisions(c, resource("reference", "divisions-410481004.csv")),
        "user.list": lambda c: accounts.list_users(c),
        "user.manage": lambda c: accounts.add_user(c, f"u{next(_n)}", "新用户", "duty_staff", PW),
        "user.role": lambda c: accounts.set_role(c, "target", ["leader", "duty_staff"][next(_n) % 2]),
        "settings.security": lambda c: accounts.set_idle_lock_minutes(c, 5),
        "audit.read": lambda c: audit_log.list_records(c),
        "audit.export": lambda c: audit_log.export_csv(c, folder / f"a{next(_n)}.csv"),
        "audit.anchor": lambda c: anchors.make_anchor(c, folder / "anchors"),
        "backup.run": lambda c: backup.create_backup(c, folder / f"b{next(_n)}.db"),
        "pii.unmask": lambda c: unmask.unmask(c, "staff", staff_id, "phone"),
        "registry.read": lambda c: registry.search_people(c, "张"),
        "registry.linked": lambda c: registry.linked_people(c),
        "registry.care": lambda c: registry.set_visit_days(c, 3, 30),
        "registry.export": lambda c: export_people(c, folder / f"p{next(_n)}.xlsx"),
    }


CELLS = [(perm, role) for perm in PERMISSIONS for role in Role]


@pytest.mark.parametrize("permission, role", CELLS, ids=[f"{p}-{r.value}" for p, r in CELLS])
def test_each_role_may_do_exactly_what_the_table_says(world, permission, role):
    ctx, folder, staff_id = world
    actor = Actor(f"{role.value}-1", role=role.value, user_id=999)
    expected = role in PERMISSIONS[permission]
    assert allowed(actor, permission) == expected
    probe = _probes(folder, staff_id).get(permission)
    if probe is None:
        return  # no service for it yet: the table itself is what is checked
    if expected:
        probe(ctx.as_actor(actor))
    else:
        with pytest.raises(PermissionDenied):
            probe(ctx.as_actor(actor))


WRITES = {"org.import", "org.edit", "user.manage", "user.role", "settings.security", "backup.run"}


def test_the_auditor_changes_nothing_and_the_account_admins_cannot_read_the_audit_log():
    for perm in WRITES & PERMISSIONS.keys():
        assert Role.AUDIT_ADMIN not in PERMISSIONS[perm], perm
    for perm in ("audit.read", "audit.export", "audit.anchor"):
        assert PERMISSIONS[perm] == {Role.AUDIT_ADMIN}, perm
    assert Role.AUDIT_ADMIN not in PERMISSIONS["user.manage"] | PERMISSIONS["user.role"]


def test_every_permission_has_a_probe_or_is_known_to_have_no_service_yet(world):
    _, folder, staff_id = world
    without_service = {"org.edit"}
    security_and_org = {p for p in PERMISSIONS if p.split(".")[0] in
                        {"org", "user", "settings", "audit", "backup", "pii"}}
    assert security_and_org - set(_probes(folder, staff_id)) == without_service
