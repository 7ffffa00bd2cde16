"""Where the open work is now: grids and communities ranked by overdue and open events, each row
with the event ids behind it (the drill-down lists exactly those)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Community, Grid
from desk.services.figures.events import UNPLACED, open_deadlines, overdue_table
from desk.services.figures.table import Column, Table


@dataclass(frozen=True)
class Hotspots:
    grids: Table
    communities: Table
    overdue: Table
    grid_ids: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]       # per row: (open ids, overdue ids)
    community_ids: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]


def open_events_now(s: Session, now: datetime) -> list[tuple[int, int | None, int | None, datetime | None]]:
    """(id, grid, community, overdue since or None) of every open event at ``now`` (the board's red state)."""
    return open_deadlines(s, now)


def _rank(groups: dict, names: dict, top: int):
    order = sorted(groups, key=lambda k: (-len(groups[k][1]), -len(groups[k][0]), k is None, names.get(k, "")))
    return order[:top], len(order)


def hotspots(s: Session, now: datetime, top: int = 10) -> Hotspots:
    events = open_events_now(s, now)
    by_grid: dict = {}
    by_comm: dict = {}
    for eid, grid, comm, late in events:
        for key, groups in ((grid, by_grid), (comm, by_comm)):
            opened, overdue = groups.setdefault(key, ([], []))
            opened.append(eid)
            if late is not None:
                overdue.append(eid)
    grid_names = {g: (gn, cn) for g, gn, cn in s.execute(select(Grid.id, Grid.name, Community.name)
                                                         .join(Community, Grid.community_id == Community.id))}
    comm_names = dict(s.execute(select(Community.id, Community.name)).all())
    g_order, g_all = _rank(by_grid, {k: v[0] for k, v in grid_names.items()}, top)
    c_order, c_all = _rank(by_comm, comm_names, top)
    cols = (Column("open", "未办结", "int", "件"), Column("overdue", "其中超时", "int", "件"))
    grids = Table("未办结、超时事件较多的网格",
                  (Column("grid", "网格"), Column("community", "社区"), *cols),
                  tuple((*grid_names.get(g, (UNPLACED, "")), len(by_grid[g][0]), len(by_grid[g][1])) for g in g_order),
                  notes=(f"共 {g_all} 个网格有未办结事件，列前 {top} 个。",) if g_all > top else (),
                  key="top_grids", empty_text="当前无未办结事件。")
    comms = Table("未办结、超时事件较多的社区", (Column("community", "社区"), *cols),
                  tuple((comm_names.get(c, UNPLACED), len(by_comm[c][0]), len(by_comm[c][1])) for c in c_order),
                  key="top_communities", empty_text="当前无未办结事件。")
    late = [(due, eid) for eid, _, _, due in events if due is not None]
    return Hotspots(grids, comms, overdue_table(s, late, now, limit=30), tuple((tuple(by_grid[g][0]), tuple(by_grid[g][1])) for g in g_order),
                    tuple((tuple(by_comm[c][0]), tuple(by_comm[c][1])) for c in c_order))
