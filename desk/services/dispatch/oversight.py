"""Chasing a case: urges (催办), supervision at three levels (一般/黄牌/红牌督办), leaders'
instructions (领导批示) and expediting (加急). Each is an entry on the case, a line on the event's
timeline, audited; a red card and an expedite also put a notice on every seat's board."""
from __future__ import annotations

from desk.models import Event
from desk.services import limits
from desk.services.context import Context
from desk.services.dispatch import common
from desk.services.dispatch.codes import SUPERVISION
from desk.services.errors import ValidationError
from desk.services.incidents.lifecycle import add_notice
from desk.services.permissions import require

_OPEN = ("sent", "accepted", "feedback", "verified", "returned")


def _record(ctx: Context, dispatch_id: int, kind: str, text: str, *, level: int = 0, notice: str = "") -> None:
    limits.require((limits.NOTE, text), message="未保存 (not saved)")
    with ctx.unit() as u:
        d = common.load(u, dispatch_id)
        common.need_state(d, *_OPEN, what=common_names[kind])
        before = common.snapshot(d)
        if kind == "supervise":
            d.supervision = max(d.supervision, level)
        if kind == "expedite":
            d.urgent = True
        common.entry(u, d, kind, text=text, level=level)
        common.event_step(u, d.event_id, kind, text)
        if notice:
            add_notice(u, u.session.get(Event, d.event_id), "urgent", notice)
        common.touch(u, d, kind, before, level=level, text=text)


common_names = {"urge": "催办", "supervise": "督办", "instruct": "批示", "expedite": "加急"}


def urge(ctx: Context, dispatch_id: int, text: str = "") -> None:
    require(ctx.actor, "dispatch.urge")
    _record(ctx, dispatch_id, "urge", (text or "").strip() or "请抓紧办理")


def supervise(ctx: Context, dispatch_id: int, level: int, text: str) -> None:
    require(ctx.actor, "dispatch.supervise")
    if level not in SUPERVISION:
        raise ValidationError("督办级别应为1（一般）、2（黄牌）或3（红牌） (unknown level)")
    text = (text or "").strip()
    if not text:
        raise ValidationError("督办需要写明要求 (supervision needs a text)")
    notice = f"{SUPERVISION[level]}：{text}" if level == 3 else ""
    _record(ctx, dispatch_id, "supervise", f"{SUPERVISION[level]}：{text}", level=level, notice=notice)


def instruct(ctx: Context, dispatch_id: int, text: str) -> None:
    require(ctx.actor, "dispatch.supervise")
    text = (text or "").strip()
    if not text:
        raise ValidationError("批示内容不能为空 (an instruction needs a text)")
    _record(ctx, dispatch_id, "instruct", text)


def expedite(ctx: Context, dispatch_id: int, text: str = "") -> None:
    require(ctx.actor, "dispatch.expedite")
    text = (text or "").strip() or "加急办理"
    _record(ctx, dispatch_id, "expedite", text, notice=f"加急：{text}")
