"""Minutes: record a meeting (planned or held) with its attendees picked from staff (absentees and
substitutes marked), agenda, discussion and decisions, and the action items its decisions produce.

A seat saves with the version it loaded; a second seat saving the same meeting meanwhile gets a
ConflictError, never a silent overwrite. A new held meeting takes over the unfinished items of the
earlier meetings of its kind and place (carry-over, desk.services.meetings.items.carry_over).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import delete, select

from desk.clock import LOCAL_TZ
from desk.models import Community, Grid, Meeting, MeetingAgendaLine, MeetingAttendee, Staff
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desk.services.meetings import codes
from desk.services.meetings.items import ItemDraft, add_items, carry_over
from desk.services.meetings.rows import AgendaLine, AttendeeRow, MeetingDetail, MeetingRow, meeting_detail
from desk.services.permissions import require
from desk.services.unit import Unit

PLACE = limits.Limit("地点", "place", 120)
TOPIC = limits.Limit("议题", "topic", 120)
TEXT = limits.Limit("内容", "text", 20000, multiline=True)
AGENDA_LINE = limits.Limit("议程", "agenda line", 2000, multiline=True)
MAX_ATTENDEES = 200
MAX_AGENDA = 500


@dataclass(frozen=True)
class MeetingDraft:
    """What the minutes editor hands over; ``id`` None records a new meeting."""

    kind: str
    day: date
    start: time = time(9, 0)
    state: str = "held"
    community_id: int | None = None
    grid_id: int | None = None
    place: str = ""
    topic: str = ""
    chair_staff_id: int | None = None
    chair_name: str = ""
    attendees: tuple[AttendeeRow, ...] = ()
    agenda: tuple[AgendaLine, ...] = ()
    discussion: str = ""
    decisions: str = ""
    items: tuple[ItemDraft, ...] = field(default=())   # new action items from this meeting's decisions
    id: int | None = None


def _check(d: MeetingDraft) -> list[str]:
    p = []
    if d.kind not in codes.KINDS:
        p.append(f"未知的会议类型 {d.kind!r} (unknown kind)")
    if d.state not in codes.MEETING_STATES:
        p.append(f"未知的会议状态 {d.state!r} (unknown state)")
    if d.kind == "daily" and d.community_id is None and d.grid_id is None:
        p.append("日见面会议需要选择社区或网格 (a daily meeting belongs to a community or a grid)")
    if d.kind == "joint" and not d.topic.strip():
        p.append("联席会议需要填写议题 (a joint consultation needs its matter)")
    p += limits.problems((PLACE, d.place), (TOPIC, d.topic), (TEXT, d.discussion), (TEXT, d.decisions),
                         (limits.DISPLAY_NAME, d.chair_name))
    if len(d.attendees) > MAX_ATTENDEES:
        p.append(f"参会人员最多 {MAX_ATTENDEES} 人 (too many attendees)")
    for a in d.attendees:
        if not a.name.strip():
            p.append("参会人员姓名不能为空 (an attendee without a name)")
        if a.presence not in codes.PRESENCE:
            p.append(f"未知的出席情况 {a.presence!r} (unknown presence)")
        p += limits.problems((limits.DISPLAY_NAME, a.name), (limits.ORG_NAME, a.unit),
                             (limits.DISPLAY_NAME, a.substitute_for))
    if len(d.agenda) > MAX_AGENDA:
        p.append(f"议程最多 {MAX_AGENDA} 条 (too many agenda lines)")
    for line in d.agenda:
        if line.source not in codes.SOURCES:
            p.append(f"未知的议程来源 {line.source!r} (unknown agenda source)")
        p += limits.problems((AGENDA_LINE, line.text))
    if d.state == "held" and not any(a.presence in ("present", "substitute") for a in d.attendees):
        p.append("已召开的会议至少需要一名出席人员 (a held meeting needs someone present)")
    return p


def _may_record(ctx: Context, kind: str) -> None:
    require(ctx.actor, "meetings.write")
    if ctx.actor.role == "grid_staff" and kind != "daily":
        raise PermissionDenied("网格员只能记录日见面会议 (grid staff record daily meetings only)")


def snapshot(m: Meeting) -> dict:
    return {"kind": m.kind, "state": m.state, "day": m.day.isoformat(), "community_id": m.community_id,
            "grid_id": m.grid_id, "place": m.place, "topic": m.topic, "chair": m.chair_name,
            "decisions": m.decisions[:500], "version": m.version}


def save_meeting(ctx: Context, draft: MeetingDraft, expected_version: int | None = None) -> MeetingRow:
    """Record a new meeting or save the edited minutes of one (``expected_version``: the version the
    seat loaded). Bad input changes nothing; a second seat's save meanwhile raises ConflictError."""
    _may_record(ctx, draft.kind)
    problems = _check(draft)
    if problems:
        raise ValidationError("会议纪要有误，未保存 (minutes not saved)", problems)
    with ctx.unit() as u:
        s = u.session
        if draft.grid_id is not None:
            g = s.get(Grid, draft.grid_id)
            if g is None:
                raise NotFound(f"网格 #{draft.grid_id} 不存在 (no such grid)")
            draft_community = g.community_id
        else:
            draft_community = draft.community_id
        if draft_community is not None and s.get(Community, draft_community) is None:
            raise NotFound(f"社区 #{draft_community} 不存在 (no such community)")
        chair = draft.chair_name.strip()
        if draft.chair_staff_id is not None:
            st = s.get(Staff, draft.chair_staff_id)
            if st is None:
                raise NotFound(f"人员 #{draft.chair_staff_id} 不存在 (no such staff)")
            chair = chair or st.name
        who = u.actor.display_name or u.actor.username
        starts = datetime.combine(draft.day, draft.start, LOCAL_TZ)
        if draft.id is None:
            m = Meeting(created_at=u.now, created_by=u.actor.username, version=1)
            s.add(m)
            before = None
            was_held = False
        else:
            m = u.get_current(Meeting, draft.id, expected_version, "会议纪要")
            if m.kind != draft.kind:
                raise ValidationError("会议类型不能修改 (a meeting's kind cannot change)")
            before = snapshot(m)
            was_held = m.state == "held"
            if expected_version is not None and m.version != expected_version:  # pragma: no cover - get_current
                raise ConflictError("会议纪要刚被另一席位修改 (changed by another seat)")
        m.kind, m.state, m.day, m.starts_at = draft.kind, draft.state, draft.day, starts
        m.community_id, m.grid_id = draft_community, draft.grid_id
        m.place, m.topic = draft.place.strip(), draft.topic.strip()
        m.chair_staff_id, m.chair_name = draft.chair_staff_id, chair
        m.discussion, m.decisions = draft.discussion, draft.decisions
        m.updated_at, m.updated_by, m.updated_name = u.now, u.actor.username, who
        s.flush()
        _replace_lines(u, m.id, draft)
        if draft.items:
            add_items(u, m, draft.items)
        carried = carry_over(u, m) if draft.state == "held" and not was_held else 0
        u.changed("meeting", m.id, "insert" if before is None else "update")
        after = snapshot(m) | {"attendees": len(draft.attendees), "agenda": len(draft.agenda),
                               "new_items": len(draft.items), "carried_in": carried}
        u.audit("meeting.create" if before is None else "meeting.update", "meeting", m.id, before=before, after=after)
        meeting_id = m.id
    with ctx.read() as s:
        detail = meeting_detail(s, meeting_id, _today(ctx))
    return detail.row


def _replace_lines(u: Unit, meeting_id: int, draft: MeetingDraft) -> None:
    s = u.session
    s.execute(delete(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id))
    s.execute(delete(MeetingAgendaLine).where(MeetingAgendaLine.meeting_id == meeting_id))
    s.add_all([MeetingAttendee(meeting_id=meeting_id, position=i, staff_id=a.staff_id, name=a.name.strip(),
                               unit=a.unit.strip(), presence=a.presence, substitute_for=a.substitute_for.strip())
               for i, a in enumerate(draft.attendees)])
    s.add_all([MeetingAgendaLine(meeting_id=meeting_id, position=i, text=line.text, source=line.source,
                                 ref_id=line.ref_id, prefilled=line.prefilled)
               for i, line in enumerate(draft.agenda)])
    u.changed("meeting_attendee", meeting_id)
    u.changed("meeting_agenda_line", meeting_id)


def _today(ctx: Context) -> date:
    return ctx.clock.now().astimezone(LOCAL_TZ).date()


def get_meeting(ctx: Context, meeting_id: int) -> MeetingDetail:
    require(ctx.actor, "meetings.read")
    with ctx.read() as s:
        d = meeting_detail(s, meeting_id, _today(ctx))
    if d is None:
        raise NotFound(f"会议 #{meeting_id} 不存在 (no such meeting)")
    return d


def list_meetings(ctx: Context, first: date, last: date, kind: str | None = None,
                  community_id: int | None = None, limit: int = 5000) -> list[MeetingRow]:
    from desk.services.meetings.rows import meeting_rows

    require(ctx.actor, "meetings.read")
    if kind is not None and kind not in codes.KINDS:
        raise ValidationError(f"未知的会议类型 {kind!r}，可选 {'、'.join(codes.KINDS)} (unknown kind)")
    if last < first:
        raise ValidationError(f"结束日期 {last} 早于开始日期 {first} (the range ends before it starts)")
    where = [Meeting.day >= first, Meeting.day <= last]
    if kind:
        where.append(Meeting.kind == kind)
    if community_id is not None:
        where.append(Meeting.community_id == community_id)
    with ctx.read() as s:
        return meeting_rows(s, where, limit)


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    unit: str      # role in Chinese, with the community or department
    community_id: int | None
    department_id: int | None
    role: str = ""


ROLE_NAMES = {"grid_leader": "网格长", "fulltime_worker": "专职网格员", "parttime_worker": "兼职网格员",
              "professional_worker": "专业网格员", "community_police": "社区民警", "auxiliary_police": "辅警",
              "duty_staff": "值班员", "leader": "领导", "department_liaison": "部门联络员"}


def staff_choices(ctx: Context) -> list[StaffChoice]:
    """The active staff people pick attendees, chairs and owners from."""
    from desk.models import Department

    if not any(_allowed(ctx, p) for p in ("meetings.read", "meetings.items")):
        require(ctx.actor, "meetings.read")
    with ctx.read() as s:
        comms = dict(s.execute(select(Community.id, Community.name)).all())
        deps = dict(s.execute(select(Department.id, Department.short_name)).all())
        rows = s.execute(select(Staff.id, Staff.name, Staff.role, Staff.community_id, Staff.department_id)
                         .where(Staff.active.is_(True)).order_by(Staff.community_id, Staff.role, Staff.id)).all()
    out = []
    for i, name, role, cid, did in rows:
        role = getattr(role, "value", role)
        where = comms.get(cid) or deps.get(did) or ""
        out.append(StaffChoice(i, name, f"{ROLE_NAMES.get(role, role)}" + (f" · {where}" if where else ""), cid, did,
                               role))
    return out


def _allowed(ctx: Context, permission: str) -> bool:
    from desk.services.permissions import allowed

    return allowed(ctx.actor, permission)



@dataclass(frozen=True)
class EditorChoices:
    """What the minutes editor offers: communities, grids, staff (attendees, chair, owners), departments."""

    communities: tuple[tuple[int, str], ...]
    grids: tuple[tuple[int, str, int], ...]          # id, name, community id
    staff: tuple[StaffChoice, ...]
    departments: tuple[tuple[int, str], ...]


def editor_choices(ctx: Context) -> EditorChoices:
    from desk.models import Department

    require(ctx.actor, "meetings.items")
    people = tuple(staff_choices(ctx))
    with ctx.read() as s:
        comms = tuple((i, n) for i, n in s.execute(select(Community.id, Community.name).order_by(Community.code)))
        grids = tuple((i, n, c) for i, n, c in s.execute(select(Grid.id, Grid.name, Grid.community_id)
                                                          .order_by(Grid.code)))
        deps = tuple((i, n) for i, n in s.execute(select(Department.id, Department.short_name)
                                                  .order_by(Department.code)))
    return EditorChoices(comms, grids, people, deps)


def linked_event(ctx: Context, source: str, ref_id: int) -> int:
    """The event an agenda line or an item link opens: the event itself, or a dispatch's event."""
    from desk.models import Dispatch

    require(ctx.actor, "meetings.items")
    if source == "event":
        return ref_id
    if source != "dispatch":
        raise ValidationError(f"{source} 无法打开 (nothing to open)")
    with ctx.read() as s:
        event_id = s.scalar(select(Dispatch.event_id).where(Dispatch.id == ref_id))
    if event_id is None:
        raise NotFound(f"派单 #{ref_id} 不存在 (no such dispatch)")
    return event_id
