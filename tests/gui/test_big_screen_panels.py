"""The big screen's board and map, on request: the leader ticks 事件看板 and 网格地图 under 轮播内容
and the rotation goes from the dashboard's panels to the live board and then the grid map. The board
counts what is open, late and urgent as the events themselves say; neither panel shows a caller's
name, phone, the event's title or address; the map draws offline, read-only and without tooltips; at
1920×1080 and 3840×2160 nothing is cut off; Esc leaves."""
from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from sqlalchemy import func, select

from desk.models import Event, Staff
from desk.services.figures.events import open_deadlines
from desk.services.incidents import codes
from desk.services.unit import Change
from desk.views.dashboard.fit_table import FitTable

pytestmark = pytest.mark.gui


@pytest.fixture
def page(dashboard_page):
    return dashboard_page


def open_wall(page, qtbot, panels):
    for key, action in page.panel_actions.items():
        action.setChecked(key in panels)
    page.seconds.setValue(600)   # the test turns the panels itself
    page.toggle_big_screen()
    wall = page.wall
    if wall.board is not None:
        qtbot.waitUntil(lambda: wall.board.board is not None, timeout=15000)
    return wall


def test_the_board_and_the_map_are_offered_but_not_shown_until_ticked(page):
    assert {"board", "map"} <= set(page.panel_actions)
    assert page.panel_actions["board"].text() == "事件看板" and page.panel_actions["map"].text() == "网格地图"
    assert not page.panel_actions["board"].isChecked() and not page.panel_actions["map"].isChecked()


def test_the_board_panel_counts_what_is_open_late_and_urgent(page, qtbot, demo_ctx):
    wall = open_wall(page, qtbot, ("figures", "board"))
    board = wall.board
    now = board.board.generated_at
    with demo_ctx.read() as s:   # counted here from the events themselves
        per_status = dict(s.execute(select(Event.status, func.count()).where(Event.is_open.is_(True))
                                    .group_by(Event.status)).all())
        urgent = s.scalar(select(func.count()).select_from(Event).where(Event.is_open.is_(True), Event.urgent))
        late = sum(due is not None for *_, due in open_deadlines(s, now))
    assert sum(per_status.values()) > 0 and late > 0
    assert board.totals["open"].value.text() == str(sum(per_status.values()))
    assert board.totals["red"].value.text() == str(late)
    assert board.totals["urgent"].value.text() == str(urgent)
    for status in codes.OPEN_STATUSES:
        assert board.statuses[status].value.text() == str(per_status.get(status, 0)), status
    model = board.attention_model
    assert model.rowCount() == min(board.board.attention_total, 40) >= late
    overdue_rows = [e for e in model.rows if e.overdue]
    assert len(overdue_rows) == min(late, model.rowCount())
    column = model.columns.index("late")
    assert all(model.data(model.index(r, column)).startswith("超时") for r in range(len(overdue_rows)))
    assert f"共 {board.board.attention_total} 件" in board.attention_caption.text()


def test_with_the_board_shown_no_callers_name_phone_title_or_address_is_on_the_wall(page, qtbot, demo_ctx):
    wall = open_wall(page, qtbot, ("overdue", "board"))
    wall.next_panel()
    assert wall.pages.currentWidget() is wall.board
    with demo_ctx.read() as s:
        events = s.execute(select(Event.reporter_name, Event.title, Event.address, Event.description)).all()
        people = set(s.scalars(select(Staff.name)))
    secrets = {x for row in events for x in row if x and len(x) > 1} | {n for n in people if n and len(n) > 1}
    shown = [w.text() for w in wall.findChildren(QLabel)]
    for view in wall.findChildren(QAbstractItemView):
        model = view.model()
        shown += [str(model.headerData(c, Qt.Horizontal)) for c in range(model.columnCount())]
        shown += [str(model.data(model.index(r, c))) for r in range(model.rowCount())
                  for c in range(model.columnCount())]
    text = " ".join(shown)
    assert wall.board.attention_model.rowCount() > 0 and secrets
    assert not [x for x in secrets if x in text]
    assert not re.search(r"1[3-9]\d{9}", text)           # no mobile number
    assert not re.search(r"\d{17}[\dXx]", text)           # no ID number
    assert "网格员" in text   # whose turn: the grid's worker, never by name


def test_the_rotation_goes_from_the_dashboard_to_the_board_and_the_map_which_draws_offline(page, qtbot):
    from desk.views.selftest import NetworkGuard

    wall = open_wall(page, qtbot, ("figures", "hotspots", "board", "map"))
    assert wall.chosen == ("figures", "hotspots", "board", "map")
    guard = NetworkGuard(wall.map)
    profile = wall.map.web_page.profile()
    profile.setUrlRequestInterceptor(guard)
    try:
        seen = []
        for turn in range(5):
            if turn:
                wall.next_panel()
            current = wall.pages.currentWidget()
            seen.append("board" if current is wall.board else "map" if current is wall.map
                        else {wall.view.panels[k]: k for k in wall.view.panels}[wall.view.stack.currentWidget()])
        assert seen == ["figures", "hotspots", "board", "map", "figures"]
        assert wall.panel_name.text().startswith("关键指标")
        qtbot.waitUntil(lambda: wall.map.loaded, timeout=60000)
        stats = js(qtbot, wall.map, "deskMap.stats()")
        with page.ctx.read() as s:
            opened = s.scalar(select(func.count()).select_from(Event).where(Event.is_open.is_(True)))
        assert stats["grids"] > 0 and 0 < stats["markers"] == len(wall.map.data.points) <= opened
        read_only = js(qtbot, wall.map, "({wall: DESK_MAP.wall, layers: document.querySelectorAll("
                                        "'.leaflet-control-layers, .leaflet-control-zoom').length, "
                                        "labels: DESK_MAP.markers.filter(function (m) { return m.properties.l; }).length, "
                                        "officers: DESK_MAP.beatLabels.filter(function (b) { return b.officer; }).length, "
                                        "tips: document.querySelectorAll('.leaflet-tooltip:not(.desk-grid-label)').length, "
                                        "dragging: window[DESK_MAP.map].dragging.enabled()})")
        assert read_only == {"wall": True, "layers": 0, "labels": 0, "officers": 0, "tips": 0, "dragging": False}
        late = {g for g, _ in wall.map.data.overdue_by_grid}
        outlined = js(qtbot, wall.map, "window[DESK_MAP.grids].getLayers().filter(function (l) {"
                                       " return l.feature.properties.late; }).map(function (l) {"
                                       " return l.feature.properties.id; })")
        assert set(outlined) == late and late
        assert not guard.blocked and not wall.map.errors

        # a change on the board reaches the map's dots and colours without a rebuild
        before = wall.map.data
        page.backend.bus.changed.emit([Change("event", "1", "update")])
        qtbot.waitUntil(lambda: wall.map.data is not before, timeout=10000)
        assert js(qtbot, wall.map, "deskMap.stats()")["markers"] == len(wall.map.data.points)
    finally:
        profile.setUrlRequestInterceptor(None)
    for _ in range(3):
        qtbot.keyClick(wall, Qt.Key_Right)   # → turns: figures, hotspots, board, map
    assert wall.pages.currentWidget() is wall.map
    proxy = wall.map.view.focusProxy()
    qtbot.mouseClick(proxy, Qt.LeftButton, pos=proxy.rect().center())
    assert QApplication.focusWidget() is not proxy   # a click on the map takes nothing
    proxy.setFocus()
    qtbot.keyClick(proxy, Qt.Key_Escape)            # Esc leaves even with the keys in the web view
    qtbot.waitUntil(lambda: page.wall is None, timeout=3000)
    assert wall.map.web_page is None   # the web page went with the wall


def js(qtbot, panel, code: str):
    out = []
    panel.run_js(f"JSON.stringify({code})", out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return json.loads(out[0])


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_at_1920x1080_and_3840x2160_the_boards_lists_show_every_column_whole(page, qtbot, size):
    wall = open_wall(page, qtbot, ("figures", "board"))
    wall.showNormal()
    wall.resize(*size)
    wall.next_panel()
    qtbot.waitUntil(lambda: wall.board.isVisible() and wall.board.width() > size[0] * 0.9, timeout=5000)
    qtbot.wait(200)
    assert (wall.width(), wall.height()) == size  # nothing forced the wall wider
    board = wall.board
    assert board.scale == pytest.approx(max(0.85, min(board.width() / 1500, board.height() / 820)), abs=0.06)
    bold = QFont()
    bold.setPixelSize(max(12, round(14 * board.scale * 1.25)))
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for t in board.findChildren(FitTable):
        assert t.isVisible() and t.fits() and not t.horizontalScrollBar().isVisible()
        header, model = t.horizontalHeader(), t.model()
        for i in range(model.columnCount()):
            text = model.headerData(i, Qt.Horizontal)
            assert header.sectionSize(i) >= metrics.horizontalAdvance(text), text
        assert t.mapTo(wall, t.rect().topRight()).x() <= wall.width()
    for tile in (*board.totals.values(), *board.statuses.values()):
        assert tile.value.sizeHint().height() <= tile.value.height() + 1
        assert tile.name.sizeHint().width() <= tile.name.width() + 1, tile.name.text()


def test_the_wall_showing_the_map_stays_under_the_idle_lock_and_leaving_it_lands_on_the_locked_seat(shell, qtbot):
    """The map's web view under the idle lock (an application-wide filter once crashed the map)."""
    from desk.views.idle_lock import install_idle_lock

    _watcher, overlay = install_idle_lock(shell, 5)
    page = shell.window.page("dashboard")
    shell.window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.view is not None, timeout=30000)
    for key, action in page.panel_actions.items():
        action.setChecked(key in ("figures", "map"))
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key_F11)
    qtbot.waitUntil(lambda: page.wall is not None and page.wall.map is not None and page.wall.map.loaded,
                    timeout=60000)
    wall = page.wall
    qtbot.keyClick(wall, Qt.Key_Right)
    assert wall.pages.currentWidget() is wall.map
    qtbot.mouseMove(wall.map.view, wall.map.view.rect().center())
    overlay.controller.lock()
    assert overlay.controller.locked and wall.isVisible() and not overlay.controller.others
    qtbot.keyClick(wall, Qt.Key_Escape)   # no password to leave the wall ...
    qtbot.waitUntil(lambda: page.wall is None, timeout=3000)
    assert overlay.controller.locked      # ... but the seat behind it still asks for one
    overlay.controller._release_all()
