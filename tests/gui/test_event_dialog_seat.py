"""The event dialog on a duty officer's 1280x720 screen: the next step as the main button, the rest
in a menu with reasons, dispute sections only for disputes, people's text shown as typed (never as
markup), the real operator on every step, and a size it remembers. Plus the pages' seams: one
reload for a burst of changes, and a failed background read said, not swallowed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import LIAISON, WANG, small_street  # noqa: E402

from desk.services import incidents as inc  # noqa: E402
from desk.services.topics import concerns  # noqa: E402
from desk.services.unit import Change  # noqa: E402
from desk.views.backend import Backend  # noqa: E402
from desk.views.board.event_dialog import EventDialog  # noqa: E402
from desk.views.bus import ChangeBus  # noqa: E402
from desk.views.pages import Page  # noqa: E402
from desk.views.workers import DbWorker  # noqa: E402

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def backend_for(qtbot):
    made = []

    def make(ctx):
        worker = DbWorker()
        made.append(worker)
        return Backend(ctx, worker, ChangeBus())
    yield make
    for w in made:
        w.stop()


def report(ctx, **kw):
    small_street(ctx)
    fields = dict(title="楼道堆放杂物", kind="safety_hazard", source="phone", address="兴钢社区1号楼") | kw
    return inc.report_event(ctx.as_actor(WANG), inc.NewEvent(**fields)).id


def open_dialog(qtbot, backend, event_id):
    dlg = EventDialog(backend, event_id, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.detail is not None)
    return dlg


def test_the_next_step_is_the_main_button_and_the_rest_say_why_not(ctx, qtbot, backend_for):
    eid = report(ctx)
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(WANG)), eid)
    assert dlg.primary.isVisibleTo(dlg) and dlg.primary.text() == "受理"
    assert not dlg.buttons["close"].isEnabled() and "待受理" in dlg.buttons["close"].toolTip()
    assert not dlg.buttons["mediate"].isEnabled() and dlg.buttons["mediate"].toolTip()
    dlg.primary.click()
    qtbot.waitUntil(lambda: dlg.detail.row.status == "accepted")
    assert dlg.primary.text() == "派单"
    assert [s.actor_name for s in dlg.detail.steps] == ["王丽", "王丽"]  # the real operator on each step
    dlg.close()


def test_a_liaison_is_offered_only_the_department_steps(ctx, qtbot, backend_for):
    eid = report(ctx)
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(LIAISON)), eid)
    assert set(dlg.buttons) == {"start", "return", "feedback"}
    assert not dlg.primary.isVisibleTo(dlg)  # a reported event is not the department's turn
    dlg.close()


def test_dispute_sections_show_only_for_disputes(ctx, qtbot, backend_for):
    hazard = report(ctx)
    dispute = inc.report_event(ctx.as_actor(WANG), inc.NewEvent(title="邻里噪声纠纷", kind="dispute",
                                                                 sub_kind="neighbour", source="phone")).id
    backend = backend_for(ctx.as_actor(WANG))
    dlg = open_dialog(qtbot, backend, hazard)
    assert not dlg.info.isRowVisible(dlg.field_rows["ladder"])
    dlg.close()
    dlg = open_dialog(qtbot, backend, dispute)
    assert dlg.info.isRowVisible(dlg.field_rows["ladder"])
    dlg.close()


def test_text_people_typed_is_shown_as_typed_not_as_markup(ctx, qtbot, backend_for):
    eid = report(ctx, title="<img src=x>楼道<b>杂物</b>", description="<a href='http://x'>点此</a>")
    dlg = open_dialog(qtbot, backend_for(ctx.as_actor(WANG)), eid)
    assert "&lt;b&gt;杂物&lt;/b&gt;" in dlg.heading.text() and "<b>杂物" not in dlg.heading.text()
    assert dlg.fields["description"].text() == "<a href='http://x'>点此</a>"
    assert dlg.fields["description"].textFormat().name == "PlainText"
    dlg.close()


def test_the_dialog_fits_a_1280x720_screen_and_remembers_its_size(ctx, qtbot, backend_for):
    eid = report(ctx)
    backend = backend_for(ctx.as_actor(WANG))
    dlg = open_dialog(qtbot, backend, eid)
    assert dlg.minimumSizeHint().height() <= 660 and dlg.height() <= 660 and dlg.width() <= 1280
    dlg.resize(700, 500)
    dlg.close()
    again = open_dialog(qtbot, backend, eid)
    assert (again.width(), again.height()) == (700, 500)
    again.close()


class _CountingPage(Page):
    key = "probe"

    def __init__(self, backend):
        super().__init__()
        self.backend = backend
        self.reads = 0
        self.shown = []

    def title(self) -> str:
        return "probe"

    def reload(self) -> None:
        def read(_ctx):
            import time

            self.reads += 1
            time.sleep(0.05)
            return self.reads
        self.read_once("rows", read, self.shown.append)


def test_a_burst_of_changes_costs_two_reads_not_one_each(ctx, qtbot, backend_for):
    page = _CountingPage(backend_for(ctx))
    for _ in range(6):
        page.reload()
    qtbot.waitUntil(lambda: len(page.shown) == 2, timeout=3000)
    qtbot.wait(150)
    assert page.reads == 2 and page.shown == [1, 2]


def test_a_failed_background_read_is_said_in_the_status_line_not_swallowed(ctx, qtbot, backend_for, caplog):
    backend = backend_for(ctx)
    said = []
    backend.bus.problem.connect(said.append)

    def broken(_ctx):
        raise RuntimeError("磁盘已满")
    backend.read(broken, lambda _v: None, backend.failed("读取街道名称"))
    qtbot.waitUntil(lambda: bool(said), timeout=3000)
    assert said == ["读取街道名称：磁盘已满"]
    assert "磁盘已满" in caplog.text


def test_change_topics_name_what_a_screen_cares_about(db_url):
    event = Change("event", "1", "update")
    assert concerns([event], "board") and concerns([event], "dispatch")
    assert not concerns([event], "org")
    assert concerns([Change("", "", "resync")], "org")


def test_the_font_grows_and_shrinks_with_ctrl_plus_and_minus_and_is_remembered(ctx, qtbot, qapp):
    from PySide6.QtGui import QShortcut

    from desk.app import build_shell
    from desk.views import font_size

    original = qapp.font()
    sh = build_shell(ctx, listen=False)
    qtbot.addWidget(sh.window)
    try:
        sh.window.show()
        before = font_size.current()
        board = sh.window.page("board")
        row_before = board.table.verticalHeader().defaultSectionSize()
        keys = {sc.key().toString(): sc for sc in sh.window.findChildren(QShortcut)}
        keys["Ctrl+="].activated.emit()   # the window's own shortcuts (offscreen Qt has no key focus)
        keys["Ctrl++"].activated.emit()
        assert font_size.current() == before + 2
        qtbot.waitUntil(lambda: board.table.verticalHeader().defaultSectionSize() > row_before)  # rows grow too
        keys["Ctrl+-"].activated.emit()
        assert font_size.current() == before + 1
        qapp.setFont(original)
        font_size.restore()  # the next start of the program
        assert font_size.current() == before + 1
    finally:
        sh.close()
        qapp.setFont(original)
