"""What the person sees when something goes wrong that no screen handled: an uncaught exception
in a slot or a thread, or database work submitted without an error callback. It is already in
the log file with its traceback (desk.logfile); here it becomes one plain message that says
where the details are. One message box at a time: later problems are counted in it."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk import logfile

log = logging.getLogger(__name__)


class ProblemReporter(QObject):
    """Shows problems on the UI thread (the listener may be called from any thread)."""

    _arrived = Signal(str)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self.count = 0
        self.last_text = ""
        self._arrived.connect(self._show, Qt.QueuedConnection)

    def report(self, text: str) -> None:
        self._arrived.emit(text)

    def report_exception(self, exc: BaseException) -> None:
        self.report(logfile.summary(exc))

    def _show(self, text: str) -> None:
        self.count += 1
        self.last_text = text
        where = logfile.current_path()
        body = QApplication.translate("Problems", "程序内部出错，当前操作未完成：") + "\n" + text
        if where is not None:
            body += "\n\n" + QApplication.translate("Problems", "详细记录已写入日志文件：") + "\n" + str(where)
        body += "\n" + QApplication.translate("Problems", "如问题反复出现，请将该文件交给系统管理员。")
        if self.count > 1:
            body += "\n\n" + QApplication.translate("Problems", "（共 %n 次）", "", self.count)
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Warning, "desk", body, QMessageBox.Ok, self.window)
            self.box.setObjectName("problem_box")
            self.box.setWindowModality(Qt.NonModal)
            self.box.finished.connect(self._closed)
            self.box.show()
        else:
            self.box.setText(body)
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, 15000)

    def _closed(self, _result: int = 0) -> None:
        box, self.box, self.count = self.box, None, 0
        if box is not None:
            QTimer.singleShot(0, box.deleteLater)

    def detach(self) -> None:
        logfile.remove_listener(self.report)


def install_problem_reporting(window: QWidget, worker=None) -> ProblemReporter:
    """Uncaught exceptions and unhandled worker failures become a plain message on ``window``."""
    reporter = ProblemReporter(window)
    logfile.add_listener(reporter.report)
    if worker is not None:
        worker.unhandled.connect(reporter.report_exception)
    window.destroyed.connect(lambda *_: logfile.remove_listener(reporter.report))
    return reporter
