"""The window's composition root: settings, database, services, workers, pages, window.

Everything a screen needs is built here and passed in; nothing reaches for a global.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QMessageBox

from desk.bootstrap import open_context
from desk.config import describe_url
from desk.services import org
from desk.services.changefeed import ChangeFeed
from desk.services.context import Context
from desk.services.errors import DeskError
from desk.services.unit import seat_token
from desk.views.backend import Backend
from desk.views.board import BoardPage
from desk.views.bus import ChangeBus
from desk.views.i18n import install_translator
from desk.views.main_window import MainWindow
from desk.views.org_browser import OrgBrowser
from desk.views.pages import Page, PlannedPage
from desk.views.workers import DbWorker, FeedListener


def prepare_environment() -> None:
    """QtWebEngine refuses to run as root without --no-sandbox (STACK.md)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def planned_pages() -> list[Page]:
    t = lambda s: QApplication.translate("Navigation", s)  # noqa: E731
    return [
        PlannedPage("dispatch", t("派单处置"), t("一网分流：按事项清单派给职能部门，签收、退单、反馈、核查、回访。")),
        PlannedPage("map", t("网格地图"), t("网格与警务区的离线地图，事件实时落图，点击网格查看档案。")),
        PlannedPage("meetings", t("会商研判"), t("日见面、周研判、月讲评：议程自动生成，决定形成待办并跟踪。")),
        PlannedPage("registry", t("基础信息"), t("人、房、单位与特殊人群，走访记录。")),
        PlannedPage("dashboard", t("数据总览"), t("领导驾驶舱：关键指标与趋势。")),
        PlannedPage("reports", t("报表简报"), t("日报、周研判材料、月讲评通报，按公文格式打印。")),
    ]


@dataclass
class Shell:
    """The running window and the parts it is wired to; ``close()`` stops the threads."""

    ctx: Context
    window: MainWindow
    bus: ChangeBus
    worker: DbWorker
    backend: Backend
    feed: FeedListener

    def close(self) -> None:
        self.feed.stop()
        self.worker.stop()
        self.window.close()
        self.window.deleteLater()


def build_shell(ctx: Context, start_page: str | None = None, listen: bool = True) -> Shell:
    bus = ChangeBus()
    worker = DbWorker()
    backend = Backend(ctx, worker, bus)
    org_page = OrgBrowser(backend)
    pages: list[Page] = [BoardPage(backend), *planned_pages()[:2], org_page, *planned_pages()[2:]]
    window = MainWindow(bus, pages, describe_url(ctx.db.url), start_page=start_page or "board")
    bus.setParent(window)
    backend.setParent(window)
    origin = seat_token()
    feed = FeedListener(lambda: ChangeFeed(ctx.db, ignore_origin=origin,
                                           poll_interval=ctx.settings.feed_poll_ms / 1000), window)
    feed.changes.connect(bus.changed)
    feed.state.connect(bus.feed_state)
    if listen:
        feed.start()
    backend.read(lambda c: _street_name(c), window.set_street_name, lambda exc: None)
    shell = Shell(ctx, window, bus, worker, backend, feed)
    window.closing_hooks.extend([feed.stop, worker.stop])
    return shell


def _street_name(ctx: Context) -> str:
    with ctx.read() as s:
        rows = org.streets(s)
    return rows[0].name if len(rows) == 1 else ""


def run_window(args) -> int:
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("desk")
    app.setOrganizationName("desk")
    try:
        ctx = open_context(args, warn=lambda msg: QMessageBox.warning(None, "desk", msg))
    except DeskError as exc:
        install_translator(app, os.environ.get("DESK_LANG", "zh_CN"))
        QMessageBox.critical(None, "desk", str(exc))
        return 1
    install_translator(app, os.environ.get("DESK_LANG") or ctx.settings.language)
    shell = build_shell(ctx)
    shell.window.show()
    code = app.exec()
    shell.feed.stop()
    shell.worker.stop()
    return code
