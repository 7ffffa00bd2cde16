"""Display names for the board's codes, through Qt's translation (context "Board")."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
    return {"ok": _t("正常"), "yellow": _t("黄牌预警"), "red": _t("红牌超时"), "on_record": _t("挂账"),
            "none": ""}.get(state, state)


def columns() -> tuple[str, ...]:
    return (_t("编号"), _t("上报时间"), _t("状态"), _t("期限"), _t("类型"), _t("标题"), _t("社区"), _t("网格"),
            _t("来源"), _t("认领"), _t("承办"), _t("调解层级"))
