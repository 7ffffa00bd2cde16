"""The 数据总览 page on the demo street: the leader sees every key figure against its target, a click on
a figure lists exactly the rows behind it, a burst of changes costs one refresh, and F11 puts the
dashboard on the big screen — read-only, rotating, without any caller's name or phone — which Esc leaves
and the idle lock leaves showing."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desk.models import Event
from desk.services.unit import Change
from desk.views.dashboard import page as page_module
from desk.views.idle_lock import _lockable

pytestmark = pytest.mark.gui


@pytest.fixture
def page(dashboard_page):
    return dashboard_page


def test_the_leader_sees_every_key_figure_against_its_target(page):
    tiles = page.view.tiles
    assert set(tiles) == {"events", "completion", "handling", "on_time", "diversion", "in_grid", "mediation",
                          "registration", "visit_coverage"}
    done = tiles["completion"]
    assert done.name.text() == "事件流转办结率" and "目标 100%" in done.target.text()
    assert done.value.text() == page.data.figure("completion").text
    assert page.view.depts_model.rowCount() > 0 and page.view.grids_model.rowCount() > 0


def test_a_click_on_a_figure_lists_exactly_the_rows_behind_it(page, qtbot):
    qtbot.mouseClick(page.view.tiles["completion"], Qt.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "drill", None) is not None, timeout=10000)
    f = page.data.figure("completion")
    model = page.drill.model
    assert model.rowCount() == f.denominator
    assert sum(model.value(r, "counted") == "是" for r in range(model.rowCount())) == f.numerator
    page.drill.close()


def test_a_click_on_visit_coverage_lists_the_people_in_care_with_masked_names(page, qtbot, demo_ctx):
    from desk.models import Person

    tile = page.view.tiles["visit_coverage"]
    assert tile.name.text() == "规范化服务走访覆盖率" and "目标 100%" in tile.target.text()
    qtbot.mouseClick(tile, Qt.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "drill", None) is not None, timeout=10000)
    f = page.data.figure("visit_coverage")
    model = page.drill.model
    assert f.denominator > 0 and model.rowCount() == f.denominator
    assert sum(model.value(r, "counted") == "是" for r in range(model.rowCount())) == f.numerator
    with demo_ctx.read() as s:
        names = set(s.scalars(select(Person.name)))
    shown = {str(model.value(r, "person")) for r in range(model.rowCount())}
    assert shown and not shown & names and all("*" in n for n in shown)
    page.drill.close()


def test_a_burst_of_changes_costs_one_refresh(page, qtbot, monkeypatch):
    calls = []
    real = page_module.dashboard
    monkeypatch.setattr(page_module, "dashboard", lambda c, choice=None, **kw: calls.append(1) or real(c, choice, **kw))
    qtbot.wait(1100)
    for i in range(20):
        page.backend.bus.changed.emit([Change("event", str(i), "update")])
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    qtbot.wait(1500)
    assert len(calls) == 1
    page.backend.bus.changed.emit([Change("audit_log", "1", "insert")])  # not the dashboard's concern
    qtbot.wait(1200)
    assert len(calls) == 1
    page.backend.bus.changed.emit([Change("visit", "1", "insert")])  # a visit moves the visit coverage
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)


def test_the_big_screen_rotates_shows_no_personal_data_and_esc_leaves_it(page, qtbot, demo_ctx):
    page.toggle_big_screen()
    wall = page.wall
    assert wall is not None and wall.isVisible() and wall.isFullScreen()
    assert not _lockable(wall, page.window())  # the idle lock leaves the wall showing
    first = wall.view.stack.currentWidget()
    wall.next_panel()
    assert wall.view.stack.currentWidget() is not first
    qtbot.waitUntil(lambda: wall.view.ranking_model.rowCount() > 0, timeout=10000)  # last month's grid ranking
    with demo_ctx.read() as s:
        names = {n for n in s.scalars(select(Event.reporter_name)) if n and len(n) > 1}
    shown = [w.text() for w in wall.findChildren(QLabel)]
    for model in (wall.view.grids_model, wall.view.comms_model, wall.view.depts_model, wall.view.overdue_model,
                  wall.view.ladder_model, wall.view.ranking_model):
        shown += [str(model.data(model.index(r, c))) for r in range(model.rowCount())
                  for c in range(model.columnCount())]
    text = " ".join(shown)
    assert names and not [n for n in names if n in text]
    assert not re.search(r"1[3-9]\d{9}", text)  # no mobile number
    assert "title" not in [c.key for _, c in wall.view.overdue_model._cols]
    assert "leader" not in [c.key for _, c in wall.view.ranking_model._cols]
    qtbot.keyClick(wall, Qt.Key_Escape)
    qtbot.waitUntil(lambda: page.wall is None, timeout=3000)


def test_f11_opens_the_wall_which_the_idle_lock_leaves_showing_and_leaving_it_lands_on_the_locked_seat(shell,
                                                                                                        qtbot):
    from desk.views.idle_lock import install_idle_lock

    _watcher, overlay = install_idle_lock(shell, 5)
    page = shell.window.page("dashboard")
    shell.window.activateWindow()
    qtbot.keyClick(shell.window, Qt.Key_F11)
    qtbot.waitUntil(lambda: page.wall is not None and page.data is not None, timeout=30000)
    wall = page.wall
    overlay.controller.lock()
    assert overlay.controller.locked and wall.isVisible() and not overlay.controller.others
    qtbot.keyClick(wall, Qt.Key_Escape)  # no password to leave the wall ...
    qtbot.waitUntil(lambda: page.wall is None, timeout=3000)
    assert overlay.controller.locked  # ... but the seat behind it still asks for one
    overlay.controller._release_all()


def test_the_map_is_one_click_away_from_the_dashboard(shell, qtbot):
    page = shell.window.page("dashboard")
    shell.window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.view is not None, timeout=30000)
    assert not page.map_button.isHidden()
    page.map_button.click()
    assert shell.window.stack.currentWidget().key == "map"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_at_1280x800_and_up_every_table_shows_all_its_columns_without_scrolling_sideways(shell, qtbot, size):
    from desk.views.dashboard.fit_table import FitTable

    window = shell.window
    window.resize(*size)
    window.show_page("dashboard")
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None and not page.loading("trends")
                    and bool(page.view.months_chart.labels), timeout=30000)
    qtbot.wait(200)
    assert (window.width(), window.height()) == size  # nothing forced the window wider
    view = page.view
    # two rows below 1500 px for seven figures, proportionally wider for more (the registry adds two)
    assert view.compact == (size[0] < 1500 * max(len(view.tiles), 7) / 7)
    assert view.minimumSizeHint().width() <= view.width()
    tables = view.findChildren(FitTable)
    shown = [t for t in tables if t.isVisible()]
    assert {t.model().table.key for t in shown} >= {"top_grids", "top_communities", "figures_department"}
    bold = QFont()
    bold.setPixelSize(max(12, round(14 * view.scale)))  # the tables' type at this size (DashboardView.set_scale)
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for t in shown:
        assert not t.horizontalScrollBar().isVisible(), t.model().table.key
        assert t.fits(), t.model().table.key
        header, model = t.horizontalHeader(), t.model()
        for i in range(model.columnCount()):  # each heading whole, line by line
            text = model.headerData(i, Qt.Horizontal)
            assert header.sectionSize(i) >= max(metrics.horizontalAdvance(x) for x in text.split("\n")), text
        assert t.mapTo(window, t.rect().topRight()).x() < window.width()  # not past the window's edge
    for tile in view.tiles.values():
        assert tile.value.sizeHint().width() <= tile.value.width() + 1, tile.key  # "100.0%" whole


def test_a_click_on_a_department_heading_orders_the_rows_and_a_refresh_keeps_that_order(page, qtbot):
    model = page.view.depts_model
    view = page.view.depts_view
    natural = [model.row(r)[0] for r in range(len(model.table.rows))]
    col = next(c for c in range(model.columnCount()) if "退单率" in model.headerData(c, Qt.Horizontal))
    key = model.table.columns[model._cols[col][0]].key

    def rates():
        return [model.value(r, key) for r in range(len(model.table.rows))]

    view.horizontalHeader().setSortIndicator(col, Qt.DescendingOrder)  # what a click on the heading does
    shown = [v for v in rates() if v is not None]
    assert shown == sorted(shown, reverse=True) and rates()[len(shown):] == [None] * (len(rates()) - len(shown))
    if model.table.totals is not None:
        assert model.is_totals(model.rowCount() - 1) and model.row(model.rowCount() - 1) == model.table.totals
    model.set_table(model.table)  # a live refresh
    assert [v for v in rates() if v is not None] == shown
    assert sorted(natural) == sorted(model.row(r)[0] for r in range(len(model.table.rows)))
