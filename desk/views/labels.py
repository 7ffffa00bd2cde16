"""Display names for the codes the services return, through Qt's translation."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(code: str) -> str:
    return {
        "grid_leader": QCoreApplication.translate("Labels", "网格长"), "fulltime_worker": QCoreApplication.translate("Labels", "专职网格员"), "parttime_worker": QCoreApplication.translate("Labels", "兼职网格员"),
        "professional_worker": QCoreApplication.translate("Labels", "专业网格员"), "community_police": QCoreApplication.translate("Labels", "社区民警"), "auxiliary_police": QCoreApplication.translate("Labels", "辅警"),
        "duty_staff": QCoreApplication.translate("Labels", "值班员"), "leader": QCoreApplication.translate("Labels", "领导"), "department_liaison": QCoreApplication.translate("Labels", "部门联络员"),
    }.get(code, code)


def kind_name(code: str) -> str:
    return {"community": QCoreApplication.translate("Labels", "社区"), "village": QCoreApplication.translate("Labels", "行政村"), "comprehensive": QCoreApplication.translate("Labels", "综合网格"),
            "dedicated": QCoreApplication.translate("Labels", "专属网格")}.get(code, code)


def dedicated_type_name(code: str) -> str:
    """A dedicated grid's type: the codes the demo and the GeoJSON imports use; any other text as typed."""
    return {"school": QCoreApplication.translate("Labels", "学校"), "hospital": QCoreApplication.translate("Labels", "医院"),
            "market": QCoreApplication.translate("Labels", "市场"), "enterprise": QCoreApplication.translate("Labels", "企业"),
            "park": QCoreApplication.translate("Labels", "公园"), "campus": QCoreApplication.translate("Labels", "园区"),
            "business": QCoreApplication.translate("Labels", "商圈")}.get(code, code)


def size_name(code: str) -> str:
    return {"ok": QCoreApplication.translate("Labels", "达标"), "small": QCoreApplication.translate("Labels", "偏小"), "large": QCoreApplication.translate("Labels", "偏大"), "dedicated": QCoreApplication.translate("Labels", "专属")}.get(code, code)


def headers(kind: str) -> tuple[str, ...]:
    return {
        "community": (QCoreApplication.translate("Labels", "名称"), QCoreApplication.translate("Labels", "代码"), QCoreApplication.translate("Labels", "类型"), QCoreApplication.translate("Labels", "网格数"), QCoreApplication.translate("Labels", "户数"), QCoreApplication.translate("Labels", "人口")),
        "grid": (QCoreApplication.translate("Labels", "名称"), QCoreApplication.translate("Labels", "代码"), QCoreApplication.translate("Labels", "类型"), QCoreApplication.translate("Labels", "户数"), QCoreApplication.translate("Labels", "人口"), QCoreApplication.translate("Labels", "规模"), QCoreApplication.translate("Labels", "网格长"),
                 QCoreApplication.translate("Labels", "人员"), QCoreApplication.translate("Labels", "警务区")),
        "staff": (QCoreApplication.translate("Labels", "姓名"), QCoreApplication.translate("Labels", "角色"), QCoreApplication.translate("Labels", "所属社区"), QCoreApplication.translate("Labels", "所属部门"), QCoreApplication.translate("Labels", "网格"),
                  QCoreApplication.translate("Labels", "电话")),
        "beat": (QCoreApplication.translate("Labels", "名称"), QCoreApplication.translate("Labels", "代码"), QCoreApplication.translate("Labels", "社区民警"), QCoreApplication.translate("Labels", "网格数"), QCoreApplication.translate("Labels", "户数"), QCoreApplication.translate("Labels", "人口")),
        "beat_grid": (QCoreApplication.translate("Labels", "名称"), QCoreApplication.translate("Labels", "代码"), QCoreApplication.translate("Labels", "所属社区"), QCoreApplication.translate("Labels", "户数"), QCoreApplication.translate("Labels", "人口"), QCoreApplication.translate("Labels", "规模")),
        "department": (QCoreApplication.translate("Labels", "名称"), QCoreApplication.translate("Labels", "简称"), QCoreApplication.translate("Labels", "代码")),
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
    return {"beats": QCoreApplication.translate("Labels", "警务区"), "departments": QCoreApplication.translate("Labels", "职能部门")}.get(kind, "")
