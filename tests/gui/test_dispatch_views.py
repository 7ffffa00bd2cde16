"""The dispatch screens: the dialog the board opens, a liaison's inbox, the leaders' supervision list."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desk.services import dispatch as dsp
from desk.views.backend import Backend
from desk.views.bus import ChangeBus
from desk.views.dispatch import DispatchPage, open_dispatch_dialog
from desk.views.workers import DbWorker
from tests.board_support import LEADER, WANG
from tests.db.test_dispatch_figures import a_day_of_cases
from tests.dispatch_support import accepted_event

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def sqlite_ctx(ctx, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    return ctx


@pytest.fixture
def backend_for(qtbot):
    made = []

    def make(ctx):
        worker = DbWorker()
        b = Backend(ctx, worker, ChangeBus())
        made.append(worker)
        return b

    yield make
    for w in made:
        w.stop()


def _shot(widget, name):
    if os.environ.get("DESK_SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_the_dispatch_dialog_proposes_the_department_and_sends_the_event(sqlite_ctx, clock, qtbot, backend_for):
    st = a_day_of_cases(sqlite_ctx, clock)
    eid = accepted_event(sqlite_ctx, st, "3号楼楼道电动车飞线充电", "有住户从窗户拉电线给电动车充电", kind="fire_hazard")
    backend = backend_for(sqlite_ctx.as_actor(WANG))
    dlg = open_dispatch_dialog(backend, eid)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.Ok)
    qtbot.waitUntil(ok.isEnabled, timeout=5000)
    assert dlg.lead.currentText().startswith("消防")
    assert "电动车" in dlg.reason.text()
    assert not dlg.override.isEnabled()
    _shot(dlg, "dispatch_dialog.png")
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        ok.click()
    assert dlg.result_id is not None
    assert dsp.case_detail(sqlite_ctx.as_actor(WANG), dlg.result_id).case.department == "消防"


def test_a_liaison_sees_only_their_inbox_and_can_accept(sqlite_ctx, clock, qtbot, backend_for):
    st = a_day_of_cases(sqlite_ctx, clock)
    eid = accepted_event(sqlite_ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(sqlite_ctx.as_actor(WANG), eid, st.dept["消防"])
    page = DispatchPage(backend_for(sqlite_ctx.as_actor(st.liaison("消防"))))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.inbox.model.rowCount() > 0, timeout=5000)
    cases = {page.inbox.model.row(r).department for r in range(page.inbox.model.rowCount())}
    assert cases == {"消防"}
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["部门收件箱", "事项清单"]
    assert not page.department.isEnabled()
    assert page.inbox.buttons["accept"].isVisibleTo(page) and not page.inbox.buttons["close"].isVisibleTo(page)
    row = next(r for r in range(page.inbox.model.rowCount()) if page.inbox.model.row(r).dispatch_id == did)
    page.inbox.table.selectRow(row)
    qtbot.waitUntil(lambda: "消防通道堵塞" in page.inbox.detail.toPlainText(), timeout=5000)
    _shot(page, "dispatch_inbox_liaison.png")
    page.accept()
    qtbot.waitUntil(lambda: dsp.case_detail(sqlite_ctx.as_actor(WANG), did).case.state == "accepted", timeout=5000)
    page.return_case("测试退单")  # too late: accepted cases may still be returned by the lead
    qtbot.waitUntil(lambda: dsp.case_detail(sqlite_ctx.as_actor(WANG), did).case.state == "returned", timeout=5000)


def test_the_supervision_list_shows_overdue_and_returned_cases_to_a_leader(sqlite_ctx, clock, qtbot, backend_for):
    st = a_day_of_cases(sqlite_ctx, clock)
    duty = sqlite_ctx.as_actor(WANG)
    late = dsp.dispatch_event(duty, accepted_event(sqlite_ctx, st, "燃气泄漏气味", kind="safety_hazard"), st.dept["应急"])
    back = dsp.dispatch_event(duty, accepted_event(sqlite_ctx, st, "小区占道经营"), st.dept["供水"])
    dsp.return_case(sqlite_ctx.as_actor(st.liaison("供水")), back, "不属于供水")
    clock.advance(hours=3)
    page = DispatchPage(backend_for(sqlite_ctx.as_actor(LEADER)))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.watch.model.rowCount() >= 2, timeout=5000)
    ids = {page.watch.model.row(r).dispatch_id for r in range(page.watch.model.rowCount())}
    assert {late, back} <= ids
    page.tabs.setCurrentWidget(page.watch)
    qtbot.waitUntil(lambda: page.watch.detail.toPlainText() != "", timeout=5000)
    _shot(page, "dispatch_supervision.png")
    page.tabs.setCurrentWidget(page.figures_view)
    qtbot.waitUntil(lambda: page.figure_model.rowCount() > 0, timeout=5000)
    _shot(page, "dispatch_figures.png")
    assert page.figure_model.data(page.figure_model.index(page.figure_model.rowCount() - 1, 0)) == "合计"


def test_the_matters_tab_lists_the_seven_domains_and_a_leader_admits_a_proposal(sqlite_ctx, clock, qtbot,
                                                                                backend_for):
    a_day_of_cases(sqlite_ctx, clock)
    new = dsp.propose_matter(sqlite_ctx.as_actor(WANG), "self_gov", "高空抛物隐患排查", "物业", 24, "近期多起投诉")
    page = DispatchPage(backend_for(sqlite_ctx.as_actor(LEADER)))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    page.tabs.setCurrentWidget(page.matters)
    qtbot.waitUntil(lambda: page.matters.model.rowCount() > 30, timeout=5000)
    domains = {page.matters.model.row(r).domain for r in range(page.matters.model.rowCount())}
    assert len(domains) == 7
    assert page.matters.buttons["admit"].isVisibleTo(page)
    row = next(r for r in range(page.matters.model.rowCount()) if page.matters.model.row(r).id == new.id)
    page.matters.table.selectRow(row)
    page.matters.table.scrollTo(page.matters.model.index(row, 0))
    _shot(page, "dispatch_matters.png")


def test_the_figures_tab_sorts_by_a_figure_marks_weak_rates_charts_and_exports(qtbot, ctx, clock, tmp_path, db_url):
    """A leader sorts departments by on-time closing, the weakest first, sees weak rates in red and a bar
    per department, and exports exactly that table through the report writer (audited)."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite")
    from openpyxl import load_workbook
    from PySide6.QtCore import Qt

    from desk.views.dispatch.figures_tab import FiguresTab

    a_day_of_cases(ctx, clock)
    worker = DbWorker()
    tab = FiguresTab(Backend(ctx.as_actor(LEADER), worker, ChangeBus()))
    qtbot.addWidget(tab)
    try:
        tab.load()
        qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10000)
        tab.sort.setCurrentIndex(tab.sort.findData("accepted_on_time_rate"))
        rates = [r[tab.table.column("accepted_on_time_rate")] for r in tab.table.rows]
        assert [v for v in rates if v is not None] == sorted(v for v in rates if v is not None)  # weakest first
        assert tab.model.is_totals(tab.model.rowCount() - 1)
        col = [c.key for _, c in tab.model._cols].index("accepted_on_time_rate")
        weak_row = next(i for i, v in enumerate(rates) if v is not None and v < 0.9)
        assert tab.model.data(tab.model.index(weak_row, col), Qt.ForegroundRole) is not None
        assert tab.chart is not None and len(tab.chart.labels) == len([v for v in rates if v is not None])
        out = tmp_path / "部门指标.xlsx"
        tab.export(str(out))
        qtbot.waitUntil(lambda: getattr(tab, "exported", None) == out, timeout=10000)
        sheet = load_workbook(out).active
        names = [c.value for c in sheet["A"]]
        assert all(r[0] in names for r in tab.table.rows)
        qtbot.waitUntil(lambda: _exports(ctx) == 1, timeout=5000)
    finally:
        worker.stop()


def _exports(ctx):
    from sqlalchemy import func, select

    from desk.models import AuditRecord

    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "data.export"))


def test_every_assisting_department_is_named_in_full_in_the_dispatch_dialog(sqlite_ctx, clock, qtbot, backend_for):
    """市场监管 and 自然资源 were cut to "…": the list sized every box like the first one (城管)."""
    st = a_day_of_cases(sqlite_ctx, clock)
    eid = accepted_event(sqlite_ctx, st, "路边无证摆摊", "夜市路口有人无证摆摊卖熟食", kind="request")
    dlg = open_dispatch_dialog(backend_for(sqlite_ctx.as_actor(WANG)), eid)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(dlg.buttons.button(QDialogButtonBox.Ok).isEnabled, timeout=5000)
    names = [dlg.assist.item(r).text() for r in range(dlg.assist.count())]
    assert "市场监管" in names
    metrics = dlg.assist.fontMetrics()
    for r in range(dlg.assist.count()):
        item = dlg.assist.item(r)
        box = dlg.assist.visualItemRect(item)
        assert box.width() >= metrics.horizontalAdvance(item.text()) + 24, item.text()


def test_the_liaisons_feedback_button_asks_what_was_done_and_takes_the_photo(sqlite_ctx, clock, qtbot, backend_for,
                                                                              monkeypatch, tmp_path):
    """反馈 clicked: it asks for the text and a photo (the click's checked=False was taken for the text,
    and the liaison got "反馈需要填写办理情况" without being asked)."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    st = a_day_of_cases(sqlite_ctx, clock)
    eid = accepted_event(sqlite_ctx, st, "兴钢社区3号楼消防通道被电动车堵了", kind="fire_hazard")
    did = dsp.dispatch_event(sqlite_ctx.as_actor(WANG), eid, st.dept["消防"])
    liaison = sqlite_ctx.as_actor(st.liaison("消防"))
    dsp.accept(liaison, did)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8fakejpeg")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("通道已清理，电动车已移走", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    page = DispatchPage(backend_for(liaison))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.inbox.model.rowCount() > 0, timeout=5000)
    page.inbox.table.selectRow(next(r for r in range(page.inbox.model.rowCount())
                                    if page.inbox.model.row(r).dispatch_id == did))
    page.inbox.buttons["feedback"].click()
    qtbot.waitUntil(lambda: bool(warnings) or dsp.case_detail(sqlite_ctx.as_actor(WANG), did).case.state == "feedback", timeout=5000)
    assert warnings == []
    detail = dsp.case_detail(sqlite_ctx.as_actor(WANG), did)
    fed_back = [e for e in detail.entries if "通道已清理" in e.text]
    assert len(fed_back) == 1 and len(fed_back[0].attachments) == 1  # the photo came with it
    page.inbox.table.selectRow(next(r for r in range(page.inbox.model.rowCount())
                                    if page.inbox.model.row(r).dispatch_id == did))
    page.show_detail(page.inbox)  # the grid worker who verifies sees that a photo came with the feedback
    qtbot.waitUntil(lambda: "附件 1 个" in page.inbox.detail.toPlainText(), timeout=5000)
