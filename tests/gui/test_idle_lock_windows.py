"""The idle lock watches the program's windows, not every object of the application, and covers
every open window: a dialog's content is hidden and kept, and the dialog cannot be closed while
locked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from desk.app import build_shell
from desk.services import auth
from desk.views.idle_lock import install_idle_lock
from desk.views.lock_overlay import LockOverlay
from tests.gui.test_security_views import actions, gctx  # noqa: F401 - the fixture


def _dialog_with_text(parent, text: str) -> tuple[QDialog, QLineEdit]:
    dlg = QDialog(parent)
    dlg.setWindowTitle("事件")
    field = QLineEdit()
    field.insert(text)
    QVBoxLayout(dlg).addWidget(field)
    dlg.resize(420, 300)
    dlg.show()
    return dlg, field


def _shell(gctx):  # noqa: F811
    actor = auth.change_password(gctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    shell = build_shell(gctx.as_actor(actor), listen=False)
    shell.window.show()
    return shell


def test_typing_in_an_open_dialog_keeps_the_desk_unlocked(qtbot, gctx):  # noqa: F811
    shell = _shell(gctx)
    try:
        dlg, _field = _dialog_with_text(shell.window, "")
        qtbot.waitExposed(dlg)
        t = [1000.0]
        watcher, overlay = install_idle_lock(shell, 10, now=lambda: t[0])
        t[0] += 9 * 60
        QTest.keyClick(dlg.windowHandle(), Qt.Key_A)  # through the X window, as a keyboard does
        t[0] += 2 * 60
        watcher.check()
        assert not overlay.locked, "input in a dialog is activity"
        QTest.mouseMove(shell.window.windowHandle())
        t[0] += 11 * 60
        watcher.check()
        assert overlay.locked
        overlay.controller.sign_out.disconnect()
        overlay.controller.others[0].sign_out.emit()  # 退出登录 lets every window go
        assert dlg.close()
    finally:
        shell.close()


def test_the_idle_lock_covers_an_open_dialog_keeps_what_was_typed_and_it_cannot_be_closed(qtbot, gctx):  # noqa: F811
    shell = _shell(gctx)
    try:
        dlg, field = _dialog_with_text(shell.window, "写了一半的处置意见")
        t = [1000.0]
        watcher, overlay = install_idle_lock(shell, 10, now=lambda: t[0])
        t[0] += 11 * 60
        watcher.check()
        lock = overlay.controller
        assert overlay.locked and len(lock.others) == 1
        cover = lock.others[0]
        assert cover.window_ is dlg and cover.locked and cover.geometry() == dlg.rect()
        assert not field.isEnabled(), "what is under the cover cannot be typed into"
        assert not dlg.close() and dlg.isVisible(), "a locked dialog keeps its input: it does not close"
        qtbot.keyClicks(overlay.password, "Night-Shift-77")
        overlay.submit()
        qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
        assert not lock.others
        assert not [c for c in dlg.findChildren(LockOverlay) if c.isVisible()], "the dialog is uncovered"
        assert field.isEnabled() and field.text() == "写了一半的处置意见"
        assert actions(gctx)[-2:] == ["auth.signout", "auth.signin"]
        assert dlg.close()
    finally:
        shell.close()


def test_the_lock_can_be_lifted_from_the_dialog_it_covers(qtbot, gctx):  # noqa: F811
    shell = _shell(gctx)
    try:
        dlg, field = _dialog_with_text(shell.window, "x")
        dlg.setWindowModality(Qt.ApplicationModal)  # a modal dialog blocks the main window's panel
        t = [1000.0]
        watcher, overlay = install_idle_lock(shell, 10, now=lambda: t[0])
        t[0] += 11 * 60
        watcher.check()
        cover = overlay.controller.others[0]
        qtbot.keyClicks(cover.password, "Night-Shift-77")
        cover.submit()
        qtbot.waitUntil(lambda: not overlay.controller.locked, timeout=5000)
        assert not overlay.isVisible() and field.isEnabled()
        dlg.close()
    finally:
        shell.close()
