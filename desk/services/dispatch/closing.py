"""After the department reports back: verification on the spot by the grid worker (核查),
closure (办结) and the call-back to the reporter (回访). A failed verification — closed only in
stages, closed too thinly, or handled wrongly — sends the case back to the department; a
call-back that finds the reporter not satisfied can reopen it."""
from __future__ import annotations

from desk.models import Event
from desk.services import limits
from desk.services.context import Context
from desk.services.dispatch import common
from desk.services.dispatch.codes import SATISFACTION, VERIFY_OUTCOMES
from desk.services.errors import ValidationError
from desk.services.incidents.dispatch_link import lapse_extensions
from desk.services.incidents.lifecycle import transition
from desk.services.permissions import require
from desk.services.scope import require_grid


def verify(ctx: Context, dispatch_id: int, outcome: str, note: str = "") -> None:
    require(ctx.actor, "dispatch.verify")
    limits.require((limits.NOTE, note), message="未核查 (not verified)")
    if outcome not in VERIFY_OUTCOMES:
        raise ValidationError(f"核查结果 {outcome!r} 不存在 (unknown outcome)")
    note = (note or "").strip()
    if outcome != "passed" and not note:
        raise ValidationError("核查未通过需要说明情况 (a failed verification needs a note)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        require_grid(u.session, ctx.actor, u.session.get(Event, d.event_id).grid_id)  # grid staff: their own grids
        common.need_state(d, "feedback", what="核查")
        before = common.snapshot(d)
        name = VERIFY_OUTCOMES[outcome]
        text = name + (f"：{note}" if note else "")
        if outcome == "passed":
            transition(ctx, d.event_id, "verify", note=text, unit=u, by_dispatch=True)
            d.state = "verified"
            lapse_extensions(u, d, "核查通过，延期申请失效")  # the case has left the department's hands
        else:
            common.move_event(u, d.event_id, "verify_failed", "feedback", "handling",
                              f"{text}；退回 {common.department_name(u, d.department_id)} 重新办理")
            d.state = "accepted"
        common.entry(u, d, "verify", outcome=outcome, text=text, round_=d.rounds)
        common.touch(u, d, "verify", before, outcome=outcome)


def close(ctx: Context, dispatch_id: int, note: str = "") -> None:
    require(ctx.actor, "dispatch.send")
    limits.require((limits.NOTE, note), message="未结案 (not closed)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.need_state(d, "verified", what="办结")
        before = common.snapshot(d)
        transition(ctx, d.event_id, "close", note=note, unit=u, by_dispatch=True)
        d.state, d.closed_at, d.active = "closed", u.now, True
        common.entry(u, d, "close", text=note)
        common.touch(u, d, "close", before)


def call_back(ctx: Context, dispatch_id: int, satisfaction: str, note: str = "", *, reopen: bool = False) -> None:
    """回访. ``reopen`` (only when not satisfied) sends the case back into the same department's
    handling (it accepted the case before; its acceptance time is kept for the figures)."""
    require(ctx.actor, "dispatch.send")
    limits.require((limits.NOTE, note), message="未回访 (no call-back recorded)")
    if satisfaction not in SATISFACTION:
        raise ValidationError(f"满意度 {satisfaction!r} 不存在 (unknown satisfaction)")
    if reopen and satisfaction != "unsatisfied":
        raise ValidationError("只有不满意的回访才能重新办理 (only a dissatisfied call-back reopens)")
    note = (note or "").strip()
    if reopen and not note:
        raise ValidationError("重新办理需要说明群众的意见 (reopening needs a note)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.need_state(d, "closed", what="回访")
        before = common.snapshot(d)
        text = SATISFACTION[satisfaction] + (f"：{note}" if note else "")
        transition(ctx, d.event_id, "call_back", satisfaction=satisfaction, note=text, unit=u, by_dispatch=True)
        d.satisfaction = satisfaction
        common.entry(u, d, "call_back", outcome=satisfaction, text=text)
        if reopen:
            transition(ctx, d.event_id, "reopen", reason=f"回访不满意：{note}", unit=u, by_dispatch=True)
            dep = common.department_name(u, d.department_id)
            transition(ctx, d.event_id, "dispatch", department_id=d.department_id,
                       note=f"回访不满意，退回 {dep} 重新办理", unit=u, by_dispatch=True)
            # the department accepted this case before: it goes straight back into its handling
            transition(ctx, d.event_id, "start", note=f"{dep} 重新办理", unit=u, by_dispatch=True)
            d.state, d.closed_at, d.reopened = "accepted", None, d.reopened + 1
            common.entry(u, d, "reopen", text=f"回访不满意，重新办理：{note}")
        common.touch(u, d, "call_back", before, satisfaction=satisfaction, reopen=reopen)
