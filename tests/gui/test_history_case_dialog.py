"""An imported history case opens in the event dialog as what it is: closed, with the source's reply
on its timeline, and no next step offered."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import WANG, small_street  # noqa: E402

from desk.models import Event  # noqa: E402
from desk.services.incidents.importer import import_events  # noqa: E402
from desk.views.backend import Backend  # noqa: E402
from desk.views.board.event_dialog import EventDialog  # noqa: E402
from desk.views.bus import ChangeBus  # noqa: E402
from desk.views.workers import DbWorker  # noqa: E402

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_a_history_case_opens_closed_with_its_reply(ctx, qtbot, tmp_path, no_leftover_windows):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    path = tmp_path / "replies.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["留言编号", "留言主题", "留言时间", "留言详情", "一级分类", "答复意见", "答复时间"],
                                 ["7", "小区路灯不亮", "2019/4/25 9:32:09", "兴钢社区路灯坏了一个月", "城乡建设",
                                  "已安排维修，路灯已恢复", "2019/5/10 14:56:53"]])
    import_events(duty, path, mapping={"department": "一级分类"})
    with ctx.read() as s:
        eid = s.scalar(select(Event.id))
    worker = DbWorker()
    try:
        dlg = EventDialog(Backend(duty, worker, ChangeBus()), eid, None)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitUntil(lambda: dlg.detail is not None)
        assert dlg.detail.row.status == "closed"
        assert any("已安排维修" in step.note for step in dlg.detail.steps)
        assert not dlg.primary.isVisibleTo(dlg)  # no call-back, no reopening: it was handled elsewhere
        assert not any(b.isEnabled() for b in dlg.buttons.values())
        dlg.grab().save(str(tmp_path / "history.png"))
        dlg.close()
    finally:
        worker.stop()
