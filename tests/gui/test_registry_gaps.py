"""The registry's last gaps on screen, on the demo street: a unit is visited from the units tab and its card
shows the visit and the event it raised; a mistyped ID number is corrected from the person form; a department
liaison's 基础信息 is only the people linked to their cases, masked, with the case number, read-only."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from desk.models import AuditRecord
from desk.services import registry as reg
from desk.services.unit import Actor
from desk.services.unmask import unmask
from desk.views.registry import LinkedPeoplePage, RegistryPage
from desk.views.registry import actions
from desk.views.registry.person_dialog import PersonDialog
from desk.views.registry.visit_dialog import VisitDialog
from tests.registry_support import id_number

pytestmark = pytest.mark.gui
DUTY = Actor("wangli", "王丽", role="duty_staff", seat="seat-1")
NEW_NUMBER = id_number("19700101", 997, "110101")   # on no record of the demo street


@pytest.fixture
def page_for(demo_page_for):
    return lambda actor, page_class=RegistryPage: demo_page_for(page_class, actor, (1300, 850))


def actions_of(ctx, action):
    with ctx.read() as s:
        return list(s.scalars(select(AuditRecord).where(AuditRecord.action == action)))


def test_a_unit_is_visited_from_the_units_tab_and_its_card_shows_the_visit_and_its_event(page_for, qtbot,
                                                                                       monkeypatch, tmp_path):
    page = page_for(DUTY)
    page.tabs.setCurrentWidget(page.units_tab)
    qtbot.waitUntil(lambda: page.units.rowCount() > 0, timeout=10000)
    assert page.unit_visit_button.isVisibleTo(page) and not page.unit_visit_button.isEnabled()
    # before a unit is chosen the card speaks of units, with no person's buttons under it
    assert "单位" in page.card.text() and not page.edit_button.isVisibleTo(page)
    unit = page.units.rows[0]
    page.units_view.selectRow(0)
    qtbot.waitUntil(lambda: unit.name in page.card.text() and "相关事件" in page.card.text(), timeout=5000)
    assert page.unit_visit_button.isEnabled()
    assert not page.edit_button.isVisibleTo(page) and not page.visit_button.isVisibleTo(page)  # a person's

    class Filled(VisitDialog):
        def exec(self):
            self.findings.setPlainText("灭火器过期")
            self.to_board.setChecked(True)
            self.kind.setCurrentIndex(self.kind.findData("fire_hazard"))
            return VisitDialog.Accepted
    monkeypatch.setattr(actions, "VisitDialog", Filled)
    page.unit_visit_button.click()
    qtbot.waitUntil(lambda: "已上报为事件" in page.status.text(), timeout=10000)
    event_id = re.search(r"#(\d+)", page.status.text()).group(1)
    page.on_changes([type("C", (), {"kind": "insert", "table": "visit"})()])
    qtbot.waitUntil(lambda: page.visits.rowCount() == 1 and f"#{event_id}" in page.card.text(), timeout=10000)
    v = page.visits.rows[0]
    assert (v.target, v.findings, v.event_id) == (unit.name, "灭火器过期", int(event_id))
    page.grab().save(str(tmp_path.parent / "registry_unit_visit.png"))


def test_the_person_form_takes_a_corrected_number_only_when_ticked_and_valid(qtbot):
    from datetime import date

    from desk.services.registry.rows import PersonRow
    from desk.services.registry.search import GridNode
    grids = [GridNode(1, "第1网格", 1, "兴钢社区", 3)]
    p = PersonRow(7, "张三", "女", date(1985, 3, 15), 41, "4104**********1234", "138****1234", "户籍人口",
                  "户主", 1, "第1网格", "兴钢社区", "兴钢社区3号楼1单元101", None, "", 3)
    dlg = PersonDialog(grids, existing=p)
    qtbot.addWidget(dlg)
    assert dlg.correct.isVisibleTo(dlg) and not dlg.new_number.isEnabled()
    dlg.correct.setChecked(True)
    assert dlg.new_number.isEnabled()
    dlg.new_number.setText(NEW_NUMBER[:17] + ("1" if NEW_NUMBER[17] != "1" else "2"))
    dlg.accept()
    assert dlg.result() != PersonDialog.Accepted and "校验位" in dlg.problem.text()
    dlg.new_number.setText(NEW_NUMBER.lower())
    dlg.accept()
    assert dlg.result() == PersonDialog.Accepted and dlg.changes()["id_number"] == NEW_NUMBER.lower()
    fresh = PersonDialog(grids)
    qtbot.addWidget(fresh)
    assert not fresh.correct.isVisibleTo(fresh)   # a new registration types the number itself
    for d in (dlg, fresh):
        d.deleteLater()


def _corrected_by(number):
    class Corrected(PersonDialog):
        def exec(self):
            self.correct.setChecked(True)
            self.new_number.setText(number)
            return PersonDialog.Accepted
    return Corrected


def test_a_mistyped_number_is_corrected_from_the_card_and_a_number_on_record_is_refused(page_for, qtbot, demo_ctx,
                                                                                      monkeypatch):
    page = page_for(DUTY)
    qtbot.waitUntil(lambda: page.people.rowCount() > 3, timeout=10000)
    someone, other = page.people.rows[0], page.people.rows[3]
    page.people_view.selectRow(0)
    qtbot.waitUntil(lambda: someone.name in page.card.text(), timeout=5000)
    monkeypatch.setattr(actions, "PersonDialog", _corrected_by(unmask(demo_ctx.as_actor(DUTY), "person", other.id,
                                                                      "id_number")))
    page.edit_button.click()
    qtbot.waitUntil(lambda: "合并" in page.status.text(), timeout=10000)   # held by another: the merge is the way
    assert unmask(demo_ctx.as_actor(DUTY), "person", someone.id, "id_number") != NEW_NUMBER
    monkeypatch.setattr(actions, "PersonDialog", _corrected_by(NEW_NUMBER))
    page.edit_button.click()
    masked = NEW_NUMBER[:4] + "*" * 10 + NEW_NUMBER[-4:]
    qtbot.waitUntil(lambda: masked in page.card.text(), timeout=10000)
    assert "1970" not in page.card.text() and NEW_NUMBER not in page.card.text()
    assert unmask(demo_ctx.as_actor(DUTY), "person", someone.id, "id_number") == NEW_NUMBER
    assert reg.person_row(demo_ctx.as_actor(DUTY), someone.id).birth.isoformat() == "1970-01-01"
    assert len(actions_of(demo_ctx, "person.correct_id")) == 1


@pytest.fixture
def liaison(demo_ctx):
    from desk.demo.accounts import DEMO_PASSWORD, create_demo_accounts
    from desk.services import auth
    create_demo_accounts(demo_ctx)
    return auth.sign_in(demo_ctx, "liaison", DEMO_PASSWORD)


def test_the_liaison_sees_only_linked_people_masked_with_their_case_and_nothing_to_change(page_for, qtbot,
                                                                                         demo_ctx, liaison, tmp_path):
    expected = reg.linked_people(demo_ctx.as_actor(liaison))
    assert expected, "the demo links a few callers of the liaison's cases to residents"
    page = page_for(liaison, LinkedPeoplePage)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(expected), timeout=10000)
    m = page.model
    for r in range(m.rowCount()):
        cells = [m.data(m.index(r, c)) for c in range(m.columnCount())]
        assert re.fullmatch(r"(#\d+、)*#\d+", cells[0])
        assert re.fullmatch(r"\d{4}\*{10}[\dX]{4}", cells[4]) and re.fullmatch(r"(\d{3}\*{4}\d{4})?", cells[5])
    assert page.findChildren(QPushButton) == []          # no register, edit, visit, import, export, unmask
    page.view.selectRow(0)
    first = page.model.rows[0]
    qtbot.waitUntil(lambda: f"#{first.cases[0].event_id}" in page.card.text(), timeout=5000)
    assert first.id_masked in page.card.text()
    assert [int(a.entity_id) for a in actions_of(demo_ctx, "person.linked_view")] == [first.id]
    page.grab().save(str(tmp_path.parent / "registry_liaison.png"))
    looks = len(actions_of(demo_ctx, "person.linked_list"))
    assert looks >= 1
    change = type("C", (), {"kind": "update", "table": "dispatch"})()
    page.hide()
    page.on_changes([change])          # off screen: no read, so no look to record
    qtbot.wait(200)
    assert len(actions_of(demo_ctx, "person.linked_list")) == looks
    page.show()
    page.activate()                    # back on screen: the list is read again (and the look recorded)
    qtbot.waitUntil(lambda: len(actions_of(demo_ctx, "person.linked_list")) == looks + 1, timeout=5000)


def test_the_liaison_asking_for_an_unlinked_person_is_refused_and_the_refusal_recorded(page_for, qtbot, demo_ctx,
                                                                                      liaison):
    page = page_for(liaison, LinkedPeoplePage)
    linked = {r.id for r in reg.linked_people(demo_ctx.as_actor(liaison))}
    stranger = next(i for i in range(1, 1000) if i not in linked)
    errors = []
    page.backend.read(lambda ctx: reg.linked_person(ctx, stranger), lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors) and bool(actions_of(demo_ctx, "auth.denied")), timeout=5000)
    assert "无关联" in str(errors[0])
    assert "registry.linked" in actions_of(demo_ctx, "auth.denied")[0].after


def test_going_back_to_the_people_shows_a_persons_card_again_not_the_unit(page_for, qtbot):
    page = page_for(DUTY)
    page.tabs.setCurrentWidget(page.units_tab)
    qtbot.waitUntil(lambda: page.units.rowCount() > 0, timeout=10000)
    unit = page.units.rows[0]
    page.units_view.selectRow(0)
    qtbot.waitUntil(lambda: unit.name in page.card.text(), timeout=5000)
    page.tabs.setCurrentIndex(0)
    assert unit.name not in page.card.text() and "选择一个人" in page.card.text()
    assert page.edit_button.isVisibleTo(page) and not page.edit_button.isEnabled()
