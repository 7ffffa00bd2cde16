"""The agenda pre-filled from the data, against a fixture: a weekly review's from the week's events,
disputes and dispatches and the open items of earlier meetings; a monthly assessment's from the
month's figures. Every pre-filled line is marked and names its event, dispatch or item."""
from __future__ import annotations

from datetime import date, timedelta

from desk.services import dispatch as dsp
from desk.services.incidents import escalate_overdue
from desk.services.meetings import AttendeeRow, ItemDraft, MeetingDraft, save_meeting
from desk.services.meetings.agenda import prefill
from tests.board_support import new
from tests.dispatch_support import LEADER, WANG, accepted_event, street

WED = date(2026, 11, 25)


def test_weekly_review_agenda_is_prefilled_marked_and_linked(ctx, clock):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    old = new(duty, title="井盖缺失十天无人管", reported_at=clock.now() - timedelta(days=10))
    urgent = new(duty, title="燃气泄漏", urgent=True, kind="safety_hazard")
    dispute = new(duty, title="邻里漏水纠纷", kind="dispute", sub_kind="neighbour",
                  reported_at=clock.now() - timedelta(days=2))
    escalate_overdue(duty)
    eid = accepted_event(ctx, st, "小区门口流动摊贩占道经营")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], override_reason="值班员判断")
    dsp.return_case(ctx.as_actor(st.liaison("消防")), did, "占道经营不属于消防职责")
    earlier = save_meeting(duty, MeetingDraft(
        "weekly", date(2026, 11, 18), attendees=(AttendeeRow(None, "张国强"),),
        items=(ItemDraft("整治占道经营", date(2026, 11, 30), owner_department_id=st.dept["城管"]),)))
    lines = prefill(ctx.as_actor(LEADER), "weekly", WED)
    assert all(x.prefilled for x in lines)
    text = "\n".join(x.text for x in lines)
    assert "新增事件 3 件" in text and "其中紧急 1 件" in text
    linked = {(x.source, x.ref_id) for x in lines if x.ref_id is not None}
    assert ("event", old.id) in linked            # overdue
    assert ("event", urgent.id) in linked         # high risk
    assert ("event", dispute.id) in linked        # escalated up the ladder
    assert ("dispatch", did) in linked            # returned
    item_lines = [x for x in lines if x.source == "item"]
    assert len(item_lines) == 1 and "整治占道经营" in item_lines[0].text and "城管" in item_lines[0].text
    assert earlier.id and [x.opens for x in lines if x.source == "dispatch"] == ["dispatch"]
    titles = [x.text for x in lines if x.ref_id is None]
    assert any(t.startswith("超时未办结事件") for t in titles) and "退单" in titles


def test_monthly_assessment_agenda_comes_from_last_months_figures(ctx, clock):
    street(ctx)
    duty = ctx.as_actor(WANG)
    new(duty, title="十月的事件", reported_at=clock.now() - timedelta(days=40))
    lines = prefill(ctx.as_actor(LEADER), "monthly", date(2026, 11, 2))
    text = "\n".join(x.text for x in lines)
    assert "2026年10月工作讲评" in text and "全月事件 1 件" in text and "日见面召开率" in text
    assert all(x.prefilled and x.source == "figure" for x in lines)


def test_a_cluster_of_hazards_in_one_grid_is_on_the_weekly_agenda(ctx, clock):
    street(ctx)
    duty = ctx.as_actor(WANG)
    hazards = [new(duty, title=t, kind=k) for t, k in (("楼道堆放杂物", "safety_hazard"), ("电动车楼道充电", "fire_hazard"),
                                                        ("消防通道被堵", "fire_hazard"))]
    new(duty, title="邻里噪声", kind="dispute", sub_kind="neighbour")
    lines = [x.text for x in prefill(ctx.as_actor(LEADER), "weekly", WED)]
    assert hazards[0].grid_id is not None
    assert "隐患集中的网格" in lines
    cluster = lines[lines.index("隐患集中的网格") + 1]
    assert "隐患 3 件" in cluster and "消防隐患 2" in cluster and "安全隐患 1" in cluster


def test_the_weekly_review_lists_last_reviews_open_items_and_counts_the_communities_ones(ctx, clock):
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    save_meeting(duty, MeetingDraft("weekly", date(2026, 11, 18), attendees=(AttendeeRow(None, "张国强"),),
                                    items=(ItemDraft("整治占道经营", date(2026, 11, 20),
                                                     owner_department_id=st.dept["城管"]),)))
    save_meeting(duty, MeetingDraft("daily", date(2026, 11, 24), community_id=st.small.community_id,
                                    attendees=(AttendeeRow(None, "陈民警"),),
                                    items=(ItemDraft("清理3号楼楼道杂物", date(2026, 11, 30),
                                                     owner_department_id=st.dept["城管"]),)))
    lines = [x.text for x in prefill(ctx.as_actor(LEADER), "weekly", WED)]
    assert "前次周研判未完成的督办事项（1 项）" in lines
    assert not any("清理3号楼楼道杂物" in t for t in lines)
    assert any("日见面" in t and "未完成的督办事项 1 项，其中逾期 0 项" in t for t in lines)
