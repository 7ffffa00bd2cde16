"""The 报表简报 page: pick a sheet and its period, preview it, print it, save it as PDF or .xlsx;
the history of what was issued (numbers run per year and kind). Making a sheet runs off the UI
thread with a progress bar and a cancel button."""
from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressBar,
    QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from desk.clock import LOCAL_TZ
from desk.services.errors import DeskError
from desk.services.figures import build_sheet, periods
from desk.services.figures.issues import history
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.pages import Page
from desk.views.reports.history import KIND_NAMES, IssueTableModel
from desk.views.reports.job import ReportJob
from desk.views.reports.printing import a4_printer, load_pdf, print_pdf
from desk.views.table_export import install_table_export

log = logging.getLogger(__name__)
KINDS = ("daily", "weekly", "monthly", "event", "dispatch")


class ReportsPage(Page):
    key = "reports"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.ctx = backend.ctx
        self.may_issue = allowed(self.ctx.actor, "report.issue")
        self.job: ReportJob | None = None
        self.document = None
        self.last_data: bytes | None = None
        self.built = False
        QVBoxLayout(self)  # the controls are made when the page is first shown (window start stays quick)

    def _ensure_built(self) -> None:
        if not self.built:
            self.built = True
            self._build()
            self._kind_changed()
            install_table_export(self.history_view, self.backend, self.title())

    def title(self) -> str:
        return QCoreApplication.translate("Navigation", "报表简报")

    # --- layout ---
    def _build(self) -> None:
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(self.tr(KIND_NAMES[k]), k)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.number = QSpinBox()
        self.number.setRange(1, 2_000_000_000)
        self.period_text = QLabel()
        self.preview_button = QPushButton(self.tr("预览"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.pdf_button = QPushButton(self.tr("保存为 PDF…"))
        self.xlsx_button = QPushButton(self.tr("保存为 Excel…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("简报")), self.kind, QLabel(self.tr("时期")), self.date, self.number,
                  self.period_text):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
            bar.addWidget(w)
        work = QHBoxLayout()
        work.addWidget(self.progress, 1)
        work.addWidget(self.cancel_button)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.history_model = IssueTableModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setSelectionBehavior(QTableView.SelectRows)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("已发简报（期号按年度、类别编排）")))
        side_layout.addWidget(self.history_view)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = self.layout()
        layout.addLayout(bar)
        layout.addLayout(work)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._set_busy(False)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.date.dateChanged.connect(self._show_period)
        self.preview_button.clicked.connect(self.make_preview)
        self.print_button.clicked.connect(lambda: self.print_sheet())  # not clicked(bool) as the printer
        self.pdf_button.clicked.connect(lambda: self.save_as("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_as("xlsx"))
        self.cancel_button.clicked.connect(self.cancel)
        if not self.may_issue:
            for b in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
                b.setEnabled(False)
            self.status.setText(self.tr("当前角色无权制作简报，可查看已发简报记录。"))
        else:  # the preview area is empty until asked for: say how
            self.status.setText(self.tr("选择简报和时期后点「预览」查看；打印或保存时才编入期号。"))

    def activate(self) -> None:
        self._ensure_built()
        self.reload_history()

    def on_changes(self, changes) -> None:
        if self.built and concerns(changes, "report_history"):
            self.reload_history()

    def reload_history(self) -> None:
        if allowed(self.ctx.actor, "report.history"):
            self.backend.read(lambda c: history(c), self.history_model.set_rows,
                              self.backend.failed(self.tr("读取已发简报")))

    # --- the sheet and its period ---
    def today(self) -> date:
        return self.ctx.clock.now().astimezone(LOCAL_TZ).date()

    def _kind_changed(self) -> None:
        k = self.current_kind()
        by_id = k in ("event", "dispatch")
        self.date.setVisible(not by_id)
        self.number.setVisible(by_id)
        today = self.today()
        default = {"daily": today - timedelta(days=1), "weekly": today - timedelta(days=7),
                   "monthly": periods.last_complete_month(today).start}.get(k, today)
        self.date.setDisplayFormat("yyyy-MM" if k == "monthly" else "yyyy-MM-dd")
        self.date.setDate(QDate(default.year, default.month, default.day))
        self._show_period()

    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_request(self, kind: str, value) -> None:
        """Choose a sheet and its date (a ``date``) or id (an ``int``), as a person would."""
        self._ensure_built()
        self.kind.setCurrentIndex(KINDS.index(kind))
        if isinstance(value, date):
            self.date.setDate(QDate(value.year, value.month, value.day))
        else:
            self.number.setValue(int(value))

    def what(self):
        k = self.current_kind()
        if k in ("event", "dispatch"):
            return self.number.value()
        d = self.date.date().toPython()
        return {"daily": periods.day, "weekly": periods.week_of, "monthly": periods.month_of}[k](d)

    def _show_period(self) -> None:
        w = self.what()
        self.period_text.setText("" if isinstance(w, int) else w.label)

    # --- work ---
    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for b in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
            b.setEnabled(not busy and self.may_issue)
        if busy:
            self.progress.setValue(0)

    def _run(self, work, on_done, what: str) -> None:
        if self.job is not None and not self.job.finished:
            return
        self.status.setText(what)
        self._set_busy(True)
        job = ReportJob(work, self)
        job.progress.connect(self.progress.setValue)
        job.done.connect(lambda value: self._finished(job, value, on_done))
        job.failed.connect(lambda exc: self._failed(job, exc))
        self.job = job
        job.start()

    def _finished(self, job, value, on_done) -> None:
        self._set_busy(False)
        if job.cancelled:
            self.status.setText(self.tr("已取消。"))
            return
        on_done(value)

    def _failed(self, job, exc) -> None:
        self._set_busy(False)
        if job.cancelled:
            self.status.setText(self.tr("已取消。"))
        elif isinstance(exc, DeskError):
            self.status.setText(str(exc))
        else:
            log.error("report failed", exc_info=exc)
            self.status.setText(self.tr("生成失败：") + str(exc))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def make_preview(self) -> None:
        ctx, kind, what = self.ctx, self.current_kind(), self.what()

        def work(progress, cancelled):
            from desk.reports.issue import preview  # reportlab: loaded with the first sheet, not at start

            sheet = build_sheet(ctx, kind, what)
            progress(30)
            if cancelled():
                return None
            return preview(ctx, sheet, lambda p: progress(30 + p * 7 // 10), cancelled)

        self._run(work, self._show_preview, self.tr("正在生成预览…"))

    def _show_preview(self, issued) -> None:
        if issued is None:
            return
        self.last_data = issued.data
        old = self.document
        self.document = load_pdf(issued.data, self)
        self.view.setDocument(self.document)
        if old is not None:
            old.deleteLater()
        self.status.setText(self.tr("预览：共 {n} 页（正式发出时编入期号）").format(n=issued.pages))

    def _issue(self, output: str, out: Path | None, on_done) -> None:
        ctx, kind, what = self.ctx.collecting(), self.current_kind(), self.what()

        def work(progress, cancelled):
            from desk.reports.issue import issue_sheet  # reportlab: loaded with the first sheet, not at start

            sheet = build_sheet(ctx, kind, what)
            progress(20)
            if cancelled():
                return None
            done = issue_sheet(ctx, sheet, output, out, lambda p: progress(20 + p * 8 // 10), cancelled)
            return done, list(ctx.collector or ())

        def finished(value):
            if value is None:
                return
            done, changes = value
            if changes:
                self.backend.bus.changed.emit(changes)
            on_done(done)

        self._run(work, finished, self.tr("正在生成…"))

    def save_as(self, output: str, path: str | None = None) -> None:
        ext = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}[output]
        if path is None:
            suggested = f"{self.kind.currentText()}_{self.period_text.text() or self.number.value()}.{output}"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存"), suggested, ext)
            if not path:
                return
        if not path.lower().endswith("." + output):
            path += "." + output
        self._issue(output, Path(path), lambda done: self.status.setText(
            self.tr("已保存 {no}：{file}").format(no=done.issue.number_text, file=path)))

    def print_sheet(self, printer: QPrinter | None = None) -> None:
        """The system printer dialog, then the sheet is issued and printed."""
        if printer is None:
            printer = a4_printer(QPrinter(QPrinter.HighResolution))
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.Accepted:
                return
        self._issue("print", None, lambda done: self._send_to_printer(done, printer))

    def _send_to_printer(self, done, printer: QPrinter) -> None:
        doc = load_pdf(done.data, self)
        try:
            pages = print_pdf(doc, printer)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("打印"), str(exc))
            return
        finally:
            doc.deleteLater()
        self.status.setText(self.tr("已打印 {no}，共 {n} 页").format(no=done.issue.number_text, n=pages))
