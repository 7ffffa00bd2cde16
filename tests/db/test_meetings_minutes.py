"""Minutes: recording a meeting with attendees, absentees and substitutes; two seats editing the same
minutes; bad input changing nothing; who may record what."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord, Meeting
from desk.services.errors import ConflictError, PermissionDenied, ValidationError
from desk.services.meetings import AgendaLine, AttendeeRow, get_meeting, list_meetings, save_meeting
from tests.meetings_support import GRID_ACTOR, LEADER, WANG, daily, item, people

DAY = date(2026, 11, 25)


def test_minutes_keep_attendees_absentees_substitutes_agenda_and_decisions(ctx):
    p = people(ctx)
    draft = daily(p, DAY, start=time(8, 30), attendees=(
        AttendeeRow(p.officer, "陈民警", "社区民警"), AttendeeRow(p.secretary, "刘书记", "书记", "absent"),
        AttendeeRow(p.auxiliary, "孙辅警", "辅警", "substitute", substitute_for="刘书记")),
        agenda=(AgendaLine("楼道杂物"), AgendaLine("#12 超时事件", "event", None, True)),
        discussion="讨论了楼道杂物。", items=(item("清理3号楼楼道", date(2026, 11, 28), owner_staff_id=p.secretary),))
    row = save_meeting(ctx.as_actor(WANG), draft)
    d = get_meeting(ctx.as_actor(LEADER), row.id)
    assert (d.row.kind, d.row.day, d.row.present, d.row.absent) == ("daily", DAY, 2, 1)
    assert d.row.chair_name == "陈民警" and d.row.community_name == "兴钢社区"
    assert [(a.name, a.presence, a.substitute_for) for a in d.attendees] == [
        ("陈民警", "present", ""), ("刘书记", "absent", ""), ("孙辅警", "substitute", "刘书记")]
    assert [(x.text, x.prefilled) for x in d.agenda] == [("楼道杂物", False), ("#12 超时事件", True)]
    assert d.decisions == "楼道杂物三日内清理。" and d.discussion == "讨论了楼道杂物。"
    assert [(i.title, i.owner_name, i.state) for i in d.items] == [("清理3号楼楼道", "刘书记", "open")]
    assert d.row.starts_at.astimezone().hour is not None
    assert [m.id for m in list_meetings(ctx.as_actor(WANG), DAY, DAY, "daily")] == [row.id]
    assert list_meetings(ctx.as_actor(WANG), DAY, DAY, "weekly") == []


def test_second_seat_saving_the_same_minutes_gets_a_conflict_not_an_overwrite(ctx):
    p = people(ctx)
    row = save_meeting(ctx.as_actor(WANG), daily(p, DAY))
    loaded = get_meeting(ctx.as_actor(WANG), row.id)
    first = replace(daily(p, DAY, decisions="第一席位的决定"), id=row.id)
    second = replace(daily(p, DAY, decisions="第二席位的决定"), id=row.id)
    save_meeting(ctx.as_actor(WANG), first, expected_version=loaded.row.version)
    with pytest.raises(ConflictError, match="另一席位"):
        save_meeting(ctx.as_actor(LEADER), second, expected_version=loaded.row.version)
    assert get_meeting(ctx.as_actor(WANG), row.id).decisions == "第一席位的决定"


def test_bad_minutes_change_nothing_and_say_why_in_chinese(ctx):
    p = people(ctx)
    with ctx.read() as s:
        audits = s.scalar(select(func.count()).select_from(AuditRecord))
    with pytest.raises(ValidationError) as err:
        save_meeting(ctx.as_actor(WANG), daily(p, DAY, attendees=(), items=(item("", date(2026, 11, 1)),)))
    assert "至少需要一名出席人员" in str(err.value)
    with pytest.raises(ValidationError, match="完成期限"):
        save_meeting(ctx.as_actor(WANG), daily(p, DAY, items=(item("清理", date(2026, 11, 1), owner_name="刘书记"),)))
    with pytest.raises(ValidationError, match="责任人"):
        save_meeting(ctx.as_actor(WANG), daily(p, DAY, items=(item("清理", date(2026, 11, 30)),)))
    with pytest.raises(ValidationError, match="议题"):
        save_meeting(ctx.as_actor(WANG), daily(p, DAY, kind="joint", topic=""))
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0
        assert s.scalar(select(func.count()).select_from(AuditRecord)) == audits


def test_grid_staff_record_daily_meetings_only_and_every_record_is_audited(ctx):
    p = people(ctx)
    row = save_meeting(ctx.as_actor(GRID_ACTOR), daily(p, DAY))
    with pytest.raises(PermissionDenied):
        save_meeting(ctx.as_actor(GRID_ACTOR), daily(p, DAY, kind="weekly", community_id=None))
    with pytest.raises(PermissionDenied):
        save_meeting(ctx.as_actor(p.liaison(p.fire)), daily(p, DAY))
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "meeting.create")).all()
    assert [(r.actor, r.entity_id) for r in rec] == [("grid1", str(row.id))]


def test_printed_minutes_keep_the_carried_items_source_meeting_date_whole(ctx):
    from desk.services.meetings.printing import minutes_sheet

    p = people(ctx)
    save_meeting(ctx.as_actor(WANG), daily(p, date(2026, 11, 24), items=(
        item("清理3号楼楼道", date(2026, 11, 25), owner_staff_id=p.secretary),)))
    today = save_meeting(ctx.as_actor(WANG), daily(p, DAY))
    sheet = minutes_sheet(ctx.as_actor(LEADER), today.id)
    carried = next(t for sec in sheet.sections for t in sec.tables if t.title == "结转的未完成督办事项")
    assert carried.rows[0][1] == "清理3号楼楼道" and carried.rows[0][4] == "日见面\n2026-11-24"
