"""Table models of the registry page over the services' frozen rows (numbers arrive masked)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desk.views.row_model import RowTableModel


def rw(text: str) -> str:
    """A registry code word (户籍人口, 红色, 已逾期 ...) in the screen's language."""
    return QCoreApplication.translate("Registry", text) if text else ""


class ShownModel(RowTableModel):
    """Rows whose cells are worked out once, when the rows arrive (a repaint asks thousands of times)."""

    def set_rows(self, rows) -> None:
        rows = tuple(rows)
        self._shown = [self.cells(r) for r in rows]
        super().set_rows(rows)

    def cells(self, r) -> tuple:
        raise NotImplementedError

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not 0 <= index.row() < len(self._shown):
            return None
        return self._shown[index.row()][index.column()]


class PeopleModel(ShownModel):
    def __init__(self, parent=None):
        t = lambda s: QCoreApplication.translate("RegistryPage", s)  # noqa: E731
        super().__init__((t("姓名"), t("性别"), t("年龄"), t("身份证号"), t("联系电话"), t("人口类型"),
                          t("与户主关系"), t("网格"), t("现住址"), t("特殊人群")), parent)
        self._shown = []

    def cells(self, r) -> tuple:
        return (r.name, rw(r.sex), r.age, r.id_masked, r.phone_masked, rw(r.residence), rw(r.relation), r.grid_name,
                r.address, "、".join(rw(c) for c in r.special.split("、")) if r.special else "")


STATE_COLOURS = {"overdue": "#c62828", "never": "#c62828", "due": "#ef6c00"}


class CareModel(ShownModel):
    def __init__(self, parent=None):
        t = lambda s: QCoreApplication.translate("RegistryPage", s)  # noqa: E731
        super().__init__((t("走访状态"), t("姓名"), t("类别"), t("管理等级"), t("走访周期(天)"), t("上次走访"),
                          t("应走访日期"), t("逾期(天)"), t("网格"), t("包联人（网格员、民警）")), parent)
        self._shown = []

    def cells(self, r) -> tuple:
        return (rw(r.state_name), r.name, rw(r.category), rw(r.level_name), r.visit_days,
                r.last_visit.isoformat() if r.last_visit else "—", r.due.isoformat(), r.days_late or "",
                r.grid_name, r.carer)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.column() == 0:
            r = self.row(index.row())
            return QColor(STATE_COLOURS[r.state]) if r is not None and r.state in STATE_COLOURS else None
        return super().data(index, role)


class VisitModel(RowTableModel):
    def __init__(self, parent=None):
        t = lambda s: QCoreApplication.translate("RegistryPage", s)  # noqa: E731
        super().__init__((t("日期"), t("对象"), t("走访人"), t("走访情况"), t("后续事项"), t("事件")), parent)

    def data(self, index, role=Qt.DisplayRole):
        r = self.row(index.row())
        if r is None or role != Qt.DisplayRole:
            return None
        return (r.day.isoformat(), r.target, r.visitor, r.findings, r.follow_up,
                f"#{r.event_id}" if r.event_id else "")[index.column()]


class UnitModel(RowTableModel):
    def __init__(self, parent=None):
        t = lambda s: QCoreApplication.translate("RegistryPage", s)  # noqa: E731
        super().__init__((t("单位名称"), t("类型"), t("网格"), t("地址"), t("联系人"), t("联系电话"), t("从业人数")), parent)

    def data(self, index, role=Qt.DisplayRole):
        r = self.row(index.row())
        if r is None or role != Qt.DisplayRole:
            return None
        return (r.name, rw(r.kind), r.grid_name, r.address, r.contact, r.phone_masked,
                "" if r.staff_count is None else r.staff_count)[index.column()]
