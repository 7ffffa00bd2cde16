"""The daily automatic backup (the window runs it when a backup folder is set; desk.views.auto_backup).

Today's backup into the folder unless one exists, old ones removed; then, if the backup's audit chain
verified, an anchor of the chain in the anchor folder (desk.services.anchors). A backup of a broken
chain is kept (the data may be needed) but raises DatabaseError saying so, and anchors nothing.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from desk.clock import local
from desk.services import anchors
from desk.services.backup import create_backup
from desk.services.context import Context
from desk.services.errors import DatabaseError
from desk.services.unit import Actor

DAILY_NAME = re.compile(r"^desk-(\d{8})\.(db|zip)$")


def daily_backup(ctx: Context, folder: Path, keep_days: int) -> Path | None:
    """Today's backup into ``folder`` unless one exists; backups older than ``keep_days`` are removed.
    Runs as the system (a scheduled job of the program, whoever is signed in); returns the new file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    today = local(ctx.clock.now()).date()
    made = None
    target = folder / f"desk-{today:%Y%m%d}.{'db' if ctx.db.sqlite else 'zip'}"
    broken = ""
    if not any(DAILY_NAME.match(p.name) and p.name.startswith(f"desk-{today:%Y%m%d}.") for p in folder.iterdir()):
        system = ctx.as_actor(Actor("system", "自动备份", seat=ctx.actor.seat))
        report = create_backup(system, target)
        made = target
        if report.verified:
            anchors.for_backup(system)
        else:
            broken = report.chain_problem()
    for p in folder.iterdir():
        m = DAILY_NAME.match(p.name)
        if m and (today - datetime.strptime(m.group(1), "%Y%m%d").date()).days > keep_days:
            p.unlink()
    if broken:
        raise DatabaseError(f"已备份到 {made.name}，但未标记为已校验: {broken} (backup made, NOT verified)")
    return made
