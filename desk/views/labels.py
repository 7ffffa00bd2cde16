"""Display names for the codes the services return, through Qt's translation."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_name(code: str) -> str:
    return {
        "grid_leader": _t("网格长"), "fulltime_worker": _t("专职网格员"), "parttime_worker": _t("兼职网格员"),
        "professional_worker": _t("专业网格员"), "community_police": _t("社区民警"), "auxiliary_police": _t("辅警"),
        "duty_staff": _t("值班员"), "leader": _t("领导"), "department_liaison": _t("部门联络员"),
    }.get(code, code)


def kind_name(code: str) -> str:
    return {"community": _t("社区"), "village": _t("行政村"), "comprehensive": _t("综合网格"),
            "dedicated": _t("专属网格")}.get(code, code)


def size_name(code: str) -> str:
    return {"ok": _t("达标"), "small": _t("偏小"), "large": _t("偏大"), "dedicated": _t("专属")}.get(code, code)


def headers(kind: str) -> tuple[str, ...]:
    return {
        "community": (_t("名称"), _t("代码"), _t("类型"), _t("网格数"), _t("户数"), _t("人口")),
        "grid": (_t("名称"), _t("代码"), _t("类型"), _t("户数"), _t("人口"), _t("规模"), _t("网格长"),
                 _t("人员"), _t("警务区")),
        "staff": (_t("姓名"), _t("角色"), _t("所属社区"), _t("所属部门"), _t("网格")),
        "beat": (_t("名称"), _t("代码"), _t("社区民警"), _t("网格数"), _t("户数"), _t("人口")),
        "beat_grid": (_t("名称"), _t("代码"), _t("所属社区"), _t("户数"), _t("人口"), _t("规模")),
        "department": (_t("名称"), _t("简称"), _t("代码")),
    }.get(kind, ())


# Which column of a row kind holds a code, and how to name it.
CODED_COLUMNS = {
    ("community", 2): kind_name, ("grid", 2): kind_name, ("grid", 5): size_name,
    ("staff", 1): role_name, ("beat_grid", 5): size_name,
}


def cell_text(kind: str, column: int, value: str) -> str:
    fn = CODED_COLUMNS.get((kind, column))
    return fn(value) if fn else value


def group_name(kind: str) -> str:
    return {"beats": _t("警务区"), "departments": _t("职能部门")}.get(kind, "")
