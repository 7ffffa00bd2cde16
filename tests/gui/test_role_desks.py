"""Each role sees its own desk: the pages of its navigation, the page it starts on, the actions the
board and the event dialog offer, and a session that leaves no false refusal in the audit log.
Signed in as the demo accounts on the demo street."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.app import build_shell
from desk.demo.accounts import DEMO_PASSWORD, create_demo_accounts
from desk.models import AuditRecord
from desk.services import auth
from desk.services.scope import grid_scope

pytestmark = pytest.mark.gui

ALL_STAFF_PAGES = ["board", "dispatch", "map", "org", "meetings", "registry", "dashboard", "evaluation", "reports"]
DESKS = {
    # username: (pages, start page, board buttons shown, event-dialog actions offered)
    "duty": (ALL_STAFF_PAGES, "board", {"new", "claim", "accept", "merge", "assign"},
             {"accept", "claim", "unclaim", "urgent", "dispatch", "handle_in_grid", "start", "return", "feedback",
              "mediate", "verify", "close", "call_back", "reopen", "on_record", "merge", "cancel"}),
    "leader": (ALL_STAFF_PAGES, "dispatch", {"new", "claim", "accept", "merge", "assign"},
               {"accept", "claim", "unclaim", "urgent", "dispatch", "handle_in_grid", "start", "return", "feedback",
                "mediate", "verify", "close", "call_back", "reopen", "on_record", "merge", "cancel"}),
    "liaison": (["board", "dispatch", "map", "org", "meetings", "registry"], "dispatch", set(),
                {"start", "return", "feedback"}),
    "grid": (["board", "dispatch", "map", "org", "meetings", "registry", "evaluation"], "board", {"new"},
             {"start", "return", "feedback", "mediate", "verify"}),
    "ops": (["board", "dispatch", "map", "org", "evaluation"], "org", {"limits"}, set()),
    "admin": (["accounts"], "accounts", None, None),
    "audit": (["audit"], "audit", None, None),
}
BOARD_BUTTONS = {"new": "new_button", "claim": "claim_button", "accept": "accept_button",
                 "merge": "merge_button", "assign": "assign_button", "limits": "limits_button"}


@pytest.fixture
def street(demo_ctx, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    create_demo_accounts(demo_ctx)
    return demo_ctx


def denials(ctx) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(AuditRecord.after).where(AuditRecord.action == "auth.denied")))


@pytest.mark.parametrize("username", list(DESKS))
def test_each_role_sees_its_own_pages_and_actions_and_leaves_no_false_refusal(street, qtbot, username):
    pages, start, board_buttons, dialog_actions = DESKS[username]
    actor = auth.sign_in(street, username, DEMO_PASSWORD)
    ctx = street.as_actor(actor)
    sh = build_shell(ctx, listen=False)
    qtbot.addWidget(sh.window)
    try:
        window = sh.window
        assert [p.key for p in window.pages] == pages
        assert window.stack.currentWidget().key == start
        for key in pages:
            if key != "map":  # the map's web view is exercised by the map tests and the e2e tour
                window.show_page(key)
                qtbot.wait(50)
        board = window.page("board")
        if board is not None:
            shown = {name for name, attr in BOARD_BUTTONS.items() if getattr(board, attr).isVisibleTo(board)}
            assert shown == board_buttons
            qtbot.waitUntil(lambda: board._loaded, timeout=10000)
            if board.model.rows:
                dlg = board.open_event(board.model.rows[0].id)
                qtbot.waitUntil(lambda: dlg.detail is not None, timeout=5000)
                assert set(dlg.buttons) == dialog_actions
                assert dlg.more.isVisibleTo(dlg) == bool(dialog_actions)
                if not dialog_actions:
                    assert not dlg.primary.isVisibleTo(dlg)
                dlg.close()
        dispatch = window.page("dispatch")
        if dispatch is not None:
            qtbot.waitUntil(lambda: dispatch.inbox.model.rowCount() > 0 or username == "grid", timeout=10000)
        qtbot.wait(300)  # any refused read has reached the audit log by now
        assert denials(street) == []
    finally:
        sh.close()


def test_grid_staff_see_only_their_own_grids_on_the_board(street, qtbot):
    actor = auth.sign_in(street, "grid", DEMO_PASSWORD)
    ctx = street.as_actor(actor)
    with ctx.read() as s:
        own = grid_scope(s, actor)
    assert own
    sh = build_shell(ctx, listen=False)
    qtbot.addWidget(sh.window)
    try:
        board = sh.window.page("board")
        qtbot.waitUntil(lambda: board._loaded, timeout=10000)
        assert board.model.rows and {r.grid_id for r in board.model.rows} <= own
    finally:
        sh.close()


def test_the_liaison_starts_on_the_department_inbox_with_only_their_department(street, qtbot):
    actor = auth.sign_in(street, "liaison", DEMO_PASSWORD)
    sh = build_shell(street.as_actor(actor), listen=False)
    qtbot.addWidget(sh.window)
    try:
        page = sh.window.page("dispatch")
        assert sh.window.stack.currentWidget() is page
        assert page.tabs.currentWidget() is page.inbox
        tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        assert "督办清单" not in tabs and "指标" not in tabs
        qtbot.waitUntil(lambda: page.department.count() == 1, timeout=5000)
        assert page.department.currentData() == actor.department_id and not page.department.isEnabled()
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() > 0, timeout=5000)
        case = page.inbox.current()
        accept = page.inbox.buttons["accept"]
        assert accept.isEnabled() == (case.state == "sent")  # a case already taken on cannot be taken again
        if not accept.isEnabled():
            assert "待签收" in accept.toolTip()
        assert not page.inbox.buttons["close"].isVisibleTo(page)  # closing is the duty seat's
    finally:
        sh.close()


def test_the_liaisons_registry_is_their_linked_people_with_nothing_to_change_or_export(street, qtbot):
    from PySide6.QtWidgets import QPushButton, QTableView

    from desk.views.registry import LinkedPeoplePage
    actor = auth.sign_in(street, "liaison", DEMO_PASSWORD)
    sh = build_shell(street.as_actor(actor), listen=False)
    qtbot.addWidget(sh.window)
    try:
        page = sh.window.page("registry")
        assert isinstance(page, LinkedPeoplePage)
        sh.window.show_page("registry")
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
        assert page.findChildren(QPushButton) == []
        assert all(view.actions() == [] for view in page.findChildren(QTableView))   # no export to Excel/CSV
        duty = build_shell(street.as_actor(auth.sign_in(street, "duty", DEMO_PASSWORD)), listen=False)
        qtbot.addWidget(duty.window)
        try:
            assert duty.window.page("registry").people_view.actions()   # others' tables still export
        finally:
            duty.close()
    finally:
        sh.close()
