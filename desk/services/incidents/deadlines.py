"""Deadlines: the limit table (kind / sub-kind × urgency; accept, handle, verify; yellow and red),
the due times of an event's current stage, and its state at a given moment (from a Clock).

Accepting is counted from the report, handling from acceptance to feedback, verifying from
feedback to closure. An event put on record (挂账) is 'on_record' until its review date, then red."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import DeadlineLimit
from desk.services.context import Context
from desk.services.errors import ConflictError, NotFound, ValidationError
from desk.services.incidents.codes import ACTIVE, KINDS, URGENCIES
from desk.services.permissions import require

STAGES = ("accept", "handle", "verify")


@dataclass(frozen=True)
class Limit:
    id: int
    kind: str
    sub_kind: str
    urgency: str
    accept_yellow: int
    accept_red: int
    handle_yellow: int
    handle_red: int
    verify_yellow: int
    verify_red: int
    version: int

    def minutes(self, stage: str) -> tuple[int, int]:
        return getattr(self, f"{stage}_yellow"), getattr(self, f"{stage}_red")


# Used only when the table has lost its default rows.
FALLBACK = Limit(0, "*", "", "ordinary", 20, 30, 18 * 60, 24 * 60, 4 * 60, 8 * 60, 0)


class Limits:
    """The whole table, looked up most specific first: (kind, sub) → (kind, '') → ('*', '')."""

    def __init__(self, rows: list[Limit]):
        self._by_key = {(r.kind, r.sub_kind, r.urgency): r for r in rows}

    def for_event(self, kind: str, sub_kind: str, urgent: bool) -> Limit:
        urgency = "urgent" if urgent else "ordinary"
        for key in ((kind, sub_kind or "", urgency), (kind, "", urgency), ("*", "", urgency), ("*", "", "ordinary")):
            if key in self._by_key:
                return self._by_key[key]
        return FALLBACK


def load_limits(session: Session) -> Limits:
    rows = session.scalars(select(DeadlineLimit)).all()
    return Limits([_limit(r) for r in rows])


def _limit(r: DeadlineLimit) -> Limit:
    return Limit(r.id, r.kind, r.sub_kind, r.urgency, r.accept_yellow, r.accept_red, r.handle_yellow,
                 r.handle_red, r.verify_yellow, r.verify_red, r.version)


def stage_of(status: str) -> str | None:
    if status == "reported":
        return "accept"
    if status in ACTIVE:
        return "handle"
    if status in ("feedback", "verified"):
        return "verify"
    return None


def due_times(limits: Limits, *, kind: str, sub_kind: str, urgent: bool, status: str, reported_at: datetime,
              accepted_at: datetime | None, feedback_at: datetime | None
              ) -> tuple[str | None, datetime | None, datetime | None]:
    """(stage, yellow_at, red_at) of the stage the event is in; Nones when no clock runs."""
    stage = stage_of(status)
    if stage is None:
        return None, None, None
    start = {"accept": reported_at, "handle": accepted_at or reported_at,
             "verify": feedback_at or accepted_at or reported_at}[stage]
    yellow, red = limits.for_event(kind, sub_kind, urgent).minutes(stage)
    return stage, start + timedelta(minutes=yellow), start + timedelta(minutes=red)


def state_at(now: datetime, yellow_at: datetime | None, red_at: datetime | None,
             on_record_until: datetime | None = None) -> str:
    """'none' (no clock), 'ok', 'yellow' (warning), 'red' (overdue) or 'on_record' (挂账, review pending)."""
    if on_record_until is not None:
        return "red" if now >= on_record_until else "on_record"
    if red_at is None:
        return "none"
    if now >= red_at:
        return "red"
    if yellow_at is not None and now >= yellow_at:
        return "yellow"
    return "ok"


def list_limits(ctx: Context) -> tuple[Limit, ...]:
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        rows = s.scalars(select(DeadlineLimit).order_by(DeadlineLimit.kind, DeadlineLimit.sub_kind,
                                                        DeadlineLimit.urgency)).all()
        return tuple(_limit(r) for r in rows)


def set_limit(ctx: Context, *, kind: str, sub_kind: str = "", urgency: str, minutes: dict[str, int],
              expected_version: int | None = None) -> Limit:
    """An administrator changes (or adds) one row of the limit table."""
    require(ctx.actor, "board.limits")
    problems = []
    if kind != "*" and kind not in KINDS:
        problems.append(f"事件类型 {kind!r} 不存在 (unknown kind)")
    if urgency not in URGENCIES:
        problems.append(f"紧急程度 {urgency!r} 不存在 (unknown urgency)")
    for stage in STAGES:
        y, r = minutes.get(f"{stage}_yellow"), minutes.get(f"{stage}_red")
        if y is None or r is None:
            problems.append(f"缺少 {stage} 的黄牌/红牌时限 (missing {stage} limits)")
        elif not (0 < y <= r):
            problems.append(f"{stage}: 黄牌时限应大于0且不超过红牌时限 (0 < yellow <= red)")
    if problems:
        raise ValidationError("时限设置有误 (invalid limits)", problems)
    with ctx.unit() as u:
        row = u.session.scalar(select(DeadlineLimit).where(
            DeadlineLimit.kind == kind, DeadlineLimit.sub_kind == sub_kind, DeadlineLimit.urgency == urgency))
        if row is None:
            if expected_version is not None:
                raise NotFound("该时限已被删除 (limit row not found)")
            row = DeadlineLimit(kind=kind, sub_kind=sub_kind, urgency=urgency, **minutes)
            u.session.add(row)
            before = None
        else:
            if expected_version is not None and row.version != expected_version:
                raise ConflictError("时限已被其他席位修改 (changed by another seat)", _limit(row))
            before = _limit(row).__dict__
            for k, v in minutes.items():
                setattr(row, k, v)
        u.session.flush()
        u.changed("deadline_limit", row.id, "update" if before else "insert")
        u.audit("deadline.set", "deadline_limit", row.id, before=before, after=minutes)
        return _limit(row)
