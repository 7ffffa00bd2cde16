"""Signing in through the dialog, the forced change of password, the idle lock that keeps unsaved
input, and the auditor's audit browser."""
from __future__ import annotations

import shutil

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from desk.app import build_shell
from desk.config import Settings
from desk.db import Database
from desk.models import AuditRecord
from desk.services import accounts, auth
from desk.services.context import Context
from desk.views.audit_browser import AuditBrowser
from desk.views.idle_lock import install_idle_lock
from desk.views.login import SignInDialog, sign_in_at_start

pytestmark = pytest.mark.usefixtures("no_leftover_windows")
ADMIN_PW = "Yuanling-2026"


@pytest.fixture
def gctx(tmp_path, sqlite_template, clock, monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    shutil.copy(sqlite_template, tmp_path / "desk.db")
    db = Database(f"sqlite:///{tmp_path / 'desk.db'}")
    ctx = Context(db=db, settings=Settings(extra={"anchor_dir": str(tmp_path / "anchors")}), clock=clock)
    accounts.add_user(ctx, "admin", "王管理", "security_admin", ADMIN_PW)
    boss = ctx.as_actor(auth.sign_in(ctx, "admin", ADMIN_PW))
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    yield ctx
    db.dispose()


def actions(ctx):
    with ctx.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


def answer_dialog(qtbot, steps):
    """Run ``steps(dialog)`` once the modal sign-in dialog is up (it runs its own event loop)."""
    def go():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, go)
            return
        steps(dialog)
    QTimer.singleShot(0, go)


def test_a_wrong_password_keeps_the_dialog_open_and_the_right_one_signs_in(qtbot, gctx):
    def steps(d):
        qtbot.keyClicks(d.username, "admin")
        qtbot.keyClicks(d.password, "not-the-password")
        d.ok_button.click()
        assert "错误" in d.message.text() and d.isVisible() and d.password.text() == ""
        qtbot.keyClicks(d.password, ADMIN_PW)
        d.ok_button.click()
    answer_dialog(qtbot, steps)
    actor = sign_in_at_start(gctx)
    assert actor is not None and actor.username == "admin"
    assert actions(gctx)[-2:] == ["auth.signin_failed", "auth.signin"]
    shell = build_shell(gctx.as_actor(actor), listen=False)
    try:
        assert "王管理" in shell.window.user_label.text()
    finally:
        shell.close()


def test_leaving_the_sign_in_dialog_opens_nothing(qtbot, gctx):
    answer_dialog(qtbot, lambda d: d.reject())
    assert sign_in_at_start(gctx) is None


def test_a_first_sign_in_asks_for_a_new_password_in_the_same_dialog(qtbot, gctx):
    seen = {}

    def steps(d):
        qtbot.keyClicks(d.username, "duty1")
        qtbot.keyClicks(d.password, "Temp-Pass-001")
        d.ok_button.click()
        seen["changing"] = d.changing
        qtbot.keyClicks(d.new_password, "short")
        qtbot.keyClicks(d.again, "short")
        d.ok_button.click()
        seen["rules"] = d.message.text()
        d.new_password.clear()
        d.again.clear()
        qtbot.keyClicks(d.new_password, "Night-Shift-77")
        qtbot.keyClicks(d.again, "Night-Shift-77")
        d.ok_button.click()
    answer_dialog(qtbot, steps)
    actor = sign_in_at_start(gctx)
    assert seen["changing"] and "10" in seen["rules"]
    assert actor is not None and not actor.must_change_password
    assert auth.sign_in(gctx, "duty1", "Night-Shift-77").username == "duty1"


def test_the_idle_lock_covers_the_window_keeps_unsaved_input_and_asks_for_the_password(qtbot, gctx):
    actor = auth.change_password(gctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    shell = build_shell(gctx.as_actor(actor), listen=False)
    try:
        shell.window.show()
        shell.window.show_page("org")
        typed = shell.window.findChild(QLineEdit)
        typed.insert("写了一半的筛选")  # (keyClicks takes ASCII only)
        t = [1000.0]
        watcher, overlay = install_idle_lock(shell, 10, now=lambda: t[0])
        t[0] += 9 * 60
        watcher.check()
        assert not overlay.locked
        t[0] += 61
        watcher.check()
        assert overlay.locked and not shell.window.centralWidget().isEnabled()
        qtbot.keyClicks(overlay.password, "wrong-password")
        overlay.submit()
        qtbot.waitUntil(lambda: "错误" in overlay.message.text(), timeout=5000)
        assert overlay.locked
        qtbot.keyClicks(overlay.password, "Night-Shift-77")
        overlay.submit()
        qtbot.waitUntil(lambda: not overlay.locked, timeout=5000)
        assert shell.window.centralWidget().isEnabled() and typed.text() == "写了一半的筛选"
        acts = actions(gctx)
        assert acts[-3:] == ["auth.signout", "auth.signin_failed", "auth.signin"]
    finally:
        shell.close()


def test_the_auditor_browses_filters_verifies_and_exports_the_log(qtbot, gctx, tmp_path):
    boss = gctx.as_actor(auth.sign_in(gctx, "admin", ADMIN_PW))
    accounts.add_user(boss, "audit1", "赵审计", "audit_admin", "Temp-Pass-001")
    auditor = auth.change_password(gctx, "audit1", "Temp-Pass-001", "Audit-Pass-0042")
    shell = build_shell(gctx.as_actor(auditor), listen=False)
    try:
        page = shell.window.page("audit")
        assert isinstance(page, AuditBrowser) and [p.key for p in shell.window.pages] == ["audit"]
        shell.window.show()
        page.since.setDate(page.since.date().addYears(-5))
        page.until.setDate(page.until.date().addYears(5))
        page.reload()
        qtbot.waitUntil(lambda: page.model.rowCount() > 5, timeout=5000)
        page.action.setCurrentText("user.")
        page.reload()
        qtbot.waitUntil(lambda: page.model.rowCount() and all(r.action.startswith("user.") for r in page.model.rows),
                        timeout=5000)
        page.table.selectRow(0)
        assert "修改后" in page.detail.toPlainText()
        page.verify()
        qtbot.waitUntil(lambda: "完整" in page.status.text(), timeout=5000)
        out = tmp_path / "audit.csv"
        page.export(str(out))
        qtbot.waitUntil(lambda: "已导出" in page.status.text(), timeout=5000)
        assert "user.add" in out.read_text(encoding="utf-8-sig")
        assert "data.export" in actions(gctx)
    finally:
        shell.close()


def test_the_window_makes_the_daily_backup_by_itself(qtbot, gctx, tmp_path):
    from desk.views.auto_backup import install_daily_backup
    duty = auth.change_password(gctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    shell = build_shell(gctx.as_actor(duty), listen=False)
    try:
        check_now = install_daily_backup(shell, tmp_path / "backups", keep_days=30, first_after_ms=10**8)
        check_now()
        qtbot.waitUntil(lambda: "已自动备份" in shell.window.statusBar().currentMessage(), timeout=10000)
        assert [p.suffix for p in (tmp_path / "backups").iterdir()] == [".db"]
        assert len(list((tmp_path / "anchors").glob("anchor-*.json"))) == 1  # and the chain anchored
    finally:
        shell.close()


def test_the_security_admin_manages_accounts_and_the_idle_lock_in_the_window(qtbot, gctx):
    from desk.views.accounts_page import AccountsPage, NewAccountDialog
    admin = auth.sign_in(gctx, "admin", ADMIN_PW)
    shell = build_shell(gctx.as_actor(admin), listen=False)
    try:
        page = shell.window.page("accounts")
        assert isinstance(page, AccountsPage) and [p.key for p in shell.window.pages] == ["accounts"]
        shell.window.show()
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
        dialog = NewAccountDialog(page)
        dialog.username.setText("leader1")
        dialog.display_name.setText("周领导")
        dialog.role.setCurrentIndex(dialog.role.findData("leader"))
        dialog.password.setText("Temp-Pass-002")
        dialog.again.setText("Temp-Pass-002")
        page.add(dialog)
        qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
        page.table.selectRow([r.username for r in page.model.rows].index("duty1"))
        page.toggle(True)
        qtbot.waitUntil(lambda: any(r.username == "duty1" and r.disabled for r in page.model.rows), timeout=5000)
        page.idle.setValue(5)
        page.save_idle()
        qtbot.waitUntil(lambda: "5 分钟" in page.status.text(), timeout=5000)
        assert accounts.idle_lock_minutes(gctx) == 5
        with pytest.raises(auth.AccountDisabled):
            auth.sign_in(gctx, "duty1", "Temp-Pass-001")
    finally:
        shell.close()


def test_the_program_opens_its_main_window_only_after_signing_in(qtbot, gctx, monkeypatch, tmp_path):
    from desk.app import run_window
    from desk.views.main_window import MainWindow
    auth.change_password(gctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    seen = {}

    def steps(d):
        seen["main_before_sign_in"] = any(isinstance(w, MainWindow) and w.isVisible()
                                          for w in QApplication.topLevelWidgets())
        qtbot.keyClicks(d.username, "duty1")
        qtbot.keyClicks(d.password, "Night-Shift-77")
        d.ok_button.click()

    def close_main():
        w = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        if w is None:
            QTimer.singleShot(20, close_main)
            return
        seen["user"] = w.user_label.text()
        w.close()

    answer_dialog(qtbot, steps)
    QTimer.singleShot(0, close_main)

    class Args:
        db = gctx.db.url
    assert run_window(Args()) == 0
    assert seen == {"main_before_sign_in": False, "user": "李值班 (duty1)"}
    assert actions(gctx)[-2:] == ["auth.signin", "auth.signout"]


def test_a_refused_action_in_the_window_is_recorded(qtbot, gctx):
    duty = auth.change_password(gctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    shell = build_shell(gctx.as_actor(duty), listen=False)
    try:
        errors = []
        shell.backend.read(accounts.list_users, lambda rows: None, errors.append)
        qtbot.waitUntil(lambda: bool(errors) and "auth.denied" in actions(gctx), timeout=5000)
        assert "无权" in str(errors[0])
    finally:
        shell.close()
