"""Table models of the registry page over the services' frozen rows (numbers arrive masked)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desk.views.row_model import RowTableModel


def tr(text: str) -> str:
    return QCoreApplication.translate("RegistryPage", text)


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
        super().__init__((tr("姓名"), tr("性别"), tr("年龄"), tr("身份证号"), tr("联系电话"), tr("人口类型"),
                          tr("与户主关系"), tr("网格"), tr("现住址"), tr("特殊人群")), parent)
        self._shown = []

    def cells(self, r) -> tuple:
        return (r.name, rw(r.sex), r.age, r.id_masked, r.phone_masked, rw(r.residence), rw(r.relation), r.grid_name,
                r.address, "、".join(rw(c) for c in r.special.split("、")) if r.special else "")


STATE_COLOURS = {"overdue": "#c62828", "never": "#c62828", "due": "#ef6c00"}


class CareModel(ShownModel):
    def __init__(self, parent=None):
        super().__init__((tr("走访状态"), tr("姓名"), tr("类别"), tr("管理等级"), tr("走访周期(天)"), tr("上次走访"),
                          tr("应走访日期"), tr("逾期(天)"), tr("网格"), tr("包联人（网格员、民警）")), parent)
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
        super().__init__((tr("日期"), tr("对象"), tr("走访人"), tr("走访情况"), tr("后续事项"), tr("事件")), parent)

    def data(self, index, role=Qt.DisplayRole):
        r = self.row(index.row())
        if r is None or role != Qt.DisplayRole:
            return None
        return (r.day.isoformat(), r.target, r.visitor, r.findings, r.follow_up,
                f"#{r.event_id}" if r.event_id else "")[index.column()]


class UnitModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__((tr("单位名称"), tr("类型"), tr("网格"), tr("地址"), tr("联系人"), tr("联系电话"), tr("从业人数")), parent)

    def data(self, index, role=Qt.DisplayRole):
        r = self.row(index.row())
        if r is None or role != Qt.DisplayRole:
            return None
        return (r.name, rw(r.kind), r.grid_name, r.address, r.contact, r.phone_masked,
                "" if r.staff_count is None else r.staff_count)[index.column()]
