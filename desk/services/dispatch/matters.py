"""The matters list (网格事项清单): reading it, an administrator's edits, and admission (事务准入):
a new matter is proposed with a reason, then approved or rejected by a leader or administrator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Department, Matter
from desk.services import limits
from desk.services.context import Context
from desk.services.dispatch.codes import DOMAINS
from desk.services.errors import ValidationError
from desk.services.permissions import require


@dataclass(frozen=True)
class MatterRow:
    id: int
    code: str
    domain: str
    domain_name: str
    name: str
    department: str
    assist: tuple[str, ...]
    limit_hours: int
    kinds: tuple[str, ...]
    keywords: tuple[str, ...]
    status: str
    proposed_by: str
    proposal_reason: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None
    version: int


def to_row(m: Matter) -> MatterRow:
    return MatterRow(m.id, m.code, m.domain, DOMAINS.get(m.domain, m.domain), m.name, m.department,
                     tuple(m.assist.split()), m.limit_hours, tuple(m.kinds.split()), tuple(m.keywords.split()),
                     m.status, m.proposed_by, m.proposal_reason, m.decided_by, m.decided_at, m.decision_reason,
                     m.version)


def matter_rows(session: Session, status: str | None = "approved") -> tuple[MatterRow, ...]:
    q = select(Matter).order_by(Matter.code)
    if status:
        q = q.where(Matter.status == status)
    return tuple(to_row(m) for m in session.scalars(q))


def list_matters(ctx: Context, status: str | None = "approved") -> tuple[MatterRow, ...]:
    require(ctx.actor, "dispatch.read")
    with ctx.read() as s:
        return matter_rows(s, status)


def _check(s: Session, domain: str, name: str, department: str, assist: list[str], limit_hours: int) -> None:
    problems = []
    if domain not in DOMAINS:
        problems.append(f"领域 {domain!r} 不在七大领域之内 (unknown domain)")
    if not name.strip():
        problems.append("事项名称不能为空 (name is required)")
    problems += limits.problems((limits.MATTER_NAME, name.strip()))
    known = set(s.scalars(select(Department.short_name)))
    for short in [department, *assist]:
        if known and short not in known:
            problems.append(f"部门 {short!r} 不存在 (unknown department)")
    if department in assist:
        problems.append("承办部门不能同时为协办部门 (lead is also assisting)")
    if not 1 <= limit_hours <= 24 * 90:
        problems.append("办理时限应在1小时到90天之间 (time limit out of range)")
    if problems:
        raise ValidationError("事项信息有误，未保存 (the matter was not saved)", problems)


def propose_matter(ctx: Context, domain: str, name: str, department: str, limit_hours: int, reason: str, *,
                   assist: list[str] | None = None, kinds: list[str] | None = None,
                   keywords: list[str] | None = None) -> MatterRow:
    """事务准入, first half: a matter asks to enter the grid; it is not used until admitted."""
    require(ctx.actor, "dispatch.matters.propose")
    reason = (reason or "").strip()
    limits.require((limits.NOTE, reason), (limits.NOTE, " ".join(keywords or [])), message="未申请 (not proposed)")
    if not reason:
        raise ValidationError("申请准入需要说明理由 (a proposal needs a reason)")
    assist = assist or []
    with ctx.unit() as u:
        s = u.session
        _check(s, domain, name, department, assist, limit_hours)
        last = s.scalar(select(Matter.code).where(Matter.code.like("N%")).order_by(Matter.code.desc()))
        code = f"N{int(last[1:]) + 1 if last else 1:04d}"
        m = Matter(code=code, domain=domain, name=name.strip(), department=department, assist=" ".join(assist),
                   limit_hours=limit_hours, kinds=" ".join(kinds or []), keywords=" ".join(keywords or []),
                   status="proposed", proposed_by=u.actor.username, proposed_at=u.now, proposal_reason=reason)
        s.add(m)
        s.flush()
        u.changed("matter", m.id, "insert")
        u.audit("matter.propose", "matter", m.id, after={"code": code, "name": m.name, "department": department,
                                                          "reason": reason})
        return to_row(m)


def decide_matter(ctx: Context, matter_id: int, approve: bool, reason: str, *,
                  expected_version: int | None = None) -> MatterRow:
    """事务准入, second half: approved (the matter enters the list) or rejected, with who and why."""
    require(ctx.actor, "dispatch.matters.admit")
    reason = (reason or "").strip()
    limits.require((limits.NOTE, reason), message="未决定 (not decided)")
    if not reason:
        raise ValidationError("准入决定需要说明理由 (a decision needs a reason)")
    with ctx.unit() as u:
        m = u.get_current(Matter, matter_id, expected_version, "事项")
        if m.status != "proposed":
            raise ValidationError(f"事项「{m.name}」已{'准入' if m.status == 'approved' else '处理'}，"
                                  f"不能重复决定 (already decided: {m.status})")
        m.status = "approved" if approve else "rejected"
        m.decided_by, m.decided_at, m.decision_reason = u.actor.username, u.now, reason
        u.session.flush()
        u.changed("matter", m.id, "update")
        u.audit("matter.admit" if approve else "matter.reject", "matter", m.id,
                before={"status": "proposed"}, after={"status": m.status, "reason": reason})
        return to_row(m)


def edit_matter(ctx: Context, matter_id: int, *, expected_version: int | None = None, name: str | None = None,
                department: str | None = None, assist: list[str] | None = None, limit_hours: int | None = None,
                keywords: list[str] | None = None, retire: bool = False) -> MatterRow:
    """An administrator's correction of an admitted matter (department, time limit, keywords), or retiring it."""
    require(ctx.actor, "dispatch.matters.edit")
    limits.require((limits.NOTE, " ".join(keywords or [])), message="事项信息有误，未保存 (the matter was not saved)")
    with ctx.unit() as u:
        m = u.get_current(Matter, matter_id, expected_version, "事项")
        before = {"name": m.name, "department": m.department, "assist": m.assist, "limit_hours": m.limit_hours,
                  "keywords": m.keywords, "status": m.status}
        new_assist = assist if assist is not None else m.assist.split()
        _check(u.session, m.domain, name if name is not None else m.name, department or m.department, new_assist,
               limit_hours if limit_hours is not None else m.limit_hours)
        if name is not None:
            m.name = name.strip()
        if department is not None:
            m.department = department
        m.assist = " ".join(new_assist)
        if limit_hours is not None:
            m.limit_hours = limit_hours
        if keywords is not None:
            m.keywords = " ".join(keywords)
        if retire:
            m.status = "retired"
        u.session.flush()
        u.changed("matter", m.id, "update")
        u.audit("matter.edit", "matter", m.id, before=before,
                after={"name": m.name, "department": m.department, "assist": m.assist,
                       "limit_hours": m.limit_hours, "keywords": m.keywords, "status": m.status})
        return to_row(m)
