"""desk selftest: does this installation work? One line per check, ``ok`` or ``FAILED`` with the
reason, and exit code 1 on any failure. Run by the installer after installing and in CI from the
PyInstaller bundle, so that a missing data file fails the build, not a seat in the command room.

It needs no sign-in and reveals no data: it works on a scratch database of the configured engine
(a new SQLite file, or a new database on the room's PostgreSQL server that it drops again) and
never reads the room's database. A new check is one line in ``CHECKS``.
"""
from __future__ import annotations

import importlib.util
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from desk import __version__, logfile
from desk.config import SettingsError, data_dir, describe_url, load_settings, resolve_db_url, settings_path
from desk.services import selfcheck
from desk.services.errors import ValidationError

ENV_LAUNCH = "DESK_LAUNCH_T0"  # the launcher's wall-clock start (epoch seconds), to time a cold start


@dataclass
class State:
    folder: Path
    url: str
    settings: object = None
    cipher: object = None
    ctx: object = None
    scratch: object = None
    started: float | None = None
    notes: dict = field(default_factory=dict)


def _files(state: State) -> str:
    return selfcheck.check_files()


def _data_key(state: State) -> str:
    detail, state.cipher = selfcheck.check_data_key(state.settings, shared_engine=not state.url.startswith("sqlite"))
    return detail


def _database(state: State) -> str:
    t0 = time.monotonic()
    detail, state.ctx = selfcheck.check_database(state.scratch, state.settings, state.cipher)
    state.notes["database_s"] = time.monotonic() - t0
    return detail


def _demo(state: State) -> str:
    from desk.demo import DemoOptions, build_demo

    t0 = time.monotonic()
    summary = build_demo(state.ctx, DemoOptions(seed=1, households=1000, days=2))
    counts = f"{getattr(summary, 'grids', '?')} 个网格, {getattr(summary, 'households', '?')} 户"
    return f"演示街道写入临时库 {time.monotonic() - t0:.1f} s, {counts} (demo street written to the scratch database)"


def _translations(state: State) -> str:
    from desk.views.selftest import check_translations

    return check_translations()


def _font(state: State) -> str:
    from desk.views.selftest import check_font

    return check_font()


def _window(state: State) -> str:
    from desk.app import build_shell, dispose_pages
    from desk.views.selftest import check_window

    if state.ctx is None:
        raise selfcheck.CheckFailed("临时数据库不可用，未打开窗口 (no scratch database, window not opened)")
    detail = check_window(state.ctx, state.started, build_shell, dispose_pages)
    if state.started and "database_s" in state.notes:  # a real start opens an existing database instead
        detail += f"; 其中新建临时库 {state.notes['database_s']:.2f} s (of which making the scratch database)"
    return detail


def _pdf(state: State) -> str:
    if importlib.util.find_spec("desk.reports") is None:
        return "跳过：本版本没有报表模块 (skipped: desk.reports is not in this build)"
    from reportlab.pdfgen import canvas

    from desk.reports import fonts

    faces = fonts.faces()
    out = state.folder / "selftest.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.setFont(faces.heading, 18)
    pdf.drawString(72, 760, "警网融合中心工作台 自检")
    pdf.setFont(faces.body, 12)
    pdf.drawString(72, 730, "值班日报 · 事件登记 · 派单 · 会商 — 中文字体嵌入检查")
    pdf.showPage()
    pdf.save()
    data = out.read_bytes()
    if not data.startswith(b"%PDF") or b"FontFile2" not in data:
        raise selfcheck.CheckFailed("PDF 未嵌入中文字体 (the PDF has no embedded CJK font)")
    from desk.views.selftest import check_pdf_preview

    preview = check_pdf_preview(out)
    return (f"中文 PDF 一页 {len(data) // 1024} KB, 字体 {faces.body}/{faces.heading} 已嵌入 (Chinese PDF page, "
            f"fonts embedded); {preview}")


def _charts(state: State) -> str:
    from desk.views.selftest import check_charts

    return check_charts()


def _problems(state: State) -> str:
    from desk.views.selftest import check_problem_reporting

    return check_problem_reporting()


# (name, check): Qt-free checks first; the QApplication is made before the first Qt one.
CHECKS = [
    ("files", _files),
    ("data-key", _data_key),
    ("database", _database),
    ("demo-data", _demo),
    ("translations", _translations),
    ("font", _font),
    ("window-and-map", _window),
    ("pdf", _pdf),
    ("charts", _charts),
    ("worker-errors", _problems),
]
QT_FROM = "translations"


def register(sub, parent) -> None:
    p = sub.add_parser(
        "selftest", parents=[parent],
        help="自检：窗口、地图、PDF、数据库、数据密钥、翻译和字体 (check this installation)",
        description="检查本机安装是否完整：离屏打开窗口、无网络加载地图、生成中文 PDF、在所配置的数据库引擎上"
                    "新建临时数据库读写后删除、检查数据密钥、翻译和字体。每项一行 ok/FAILED，有失败时退出码为 1。"
                    "不需要登录，也不读取或修改业务数据：只使用临时数据库 (needs no sign-in and reveals no data: "
                    "it works on a scratch database of the configured engine).")
    p.add_argument("--only", metavar="NAMES", help="只做这些检查，逗号分隔 (only these checks, comma-separated): "
                   + ",".join(name for name, _ in CHECKS))
    p.set_defaults(func=run)


NEEDS = {"window-and-map": ["database"], "demo-data": ["database"], "pdf": [], "database": []}


def chosen(only: str | None) -> list[tuple[str, object]]:
    """The checks to run: all, or the named ones with what they need (the window needs the database)."""
    if not only:
        return list(CHECKS)
    names = {n.strip() for n in only.split(",") if n.strip()}
    unknown = names - {name for name, _ in CHECKS}
    if unknown or not names:
        raise ValidationError(f"没有这项检查 (no such check): {', '.join(sorted(unknown)) or repr(only)}; "
                              f"可选 (choose from): {', '.join(name for name, _ in CHECKS)}")
    for name in list(names):
        names.update(NEEDS.get(name, []))
    return [(name, check) for name, check in CHECKS if name in names]


def _make_app() -> str:
    from desk.app import offscreen_app  # the composition root makes the application (Qt loads here only)

    offscreen_app()
    return ""


def run(args) -> int:
    launch = os.environ.get(ENV_LAUNCH)
    checks = chosen(getattr(args, "only", None))
    print(f"desk {__version__} 自检 (selftest) — Python {platform.python_version()}, {platform.system()} "
          f"{platform.release()}, {'bundle' if getattr(sys, 'frozen', False) else 'source'}"
          f"{', UTF-8 mode' if sys.flags.utf8_mode else ''}")
    print(f"数据目录 (data folder): {data_dir()}")
    print(f"日志文件 (log file): {logfile.current_path() or '无法写入 (cannot be written) ' + str(logfile.log_path())}")
    print(f"设置文件 (settings): {settings_path()}")
    failures = 0
    # ignore_cleanup_errors: on Windows a file the web engine still holds must not fail the check
    with tempfile.TemporaryDirectory(prefix="desk-selftest-", ignore_cleanup_errors=True) as tmp:
        state = State(folder=Path(tmp), url="", started=float(launch) if launch else None)
        try:
            state.settings = load_settings()
            state.url = resolve_db_url(getattr(args, "db", None), state.settings, os.environ)
        except (SettingsError, OSError, ValueError) as exc:
            print(selfcheck.Outcome("settings", False, str(exc)).line())
            return 1
        print(f"数据库 (configured database): {describe_url(state.url)}")
        try:
            with selfcheck.scratch_database(state.url, state.folder) as scratch:
                state.scratch = scratch
                failures = _run_checks(state, checks)
        except Exception as exc:  # noqa: BLE001 - the server refused even the scratch check
            print(selfcheck.Outcome("database", False, logfile.summary(exc)).line())
            failures += 1
    print(f"自检{'通过' if not failures else '未通过'}：{failures} 项失败 (selftest {'passed' if not failures else 'FAILED'})")
    return 1 if failures else 0


def _run_checks(state: State, checks) -> int:
    failures = 0
    qt_names = [name for name, _ in CHECKS][[name for name, _ in CHECKS].index(QT_FROM):]
    first_qt = next((name for name, _ in checks if name in qt_names), None)
    try:
        for name, check in checks:
            if name == first_qt:
                outcome = selfcheck.run_check("qt", _make_app)
                if not outcome.ok:
                    print(outcome.line())
                    return failures + 1
            outcome = selfcheck.run_check(name, lambda check=check: check(state))
            print(outcome.line(), flush=True)
            failures += not outcome.ok
    finally:
        if state.ctx is not None:
            state.ctx.db.dispose()
    return failures
