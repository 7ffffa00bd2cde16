"""The window opens on the street: navigation, organisation browser, status bar, live refresh."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineWidgets import QWebEngineView

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.gui


def _wait_loaded(qtbot, page):
    page.window().show_page("org")
    qtbot.waitUntil(lambda: page.tree_model.rowCount() > 0, timeout=5000)


def test_the_window_opens_on_the_street_with_its_communities(shell, qtbot):
    org = shell.window.page("org")
    _wait_loaded(qtbot, org)
    qtbot.waitUntil(lambda: "院岭街道" in shell.window.windowTitle(), timeout=3000)
    street = org.tree_model.index(0, 0)
    assert org.tree_model.data(street) == "院岭街道"
    assert org.tree_model.rowCount(street) == 9
    assert org.table_model.rowCount() == 9
    assert org.table_model.headerData(0, Qt.Horizontal) == "名称"


def test_navigation_lists_every_area_in_chinese(shell):
    titles = [shell.window.nav.item(i).text() for i in range(shell.window.nav.count())]
    assert titles[:4] == ["事件看板", "派单处置", "网格地图", "组织架构"]
    assert shell.window.stack.currentWidget().key == "board"  # duty staff start on the board
    assert {"会商研判", "基础信息", "数据总览", "报表简报"} <= set(titles)


def test_choosing_a_grid_shows_its_staff_and_out_of_standard_grids_are_flagged(shell, qtbot):
    org = shell.window.page("org")
    _wait_loaded(qtbot, org)
    model = org.tree_model
    community = model.index(0, 0, model.index(0, 0))
    grid = model.index(0, 0, community)
    with qtbot.waitSignal(org.grid_selected, timeout=2000) as sig:
        org.tree.setCurrentIndex(grid)
    assert sig.args[0] == model.node(grid).id
    roles = {org.table_model.data(org.table_model.index(r, 1)) for r in range(org.table_model.rowCount())}
    assert "网格长" in roles and "专职网格员" in roles
    flagged = [model.node(model.index(r, 0, community)).flag for r in range(model.rowCount(community))]
    assert all(f in ("ok", "small", "large", "dedicated") for f in flagged)


def test_police_beats_list_the_grids_they_cover(shell, qtbot):
    org = shell.window.page("org")
    _wait_loaded(qtbot, org)
    beats = org.tree_model.index(1, 0)
    assert org.tree_model.data(beats) == "警务区"
    first_beat = org.tree_model.index(0, 0, beats)
    org.tree.setCurrentIndex(first_beat)
    assert org.table_model.kind == "beat_grid" and org.table_model.rowCount() >= 3


def test_the_status_bar_names_the_database_and_shows_the_live_feed_connected(shell, qtbot):
    assert "SQLite" in shell.window.db_label.text() or "PostgreSQL" in shell.window.db_label.text()
    qtbot.waitUntil(lambda: "已连接" in shell.window.feed_label.text(), timeout=3000)


def test_a_street_added_by_another_seat_appears_without_a_click(shell, demo_ctx, qtbot):
    org = shell.window.page("org")
    _wait_loaded(qtbot, org)
    qtbot.waitUntil(lambda: "已连接" in shell.window.feed_label.text(), timeout=3000)
    roots_before = org.tree_model.rowCount()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(ROOT / "tests/db/seat.py"), demo_ctx.db.url, "邻街道", "410481005"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: org.tree_model.rowCount() == roots_before + 1, timeout=2000)
    names = [org.tree_model.data(org.tree_model.index(r, 0)) for r in range(org.tree_model.rowCount())]
    assert "邻街道" in names


def test_english_comes_from_the_qt_translation_file(demo_ctx, qtbot, qapp):
    from desk import resources
    from desk.app import build_shell
    from desk.views.i18n import install_translator

    if not resources.path("translations", "desk_en.qm").exists():
        pytest.fail("desk_en.qm is missing: run `python tools/i18n.py build` (setup and CI do)")
    translator = install_translator(qapp, "en_US")
    assert translator is not None
    try:
        sh = build_shell(demo_ctx)
        qtbot.addWidget(sh.window)
        titles = [sh.window.nav.item(i).text() for i in range(sh.window.nav.count())]
        assert "Organisation" in titles and "Incident board" in titles
        assert "Database" in sh.window.db_label.text()
        sh.close()
    finally:
        qapp.removeTranslator(translator)


def test_english_reaches_the_words_of_a_modules_own_tr_helper(qapp):
    """A module's ``tr(text)`` helper calls translate() with its context, but lupdate files such words
    under the empty context: they must still come out in English (the registry's headings, the wall)."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from desk import resources
    from desk.views.dashboard.wall import tr as wall_tr
    from desk.views.i18n import install_translator
    from desk.views.registry.models import PeopleModel

    translator = install_translator(qapp, "en_US")
    assert translator is not None
    try:
        assert wall_tr("按 Esc 或 F11 退出大屏") == "Press Esc or F11 to leave the big screen"
        model = PeopleModel()
        headings = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
        assert "ID number" in headings and "Name" in headings, headings
        root = ET.parse(resources.path("translations", "desk_en.ts")).getroot()
        unnamed = next(c for c in root.iter("context") if not (c.findtext("name") or ""))
        for message in unnamed.iter("message"):
            english = message.findtext("translation")
            if english and message.find("translation").get("type") is None:
                assert QCoreApplication.translate("AnyPage", message.findtext("source")) == english
    finally:
        qapp.removeTranslator(translator)


def test_a_result_arriving_after_its_screen_was_closed_is_dropped_not_a_crash(shell, qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    got = []
    started = []

    def slow(ctx):
        import time

        started.append(1)
        time.sleep(0.2)
        return "late"

    shell.backend.read(slow, label.setText)
    shell.backend.read(lambda ctx: "after", got.append)
    qtbot.waitUntil(lambda: bool(started), timeout=2000)
    label.deleteLater()
    qtbot.waitUntil(lambda: got == ["after"], timeout=3000)  # the queue goes on; nothing raised


def test_the_window_opens_without_the_map_browser_and_the_map_remembers_a_grid_chosen_before(shell, qtbot):
    """The map's web view (a Chromium process) is made when the map page is first shown."""
    assert not shell.window.findChildren(QWebEngineView)
    org = shell.window.page("org")
    _wait_loaded(qtbot, org)
    model = org.tree_model
    grid = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    map_page = shell.window.page("map")
    org.tree.setCurrentIndex(grid)            # highlights on the map: remembered, no browser started
    qtbot.waitUntil(lambda: "网格长" in map_page.panel.details.text(), timeout=5000)
    assert not shell.window.findChildren(QWebEngineView)
    shell.window.show_page("map")
    assert len(shell.window.findChildren(QWebEngineView)) == 1
    highlighted = []

    def grid_highlighted():
        map_page.run_js("deskMap.highlightedId", highlighted.append)
        return bool(highlighted) and highlighted[-1] == str(model.node(grid).id)
    qtbot.waitUntil(grid_highlighted, timeout=30000)
    map_page.web_page.deleteLater()   # before the web profile goes (as the map tests do)


def test_closing_the_window_releases_the_map_browser_before_the_program_ends(demo_ctx, qtbot):
    """A web page alive when the program ends crashes Chromium at exit: closing the shell frees it."""
    from shiboken6 import isValid

    from desk.app import build_shell

    sh = build_shell(demo_ctx)
    sh.window.show()
    sh.window.show_page("map")
    map_page = sh.window.page("map")
    page, view = map_page.web_page, map_page.view
    assert page is not None and view is not None
    sh.close()
    assert map_page.web_page is None and map_page.view is None
    assert not isValid(page) and not isValid(view)
