"""The event dialog's attachments and reporter phone, and the deadline-limits editor, on screen
(offscreen Qt, SQLite): what a duty officer, a liaison and the system administrator see and do."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import ADMIN, AUDITOR, LIAISON, WANG, small_street  # noqa: E402

from desk.models import Event  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.audit_log import AuditFilter, list_records  # noqa: E402
from desk.services.unit import Actor  # noqa: E402
from desk.views.backend import Backend  # noqa: E402
from desk.views.board.event_dialog import EventDialog  # noqa: E402
from desk.views.board.quick_entry import QuickEntryDialog  # noqa: E402
from desk.views.bus import ChangeBus  # noqa: E402
from desk.views.workers import DbWorker  # noqa: E402

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def event_id(ctx):
    small_street(ctx)
    e = inc.report_event(ctx.as_actor(WANG), inc.NewEvent(
        title="楼道堆放杂物", kind="safety_hazard", source="phone", address="兴钢社区1号楼",
        reporter_name="刘芳", phone="13812341234"))
    return e.id


@pytest.fixture
def backend_for(qtbot):
    made = []

    def make(ctx):
        worker = DbWorker()
        backend = Backend(ctx, worker, ChangeBus())
        made.append(worker)
        return backend
    yield make
    for w in made:
        w.stop()


def open_dialog(qtbot, backend, event_id):
    dlg = EventDialog(backend, event_id, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.detail is not None)
    return dlg


def shot(widget, name):
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_a_duty_officer_attaches_a_photo_and_saves_a_copy(ctx, qtbot, backend_for, event_id, tmp_path):
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(WANG)), event_id)
    panel = dlg.attachments
    assert panel.add_button.isVisibleTo(panel) and panel.model.rowCount() == 0
    photo = tmp_path / "现场.png"
    photo.write_bytes(b"\x89PNG fake")
    panel.add_file(str(photo))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "现场.png"
    assert panel.model.index(0, 1).data() == "9 B"
    assert panel.model.index(0, 2).data() == "wangli"
    panel.table.selectRow(0)
    assert panel.save_button.isEnabled()
    out = tmp_path / "copy.png"
    panel.save_to(panel.selected().id, str(out))
    qtbot.waitUntil(lambda: out.exists())
    assert out.read_bytes() == b"\x89PNG fake"
    shot(dlg, "board_event_attachments.png")


def test_a_refused_file_is_explained_and_the_list_stays_as_it_was(ctx, qtbot, backend_for, event_id, tmp_path):
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(WANG)), event_id)
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ")
    dlg.attachments.add_file(str(exe))
    qtbot.waitUntil(lambda: getattr(dlg.attachments, "message_box", None) is not None)
    box = dlg.attachments.message_box
    assert isinstance(box, QMessageBox) and "类型" in box.text()
    assert dlg.attachments.model.rowCount() == 0 and dlg.attachments.add_button.isEnabled()
    box.close()


def test_a_liaison_sees_attachments_but_has_no_add_button(ctx, qtbot, backend_for, event_id):
    inc.add_attachment(ctx.as_actor(WANG), event_id, "a.pdf", b"%PDF")
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(LIAISON)), event_id)
    qtbot.waitUntil(lambda: dlg.attachments.model.rowCount() == 1)
    assert not dlg.attachments.add_button.isVisibleTo(dlg.attachments)


def test_a_duty_officer_sees_the_phone_masked_and_shows_it_in_full_on_request(ctx, qtbot, backend_for, event_id):
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(WANG)), event_id)
    assert dlg.fields["reporter"].text() == "刘芳 138****1234"
    assert dlg.unmask_button.isVisible()
    shot(dlg, "board_event_phone_masked.png")
    dlg.unmask_button.click()
    qtbot.waitUntil(lambda: dlg.fields["reporter"].text() == "刘芳 13812341234")
    assert not dlg.unmask_button.isVisible()
    shot(dlg, "board_event_phone_full.png")
    [rec] = list_records(ctx.as_actor(AUDITOR), AuditFilter(action="pii.unmask"))
    assert (rec.actor, rec.entity, rec.entity_id) == ("wangli", "event", str(event_id))


def test_a_liaison_gets_no_unmask_button_and_only_the_masked_phone(ctx, qtbot, backend_for, event_id):
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(LIAISON)), event_id)
    assert dlg.fields["reporter"].text() == "刘芳 138****1234"
    assert not dlg.unmask_button.isVisible()


def test_quick_entry_starts_as_a_phone_call_at_the_duty_seat_and_as_a_grid_report_for_grid_staff(ctx, qtbot,
                                                                                                 backend_for):
    small_street(ctx)
    seat = QuickEntryDialog(backend_for(ctx.as_actor(WANG)), None)
    qtbot.addWidget(seat)
    assert seat.source.currentData() == "phone"
    worker = QuickEntryDialog(backend_for(ctx.as_actor(Actor("ye", "叶杰", role="grid_staff", seat="s"))), None)
    qtbot.addWidget(worker)
    assert worker.source.currentData() == "grid_worker"


def test_quick_entry_stores_the_reporter_phone_encrypted(ctx, qtbot, backend_for):
    small_street(ctx)
    dlg = QuickEntryDialog(backend_for(ctx.as_actor(WANG)), None)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.title_edit.setText("噪音扰民")
    dlg.reporter.setText("赵女士")
    dlg.phone.setText("139 8765 4321")
    saved = []
    dlg.saved.connect(saved.append)
    dlg.save()
    qtbot.waitUntil(lambda: bool(saved))
    with ctx.read() as s:
        e = s.get(Event, saved[0].id)
        assert "4321" not in e.phone_enc and e.phone_idx == ctx.cipher.blind("13987654321")
        assert ctx.cipher.decrypt(e.phone_enc) == "13987654321"


# --- the deadline table editor ---

def limits_dialog(qtbot, backend):
    from desk.views.board.limits import LimitsDialog

    dlg = LimitsDialog(backend)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 0)
    return dlg


def cell(dlg, kind, urgency, field):
    from desk.views.board.limits import FIELDS, KEY_COLUMNS

    i = next(i for i in range(dlg.model.rowCount())
             if (dlg.model.row(i).kind, dlg.model.row(i).urgency) == (kind, urgency))
    return dlg.model.index(i, KEY_COLUMNS + FIELDS.index(field))


def test_only_the_system_administrator_gets_the_limits_button_on_the_board(ctx, qtbot, backend_for):
    from desk.views.board import BoardPage

    small_street(ctx)
    for actor, visible in ((ADMIN, True), (WANG, False), (LIAISON, False)):
        page = BoardPage(backend_for(ctx.as_actor(actor)))
        qtbot.addWidget(page)
        page.show()
        assert page.limits_button.isVisible() is visible
        page.close()


def test_the_administrator_changes_a_limit_and_it_is_saved_and_audited(ctx, qtbot, backend_for):
    dlg = limits_dialog(qtbot, backend_for(ctx.as_actor(ADMIN)))
    assert not dlg.save_button.isEnabled()
    idx = cell(dlg, "fire_hazard", "ordinary", "handle_red")
    assert idx.data() == 480
    assert dlg.model.setData(idx, 600)
    assert dlg.save_button.isEnabled() and "1" in dlg.problem.text()
    shot(dlg, "board_limits_editor.png")
    saved = []
    dlg.saved.connect(lambda: saved.append(True))
    dlg.save_button.click()
    qtbot.waitUntil(lambda: bool(saved) and not dlg.model.edits)
    assert cell(dlg, "fire_hazard", "ordinary", "handle_red").data() == 600
    limit = next(r for r in inc.list_limits(ctx.as_actor(ADMIN)) if (r.kind, r.urgency) == ("fire_hazard", "ordinary"))
    assert limit.handle_red == 600
    [rec] = list_records(ctx.as_actor(AUDITOR), AuditFilter(action="deadline.set"))
    assert rec.actor == "admin"


def test_a_yellow_limit_above_the_red_one_is_marked_and_cannot_be_saved(ctx, qtbot, backend_for):
    from desk.views.board.limits import BAD_BG

    dlg = limits_dialog(qtbot, backend_for(ctx.as_actor(ADMIN)))
    idx = cell(dlg, "dispute", "ordinary", "accept_yellow")
    dlg.model.setData(idx, 45)  # red is 30
    assert not dlg.save_button.isEnabled()
    assert "黄牌" in dlg.problem.text() and "矛盾纠纷" in dlg.problem.text()
    assert idx.data(Qt.BackgroundRole) == BAD_BG
    red = cell(dlg, "dispute", "ordinary", "accept_red")
    assert red.data(Qt.BackgroundRole) == BAD_BG
    shot(dlg, "board_limits_invalid.png")
    dlg.model.setData(idx, 0)
    assert not dlg.save_button.isEnabled()
    dlg.model.setData(idx, 20)  # back to what it was: nothing to save
    assert not dlg.save_button.isEnabled() and dlg.problem.text() == ""


def test_a_limit_changed_by_another_seat_meanwhile_is_reported_and_not_overwritten(ctx, qtbot, backend_for):
    admin = ctx.as_actor(ADMIN)
    dlg = limits_dialog(qtbot, backend_for(admin))
    dlg.model.setData(cell(dlg, "request", "ordinary", "handle_red"), 3000)
    other = next(r for r in inc.list_limits(admin) if (r.kind, r.urgency) == ("request", "ordinary"))
    minutes = {f: getattr(other, f) for f in ("accept_yellow", "accept_red", "handle_yellow", "handle_red",
                                              "verify_yellow", "verify_red")}
    minutes["handle_red"] = 2900
    inc.set_limit(admin, kind="request",
                  urgency="ordinary", minutes=minutes, expected_version=other.version)
    dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.message_box is not None)
    assert "其他席位" in dlg.message_box.text() and "民生诉求" in dlg.message_box.text()
    qtbot.waitUntil(lambda: cell(dlg, "request", "ordinary", "handle_red").data() == 2900)
    assert not dlg.model.edits
    shot(dlg, "board_limits_conflict.png")
    dlg.message_box.close()


def test_quick_entry_fields_take_their_sizes_from_the_declared_limits(ctx, qtbot, backend_for):
    from desk.services import limits

    small_street(ctx)
    dlg = QuickEntryDialog(backend_for(ctx.as_actor(WANG)), None)
    qtbot.addWidget(dlg)
    dlg.show()
    assert (dlg.title_edit.maxLength(), dlg.address.maxLength(), dlg.reporter.maxLength(), dlg.phone.maxLength()) \
        == (limits.TITLE.max, limits.ADDRESS.max, limits.REPORTER.max, limits.PHONE.max)
    dlg.title_edit.setText("标" * 500)
    assert len(dlg.title_edit.text()) == limits.TITLE.max


def test_quick_entry_says_at_once_that_the_description_is_too_long_and_keeps_it(ctx, qtbot, backend_for):
    from desk.services import limits

    small_street(ctx)
    dlg = QuickEntryDialog(backend_for(ctx.as_actor(WANG)), None)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.title_edit.setText("噪音扰民")
    dlg.description.setPlainText("吵" * (limits.DESCRIPTION.max + 1))
    assert dlg.description_count.text() == f"{limits.DESCRIPTION.max + 1}/{limits.DESCRIPTION.max}"
    saved = []
    dlg.saved.connect(saved.append)
    dlg.save()
    assert f"内容不超过{limits.DESCRIPTION.max}字" in dlg.error.text()
    assert dlg.isVisible() and len(dlg.description.toPlainText()) == limits.DESCRIPTION.max + 1 and not saved
    with ctx.read() as s:
        assert s.query(Event).count() == 0
