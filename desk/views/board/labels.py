"""Display names for the board's codes, through Qt's translation (context "Board")."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from desk.clock import format_local, local

from desk.services.incidents import codes


def _t(text: str) -> str:
    return QCoreApplication.translate("Board", text)


def status(code: str) -> str:
    return _t(codes.STATUSES.get(code, code))


def kind(code: str, sub: str = "") -> str:
    name = _t(codes.KINDS.get(code, code))
    if sub:
        name += "/" + _t(codes.SUB_KINDS.get(code, {}).get(sub, sub))
    return name


def sub_kind(code: str, sub: str) -> str:
    return _t(codes.SUB_KINDS.get(code, {}).get(sub, sub))


def source(code: str) -> str:
    return _t(codes.SOURCES.get(code, code))


def action(code: str) -> str:
    return _t(codes.ACTION_NAMES.get(code, code))


def ladder(level: int) -> str:
    return _t(codes.LADDER.get(level, "")) if level else ""


def outcome(code: str) -> str:
    return _t(codes.OUTCOMES.get(code, code))


def satisfaction(code: str | None) -> str:
    return _t(codes.SATISFACTION.get(code, code)) if code else ""


def deadline(state: str) -> str:
    return {"ok": _t("正常"), "yellow": _t("黄牌预警"), "red": _t("超时"), "on_record": _t("挂账"),
            "none": ""}.get(state, state)


def duration(td: timedelta) -> str:
    """A span a duty officer reads at a glance: 2天5小时, 3小时20分, 45分."""
    minutes = max(0, int(td.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days >= 3:  # long overdue: the hours no longer matter
        return _t("%1天").replace("%1", str(days))
    if days:
        return _t("%1天%2小时").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return _t("%1小时%2分").replace("%1", str(hours)).replace("%2", str(mins))
    return _t("%1分").replace("%1", str(mins))


def due_at(row, now: datetime) -> datetime | None:
    """When the event is (or was) due: its deadline, or the dispute level's when that came first."""
    times = [t for t in (row.red_at, row.ladder_due_at) if t is not None]
    if not times:
        return None
    overdue = [t for t in times if t <= now]
    return min(overdue) if overdue else min(times)


def time_left(row, now: datetime, state: str | None = None) -> str:
    """期限 as words: 超时 3小时20分, 剩 1小时5分, 挂账, or nothing when no deadline runs."""
    state = state or row.deadline(now)
    if state == "on_record":
        return deadline(state)
    due = due_at(row, now)
    if due is None:
        return ""
    return due_text(due, now, late=state == "red")


def due_text(due: datetime, now: datetime, late: bool = False) -> str:
    """超时 3小时20分 when ``due`` has passed (or ``late``), else 剩 1小时5分."""
    if late or due <= now:
        return _t("超时 %1").replace("%1", duration(now - due))
    return _t("剩 %1").replace("%1", duration(due - now))


DUTY_SEAT = "值班席"
NEXT_STEP = {  # status: (the next step, who holds it: 'duty', 'grid' or 'department')
    "reported": ("受理", "duty"), "accepted": ("派单", "duty"), "in_grid": ("网格处置", "grid"),
    "dispatched": ("签收", "department"), "handling": ("办理反馈", "department"), "returned": ("改派", "duty"),
    "reopened": ("重新派单", "duty"), "feedback": ("核查", "grid"), "verified": ("办结", "duty"),
    "closed": ("回访", "duty"),
}


def holder(row, short: bool = False) -> str:
    """Whose turn it is: the duty seat, the grid (its worker) or the department. ``short``: the grid's
    worker as 网格员 only (a list that names the grid beside it)."""
    step = NEXT_STEP.get(row.status)
    if step is None:
        return ""
    if step[1] == "grid":
        if short:
            return _t("网格员")
        return row.assignee_name or (row.grid_name + _t("网格员") if row.grid_name else _t("网格员"))
    if step[1] == "department":
        return row.department_name or _t("承办部门")
    return _t(DUTY_SEAT)


def next_step(row, short: bool = False) -> str:
    """待谁办: the next step and who holds it, e.g. 签收 · 城管局."""
    step = NEXT_STEP.get(row.status)
    if step is None:
        return ""
    return f"{_t(step[0])} · {holder(row, short)}"


def reported(at: datetime, now: datetime) -> str:
    """The time an event came in: month-day and time this year, with the year when older."""
    text = format_local(at)
    return text[5:] if local(at).year == local(now).year else text


COLUMNS = ("id", "reported", "status", "deadline", "next", "kind", "title", "community", "grid", "source",
           "claimed", "handler", "ladder")
COL = {key: i for i, key in enumerate(COLUMNS)}


def columns() -> tuple[str, ...]:
    return (_t("编号"), _t("上报时间"), _t("状态"), _t("期限"), _t("待谁办"), _t("类型"), _t("标题"), _t("社区"),
            _t("网格"), _t("来源"), _t("认领"), _t("承办"), _t("调解层级"))
