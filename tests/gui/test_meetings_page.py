"""The meetings page: a daily meeting recorded with one decision and one action item, and the item
found in the open-items list; a pre-filled agenda line opens its event; two seats on the same minutes."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk.app import build_shell
from desk.services.meetings import AttendeeRow, ItemDraft
from tests.board_support import new
from tests.meetings_support import WANG, people, record_daily

pytestmark = pytest.mark.gui


@pytest.fixture
def street(ctx, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    return people(ctx)


@pytest.fixture
def shell(ctx, street, qtbot):
    sh = build_shell(ctx.as_actor(WANG), start_page="meetings", listen=False)
    qtbot.addWidget(sh.window)
    sh.window.show()
    yield sh
    sh.close()


def test_record_a_daily_meeting_with_a_decision_and_an_item_and_find_it_in_the_open_items(shell, street, qtbot):
    page = shell.window.page("meetings")
    page.activate()
    dlg = page.new_meeting("daily")
    qtbot.waitUntil(lambda: dlg.choices is not None and dlg.community.count() > 0)
    dlg.community.setCurrentIndex(dlg.community.findText("兴钢社区"))
    dlg.place.setText("兴钢社区警务室")
    dlg.add_attendee(AttendeeRow(street.officer, "陈民警", "社区民警"))
    dlg.add_attendee(AttendeeRow(street.secretary, "刘书记", "书记"))
    dlg.decisions.setPlainText("3号楼楼道杂物三日内清理完毕。")
    day = date(2026, 11, 25)
    dlg.add_item(ItemDraft("清理3号楼楼道杂物", day + timedelta(days=3), owner_staff_id=street.secretary), "刘书记")
    with qtbot.waitSignal(dlg.saved, timeout=5000):
        dlg.save()
    page.tabs.setCurrentWidget(page.items_tab)
    qtbot.waitUntil(lambda: any(r.title == "清理3号楼楼道杂物" for r in page.items_tab.items.rows), timeout=5000)
    row = next(i for i, r in enumerate(page.items_tab.items.rows) if r.title == "清理3号楼楼道杂物")
    shown = [page.items_tab.items.index(row, c).data() for c in range(page.items_tab.items.columnCount())]
    assert shown[1:4] == ["清理3号楼楼道杂物", "刘书记", "兴钢社区"] and shown[5] == "2026-11-28"
    qtbot.waitUntil(lambda: any(m.kind == "daily" for m in page.meetings.rows), timeout=5000)
    assert page.meetings.rows[0].items == 1


def test_a_prefilled_agenda_line_opens_its_event_on_the_board(shell, ctx, street, qtbot):
    event = new(ctx.as_actor(WANG), title="燃气泄漏", urgent=True)
    page = shell.window.page("meetings")
    page.activate()
    dlg = page.new_meeting("weekly")
    qtbot.waitUntil(lambda: dlg.choices is not None)
    dlg.prefill()
    qtbot.waitUntil(lambda: any(x.ref_id == event.id for x in dlg.agenda.rows), timeout=5000)
    assert all(x.prefilled for x in dlg.agenda.rows)
    r = next(i for i, x in enumerate(dlg.agenda.rows) if x.ref_id == event.id)
    assert dlg.agenda.index(r, 0).data() == "事件"
    with qtbot.waitSignal(page.open_event, timeout=5000) as opened:
        dlg._agenda_double_clicked(dlg.agenda.index(r, 1))
    assert opened.args == [event.id]
    dlg.close()
    from PySide6.QtWidgets import QApplication
    for w in QApplication.topLevelWidgets():  # the event dialog the board opened
        if w.isVisible() and w is not shell.window:
            w.close()


def test_a_new_weekly_review_opens_with_its_agenda_already_there(shell, ctx, street, qtbot):
    event = new(ctx.as_actor(WANG), title="燃气泄漏", urgent=True)
    page = shell.window.page("meetings")
    page.activate()
    dlg = page.new_meeting("weekly")   # nobody presses 从数据预填
    qtbot.waitUntil(lambda: any(x.ref_id == event.id for x in dlg.agenda.rows), timeout=5000)
    assert dlg.agenda.rows[0].text.startswith("本周")
    dlg.close()


def test_a_decision_typed_in_the_minutes_becomes_the_action_items_title_without_typing_it_again(shell, street,
                                                                                                 qtbot):
    page = shell.window.page("meetings")
    page.activate()
    dlg = page.new_meeting("weekly")
    qtbot.waitUntil(lambda: dlg.choices is not None)
    dlg.decisions.setFocus()
    dlg.decisions.insertPlainText("路灯问题由城管三日内修复\n燃气管道隐患由应急办牵头排查")  # as typed
    assert dlg.next_decision() == "燃气管道隐患由应急办牵头排查"   # the cursor is on the last line typed
    dlg.add_item(ItemDraft("燃气管道隐患由应急办牵头排查", date(2026, 12, 8), owner_staff_id=street.secretary), "刘书记")
    assert dlg.next_decision() == "路灯问题由城管三日内修复"
    dlg.close()


def test_the_second_seat_saving_the_same_minutes_is_told_and_nothing_is_overwritten(shell, ctx, street, qtbot,
                                                                                     monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    m = record_daily(ctx, street, date(2026, 11, 25))
    page = shell.window.page("meetings")
    first, second = page._editor("daily", m.id), page._editor("daily", m.id)
    qtbot.waitUntil(lambda: first.version is not None and second.version is not None, timeout=5000)
    first.decisions.setPlainText("第一席位的决定")
    with qtbot.waitSignal(first.saved, timeout=5000):
        first.save()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    second.decisions.setPlainText("第二席位的决定")
    second.save()
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "另一席位" in warned[0] and second.isVisible()
    second.close()
    from desk.services.meetings import get_meeting
    assert get_meeting(ctx.as_actor(WANG), m.id).decisions == "第一席位的决定"


def test_the_status_bar_reminds_of_items_falling_due(shell, ctx, street, qtbot, clock):
    from desk.services.meetings import ItemDraft as Draft
    from desk.views.meetings import install_item_reminder

    record_daily(ctx, street, date(2026, 11, 24),
                 items=(Draft("今天到期", date(2026, 11, 25), owner_staff_id=street.secretary),))
    r = install_item_reminder(shell.window, shell.backend, shell.bus)
    qtbot.waitUntil(lambda: r.last is not None, timeout=5000)
    assert r.label.isVisible() and "今日到期 1 项" in r.label.text()


def test_an_item_is_finished_from_the_list_and_leaves_the_open_items(shell, ctx, street, qtbot):
    record_daily(ctx, street, date(2026, 11, 25),
                 items=(ItemDraft("修路灯", date(2026, 11, 27), owner_staff_id=street.secretary),))
    page = shell.window.page("meetings")
    page.activate()
    page.tabs.setCurrentWidget(page.items_tab)
    qtbot.waitUntil(lambda: page.items_tab.items.rowCount() == 1, timeout=5000)
    page.items_tab.item_view.selectRow(0)
    assert page.items_tab.item_buttons["finish"].isEnabled() and not page.items_tab.item_buttons["reopen"].isEnabled()
    qtbot.waitUntil(lambda: "形成" in page.items_tab.item_detail.text(), timeout=5000)  # its history
    page.items_tab.item_buttons["finish"].click()
    qtbot.waitUntil(lambda: page.items_tab.items.rowCount() == 0, timeout=5000)
    page.items_tab.include_done.setChecked(True)
    qtbot.waitUntil(lambda: page.items_tab.items.rowCount() == 1, timeout=5000)
    assert page.items_tab.items.index(0, 6).data() == "已完成"


def test_a_liaison_gets_only_the_action_items_of_their_department(ctx, street, qtbot):
    record_daily(ctx, street, date(2026, 11, 25), items=(
        ItemDraft("消防检查", date(2026, 11, 30), owner_department_id=street.fire),
        ItemDraft("占道经营", date(2026, 11, 30), owner_department_id=street.city)))
    sh = build_shell(ctx.as_actor(street.liaison(street.fire)), start_page="meetings", listen=False)
    qtbot.addWidget(sh.window)
    try:
        page = sh.window.page("meetings")
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["督办事项"]
        page.activate()
        qtbot.waitUntil(lambda: page.items_tab.items.rowCount() == 1, timeout=5000)
        assert page.items_tab.items.rows[0].title == "消防检查"
    finally:
        sh.close()
