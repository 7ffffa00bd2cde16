"""The checks of ``desk selftest`` that need Qt: the translations, the font, the window (offscreen)
with its map drawn from the bundled Leaflet with no network, and a worker's exception reaching
the log file and the person. Each returns a one-line detail or raises with the reason."""
from __future__ import annotations

import logging
import random
import string
import time
from typing import Callable

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor
from PySide6.QtWidgets import QApplication

from desk import logfile, resources
from desk.services.unit import Actor
from desk.views.platform_ui import CJK_CHECK_TEXT, ui_font

log = logging.getLogger(__name__)


class SelfTestError(Exception):
    """A Qt check's plain reason for failing."""


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Run the event loop until ``condition()``; the seconds it took, or SelfTestError."""
    app = QApplication.instance()
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise SelfTestError(f"{timeout:g} 秒内未完成 (timed out): {what}")
        app.processEvents()
        time.sleep(0.01)
    return time.monotonic() - start


def check_translations() -> str:
    """The English translation of the desk and Qt's own Chinese (standard dialog buttons) load."""
    ours = QTranslator()
    qm = resources.path("translations", "desk_en.qm")
    if not ours.load(str(qm)):
        raise SelfTestError(f"无法加载 {qm} (cannot load)")
    english = ours.translate("MainWindow", "警网融合中心工作台")
    if not english or english == "警网融合中心工作台":
        raise SelfTestError(f"{qm.name} 中没有窗口标题的译文 (no translation of the window title)")
    qt_zh = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if not qt_zh.load("qtbase_zh_CN", folder):
        raise SelfTestError(f"缺少 Qt 中文翻译 qtbase_zh_CN.qm ({folder})")
    return f"desk_en.qm ({english}), qtbase_zh_CN.qm; {check_chinese_text()}"


def check_chinese_text() -> str:
    """Qt's ICU sorts Chinese by pinyin and writes GB18030 (the bundle's ICU data is cut to zh/en)."""
    from PySide6.QtCore import QCollator, QLocale, QStringEncoder

    names = ["上海", "北京", "重庆"]
    collator = QCollator(QLocale(QLocale.Chinese, QLocale.China))
    ordered = sorted(names, key=collator.sortKey)
    if ordered != ["北京", "重庆", "上海"]:
        raise SelfTestError(f"中文排序不按拼音 (Chinese is not sorted by pinyin): {ordered}")
    codecs = {name.upper() for name in QStringEncoder.availableCodecs()}
    if not {"GB18030", "GBK"} <= codecs or not QStringEncoder("GB18030").isValid():
        raise SelfTestError("没有 GB18030/GBK 编码 (no GB18030 or GBK codec)")
    return "中文按拼音排序, GB18030 编码 (pinyin collation, GB18030 codec)"


def check_font() -> str:
    """A font that draws Chinese is installed and is the one the window uses (or its fallback)."""
    families = QFontDatabase.families(QFontDatabase.SimplifiedChinese)
    if not families:
        raise SelfTestError("没有可显示中文的字体 (no font can draw Chinese): Windows 需要微软雅黑, Debian 需要 fonts-wqy-microhei")
    font = ui_font() or QApplication.font()
    metrics = QFontMetrics(font)
    missing = [ch for ch in CJK_CHECK_TEXT if not metrics.inFontUcs4(ord(ch))]
    if missing:
        raise SelfTestError(f"界面字体 {font.family()} 无法显示: {''.join(missing)}")
    return f"界面字体 {font.family()} {font.pointSize()}pt; {len(families)} 种中文字体 (CJK fonts)"


class NetworkGuard(QWebEngineUrlRequestInterceptor):
    """Blocks and counts every request that would leave the PC: the map must need none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 - Qt's name
        url = info.requestUrl()
        if url.scheme() in ("http", "https", "ws", "wss", "ftp"):
            self.blocked.append(url.toString()[:120])
            info.block(True)


def check_window(ctx, started: float | None, build_shell, dispose_pages) -> str:
    """The whole window on the scratch database, shown offscreen, as duty staff; the map page
    drawn from the bundled assets with the network blocked. ``build_shell`` and ``dispose_pages``
    come from the composition root (desk.app)."""
    actor = Actor("selftest", "自检", role="duty_staff")
    t0 = time.monotonic()
    shell = build_shell(ctx.as_actor(actor), listen=False)
    try:
        shell.window.show()
        wait_for(lambda: shell.window.isVisible(), 10, "the window")
        shown = time.monotonic() - t0
        since_launch = f", 启动到窗口显示 {time.time() - started:.2f} s (launch to window)" if started else ""
        map_page = shell.window.page("map")
        if map_page is None:
            raise SelfTestError("窗口中没有地图页 (no map page)")
        drawn, errors = [], []
        map_page.map_drawn.connect(drawn.append)
        map_page.js_error.connect(errors.append)
        shell.window.show_page("map")
        guard = NetworkGuard(map_page)
        wait_for(lambda: map_page.web_page is not None, 10, "the map's web view")
        map_page.web_page.profile().setUrlRequestInterceptor(guard)
        took = wait_for(lambda: bool(drawn) or bool(errors), 90, "the map (QtWebEngine + Leaflet)")
        if errors:
            raise SelfTestError(f"地图脚本错误 (map script error): {errors[0][:200]}")
        if guard.blocked:
            raise SelfTestError(f"地图试图访问网络 (the map asked the network): {guard.blocked[0]}")
        pages = ",".join(p.key for p in shell.window.pages)
        return f"窗口 {shown:.2f} s{since_launch}; 地图 {took:.1f} s 无网络绘制 (map drawn offline); 页面 {pages}"
    finally:
        shell.feed.stop()
        shell.worker.stop()
        shell.window.close()
        dispose_pages(shell.window)
        shell.window.deleteLater()
        QApplication.processEvents()


def check_problem_reporting() -> str:
    """A provoked worker exception reaches the log file with its traceback and the person as a message."""
    from PySide6.QtWidgets import QMainWindow

    from desk.views.problems import install_problem_reporting
    from desk.views.workers import DbWorker

    path = logfile.current_path()
    if path is None:
        raise SelfTestError(f"日志文件无法写入 (the log file cannot be written): {logfile.log_path()}")
    window = QMainWindow()
    worker = DbWorker()
    reporter = install_problem_reporting(window, worker)
    marker = "selftest-provoked-" + "".join(random.choice(string.ascii_lowercase) for _ in range(12))

    def selftest_provoked_failure():
        raise RuntimeError(marker)

    try:
        with logfile.quiet_console():
            worker.submit(selftest_provoked_failure)
            wait_for(lambda: reporter.box is not None, 10, "the message to the person")
        shown = marker in reporter.box.text()
        for h in logging.getLogger(logfile.LOGGER).handlers:
            h.flush()
        text = path.read_text(encoding="utf-8", errors="replace")
        logged = marker in text and "in selftest_provoked_failure" in text
    finally:
        reporter.detach()
        if reporter.box is not None:
            reporter.box.close()
        worker.stop()
        window.deleteLater()
    if not shown:
        raise SelfTestError("工作线程异常没有提示给用户 (not shown to the person)")
    if not logged:
        raise SelfTestError(f"工作线程异常没有写入日志 (no traceback in) {path}")
    return f"工作线程异常已记入日志并提示 (worker exception logged with traceback and shown); 日志 {path}"


def check_charts() -> str:
    """pyqtgraph and numpy (the dashboard's charts) import and draw a curve offscreen: in the bundle
    this proves that numpy's libraries and pyqtgraph's modules were collected."""
    import numpy
    import pyqtgraph

    plot = pyqtgraph.PlotWidget()
    try:
        values = numpy.cumsum(numpy.ones(24))
        plot.plot(numpy.arange(24), values)
        plot.resize(320, 200)
        plot.show()
        QApplication.processEvents()
        image = plot.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise SelfTestError("图表未能绘制 (the chart was not drawn)")
    finally:
        plot.close()
        plot.deleteLater()
        QApplication.processEvents()
    return f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}: 离屏绘制曲线 (curve drawn offscreen)"


def check_pdf_preview(path) -> str:
    """The reports page's preview (QtPdf) opens a PDF and draws its first page."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    try:
        doc.load(str(path))
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
            raise SelfTestError(f"预览无法打开 PDF (the preview cannot open it): {doc.error()}")
        image = doc.render(0, QSize(200, 280))
        if image.isNull():
            raise SelfTestError("预览未能绘制 PDF 第一页 (the preview drew no page)")
    finally:
        doc.close()
    return "预览可显示 (previewed with QtPdf)"
