"""The dispatch dialog shows the routing proposal: the department with its confidence in words, why
(matter, past cases, words), and the ranked departments, a click on one choosing it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desk.views.backend import Backend
from desk.views.bus import ChangeBus
from desk.views.dispatch import open_dispatch_dialog
from desk.views.workers import DbWorker
from tests.board_support import WANG
from tests.dispatch_support import accepted_event, street
from tests.routing_support import day, history_case

pytestmark = pytest.mark.gui


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


def test_the_dialog_shows_the_ranked_proposal_and_a_click_chooses_another(ctx, db_url, qtbot, backend_for,
                                                                          no_leftover_windows):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    st = street(ctx)
    for i in range(6):
        history_case(ctx, f"烧烤店油烟扰民{i}", st.dept["城管"], day(i))
    eid = accepted_event(ctx, st, "烧烤店油烟扰民", "")
    dlg = open_dispatch_dialog(backend_for(ctx.as_actor(WANG)), eid)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.Ok)
    qtbot.waitUntil(ok.isEnabled, timeout=5000)
    text = dlg.reason.text()
    assert "仅供参考" in text and "环保" in text and "油烟与噪声扰民" in text
    assert "dept:" in text and "件相似的以往案件" in text
    assert dlg.lead.currentText().startswith("环保") and not dlg.override.isEnabled()
    dlg.reason.linkActivated.emit(f"dept:{st.dept['城管']}")
    assert dlg.lead.currentText().startswith("城管") and dlg.override.isEnabled()
    if os.environ.get("DESK_SHOTS"):
        shots = Path(__file__).resolve().parents[2] / "shots"
        shots.mkdir(exist_ok=True)
        dlg.grab().save(str(shots / "dispatch_dialog_ranked.png"))
    dlg.reject()


def test_the_re_route_dialog_says_the_return_reason_named_the_proposed_department(ctx, db_url, qtbot, backend_for,
                                                                                   no_leftover_windows):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    from desk.services import dispatch as dsp

    st = street(ctx)
    duty = ctx.as_actor(WANG)
    eid = accepted_event(ctx, st, "路边无证摆摊卖熟食", "小区门口有人无证摆摊卖熟食")
    did = dsp.dispatch_event(duty, eid, st.dept["公安"], override_reason="误以为治安问题")
    dsp.return_case(ctx.as_actor(st.liaison("公安")), did, "不属于我们的事项：市场监管")
    dlg = open_dispatch_dialog(backend_for(duty), eid, reroute_id=did)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(dlg.buttons.button(QDialogButtonBox.Ok).isEnabled, timeout=5000)
    assert dlg.lead.currentText().startswith("市场监管")
    assert "退单原因指明 市场监管（公安 退回：不属于我们的事项：市场监管）" in dlg.reason.text()
    dlg.reject()
