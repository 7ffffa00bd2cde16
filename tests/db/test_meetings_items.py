"""Action items (督办事项): carried over to the next meeting of the same kind, states audited, overdue
first in the one list, and what a department liaison sees and may do, cell by cell."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desk.models import AuditRecord
from desk.services.errors import PermissionDenied, ValidationError
from desk.services.meetings import IllegalMove, get_meeting, item_history, items, move_item, reminder, save_meeting
from tests.meetings_support import GRID_ACTOR, LEADER, WANG, daily, item, people, record_daily

MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def test_unfinished_items_carry_over_to_the_next_meeting_of_the_same_kind_with_a_count(ctx):
    p = people(ctx)
    first = record_daily(ctx, p, MON, items=(item("清理楼道", date(2026, 11, 27), owner_staff_id=p.secretary),
                                             item("修路灯", date(2026, 11, 27), owner_department_id=p.city)))
    done_id = [i.id for i in get_meeting(ctx.as_actor(WANG), first.id).items if i.title == "修路灯"][0]
    move_item(ctx.as_actor(WANG), done_id, "finish")
    second = record_daily(ctx, p, TUE)
    weekly = save_meeting(ctx.as_actor(WANG), daily(p, TUE, kind="weekly", community_id=None))
    third = record_daily(ctx, p, WED)
    carried = get_meeting(ctx.as_actor(WANG), third.id).carried_in
    assert [(i.title, i.carried, i.meeting_id) for i in carried] == [("清理楼道", 2, first.id)]
    assert get_meeting(ctx.as_actor(WANG), second.id).carried_in == ()  # moved on to the third
    assert get_meeting(ctx.as_actor(WANG), weekly.id).carried_in == ()  # another kind keeps its own
    other = record_daily(ctx, p, WED, community_id=p.village_id)
    assert get_meeting(ctx.as_actor(WANG), other.id).carried_in == ()   # another community's meeting
    steps = item_history(ctx.as_actor(WANG), carried[0].id)
    assert [s.action for s in steps] == ["create", "carry", "carry"]


def test_item_states_move_open_started_done_cancelled_each_audited(ctx, clock):
    p = people(ctx)
    m = record_daily(ctx, p, WED, items=(item("清理楼道", date(2026, 11, 26), owner_staff_id=p.secretary),
                                         item("排查电动车", date(2026, 11, 26), owner_staff_id=p.secretary)))
    a, b = sorted(i.id for i in get_meeting(ctx.as_actor(WANG), m.id).items)
    assert move_item(ctx.as_actor(WANG), a, "start").state == "in_progress"
    assert move_item(ctx.as_actor(LEADER), a, "finish").state == "done"
    with pytest.raises(IllegalMove, match="已完成"):
        move_item(ctx.as_actor(WANG), a, "start")
    with pytest.raises(ValidationError, match="原因"):
        move_item(ctx.as_actor(WANG), b, "cancel")
    assert move_item(ctx.as_actor(WANG), b, "cancel", note="已并入其他事项").state == "cancelled"
    with ctx.read() as s:
        acts = [(r.action, r.actor) for r in s.scalars(select(AuditRecord).where(
            AuditRecord.entity == "action_item").order_by(AuditRecord.id))]
    assert ("action_item.start", "wangli") in acts and ("action_item.finish", "zhang") in acts
    assert ("action_item.cancel", "wangli") in acts


def test_open_items_list_puts_overdue_first_and_filters_by_owner_and_community(ctx, clock):
    p = people(ctx)
    record_daily(ctx, p, MON, items=(item("下周的事", date(2026, 12, 2), owner_staff_id=p.secretary),
                                     item("明天的事", date(2026, 11, 26), owner_department_id=p.city)))
    record_daily(ctx, p, MON, community_id=p.village_id,
                 items=(item("昨天就该完成", date(2026, 11, 24), owner_staff_id=p.officer),))
    rows = items(ctx.as_actor(WANG))
    assert [(r.title, r.effective) for r in rows] == [("昨天就该完成", "overdue"), ("明天的事", "open"),
                                                      ("下周的事", "open")]
    assert [r.title for r in items(ctx.as_actor(WANG), owner_department_id=p.city)] == ["明天的事"]
    assert [r.title for r in items(ctx.as_actor(WANG), owner_staff_id=p.secretary)] == ["下周的事"]
    assert [r.title for r in items(ctx.as_actor(WANG), community_id=p.village_id)] == ["昨天就该完成"]
    clock.advance(days=1)  # Thursday: 明天的事 falls due today
    r = reminder(ctx.as_actor(WANG))
    assert (r.overdue, r.due_today) == (1, 1) and r.first[0].endswith("昨天就该完成")


def test_a_liaison_sees_and_updates_only_their_own_departments_items(ctx):
    p = people(ctx)
    record_daily(ctx, p, WED, items=(item("消防检查", date(2026, 11, 30), owner_department_id=p.fire),
                                     item("占道经营", date(2026, 11, 30), owner_department_id=p.city),
                                     item("入户走访", date(2026, 11, 30), owner_staff_id=p.secretary)))
    fire, city = p.liaison(p.fire), p.liaison(p.city)
    ids = {r.title: r.id for r in items(ctx.as_actor(WANG))}
    assert [r.title for r in items(ctx.as_actor(fire))] == ["消防检查"]
    assert [r.title for r in items(ctx.as_actor(city))] == ["占道经营"]
    cells = {}
    for who, actor in (("fire", fire), ("city", city), ("grid", GRID_ACTOR), ("secretary", p.grid_actor(p.secretary))):
        for title, item_id in ids.items():
            try:
                move_item(ctx.as_actor(actor), item_id, "start")
                cells[(who, title)] = "ok"
                move_item(ctx.as_actor(WANG), item_id, "finish")
                move_item(ctx.as_actor(WANG), item_id, "reopen")
            except PermissionDenied:
                cells[(who, title)] = "denied"
    assert cells == {
        ("fire", "消防检查"): "ok", ("fire", "占道经营"): "denied", ("fire", "入户走访"): "denied",
        ("city", "消防检查"): "denied", ("city", "占道经营"): "ok", ("city", "入户走访"): "denied",
        ("grid", "消防检查"): "denied", ("grid", "占道经营"): "denied", ("grid", "入户走访"): "denied",
        ("secretary", "消防检查"): "denied", ("secretary", "占道经营"): "denied", ("secretary", "入户走访"): "ok",
    }
    with pytest.raises(PermissionDenied):
        from desk.services.meetings import list_meetings
        list_meetings(ctx.as_actor(fire), WED, WED)


def test_an_item_gets_a_new_due_date_or_owner_with_a_reason_and_only_from_duty_staff_or_leaders(ctx):
    from desk.services.meetings import reassign

    p = people(ctx)
    m = record_daily(ctx, p, MON, items=(item("修路灯", date(2026, 11, 24), owner_staff_id=p.secretary),))
    (it,) = get_meeting(ctx.as_actor(WANG), m.id).items
    with pytest.raises(ValidationError, match="原因"):
        reassign(ctx.as_actor(LEADER), it.id, due_on=date(2026, 12, 1))
    with pytest.raises(PermissionDenied):
        reassign(ctx.as_actor(p.grid_actor(p.secretary)), it.id, due_on=date(2026, 12, 1), note="配件未到")
    row = reassign(ctx.as_actor(LEADER), it.id, due_on=date(2026, 12, 1), owner_department_id=p.city,
                   note="配件未到，改由城管跟进", expected_version=it.version)
    assert (row.due_on, row.owner_name, row.effective) == (date(2026, 12, 1), "城管", "open")
    steps = item_history(ctx.as_actor(WANG), it.id)
    assert steps[-1].action == "reassign" and "城管" in steps[-1].note and "配件未到" in steps[-1].note
    with ctx.read() as s:
        assert s.scalar(select(AuditRecord.actor).where(AuditRecord.action == "action_item.reassign")) == "zhang"
