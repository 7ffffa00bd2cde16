"""The 评价奖惩 page: a leader opens the month and sees the ranking; a community officer rates the grid
leaders of their beat through the form (and only them); duty staff see the ranking but neither open nor rate."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.models import EvaluationRating
from desk.views.backend import Backend
from desk.views.bus import ChangeBus
from desk.views.evaluation import EvaluationPage
from desk.views.workers import DbWorker
from tests.board_support import LEADER, WANG
from tests.db.test_evaluation import people

pytestmark = pytest.mark.gui


@pytest.fixture
def town(ctx, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    return people(ctx)


@pytest.fixture
def page_for(qtbot, ctx):
    workers = []

    def make(actor):
        worker = DbWorker()
        workers.append(worker)
        bus = ChangeBus()
        page = EvaluationPage(Backend(ctx.as_actor(actor), worker, bus))
        bus.changed.connect(page.on_changes)
        qtbot.addWidget(page)
        page.show()
        page.activate()
        return page

    yield make
    for w in workers:
        w.stop()


def test_a_leader_opens_the_month_and_sees_the_ranking(town, page_for, qtbot):
    page = page_for(LEADER)
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=10000)
    assert page.state.text() == "未开启互评" and page.open_button.isEnabled()
    assert page.tabs.count() == 2  # no rating form: leaders do not take part
    page.month.setCurrentIndex(page.month.findData("2026-11"))
    page.open_month()
    qtbot.waitUntil(lambda: "评价中" in page.state.text(), timeout=10000)
    assert not page.open_button.isEnabled() and page.grid_model.rowCount() == 3


def test_an_officer_rates_the_grid_leaders_of_the_beat_through_the_form(town, ctx, page_for, qtbot):
    from desk.services import evaluation as ev

    ev.open_round(ctx.as_actor(LEADER), "2026-11")
    page = page_for(town.actor(town.p1, "p1"))
    qtbot.waitUntil(lambda: page.form.subject.count() == 2, timeout=10000)
    assert page.tabs.count() == 1 and not page.open_button.isVisible()
    assert sorted(page.form.subject.itemData(i) for i in range(2)) == sorted([town.l1, town.l2])
    assert page.form.labels[0].text() == "基础信息采集准确率"
    page.form.subject.setCurrentIndex(page.form.subject.findData(town.l1))
    page.form.spins[1].setValue(95)
    page.form.comment.setText("隐患上报及时")
    page.form.save.click()
    qtbot.waitUntil(lambda: page.form.message.text() == "评价已保存。", timeout=10000)
    with ctx.read() as s:
        got = {(r.criterion, r.score) for r in s.scalars(select(EvaluationRating))}
    assert ("hazard_discovery", 95) in got and len(got) == 4


def test_duty_staff_see_the_ranking_but_neither_open_nor_rate(town, page_for, qtbot):
    page = page_for(WANG)
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=10000)
    assert not page.open_button.isVisible() and not page.award_button.isVisible()
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["网格排名", "民辅警排名"]


def test_the_demo_street_has_last_months_ranking_and_this_month_open_for_the_grid_leader(demo_ctx, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the demo is checked on SQLite here")
    from desk.demo.accounts import DEMO_PASSWORD, create_demo_accounts
    from desk.services import auth
    from desk.services import evaluation as ev

    create_demo_accounts(demo_ctx)
    r = ev.ranking(demo_ctx.as_actor(LEADER), "2026-10")
    peer = r.grids.column("peer")
    assert r.peer_weight == 60 and sum(row[peer] is not None for row in r.grids.rows) >= 10
    assert all(70 <= row[peer] <= 98 for row in r.grids.rows if row[peer] is not None)
    grid_leader = demo_ctx.as_actor(auth.sign_in(demo_ctx, "grid", DEMO_PASSWORD))
    subjects = ev.my_subjects(grid_leader)
    assert subjects and all(x.kind == "police" for x in subjects)
    assert ev.round_of(demo_ctx.as_actor(LEADER), "2026-11").state == "open"


def test_on_the_first_of_a_month_the_leader_sees_last_months_ranking_not_an_empty_month(town, ctx, clock, page_for,
                                                                                       qtbot):
    from datetime import datetime, timezone

    from desk.services import evaluation as ev

    ev.open_round(ctx.as_actor(LEADER), "2026-11")
    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), "2026-11", town.l1, dict.fromkeys(
        ("data_accuracy", "hazard_discovery", "mediation_success", "response_speed"), 90))
    clock.set(datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc))  # 2026-12-01 06:00 in Shanghai
    ev.open_round(ctx.as_actor(LEADER), "2026-12")
    page = page_for(LEADER)
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=10000)
    assert page.month.itemData(0) == "2026-12" and page.current_month() == "2026-11"
    assert "已评 4 项" in page.state.text()
    peer = page.ranking.grids.column("peer")
    assert any(row[peer] == 90.0 for row in page.ranking.grids.rows)
    page.month.setCurrentIndex(0)  # the new month is one choice away, and stays chosen
    qtbot.waitUntil(lambda: "已评 0 项" in page.state.text(), timeout=10000)
    assert page.current_month() == "2026-12" and page.open_button.text() == "开启 2026-12 互评"


def test_a_leader_choosing_a_model_grid_is_told_it_was_chosen_and_sees_it_in_the_ranking(town, page_for, qtbot,
                                                                                         monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMainWindow

    page = page_for(LEADER)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=10000)
    page.month.setCurrentIndex(page.month.findData("2026-11"))
    page.open_month()
    qtbot.waitUntil(lambda: "评价中" in page.state.text(), timeout=10000)
    page.tabs.setCurrentWidget(page.grid_view)
    page.grid_view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("矛盾化解及时", True)))
    page.choose_model_grid()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "已评选示范网格。", timeout=10000)
    qtbot.waitUntil(lambda: "示范网格" in page.grid_model.table.rows[0], timeout=10000)
    window.takeCentralWidget()  # the page goes back to its own fixture
    page.setParent(None)
