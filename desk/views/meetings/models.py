"""Qt table models of the meeting screens, over cached immutable rows from the services."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk.clock import format_local
from desk.services.figures.table import cell_text
from desk.services.meetings import codes
from desk.views.code_words import meeting_word
from desk.views.row_model import RowTableModel

RED, BLUE, GREY = QColor("#c0392b"), QColor("#2e6da4"), QColor("#888888")


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingModels", text)


class TextRowsModel(RowTableModel):
    """Rows whose display texts are made once per reload (``texts(row)``), not on every paint."""

    def set_rows(self, rows) -> None:
        rows = tuple(rows)
        self._texts = [self.texts(r) for r in rows]
        super().set_rows(rows)

    def texts(self, row) -> tuple[str, ...]:
        raise NotImplementedError

    def text(self, index) -> str:
        return self._texts[index.row()][index.column()]


def fitted_table(model, stretch: int | None):
    """A table whose columns ``fit()`` sizes from the first rows only (a year of rows stays fast)."""
    from PySide6.QtWidgets import QHeaderView

    from desk.views.dispatch.case_list import table_view

    view = table_view(model, stretch=stretch)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(False)  # without a stretch column the columns keep their fitted widths
    if stretch is not None and stretch < model.columnCount():
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return view


def fit(view, stretch: int | None, cap: int = 220) -> None:
    """Columns as wide as their heading and their first rows' texts (measured here, not by asking the model
    for every role of every cell), up to ``cap``; the ``stretch`` column takes the rest."""
    from PySide6.QtWidgets import QHeaderView

    model = view.model()
    texts = getattr(model, "_texts", None) or []
    metrics = view.fontMetrics()
    head_metrics = view.horizontalHeader().fontMetrics()
    header = view.horizontalHeader()
    for col in range(model.columnCount()):
        if col == stretch:
            continue
        heading = str(model.headerData(col, Qt.Horizontal) or "")
        widest = max([head_metrics.horizontalAdvance(heading) + 24] +
                     [metrics.horizontalAdvance(r[col]) + 16 for r in texts[:60]])
        header.setSectionResizeMode(col, QHeaderView.Interactive)
        view.setColumnWidth(col, min(widest, cap))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)


def _align_right(index, numeric_cols) -> int | None:
    return int(Qt.AlignRight | Qt.AlignVCenter) if index.column() in numeric_cols else None


class MeetingModel(TextRowsModel):
    """Meetings: day, kind, scope, topic, chair, present/absent, items."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (tr("编号"), tr("日期"), tr("时间"), tr("类型"), tr("范围"), tr("议题/地点"), tr("主持人"),
                         tr("出席"), tr("缺席"), tr("督办事项"), tr("状态"))

    def texts(self, m) -> tuple[str, ...]:
        return (str(m.id), m.day.isoformat(), format_local(m.starts_at)[11:], meeting_word(m.kind_text),
                m.scope_text, m.topic or m.place, m.chair_name, str(m.present), str(m.absent), str(m.items),
                meeting_word(codes.MEETING_STATES.get(m.state, m.state)))

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self.text(index)
        if role not in (Qt.TextAlignmentRole, Qt.ForegroundRole) or not index.isValid():
            return None
        m = self._rows[index.row()]
        if role == Qt.TextAlignmentRole:
            return _align_right(index, (0, 7, 8, 9))
        if role == Qt.ForegroundRole and m.state == "planned":
            return QBrush(BLUE)
        return None


class ItemModel(TextRowsModel):
    """Action items: overdue in red, done and cancelled in grey; carried count shown."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (tr("编号"), tr("督办事项"), tr("责任人/部门"), tr("社区"), tr("来源会议"), tr("完成期限"),
                         tr("状态"), tr("结转次数"))

    def texts(self, r) -> tuple[str, ...]:
        return (str(r.id), r.title, r.owner_name, r.community_name or tr("街道"),
                f"{meeting_word(codes.kind_name(r.meeting_kind))} {r.meeting_day.isoformat()}", r.due_on.isoformat(),
                meeting_word(r.state_text), str(r.carried) if r.carried else "")

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self.text(index)
        if role not in (Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.ToolTipRole) or not index.isValid():
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role == Qt.ToolTipRole and c == 1:
            return r.detail or r.title
        if role == Qt.TextAlignmentRole:
            return _align_right(index, (0, 7))
        if role == Qt.ForegroundRole:
            if r.effective == "overdue":
                return QBrush(RED)
            if r.effective in ("done", "cancelled"):
                return QBrush(GREY)
        return None


class AgendaModel(RowTableModel):
    """The agenda in the editor: pre-filled lines marked (数据) and in blue when they link somewhere."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (tr("来源"), tr("议程"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        if role == Qt.DisplayRole:
            if index.column() == 0:
                return meeting_word(codes.SOURCES.get(line.source, line.source)) if line.prefilled else tr("手工")
            return line.text
        if role == Qt.ToolTipRole and line.opens:
            return tr("双击打开")
        if role == Qt.ForegroundRole and line.opens:
            return QBrush(BLUE)
        if role == Qt.FontRole and line.prefilled and line.ref_id is None and not line.text.startswith(" "):
            f = QFont()
            f.setBold(True)
            return f
        return None


class AttendeeModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (tr("姓名"), tr("单位/职务"), tr("出席情况"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == Qt.DisplayRole:
            presence = meeting_word(codes.PRESENCE.get(a.presence, a.presence))
            if a.presence == "substitute" and a.substitute_for:
                presence += tr("（代%1）").replace("%1", a.substitute_for)
            return (a.name, a.unit, presence)[index.column()]
        if role == Qt.ForegroundRole and a.presence == "absent":
            return QBrush(GREY)
        return None


class DraftItemModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (tr("督办事项"), tr("责任人/部门"), tr("完成期限"), tr("关联"))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        d, owner = self._rows[index.row()]
        links = "、".join(f"{meeting_word(codes.LINK_KINDS[k])}#{i}" for k, i in d.links)
        return (d.title, owner, d.due_on.isoformat(), links)[index.column()]


class FigureModel(RowTableModel):
    """Any figures-layer Table (rhythm, compliance, counts): the same text as PDF and CLI."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.table = None

    def set_table(self, t) -> None:
        self.beginResetModel()
        self.table = t
        self._headers = tuple(c.heading for c in t.columns)
        self._rows = tuple(t.rows) + ((t.totals,) if t.totals is not None else ())
        self._texts = [tuple(cell_text(c, v) for c, v in zip(t.columns, r)) for r in self._rows]
        self.endResetModel()

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role not in (Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.FontRole) or self.table is None:
            return None
        col = self.table.columns[index.column()]
        v = self._rows[index.row()][index.column()]
        if role == Qt.TextAlignmentRole and col.numeric:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and v in ("✗", "未召开"):
            return QBrush(RED)
        if role == Qt.FontRole and self.table.totals is not None and index.row() == len(self._rows) - 1:
            f = QFont()
            f.setBold(True)
            return f
        return None
