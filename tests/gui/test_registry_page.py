"""The 基础信息 page on the demo street: community → grid browser, search by initials and full ID number,
special populations with due visits first, the person card with visits, and a visit entered by keyboard."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from desk.services import registry as reg
from desk.services.unit import Actor
from desk.views.backend import Backend
from desk.views.bus import ChangeBus
from desk.views.registry import RegistryPage
from desk.views.workers import DbWorker

pytestmark = pytest.mark.gui
DUTY = Actor("wangli", "王丽", role="duty_staff", seat="seat-1")
LEADER = Actor("zhang", "张国强", role="leader", seat="big-screen")


@pytest.fixture
def page_for(qtbot, db_url, request):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    demo_ctx = request.getfixturevalue("demo_ctx")
    made = []

    def make(actor):
        worker = DbWorker()
        made.append(worker)
        page = RegistryPage(Backend(demo_ctx.as_actor(actor), worker, ChangeBus()))
        qtbot.addWidget(page)
        page.resize(1300, 850)
        page.show()
        started = time.perf_counter()
        page.activate()
        qtbot.waitUntil(lambda: page.tree_model.rowCount() > 0 and page.people.rowCount() > 0, timeout=10000)
        page.opened_in = time.perf_counter() - started
        return page
    make.tmp = request.getfixturevalue("tmp_path")
    yield make
    for w in made:
        w.stop()


def test_the_registry_opens_with_the_browser_people_masked_and_due_visits_first(page_for, qtbot, tmp_path):
    page = page_for(DUTY)
    assert page.opened_in < 2.0
    qtbot.waitUntil(lambda: page.care.rowCount() > 0, timeout=10000)
    states = [r.state for r in page.care.rows]
    order = {"never": 0, "overdue": 0, "due": 1, "ok": 2}
    assert [order[s] for s in states] == sorted(order[s] for s in states)
    first = page.people.rows[0]
    assert "*" * 10 in first.id_masked
    page.people_view.selectRow(0)
    qtbot.waitUntil(lambda: first.name in page.card.text(), timeout=5000)
    page.tabs.setCurrentIndex(1)
    page.grab().save(str(tmp_path.parent / "registry_page.png"))


def test_search_by_initials_and_by_full_id_number(page_for, qtbot, demo_ctx):
    page = page_for(DUTY)
    someone = page.people.rows[3]
    from desk.services.unmask import unmask
    number = unmask(demo_ctx.as_actor(DUTY), "person", someone.id, "id_number")
    page.search.setText(number.lower())
    page._search()
    qtbot.waitUntil(lambda: [r.id for r in page.people.rows] == [someone.id], timeout=5000)
    initials = reg.people.initials_of(someone.name)
    page.search.setText(initials)
    page._search()
    qtbot.waitUntil(lambda: someone.id in [r.id for r in page.people.rows], timeout=5000)


def test_a_leader_sees_no_visit_button_but_may_unmask(page_for):
    page = page_for(LEADER)
    assert page.unmask_button.isVisibleTo(page) and not page.visit_button.isVisibleTo(page)


def test_the_visit_form_is_filled_and_saved_from_the_keyboard(qtbot):
    from datetime import date

    from desk.views.registry.visit_dialog import VisitDialog
    dlg = VisitDialog("张三", date(2026, 11, 25), "王丽", person_id=1)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClick(dlg.day, Qt.Key_Tab)     # date → visitor
    qtbot.keyClick(dlg.visitor, Qt.Key_Tab)  # visitor → findings
    qtbot.keyClicks(dlg.findings, "gas hose worn")  # QTest types Latin keys only
    qtbot.keyClick(dlg.findings, Qt.Key_Tab)
    qtbot.keyClicks(dlg.follow_up, "again next week")
    qtbot.keyClick(dlg.follow_up, Qt.Key_Tab)
    qtbot.keyClick(dlg.to_board, Qt.Key_Space)
    assert dlg.to_board.isChecked() and dlg.kind.isEnabled()
    qtbot.keyClick(dlg.visitor, Qt.Key_Return)   # Enter in a line saves (the Save button is the default)
    assert dlg.result() == VisitDialog.Accepted
    v = dlg.visit()
    assert v.findings == "gas hose worn" and v.follow_up == "again next week" and v.person_id == 1
    assert dlg.board_kind() == "special_population"
    dlg.deleteLater()


def test_the_merge_dialog_shows_both_records_and_takes_only_the_ticked_fields(qtbot):
    from datetime import date

    from desk.services.registry.people import FieldDiff, MergePreview
    from desk.services.registry.rows import PersonRow
    from desk.views.registry.person_dialog import MergeDialog
    existing = PersonRow(1, "张三", "男", date(1985, 3, 15), 41, "4104**********1234", "138****1234", "户籍人口",
                         "户主", 2, "兴钢社区第2网格", "兴钢社区", "兴钢社区3号楼1单元101", None, "", 1)
    diffs = (FieldDiff("phone", "联系电话", "138****1234", "139****1111"),
             FieldDiff("residence", "人口类型", "户籍人口", "流动人口"))
    dlg = MergeDialog(MergePreview(existing, "张三", diffs))
    qtbot.addWidget(dlg)
    m = dlg.model
    assert m.rowCount() == 2 and m.data(m.index(0, 1)) == "138****1234" and m.data(m.index(0, 2)) == "139****1111"
    assert m.data(m.index(0, 3), Qt.CheckStateRole) == Qt.Unchecked   # nothing is taken unless ticked
    m.setData(m.index(0, 3), Qt.Checked, Qt.CheckStateRole)
    assert m.taken == {"phone"}
    dlg.deleteLater()


def test_the_edit_form_shows_the_person_with_the_number_masked_and_keeps_a_blank_phone(qtbot):
    from datetime import date

    from desk.services.registry.rows import PersonRow
    from desk.services.registry.search import GridNode
    from desk.views.registry.person_dialog import PersonDialog
    grids = [GridNode(1, "第1网格", 1, "兴钢社区", 3), GridNode(2, "第2网格", 1, "兴钢社区", 5)]
    p = PersonRow(7, "张三", "男", date(1985, 3, 15), 41, "4104**********1234", "138****1234", "流动人口",
                  "租户", 2, "第2网格", "兴钢社区", "兴钢社区3号楼1单元101", None, "", 3)
    dlg = PersonDialog(grids, existing=p)
    qtbot.addWidget(dlg)
    assert not dlg.number.isEnabled() and dlg.number.text() == "4104**********1234"
    assert "138****1234" in dlg.phone.placeholderText()
    assert dlg.changes() == {"name": "张三", "phone": None, "residence": "floating", "relation": "tenant",
                             "grid_id": 2, "address": "兴钢社区3号楼1单元101", "id_number": None}
    dlg.deleteLater()


def test_choosing_an_address_in_the_browser_shows_its_house_and_its_people(page_for, qtbot):
    page = page_for(DUTY)
    community = page.tree_model.item(0)
    grid = community.child(0)
    page.tree.setCurrentIndex(grid.index())
    qtbot.waitUntil(lambda: grid.rowCount() > 0, timeout=10000)
    building = grid.child(0)          # grid → building → address
    address = building.child(0) if building.hasChildren() else building
    assert "号楼" in building.text() or address is building
    page.tree.setCurrentIndex(address.index())
    qtbot.waitUntil(lambda: "房屋" in page.place.text(), timeout=10000)
    qtbot.waitUntil(lambda: page.people.rowCount() > 0 and all(r.address.endswith(address.text().split("（")[0]) for r in page.people.rows),
                    timeout=10000)
    assert page.house_visit_button.isVisibleTo(page)
    page.people_view.selectRow(0)
    qtbot.waitUntil(lambda: page.visits.rowCount() >= 0 and page.people.rows[0].name in page.card.text(), timeout=5000)
    page.grab().save(str(page_for.tmp / "registry_address.png"))
