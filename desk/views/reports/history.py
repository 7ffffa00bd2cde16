"""The history of issued sheets as a table: number, sheet, how, when, who, file."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desk.clock import format_local
from desk.services.figures.issues import IssueRow
from desk.views.row_model import RowTableModel

KIND_NAMES = {"daily": "值班日报", "weekly": "周研判材料", "monthly": "月讲评通报", "event": "事件处置单",
              "dispatch": "交办单"}
OUTPUT_NAMES = {"pdf": "PDF", "xlsx": "Excel", "print": "打印"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportHistory", text)


class IssueTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__((tr("期号"), tr("类别"), tr("简报"), tr("方式"), tr("时间"), tr("经办人"), tr("文件")), parent)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        r: IssueRow = self._rows[index.row()]
        return (r.number_text, tr(KIND_NAMES.get(r.kind, r.kind)), r.title, tr(OUTPUT_NAMES.get(r.output, r.output)),
                format_local(r.issued_at), r.issued_name or r.issued_by, r.target)[index.column()]
