"""The rest of the routine, recorded the same way as meetings: trainings (案例讲解, 情景模拟,
业务知识指导) with trainer, attendees and topic; grid leaders' skill tests with scores; joint patrols and
emergency drills with place or route, participants (police, grid staff, volunteers, property staff,
guards) and findings. A patrol's finding becomes an event on the board in one step."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from desk.clock import LOCAL_TZ
from desk.models import Community, Grid, RoutineRecord
from desk.services import limits
from desk.services.context import Context
from desk.services.errors import NotFound, ValidationError
from desk.services.figures.table import Column, Table
from desk.services.incidents import NewEvent, report_event
from desk.services.meetings import codes
from desk.services.permissions import require

PLACE = limits.Limit("地点或路线", "place or route", 200)
TOPIC = limits.Limit("主题", "topic", 120)
FINDINGS = limits.Limit("发现的问题", "findings", 5000, multiline=True)
MAX_PEOPLE = 300


@dataclass(frozen=True)
class Participant:
    name: str
    role: str = "other"          # codes.PARTICIPANT_ROLES
    score: float | None = None   # skill tests


@dataclass(frozen=True)
class RoutineDraft:
    kind: str                    # training, skill_test, patrol, drill
    day: date
    start: time = time(9, 0)
    sub_kind: str = ""
    community_id: int | None = None
    grid_id: int | None = None
    topic: str = ""
    place: str = ""
    leader: str = ""
    participants: tuple[Participant, ...] = ()
    findings: str = ""


@dataclass(frozen=True)
class RoutineRow:
    id: int
    kind: str
    sub_kind: str
    day: date
    community_name: str
    grid_id: int | None
    topic: str
    place: str
    leader: str
    participants: tuple[Participant, ...]
    findings: str
    event_id: int | None
    version: int

    @property
    def kind_text(self) -> str:
        return codes.routine_name(self.kind, self.sub_kind)

    @property
    def average_score(self) -> float | None:
        scores = [p.score for p in self.participants if p.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None


def _problems(d: RoutineDraft, today: date) -> list[str]:
    p = []
    if d.kind not in codes.ROUTINE_KINDS:
        p.append(f"未知的类型 {d.kind!r} (unknown kind)")
    elif d.sub_kind and d.sub_kind not in codes.ROUTINE_SUB_KINDS[d.kind]:
        p.append(f"未知的形式 {d.sub_kind!r} (unknown sub-kind)")
    if d.day > today:
        p.append("日期不能晚于今天 (a record of something not yet done)")
    p += limits.problems((TOPIC, d.topic), (PLACE, d.place), (limits.DISPLAY_NAME, d.leader), (FINDINGS, d.findings))
    if d.kind == "training" and not d.topic.strip():
        p.append("培训需要填写主题 (a training needs a topic)")
    if d.kind in ("patrol", "drill") and not d.place.strip():
        p.append("巡逻和演练需要填写地点或路线 (a patrol or drill needs a place or route)")
    if not d.participants:
        p.append("需要至少一名参加人员 (nobody took part)")
    if len(d.participants) > MAX_PEOPLE:
        p.append(f"参加人员最多 {MAX_PEOPLE} 人 (too many participants)")
    for x in d.participants:
        if not x.name.strip():
            p.append("参加人员姓名不能为空 (a participant without a name)")
        if x.role not in codes.PARTICIPANT_ROLES:
            p.append(f"未知的人员类别 {x.role!r} (unknown role)")
        if x.score is not None and not 0 <= x.score <= 100:
            p.append(f"{x.name} 的成绩应在 0 到 100 之间 (score out of range)")
        p += limits.problems((limits.DISPLAY_NAME, x.name))
    return p


def record(ctx: Context, d: RoutineDraft) -> RoutineRow:
    """Record a training, skill test, patrol or drill (audited)."""
    require(ctx.actor, "meetings.routine")
    today = ctx.clock.now().astimezone(LOCAL_TZ).date()
    problems = _problems(d, today)
    if problems:
        raise ValidationError("记录有误，未保存 (not saved)", problems)
    with ctx.unit() as u:
        s = u.session
        community_id = d.community_id
        if d.grid_id is not None:
            g = s.get(Grid, d.grid_id)
            if g is None:
                raise NotFound(f"网格 #{d.grid_id} 不存在 (no such grid)")
            community_id = g.community_id
        if community_id is not None and s.get(Community, community_id) is None:
            raise NotFound(f"社区 #{community_id} 不存在 (no such community)")
        r = RoutineRecord(kind=d.kind, sub_kind=d.sub_kind or next(iter(codes.ROUTINE_SUB_KINDS[d.kind])),
                          day=d.day, starts_at=datetime.combine(d.day, d.start, LOCAL_TZ), community_id=community_id,
                          grid_id=d.grid_id, topic=d.topic.strip(), place=d.place.strip(), leader=d.leader.strip(),
                          participants=json.dumps([{"name": x.name.strip(), "role": x.role, "score": x.score}
                                                   for x in d.participants], ensure_ascii=False),
                          findings=d.findings.strip(), created_at=u.now, created_by=u.actor.username, version=1)
        s.add(r)
        s.flush()
        u.changed("routine_record", r.id, "insert")
        u.audit("routine.record", "routine_record", r.id,
                after={"kind": r.kind, "day": r.day.isoformat(), "community_id": community_id,
                       "participants": len(d.participants)})
        rid = r.id
    return get(ctx, rid)


def finding_to_event(ctx: Context, record_id: int, title: str, kind: str = "safety_hazard",
                     description: str = "", urgent: bool = False, address: str = ""):
    """A patrol's or drill's finding as a new event on the board (source: patrol), linked to the record."""
    require(ctx.actor, "meetings.routine")
    with ctx.read() as s:
        r = s.get(RoutineRecord, record_id)
        if r is None:
            raise NotFound(f"记录 #{record_id} 不存在 (no such record)")
        if r.event_id is not None:
            raise ValidationError(f"该记录的发现已上报为事件 #{r.event_id} (already on the board)")
        grid_id, place = r.grid_id, r.place
    row = report_event(ctx, NewEvent(title=title, kind=kind, source="patrol", description=description,
                                     urgent=urgent, grid_id=grid_id, address=address or place))
    with ctx.unit() as u:
        rec = u.session.get(RoutineRecord, record_id)
        rec.event_id = row.id
        u.changed("routine_record", record_id)
        u.audit("routine.finding_to_event", "routine_record", record_id, after={"event_id": row.id})
    return row


def _row(r: RoutineRecord, comms: dict) -> RoutineRow:
    people = tuple(Participant(x.get("name", ""), x.get("role", "other"), x.get("score"))
                   for x in json.loads(r.participants or "[]"))
    return RoutineRow(r.id, r.kind, r.sub_kind, r.day, comms.get(r.community_id, "街道"), r.grid_id, r.topic,
                      r.place, r.leader, people, r.findings, r.event_id, r.version)


def get(ctx: Context, record_id: int) -> RoutineRow:
    require(ctx.actor, "meetings.read")
    with ctx.read() as s:
        r = s.get(RoutineRecord, record_id)
        if r is None:
            raise NotFound(f"记录 #{record_id} 不存在 (no such record)")
        comms = dict(s.execute(select(Community.id, Community.name)).all())
        return _row(r, comms)


def records(ctx: Context, first: date, last: date, kind: str | None = None, limit: int = 5000) -> list[RoutineRow]:
    require(ctx.actor, "meetings.read")
    where = [RoutineRecord.day >= first, RoutineRecord.day <= last]
    if kind is not None:
        if kind not in codes.ROUTINE_KINDS:
            raise ValidationError(f"未知的类型 {kind!r} (unknown kind)")
        where.append(RoutineRecord.kind == kind)
    with ctx.read() as s:
        comms = dict(s.execute(select(Community.id, Community.name)).all())
        q = select(RoutineRecord).where(*where).order_by(RoutineRecord.day.desc(), RoutineRecord.id.desc()).limit(limit)
        return [_row(r, comms) for r in s.scalars(q)]


ROUTINE_COLUMNS = (Column("id", "编号", "int"), Column("day", "日期", "date"), Column("kind", "类型"),
                   Column("community", "社区"), Column("topic", "主题/地点"), Column("leader", "负责人"),
                   Column("people", "参加人数", "int", "人"), Column("score", "平均成绩", "number", "分"),
                   Column("findings", "发现的问题"), Column("event", "上报事件", "int"))


def records_table(rows: list[RoutineRow], title: str = "培训、测试、巡逻和演练") -> Table:
    body = tuple((r.id, r.day, r.kind_text, r.community_name, r.topic or r.place, r.leader, len(r.participants),
                  r.average_score, r.findings, r.event_id) for r in rows)
    return Table(title, ROUTINE_COLUMNS, body, key="routine", empty_text="这一时期没有记录。")
