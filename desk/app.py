"""The window's composition root: settings, database, services, workers, pages, window.

Everything a screen needs is built here and passed in; nothing reaches for a global.
"""
from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox

from desk import crashlog, logfile
from desk.bootstrap import open_context
from desk.config import data_dir, describe_url, settings_path
from desk.services import accounts, auth, org
from desk.services.changefeed import ChangeFeed, prune_change_log
from desk.services.context import Context
from desk.services.dispatch.routing import warm_routing
from desk.services.permissions import allowed
from desk.services.errors import DeskError
from desk.services.incidents.points import open_event_points
from desk.services.unit import seat_token
from desk.views.accounts_page import AccountsPage
from desk.views.audit_browser import AuditBrowser
from desk.views.auto_backup import install_daily_backup
from desk.views.backend import Backend
from desk.views.board import BoardPage
from desk.views.dashboard import DashboardPage
from desk.views.evaluation import EvaluationPage
from desk.views.bus import ChangeBus
from desk.views.dispatch import DispatchPage
from desk.views import font_size, main_thread_gc
from desk.views.help import AboutInfo, install_help_menu
from desk.views.i18n import install_translator
from desk.views.idle_lock import install_idle_lock
from desk.views.login import sign_in_at_start
from desk.views.main_window import MainWindow
from desk.views.map.markers import MapMarker
from desk.views.map.page import MapPage
from desk.views.map.tiles import register_scheme as register_tile_scheme
from desk.views.meetings import MeetingsPage, install_item_reminder
from desk.views.org_browser import OrgBrowser
from desk.views.page_registry import PageSpec, allowed_pages, home_page
from desk.views import platform_ui
from desk.views.problems import install_problem_reporting
from desk.views.registry import LinkedPeoplePage, RegistryPage
from desk.views.reports import ReportsPage
from desk.views.table_export import install_table_exports
from desk.views.tour import start_tour
from desk.views.workers import DbWorker, FeedListener, run_in_pool


def prepare_environment() -> None:
    """QtWebEngine refuses to run as root without --no-sandbox (STACK.md); the map's MBTiles
    scheme must be declared before the QApplication exists."""
    register_tile_scheme()
    platform_ui.before_app()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def offscreen_app() -> QApplication:
    """The application for checks without a screen (``desk selftest``): offscreen, prepared as the
    window's own (web engine flags, tile scheme, platform font)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("desk")
    platform_ui.after_app(app)
    return app


def page_specs(ctx: Context) -> list[PageSpec]:
    """Every page of the window in navigation order: key, the permission to see it, its factory.
    A new page is one entry here."""
    return [
        PageSpec("board", "board.read", BoardPage),
        PageSpec("dispatch", "dispatch.read", DispatchPage),
        PageSpec("map", "map.read", lambda backend: MapPage(backend, tiles=ctx.settings.map_tiles)),
        PageSpec("org", "org.read", OrgBrowser),
        PageSpec("meetings", "meetings.items", MeetingsPage),  # liaisons: their department's action items
        # liaisons: only the people linked to their department's cases (masked, read-only)
        PageSpec("registry", ("registry.read", "registry.linked"), registry_page),
        PageSpec("dashboard", "dashboard.read", DashboardPage),
        PageSpec("evaluation", "evaluation.view", EvaluationPage),
        PageSpec("reports", "report.issue", ReportsPage),
        # 三员分立: accounts are the security administrator's, the audit log the auditor's.
        PageSpec("accounts", "user.role", AccountsPage),
        PageSpec("audit", "audit.read", AuditBrowser),
    ]


def registry_page(backend) -> RegistryPage | LinkedPeoplePage:
    """基础信息 for those who read the registry; the linked people for a department's liaison."""
    if allowed(backend.ctx.actor, "registry.read"):
        return RegistryPage(backend)
    return LinkedPeoplePage(backend)


def wire_pages(window: MainWindow) -> None:
    """Connections between pages, made only where both pages are present."""
    board, map_page, org_page = window.page("board"), window.page("map"), window.page("org")
    meetings = window.page("meetings")
    if meetings is not None and board is not None:  # an agenda line or an item opens its event on the board
        meetings.open_event.connect(lambda event_id: board.open_event(int(event_id)))
    dashboard = window.page("dashboard")
    if dashboard is not None:  # F11 anywhere in the window: the dashboard on the big screen
        QShortcut(QKeySequence(Qt.Key_F11), window, activated=dashboard.toggle_big_screen)
        if map_page is not None:
            dashboard.offer_map(lambda: window.show_page("map"))
    if map_page is not None:
        map_page.set_marker_source(map_markers, topics=("events_on_map",))
        map_page.set_grid_events_source(grid_open_events)
        if org_page is not None:
            org_page.grid_selected.connect(map_page.select_grid)
        if board is not None:
            map_page.marker_selected.connect(lambda event_id: board.open_event(int(event_id)))


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
        dispose_pages(self.window)
        self.window.deleteLater()


def dispose_pages(window: MainWindow) -> None:
    """Pages holding native resources (the map's web page) release them before the program ends."""
    for page in window.pages:
        dispose = getattr(page, "dispose", None)
        if dispose is not None:
            dispose()


def build_shell(ctx: Context, start_page: str | None = None, listen: bool = True) -> Shell:
    bus = ChangeBus()
    worker = DbWorker()
    backend = Backend(ctx, worker, bus)
    pages = allowed_pages(page_specs(ctx), ctx.actor, backend)
    keys = [p.key for p in pages]
    user_text = f"{ctx.actor.display_name or ctx.actor.username} ({ctx.actor.username})" if ctx.actor.role else ""
    window = MainWindow(bus, pages, describe_url(ctx.db.url), user_text=user_text,
                        start_page=start_page if start_page in keys else home_page(keys, ctx.actor))
    wire_pages(window)
    font_size.install(window)
    bus.setParent(window)
    backend.setParent(window)
    install_table_exports(pages, backend)  # every table on screen exports to Excel / CSV (audited)
    origin = seat_token()
    feed = FeedListener(lambda: ChangeFeed(ctx.db, ignore_origin=origin,
                                           poll_interval=ctx.settings.feed_poll_ms / 1000), window)
    feed.changes.connect(bus.changed)
    feed.state.connect(bus.feed_state)
    if listen:
        feed.start()
    backend.read(_street_name, lambda name: show_street_name(window, name),
                 backend.failed(QApplication.translate("Shell", "读取街道名称")))
    backend.write(prune_change_log, None, backend.failed(QApplication.translate("Shell", "清理变更记录")))
    if allowed(ctx.actor, "dispatch.read"):  # a large routing history is read once, off the UI thread
        run_in_pool(lambda: warm_routing(ctx), lambda _n: None,
                    backend.failed(QApplication.translate("Shell", "读取以往案件")), window)
    shell = Shell(ctx, window, bus, worker, backend, feed)
    window.closing_hooks.extend([feed.stop, worker.stop])
    return shell


def map_markers(ctx: Context) -> list[MapMarker]:
    """The board's open events as the map's markers (runs on the database worker)."""
    return [MapMarker(str(p.id), p.lat, p.lon, "urgent" if p.urgent else "normal", p.overdue, p.label)
            for p in open_event_points(ctx)]


def grid_open_events(ctx: Context, grid_id: int) -> list[tuple[int, str, bool]]:
    return [(p.id, p.label, p.overdue) for p in open_event_points(ctx) if p.grid_id == grid_id]


def show_street_name(window: MainWindow, name: str) -> None:
    window.set_street_name(name)
    for page in window.pages:
        if hasattr(page, "set_street_name"):
            page.set_street_name(name)


def _street_name(ctx: Context) -> str:
    with ctx.read() as s:
        rows = org.streets(s)
    return rows[0].name if len(rows) == 1 else ""


def run_window(args) -> int:
    previous_crash = crashlog.enable(data_dir())
    try:
        return _run_window(args, previous_crash)
    finally:
        crashlog.disable()


def _run_window(args, previous_crash: Path | None) -> int:
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("desk")
    app.setOrganizationName("desk")
    platform_ui.after_app(app)
    main_thread_gc.install(app)  # a collection on a worker thread can crash Qt
    try:
        ctx = open_context(args, warn=lambda msg: QMessageBox.warning(None, "desk", msg))
    except DeskError as exc:
        install_translator(app, os.environ.get("DESK_LANG", "zh_CN"))
        QMessageBox.critical(None, "desk", str(exc))
        return 1
    install_translator(app, os.environ.get("DESK_LANG") or ctx.settings.language)
    # --- security: sign in before the main window; the window locks when idle ---
    actor = sign_in_at_start(ctx, describe_url(ctx.db.url))
    if actor is None:
        return 0
    ctx = ctx.as_actor(actor)
    shell = build_shell(ctx)
    install_problem_reporting(shell.window, shell.worker)  # logged failures nobody handled: a plain message
    install_item_reminder(shell.window, shell.backend, shell.bus)  # action items falling due
    install_help_menu(shell.window, AboutInfo(describe_url(ctx.db.url), data_dir(), logfile.current_path(),
                                              settings_path()))
    watcher, overlay = install_idle_lock(shell, accounts.idle_lock_minutes(ctx))
    if ctx.settings.backup_dir:
        install_daily_backup(shell, Path(ctx.settings.backup_dir), ctx.settings.backup_keep_days)
    shell.window.show()
    if previous_crash is not None:
        shell.window.statusBar().showMessage(
            QApplication.translate("Shell", "上次运行异常退出，记录已保存：") + str(previous_crash), 60000)
    start_tour(shell, watcher, overlay)
    code = app.exec()
    shell.feed.stop()
    shell.worker.stop()
    dispose_pages(shell.window)
    with contextlib.suppress(DeskError):  # --- security: the sign-out is recorded too ---
        auth.sign_out(ctx, "close")
    return code
