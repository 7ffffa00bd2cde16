"""The board on screen (offscreen Qt): rows, counts, filters and search, colours, the event dialog,
bulk accept, quick entry that keeps its text when saving fails, and a second seat's board that
sees the new event and the urgent notice through the change feed."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import LI, LIAISON, WANG, small_street  # noqa: E402

from desk.services import dispatch as dsp  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.changefeed import ChangeFeed  # noqa: E402
from desk.services.unit import seat_token  # noqa: E402
from desk.views.backend import Backend  # noqa: E402
from desk.views.board import BoardPage  # noqa: E402
from desk.views.board.labels import COL  # noqa: E402
from desk.views.board.model import RED_BG, RED_FG, URGENT_BG  # noqa: E402
from desk.views.bus import ChangeBus  # noqa: E402
from desk.views.workers import DbWorker, FeedListener  # noqa: E402


class Seat:
    """One seat's board: its own worker, bus and (optionally) change-feed listener."""

    def __init__(self, ctx, qtbot, listen=False):
        self.worker = DbWorker()
        self.bus = ChangeBus()
        self.backend = Backend(ctx, self.worker, self.bus)
        self.page = BoardPage(self.backend)
        self.bus.changed.connect(self.page.on_changes)
        qtbot.addWidget(self.page)
        self.feed = None
        if listen:
            self.feed = FeedListener(lambda: ChangeFeed(ctx.db, poll_interval=0.05))
            self.feed.changes.connect(self.bus.changed)
            self.feed.start()
        self.page.resize(1300, 700)
        self.page.show()
        self.page.activate()

    def close(self):
        if self.feed is not None:
            self.feed.stop()
        self.worker.stop()
        self.page.close()


@pytest.fixture
def street(ctx):
    return small_street(ctx)


@pytest.fixture
def duty(ctx, street):
    d = ctx.as_actor(WANG)
    inc.report_event(d, inc.NewEvent(title="张三家纠纷", kind="dispute", source="phone", address="兴钢社区3号楼"))
    inc.report_event(d, inc.NewEvent(title="路灯不亮", kind="request", source="hotline_12345", address="李辉庄村"))
    e = inc.report_event(d, inc.NewEvent(title="燃气泄漏", kind="safety_hazard", source="phone", urgent=True))
    inc.transition(d, e.id, "accept")
    return d


@pytest.fixture
def seat(duty, qtbot):
    s = Seat(duty, qtbot)
    qtbot.waitUntil(lambda: s.page.model.rowCount() == 3)
    yield s
    s.close()


def titles(page):
    return sorted(page.proxy.index(i, COL["title"]).data() for i in range(page.proxy.rowCount()))


def test_the_board_shows_open_events_with_counts(seat):
    assert titles(seat.page) == ["张三家纠纷", "燃气泄漏", "路灯不亮"]
    text = seat.page.counts.text()
    assert "未办结 3" in text and "待受理 2" in text and "紧急 1" in text


def test_the_ladder_column_holds_the_highest_rungs_name_before_any_dispute_rises(seat):
    table = seat.page.table
    assert table.columnWidth(COL["ladder"]) >= table.fontMetrics().horizontalAdvance("社区民警介入") + 8


def test_filters_and_search_with_pinyin_initials(seat, qtbot, street):
    page = seat.page
    page.filters.triage.setChecked(True)
    assert titles(page) == ["张三家纠纷", "路灯不亮"]
    page.filters.triage.setChecked(False)
    page.filters.search.setText("zsjf")
    assert titles(page) == ["张三家纠纷"]
    page.filters.search.setText("' OR 1=1 --")
    assert titles(page) == []
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.filters.community.count() > 1)
    page.filters.community.setCurrentIndex(page.filters.community.findData(street.village_id))
    assert titles(page) == ["路灯不亮"]
    page.filters.community.setCurrentIndex(0)
    page.filters.urgency.setCurrentIndex(page.filters.urgency.findData("urgent"))
    assert titles(page) == ["燃气泄漏"]


def street_dept(seat):
    return seat.page.choices.departments[0][0] if seat.page.choices else None


def test_urgent_rows_are_red_and_overdue_rows_stand_out_as_time_passes(seat, clock, qtbot):
    qtbot.waitUntil(lambda: seat.page.choices is not None)
    page = seat.page
    row_of = {page.model.index(i, COL["title"]).data(): i for i in range(page.model.rowCount())}
    assert page.model.index(row_of["燃气泄漏"], COL["id"]).data(Qt.BackgroundRole).color() == URGENT_BG
    assert page.model.index(row_of["路灯不亮"], COL["deadline"]).data(Qt.BackgroundRole) is None
    assert page.model.index(row_of["路灯不亮"], COL["deadline"]).data().startswith("剩 ")
    clock.advance(minutes=31)
    page._tick()
    assert page.model.index(row_of["路灯不亮"], COL["deadline"]).data(Qt.BackgroundRole).color() == RED_BG
    assert page.model.index(row_of["路灯不亮"], COL["deadline"]).data() == "超时 1分"
    assert page.model.index(row_of["路灯不亮"], COL["title"]).data(Qt.BackgroundRole) is None  # not the whole row
    page.filters.overdue.setChecked(True)
    assert "路灯不亮" in titles(page)
    page.filters.overdue.setChecked(False)
    gas = page.model.row(row_of["燃气泄漏"])
    inc.set_urgent(seat.backend.ctx, gas.id, False)
    did = dsp.dispatch_event(seat.backend.ctx, gas.id, street_dept(seat))
    liaison = replace(LIAISON, department_id=street_dept(seat))
    dsp.return_case(seat.backend.ctx.as_actor(liaison), did, reason="不属于本部门")
    page.reload()
    qtbot.waitUntil(lambda: any(r.status == "returned" for r in page.model.rows))
    returned = page.model.row_of(gas.id)
    assert page.model.index(returned, COL["status"]).data(Qt.ForegroundRole).color() == RED_FG
    assert page.model.index(returned, COL["next"]).data() == "改派 · 值班席"
    assert "超时" in page.counts.text()


def test_double_click_opens_the_event_with_its_timeline_and_accepting_there_updates_the_board(seat, qtbot):
    page = seat.page
    row = next(i for i in range(page.proxy.rowCount()) if page.proxy.index(i, COL["title"]).data() == "路灯不亮")
    dlg = page.open_event(page._row_at(page.proxy.index(row, 0)).id)
    qtbot.waitUntil(lambda: dlg.detail is not None)
    assert dlg.timeline.rowCount() == 1 and dlg.buttons["accept"].isEnabled()
    assert not dlg.buttons["close"].isEnabled()
    dlg.buttons["accept"].trigger()
    qtbot.waitUntil(lambda: dlg.detail.row.status == "accepted")
    assert dlg.timeline.rowCount() == 2
    qtbot.waitUntil(lambda: "待受理 1" in page.counts.text())
    dlg.close()


def test_a_conflict_in_the_dialog_says_who_did_what(seat, qtbot, duty, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = seat.page
    target = next(r for r in page.model.rows if r.title == "路灯不亮")
    dlg = page.open_event(target.id)
    qtbot.waitUntil(lambda: dlg.detail is not None)
    inc.transition(duty.as_actor(LI), target.id, "accept")  # the other seat, meanwhile
    dlg.buttons["accept"].trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert "李娜" in shown[0]
    qtbot.waitUntil(lambda: dlg.detail.row.status == "accepted")
    dlg.close()


def test_bulk_accept_of_selected_rows_keeps_the_selection(seat, qtbot):
    page = seat.page
    page.filters.triage.setChecked(True)
    page.table.selectAll()
    assert len(page.selected_ids()) == 2
    page.filters.triage.setChecked(False)
    page.table.selectAll()
    ids = page.selected_ids()
    page.accept_selected()
    qtbot.waitUntil(lambda: "待受理" not in page.counts.text())
    assert "成功 2 条，失败 1 条" in page.status_label.text()
    assert sorted(page.selected_ids()) == sorted(ids)
    qtbot.waitUntil(lambda: page.message_box is not None)
    assert "已受理" in page.message_box.text()  # the row that was already accepted says so
    page.message_box.close()


def test_quick_entry_keeps_the_text_when_saving_fails_and_the_second_seat_sees_the_event(duty, qtbot):
    seat1 = Seat(duty, qtbot)
    seat2 = Seat(duty.as_actor(LI), qtbot, listen=True)
    try:
        qtbot.waitUntil(lambda: seat2.page.model.rowCount() == 3)
        dlg = seat1.page.quick_entry()
        dlg.title_edit.insert("白云社区两户邻居吵架")  # Chinese comes from the input method, not key by key
        qtbot.keyClicks(dlg.phone, "not a phone")
        dlg.description.setFocus()
        dlg.description.insertPlainText("为院墙吵起来了")  # QTest types only ASCII into a text edit
        qtbot.keyClick(dlg.description, Qt.Key_Return, Qt.ControlModifier)
        qtbot.waitUntil(lambda: dlg.error.text() != "")
        assert "电话" in dlg.error.text() and dlg.isVisible()
        assert dlg.title_edit.text() == "白云社区两户邻居吵架"
        assert dlg.description.toPlainText() == "为院墙吵起来了"
        dlg.phone.clear()
        qtbot.keyClicks(dlg.phone, "13800001111")
        with qtbot.waitSignal(dlg.saved, timeout=5000):
            qtbot.keyClick(dlg.title_edit, Qt.Key_Return, Qt.ControlModifier)
        qtbot.waitUntil(lambda: seat2.page.model.rowCount() == 4, timeout=5000)
        assert "白云社区两户邻居吵架" in titles(seat2.page)
    finally:
        seat1.close()
        seat2.close()


def test_a_role_that_may_not_report_gets_no_new_event_button_and_ctrl_n_opens_nothing(duty, qtbot):
    seat = Seat(duty.as_actor(LIAISON), qtbot)
    try:
        assert not seat.page.new_button.isVisibleTo(seat.page)
        assert seat.page.quick_entry() is None
    finally:
        seat.close()


def test_the_wechat_helper_prefills_the_form(seat, qtbot):
    dlg = seat.page.quick_entry()
    dlg.paste.setPlainText("兴钢社区3号楼消防通道被电动车堵了，拍了照片，已经提醒了物业")
    dlg.fill_from_paste()
    qtbot.waitUntil(lambda: dlg.title_edit.text() != "")
    assert dlg.kind.currentData() == "fire_hazard" and dlg.source.currentData() == "wechat"
    assert dlg.address.text() == "兴钢社区3号楼"
    assert dlg.grid.currentText() == "兴钢社区第2网格"
    dlg.close()


def test_typed_by_hand_the_desk_proposes_the_kind_and_the_grid_but_keeps_what_she_chose(seat, qtbot):
    """A phone call typed without pasting: leaving the title and the address proposes 邻里纠纷,
    non-police and the grid of the building; a kind she picked herself is left alone."""
    dlg = seat.page.quick_entry()
    dlg.title_edit.insert("两户邻居因围墙吵架，声音越来越大")
    dlg.title_edit.editingFinished.emit()  # Tab out of the title (offscreen windows take no focus)
    dlg.address.insert("兴钢社区3号楼")
    dlg.address.editingFinished.emit()  # Tab out of the address: the grid is looked up
    qtbot.waitUntil(lambda: "兴钢社区第2网格" in dlg.found.text(), timeout=5000)
    assert (dlg.kind.currentData(), dlg.sub_kind.currentData()) == ("dispute", "neighbour")
    assert dlg.grid.currentText() == "兴钢社区第2网格" and not dlg.police.isChecked()
    assert "非警务" in dlg.found.text()
    dlg.kind.setCurrentIndex(dlg.kind.findData("request"))
    dlg.kind.activated.emit(dlg.kind.currentIndex())  # her own choice, as a click or a key in the list makes it
    dlg.address.insert("2单元")  # the address changed again: a new proposal, her kind stays
    answered = dlg._answered
    dlg.address.editingFinished.emit()
    qtbot.waitUntil(lambda: dlg._answered > answered, timeout=5000)
    assert dlg.kind.currentData() == "request" and "民生诉求" in dlg.found.text()
    dlg.close()


def test_a_proposal_that_fails_is_said_and_the_next_one_still_comes(seat, qtbot, monkeypatch):
    from desk.services.incidents import find

    real = find.propose_from_typing
    calls = []

    def flaky(ctx, title, address, text):
        calls.append(title)
        if len(calls) == 1:
            raise RuntimeError("数据库暂时不可用")
        return real(ctx, title, address, text)

    monkeypatch.setattr(find, "propose_from_typing", flaky)
    problems = []
    seat.page.backend.bus.problem.connect(problems.append)
    dlg = seat.page.quick_entry()
    dlg.title_edit.insert("两户邻居因围墙吵架")
    dlg.title_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: bool(problems), timeout=5000)
    assert "数据库暂时不可用" in problems[0] and dlg.title_edit.text() == "两户邻居因围墙吵架"
    dlg.address.insert("兴钢社区3号楼")
    dlg.address.editingFinished.emit()
    qtbot.waitUntil(lambda: "兴钢社区第2网格" in dlg.found.text(), timeout=5000)
    dlg.close()


def test_an_urgent_flag_on_one_seat_raises_a_notice_on_another(duty, qtbot):
    seat2 = Seat(duty.as_actor(LI), qtbot, listen=True)
    try:
        qtbot.waitUntil(lambda: seat2.page.model.rowCount() == 3)
        qtbot.waitUntil(lambda: seat2.page._last_notice is not None)
        target = next(r for r in seat2.page.model.rows if r.title == "路灯不亮")
        inc.set_urgent(duty, target.id, True)  # seat 1, in this process but through the database
        qtbot.waitUntil(lambda: seat2.page.banner.isVisible(), timeout=5000)
        assert "路灯不亮" in seat2.page.banner.text() and "王丽" in seat2.page.banner.text()
    finally:
        seat2.close()


def test_the_window_starts_on_the_board(ctx, street, qtbot):
    from desk.app import build_shell

    sh = build_shell(ctx, listen=False)
    qtbot.addWidget(sh.window)
    assert sh.window.stack.currentWidget().key == "board"
    sh.close()


def test_sorting_by_a_column_header_keeps_the_rows_and_the_selection(seat, qtbot):
    page = seat.page
    page.table.sortByColumn(0, Qt.AscendingOrder)
    ids = [int(page.proxy.index(i, 0).data()) for i in range(page.proxy.rowCount())]
    assert ids == sorted(ids)
    page.table.selectRow(0)
    chosen = page.selected_ids()
    page.table.sortByColumn(0, Qt.DescendingOrder)
    assert [int(page.proxy.index(i, 0).data()) for i in range(page.proxy.rowCount())] == sorted(ids, reverse=True)
    assert page.selected_ids() == chosen
    page.reload()
    qtbot.waitUntil(lambda: not page.loading("rows"))
    assert page.selected_ids() == chosen


def test_the_event_dialog_counts_its_attachments_on_the_tab(seat, duty, qtbot):
    """A department's feedback photo: the 附件 tab says there is one before anyone clicks it."""
    target = next(r for r in seat.page.model.rows if r.title == "燃气泄漏")
    inc.add_attachment(duty, target.id, "现场照片.jpg", b"\xff\xd8fakejpeg")
    dlg = seat.page.open_event(target.id)
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=5000)
    assert dlg.tabs.tabText(dlg.tabs.indexOf(dlg.attachments)) == "附件 (1)"
    dlg.close()


def test_words_the_desk_does_not_recognise_are_not_proposed_as_a_dispute(seat, qtbot):
    """The form starts on 矛盾纠纷: when the words name no kind, the line says so instead of
    "建议：矛盾纠纷" (a dispute starts the ladder)."""
    dlg = seat.page.quick_entry()
    dlg.title_edit.insert("兴钢社区1号楼有情况需要上门看看")
    dlg.title_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: dlg.found.text() != "", timeout=5000)
    assert "类型未识别" in dlg.found.text() and "矛盾纠纷" not in dlg.found.text()
    dlg.close()
