"""Staff and organisation: the org browser names a person's grids (not their 15-digit codes) and
shows their phone masked; the security administrator resets a password and changes a role from
the accounts page, which shows each account's department."""
from __future__ import annotations

import shutil

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt

from desk.app import build_shell
from desk.config import Settings
from desk.db import Database
from desk.services import accounts, auth
from desk.services.context import Context
from desk.views.accounts_page import PasswordDialog, RoleDialog

pytestmark = pytest.mark.gui
ADMIN_PW = "Yuanling-2026"


def test_staff_show_their_grid_names_and_a_masked_phone(shell, qtbot):
    org = shell.window.page("org")
    shell.window.show_page("org")
    qtbot.waitUntil(lambda: org.tree_model.rowCount() > 0, timeout=5000)
    model = org.tree_model
    community = model.index(0, 0, model.index(0, 0))
    grid = model.index(0, 0, community)
    org.tree.setCurrentIndex(grid)
    table = org.table_model
    assert table.headerData(5, Qt.Horizontal) == "电话"
    grids = [table.data(table.index(r, 4)) for r in range(table.rowCount())]
    phones = [table.data(table.index(r, 5)) for r in range(table.rowCount())]
    assert all("网格" in g and not g.isdigit() for g in grids)
    assert any(p for p in phones) and all("****" in p for p in phones if p)


@pytest.fixture
def gctx(tmp_path, sqlite_template, clock, monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    shutil.copy(sqlite_template, tmp_path / "desk.db")
    db = Database(f"sqlite:///{tmp_path / 'desk.db'}")
    ctx = Context(db=db, settings=Settings(), clock=clock)
    accounts.add_user(ctx, "admin", "王管理", "security_admin", ADMIN_PW)
    boss = ctx.as_actor(auth.sign_in(ctx, "admin", ADMIN_PW))
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    yield ctx
    db.dispose()


def test_the_security_admin_resets_a_password_and_changes_a_role(qtbot, gctx):
    admin = auth.sign_in(gctx, "admin", ADMIN_PW)
    shell = build_shell(gctx.as_actor(admin), listen=False)
    try:
        page = shell.window.page("accounts")
        assert page.buttons["reset"].isVisibleTo(page) and page.buttons["role"].isVisibleTo(page)
        assert page.model.headerData(3, Qt.Horizontal) == "所属部门"
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
        page.table.selectRow([r.username for r in page.model.rows].index("duty1"))
        dialog = PasswordDialog("duty1", page)
        dialog.password.setText("Fresh-Pass-0042")
        dialog.again.setText("Fresh-Pass-0042")
        page.reset_password(dialog)
        qtbot.waitUntil(lambda: "已重置" in page.status.text(), timeout=5000)
        assert auth.sign_in(gctx, "duty1", "Fresh-Pass-0042").must_change_password
        dialog = RoleDialog(page.selected(), page.departments, page)
        dialog.role.setCurrentIndex(dialog.role.findData("leader"))
        page.change_role(dialog)
        qtbot.waitUntil(lambda: any(r.username == "duty1" and r.role == "leader" for r in page.model.rows),
                        timeout=5000)
    finally:
        shell.close()
