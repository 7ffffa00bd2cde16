"""The daily automatic backup, offered by the window when a backup folder is set
(settings ``backup_dir``, kept ``backup_keep_days`` days). Set it on ONE seat of a room:
each seat that has it backs up the shared database into its own folder. After a verified backup
it anchors the audit chain (settings ``anchor_dir``); a backup of a broken chain is reported here."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from desk.services import backup_daily
from desk.views.workers import run_in_pool

HOURLY_MS = 3_600_000


def install_daily_backup(shell, folder: Path, keep_days: int, first_after_ms: int = 60_000):
    """Checks every hour (and once shortly after start) whether today's backup exists; makes it if not.
    Runs off the UI thread and off the serial database worker. Returns the function that checks now."""
    window = shell.window
    ctx = shell.ctx

    def done(path) -> None:
        if path is not None:
            window.statusBar().showMessage(window.tr("已自动备份：") + str(path), 10_000)

    def failed(exc: Exception) -> None:
        window.statusBar().showMessage(window.tr("自动备份失败：") + str(exc), 30_000)

    def check_now() -> None:
        run_in_pool(lambda: backup_daily.daily_backup(ctx, folder, keep_days), done, failed, window)

    timer = QTimer(window)
    timer.setInterval(HOURLY_MS)
    timer.timeout.connect(check_now)
    timer.start()
    QTimer.singleShot(first_after_ms, window, check_now)
    return check_now
