"""The board's counts (open events per status, overdue, warned, urgent), for the board's header line,
the dashboard and the sheets: computed here, not inside a Qt view."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable

from desk.services.figures.table import Column, Table
from desk.services.incidents import codes
from desk.services.incidents.rows import EventRow


@dataclass(frozen=True)
class BoardCounts:
    open: int
    per_status: tuple[tuple[str, int], ...]   # (status code, count) in the lifecycle's order, zeros left out
    red: int
    yellow: int
    urgent: int


def board_counts(rows: Iterable[EventRow], now: datetime | None = None,
                 state_of: Callable[[EventRow], str] | None = None) -> BoardCounts:
    """Counts of open event rows; the deadline state from ``state_of`` (the board's cached states) or at ``now``."""
    if state_of is None:
        if now is None:
            raise ValueError("board_counts needs now or state_of")
        state_of = lambda r: r.deadline(now)  # noqa: E731
    per = {s: 0 for s in codes.OPEN_STATUSES}
    red = yellow = urgent = total = 0
    for r in rows:
        total += 1
        per[r.status] = per.get(r.status, 0) + 1
        state = state_of(r)
        red += state == "red"
        yellow += state == "yellow"
        urgent += bool(r.urgent)
    return BoardCounts(total, tuple((s, n) for s, n in per.items() if n), red, yellow, urgent)


def board_table(c: BoardCounts) -> Table:
    rows = tuple((codes.status_name(s), n) for s, n in c.per_status)
    rows += (("其中超时", c.red), ("其中黄牌预警", c.yellow), ("其中紧急", c.urgent))
    return Table("事件看板", (Column("item", "项目"), Column("count", "件数", "int", "件")), rows,
                 ("未办结合计", c.open), key="board")
