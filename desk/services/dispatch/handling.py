"""What a department does with a case: accept (签收) within the time limit, or return it (退单)
with a reason; ask for more time (延期, decided by a leader); report back (反馈) with text and
attachments. A liaison acts only on their own department's cases (checked here, not by the screen)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from desk.models import DispatchParty, Extension
from desk.services import limits
from desk.services.context import Context
from desk.services.dispatch import common
from desk.services.errors import ConflictError, NotFound, ValidationError
from desk.services.incidents.attachments import checked_attachment, insert_attachment
from desk.services.incidents.dispatch_link import lapse_extensions
from desk.services.incidents.lifecycle import transition
from desk.services.permissions import require
from desk.services.unit import Unit


def _my_party(u: Unit, dispatch_id: int, department_id: int | None) -> DispatchParty | None:
    if department_id is None:
        return None
    return u.session.scalars(select(DispatchParty).where(DispatchParty.dispatch_id == dispatch_id,
                                                         DispatchParty.department_id == department_id)).first()


def accept(ctx: Context, dispatch_id: int, *, expected_version: int | None = None) -> None:
    """签收. The lead's acceptance starts the handling; an assisting department's is noted beside it."""
    require(ctx.actor, "dispatch.handle")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.check_department(u, d)
        if expected_version is not None and d.version != expected_version:
            raise ConflictError(f"案件 #{d.event_id} 刚被另一席位处理，请刷新 (changed by another seat)")
        party = _my_party(u, d.id, u.actor.department_id)
        if party is not None and party.role == "assist":
            common.need_state(d, "sent", "accepted", "feedback", what="联办签收")
            if party.accepted_at is not None:
                raise ValidationError("本部门已签收该联办案件 (already accepted)")
            party.accepted_at, party.accepted_by = u.now, u.actor.username
            common.entry(u, d, "assist_accept", department_id=party.department_id, text="协办部门签收")
            common.event_step(u, d.event_id, "assist_accept", f"协办 {common.department_name(u, party.department_id)} 签收")
            common.touch(u, d, "assist_accept", department=party.department_id)
            return
        common.need_state(d, "sent", what="签收")
        before = common.snapshot(d)
        transition(ctx, d.event_id, "start", note=f"{common.department_name(u, d.department_id)} 签收", unit=u,
                   by_dispatch=True)
        late = u.now > d.accept_by
        d.state = "accepted"
        if d.accepted_at is None:
            d.accepted_at, d.accepted_by = u.now, u.actor.username
        lead = _my_party(u, d.id, d.department_id)
        if lead is not None and lead.accepted_at is None:
            lead.accepted_at, lead.accepted_by = u.now, u.actor.username
        common.entry(u, d, "accept", text="超时签收" if late else "按时签收", outcome="late" if late else "on_time")
        common.touch(u, d, "accept", before, late=late)


def return_case(ctx: Context, dispatch_id: int, reason: str, *, expected_version: int | None = None) -> None:
    """退单: not this department's matter. The reason is mandatory; the case goes back to the duty officer."""
    require(ctx.actor, "dispatch.handle")
    reason = (reason or "").strip()
    limits.require((limits.REASON, reason), message="未退单 (not returned)")
    if not reason:
        raise ValidationError("退单必须填写原因 (a return needs a reason)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.check_department(u, d, lead_only=True)
        common.need_state(d, "sent", "accepted", what="退单")
        before = common.snapshot(d)
        transition(ctx, d.event_id, "return", reason=reason, unit=u, by_dispatch=True)
        d.state, d.returned_at, d.return_reason = "returned", u.now, reason
        lapse_extensions(u, d, "案件已退单，延期申请失效")
        common.entry(u, d, "return", text=reason)
        common.touch(u, d, "return", before, reason=reason)


def _attach(u: Unit, event_id: int, files: list[tuple[str, bytes]]) -> list[int]:
    ids = []
    for filename, data in files:
        name, mime = checked_attachment(filename, data)
        ids.append(insert_attachment(u, event_id, name, mime, data))
    return ids


def feedback(ctx: Context, dispatch_id: int, text: str, files: list[tuple[str, bytes]] | None = None) -> None:
    """反馈: the department's closing opinion. Each round is kept (a second opinion after a failed
    verification sits beside the first). An assisting department's feedback is recorded without
    moving the case."""
    require(ctx.actor, "dispatch.handle")
    text = (text or "").strip()
    limits.require((limits.NOTE, text), message="未反馈 (no feedback given)")
    if not text:
        raise ValidationError("反馈需要填写办理情况 (feedback needs a text)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.check_department(u, d)
        party = _my_party(u, d.id, u.actor.department_id)
        ids = _attach(u, d.event_id, files or [])
        if party is not None and party.role == "assist":
            common.need_state(d, "sent", "accepted", "feedback", what="反馈")
            common.entry(u, d, "feedback", department_id=party.department_id, text=text, outcome="assist",
                         attachments=ids)
            common.touch(u, d, "assist_feedback", department=party.department_id)
            return
        common.need_state(d, "accepted", what="反馈")
        before = common.snapshot(d)
        transition(ctx, d.event_id, "feedback", note=text[:200], unit=u, by_dispatch=True)
        d.state = "feedback"
        d.rounds += 1
        if d.feedback_at is None:
            d.feedback_at = u.now
        d.last_feedback_at = u.now
        common.entry(u, d, "feedback", text=text, round_=d.rounds, attachments=ids)
        common.touch(u, d, "feedback", before, round=d.rounds, attachments=ids)


def request_extension(ctx: Context, dispatch_id: int, hours: int, reason: str) -> int:
    require(ctx.actor, "dispatch.handle")
    reason = (reason or "").strip()
    limits.require((limits.REASON, reason), message="未申请延期 (no extension requested)")
    if not reason:
        raise ValidationError("申请延期需要说明理由 (an extension needs a reason)")
    if not 1 <= hours <= 24 * 30:
        raise ValidationError("延期应在1小时到30天之间 (extension out of range)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.check_department(u, d, lead_only=True)
        common.need_state(d, "sent", "accepted", what="申请延期")
        pending = u.session.scalar(select(Extension.id).where(Extension.dispatch_id == d.id,
                                                              Extension.state == "requested"))
        if pending is not None:
            raise ValidationError("已有待审批的延期申请 (an extension request is already pending)")
        x = Extension(dispatch_id=d.id, requested_at=u.now, requested_by=u.actor.username, hours=hours,
                      reason=reason, state="requested")
        u.session.add(x)
        u.session.flush()
        u.changed("dispatch_extension", x.id, "insert")
        common.entry(u, d, "extension", text=f"申请延期 {hours} 小时：{reason}", level=hours)
        common.event_step(u, d.event_id, "extension", f"申请延期 {hours} 小时：{reason}")
        common.touch(u, d, "extension_request", hours=hours, reason=reason)
        return x.id


def decide_extension(ctx: Context, extension_id: int, approve: bool, note: str = "") -> None:
    """Only a leader approves or refuses; an approval moves the deadline."""
    require(ctx.actor, "dispatch.extend")
    limits.require((limits.NOTE, note), message="未决定 (not decided)")
    with ctx.unit() as u:
        x = u.session.get(Extension, extension_id)
        if x is None:
            raise NotFound(f"延期申请 #{extension_id} 不存在 (no such extension request)")
        if x.state != "requested":
            raise ValidationError("该延期申请已审批 (already decided)")
        d = common.load(u, x.dispatch_id)
        common.need_state(d, "sent", "accepted", "feedback", what="审批延期")
        before = common.snapshot(d)
        x.state = "approved" if approve else "refused"
        x.decided_at, x.decided_by, x.decision_note = u.now, u.actor.username, (note or "").strip()
        if approve:
            d.deadline_at = d.deadline_at + timedelta(hours=x.hours)
        u.changed("dispatch_extension", x.id, "update")
        text = f"{'批准' if approve else '不批准'}延期 {x.hours} 小时" + (f"：{x.decision_note}" if x.decision_note else "")
        common.entry(u, d, "extension_decision", text=text, outcome=x.state, level=x.hours)
        common.event_step(u, d.event_id, "extension_decision", text)
        common.touch(u, d, "extension_decision", before, approved=approve, hours=x.hours)
