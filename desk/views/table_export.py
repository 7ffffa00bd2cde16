"""Every table on screen exports to Excel (.xlsx) or CSV (UTF-8 with a BOM): a right-click menu
and Ctrl+E on each table of the window's pages. What is exported is what the table shows (its
current filter and sort); the export is audited under the signed-in user."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from desk.clock import LOCAL_TZ
from desk.services.figures.issues import record_table_export
from desk.services.permissions import allowed
from desk.views.workers import run_in_pool

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("TableExport", text)


def view_rows(view: QTableView) -> tuple[list[str], list[list[str]]]:
    """The headings and the cells of the visible columns, as the table shows them."""
    model = view.model()
    cols = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    headings = [str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in cols]
    rows = []
    for r in range(model.rowCount()):
        rows.append(["" if (v := model.data(model.index(r, c), Qt.DisplayRole)) is None else str(v) for c in cols])
    return headings, rows


def export_view(view: QTableView, backend, title: str, path: Path, parent=None, on_done=None) -> None:
    """Write the view's rows to ``path`` (.xlsx or .csv) off the UI thread, then audit the export."""
    if not allowed(backend.ctx.actor, "report.export"):
        QMessageBox.warning(parent, tr("导出"), tr("当前角色无权导出数据。"))
        return
    headings, rows = view_rows(view)
    from desk.reports.xlsx import table_from_text, write_csv, write_tables  # openpyxl: not on the start path

    table = table_from_text(title, headings, rows, backend.ctx.clock.now().astimezone(LOCAL_TZ).date())
    csv = path.suffix.lower() == ".csv"

    def work():
        return write_csv(table, path) if csv else write_tables([table], path)

    def done(n):
        backend.write(lambda c: record_table_export(c, title, n, path.name), None,
                      backend.failed(tr("记录导出")))
        if on_done is not None:
            on_done(n)

    def failed(exc):
        log.warning("export failed: %s", exc)
        QMessageBox.warning(parent, tr("导出"), tr("导出失败：") + str(exc))

    run_in_pool(work, done, failed, view)


def install_table_exports(pages, backend) -> None:
    for page in pages:
        title = page.title()
        for view in page.findChildren(QTableView):
            if view.property("export") is not False:   # a table may say it is not for export
                install_table_export(view, backend, title)


def install_table_export(view: QTableView, backend, title: str) -> None:
    """The export actions on one table (pages that make their tables later call this themselves)."""
    def ask(ext: str) -> None:
        name, _ = QFileDialog.getSaveFileName(view, tr("导出"), f"{title}.{ext}",
                                              "Excel (*.xlsx)" if ext == "xlsx" else "CSV (*.csv)")
        if name:
            path = Path(name if name.lower().endswith("." + ext) else f"{name}.{ext}")
            export_view(view, backend, title, path, view)

    to_xlsx = QAction(tr("导出为 Excel…"), view)
    to_xlsx.setShortcut(QKeySequence("Ctrl+E"))
    to_xlsx.setShortcutContext(Qt.WidgetWithChildrenShortcut)
    to_xlsx.triggered.connect(lambda: ask("xlsx"))
    to_csv = QAction(tr("导出为 CSV…"), view)
    to_csv.triggered.connect(lambda: ask("csv"))
    view.addAction(to_xlsx)
    view.addAction(to_csv)
    view.setContextMenuPolicy(Qt.ActionsContextMenu)
