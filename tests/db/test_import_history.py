"""History imported as history: closed cases of the past keep their department, reply, times and the
source's own category, and never reach today's board, deadlines, the ladder or the dispatch figures."""
from __future__ import annotations

import csv
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.clock import local
from desk.models import Department, Event
from desk.services import consistency
from desk.services import incidents as inc
from desk.services.dispatch.figures import compute
from desk.services.figures import events as event_figures
from desk.services.figures.periods import Period
from desk.services.incidents.importer import import_events, parse_map
from desk.services.incidents.lifecycle import IllegalTransition
from desk.services.incidents.ladder import escalate_overdue
from tests.board_support import LEADER, WANG
from tests.dispatch_support import street

REPLIES = ["留言编号", "留言主题", "留言时间", "留言详情", "一级分类", "答复意见", "答复时间"]


def write_csv(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def history_rows(ctx, *where):
    with ctx.read() as s:
        return s.scalars(select(Event).where(Event.history.is_(True), *where).order_by(Event.id)).all()


def test_a_2011_dispute_imported_as_history_is_not_on_todays_board_and_never_escalates(ctx, clock, tmp_path):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    rows = [["编号", "时间", "内容", "分类", "承办部门", "答复意见", "答复时间", "办结时间"],
            ["H1", "2011-03-01 14:27", "邻居因宅基地边界发生纠纷，多次争吵", "矛盾纠纷", "司法所", "已调解", "2011-03-03 10:00",
             "2011-03-04 17:00"],
            ["H2", "2011-05-02 09:00", "有人在小区门口打架斗殴", "治安", "", "", "", ""]]
    r = import_events(duty, write_csv(tmp_path / "old.csv", rows), history=True)
    assert (r.imported, r.history) == (2, 2)
    assert inc.open_events(duty) == ()
    clock.advance(hours=5)
    assert escalate_overdue(duty) == []
    dispute, fight = history_rows(duty)
    assert (dispute.status, dispute.is_open, dispute.ladder_level, dispute.ladder_due_at) == ("closed", False, 0, None)
    assert dispute.department_id == st.dept["司法"] and dispute.source_department == "司法所"
    assert (dispute.reply, dispute.source_category) == ("已调解", "矛盾纠纷")
    for action, extra in (("call_back", {"satisfaction": "satisfied"}), ("reopen", {"reason": "再看看"})):
        with pytest.raises(IllegalTransition, match="历史件"):
            inc.transition(duty, dispute.id, action, **extra)
    assert local(dispute.replied_at).strftime("%Y-%m-%d %H:%M") == "2011-03-03 10:00"
    assert local(dispute.closed_at).strftime("%Y-%m-%d %H:%M") == "2011-03-04 17:00"
    assert fight.police is False and local(fight.closed_at) == local(fight.reported_at)  # closed, no time given
    with ctx.read() as s:
        assert consistency.event_dispatch_problems(s) == []  # `desk db check` finds nothing wrong
    timeline = inc.event_detail(duty, dispute.id).steps
    assert [x.action for x in timeline] == ["report", "feedback", "close"]
    assert "已调解" in timeline[1].note and "司法所" in timeline[1].note


def test_a_replies_file_is_history_by_its_reply_column_row_by_row(ctx, tmp_path):
    street(ctx)
    duty = ctx.as_actor(WANG)
    rows = [REPLIES, ["5", "路灯不亮", "2020/1/6 12:09:38", "小区路灯坏了一个月", "城乡建设", "已安排维修", "2020/1/9 10:00:00"],
            ["6", "楼道堆物", "2026/11/24 08:00:00", "楼道里堆满杂物", "城乡建设", "", ""]]
    r = import_events(duty, write_csv(tmp_path / "replies.csv", rows))
    assert (r.imported, r.history) == (2, 1)
    assert [x.title for x in inc.open_events(duty)] == ["楼道堆物"]
    (old,) = history_rows(duty)
    assert old.reply == "已安排维修" and old.source_category == "城乡建设"


def test_history_does_not_distort_the_diversion_rate_and_counts_in_its_own_period(ctx, tmp_path):
    street(ctx)
    duty = ctx.as_actor(WANG)
    rows = [REPLIES] + [[str(i), f"噪音扰民{i}", "2011-06-0%d 10:00" % (1 + i % 9), "晚上施工噪音", "环境保护",
                         "已处理", "2011-06-20 10:00"] for i in range(12)]
    import_events(duty, write_csv(tmp_path / "replies.csv", rows))
    with ctx.read() as s:
        june = compute(s, date(2011, 6, 1), date(2011, 6, 30), by="community")
        total = june.total
        assert (total.events, total.non_police, total.diverted, total.dispatched) == (12, 0, 0, 0)
        assert total.diversion_rate is None and total.in_grid_rate is None
        today = local(ctx.clock.now()).date()
        assert compute(s, today - timedelta(days=30), today, by="community").total.events == 0
        assert event_figures.total_events(s, Period("month", date(2011, 6, 1), date(2011, 6, 30))) == 12


def test_the_real_message_board_sample_imports_as_history_with_its_categories_as_departments(ctx, shared_data,
                                                                                             tmp_path):
    street(ctx)
    duty = ctx.as_actor(WANG)
    path = shutil.copy(shared_data / "messages" / "messages-sample-200.csv", tmp_path / "messages.csv")
    mapping = parse_map("source_no=留言编号,reported_at=留言时间,title=留言主题,description=留言详情,"
                        "category=一级分类,department=一级分类")
    r = import_events(duty, Path(path), mapping=mapping, history=True, source="message_board")
    assert (r.imported, r.history, r.bad) == (200, 200, ())
    assert inc.open_events(duty.as_actor(LEADER)) == ()
    cases = history_rows(duty)
    assert {c.source_department for c in cases} >= {"城乡建设", "环境保护", "交通运输"}
    assert all(c.source_department == c.source_category for c in cases)
    assert any("--add-departments" in n for n in r.notes) and all(c.department_id is None for c in cases)
    again = import_events(duty, Path(path), mapping=mapping, history=True, source="message_board")
    assert (again.imported, again.already) == (0, 200)


def test_history_can_bring_its_departments_so_routing_learns_from_it(ctx, shared_data, tmp_path):
    from desk.services.incidents.history import closed_cases

    street(ctx)
    duty = ctx.as_actor(WANG)
    path = shutil.copy(shared_data / "messages" / "messages-sample-200.csv", tmp_path / "messages.csv")
    r = import_events(duty, Path(path), mapping=parse_map("department=一级分类"), history=True,
                      source="message_board", add_departments=True)
    assert any("新建部门" in n for n in r.notes)
    with ctx.read() as s:
        cases = list(closed_cases(s))
        names = dict(s.execute(select(Department.id, Department.name)).all())
    assert len(cases) == 200 and all(c.department_id is not None for c in cases)
    assert all(names[c.department_id] == c.category for c in cases)  # 一级分类 is both


def test_routing_reads_the_history_in_time_order_with_each_cases_department(ctx, tmp_path):
    from desk.services.incidents.history import closed_cases

    st = street(ctx)
    duty = ctx.as_actor(WANG)
    rows = [["编号", "时间", "内容", "一级分类", "答复意见"],
            ["2", "2019-05-02 09:00", "小区门口占道经营", "城乡建设", "已处理"],
            ["1", "2018-01-02 09:00", "工地夜间施工噪音", "环境保护", "已处理"],
            ["3", "2019-06-02 09:00", "邻居纠纷请司法所调解", "司法", "已调解"]]
    import_events(duty, write_csv(tmp_path / "board.csv", rows),
                  mapping=parse_map("category=一级分类,department=一级分类"))
    with ctx.read() as s:
        cases = list(closed_cases(s))
        assert [(c.description, c.department, c.history) for c in cases] == [
            ("工地夜间施工噪音", "环境保护", True), ("小区门口占道经营", "城乡建设", True), ("邻居纠纷请司法所调解", "司法", True)]
        assert cases[2].department_id == st.dept["司法"] and cases[0].department_id is None
        assert [c.description for c in closed_cases(s, since=cases[1].reported_at)] == [
            "小区门口占道经营", "邻居纠纷请司法所调解"]
