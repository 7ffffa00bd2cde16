"""`desk demo` is current to the day it is run (a newcomer's board a week later is not all red);
`--now` fixes its "now", and with it the same seed gives the same street."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from desk.cli import main
from desk.db import Database
from desk.models import Event


def _events(url: str) -> tuple[datetime, int, list[str]]:
    db = Database(url)
    try:
        with db.read() as s:
            newest = s.scalar(select(func.max(Event.reported_at)))
            n = s.scalar(select(func.count()).select_from(Event))
            titles = list(s.scalars(select(Event.title).order_by(Event.id)))
    finally:
        db.dispose()
    return newest, n, titles


def test_the_demo_ends_at_the_hour_it_is_run(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'today.db'}"
    assert main(["demo", "--households", "1000", "--days", "5", "--db", url]) == 0
    newest, n, _ = _events(url)
    now = datetime.now(timezone.utc)
    assert n > 0 and now - timedelta(days=2) < newest <= now
    assert "截至" in capsys.readouterr().out


def test_a_fixed_now_gives_the_same_street_every_time(tmp_path):
    runs = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / f'{name}.db'}"
        assert main(["demo", "--households", "1000", "--days", "5", "--now", "2026-11-25 09:00", "--db", url]) == 0
        runs.append(_events(url))
    assert runs[0] == runs[1]
    assert runs[0][0] <= datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)


def test_an_unreadable_now_is_refused(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["demo", "--households", "1000", "--days", "1", "--now", "next tuesday", "--db", url]) == 1
    assert "--now" in capsys.readouterr().err
