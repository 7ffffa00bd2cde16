"""The grid balance check: comprehensive grids outside 300-500 households / about 1,000
people, with suggestions -- merge two small neighbouring grids of one community whose sum
fits, split a large grid into k parts that each fit. Dedicated grids (专属网格) cover one
unit (a school, a hospital, a market); they are judged by their own rule: they need their
own staff, not a household count."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from sqlalchemy import func, select

from desk.models import Community, Grid, grid_member
from desk.services.context import Context
from desk.services.org import MAX_HOUSEHOLDS, MIN_HOUSEHOLDS, grid_size_status
from desk.services.permissions import require

TARGET_HOUSEHOLDS = (MIN_HOUSEHOLDS + MAX_HOUSEHOLDS) // 2
STATUS_LABELS = {"ok": "达标", "small": "偏小", "large": "偏大", "dedicated": "专属网格",
                 "dedicated_unstaffed": "专属网格无专人"}


@dataclass(frozen=True)
class GridFigures:
    id: int
    code: str
    name: str
    community_id: int
    community_name: str
    kind: str
    households: int
    population: int
    staff: int = 0

    @property
    def status(self) -> str:
        s = grid_size_status(self.kind, self.households, self.population)
        if s == "dedicated" and self.staff == 0:
            return "dedicated_unstaffed"
        return s


@dataclass(frozen=True)
class Suggestion:
    action: str                 # merge, split or shift (move a boundary)
    grid_codes: tuple[str, ...]
    grid_ids: tuple[int, ...]
    households: int             # merge: the sum; split: each part, about; shift: households to move
    parts: int = 1
    grid_names: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        n = self.grid_names or self.grid_codes
        if self.action == "merge":
            return f"合并{n[0]}与{n[1]} → 约 {self.households} 户"
        if self.action == "shift":
            return f"调整边界: 约 {self.households} 户由{n[0]}划入{n[1]}"
        return f"拆分为 {self.parts} 个网格，每个约 {self.households} 户"


@dataclass(frozen=True)
class BalanceRow:
    grid: GridFigures
    status: str
    suggestion: str


@dataclass(frozen=True)
class BalanceReport:
    rows: tuple[BalanceRow, ...]            # every grid, worst first
    suggestions: tuple[Suggestion, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def split_parts(households: int) -> int:
    """Fewest parts each within the standard (or as near as the count allows)."""
    k = max(2, math.ceil(households / MAX_HOUSEHOLDS))
    while k > 2 and households / (k - 1) <= MAX_HOUSEHOLDS:
        k -= 1
    return k


def suggest(grids: list[GridFigures], neighbours: dict[int, set[int]]) -> BalanceReport:
    """Pure: the balance report from the figures and who borders whom (same community only)."""
    by_id = {g.id: g for g in grids}
    suggestions: list[Suggestion] = []
    used: set[int] = set()
    small = [g for g in grids if g.status == "small"]
    pairs = []
    for g in small:
        for n in neighbours.get(g.id, ()):
            other = by_id.get(n)
            if (other is None or other.id <= g.id and other.status == "small" or other.community_id != g.community_id
                    or other.kind != g.kind):
                continue
            total = g.households + other.households
            if other.status in ("small", "ok") and MIN_HOUSEHOLDS <= total <= MAX_HOUSEHOLDS:
                pairs.append((other.status != "small", abs(total - TARGET_HOUSEHOLDS), g.id, other.id, total))
    for _ok_partner, _fit, a, b, total in sorted(pairs):
        if a in used or b in used:
            continue
        used.update((a, b))
        first, second = sorted((by_id[a], by_id[b]), key=lambda x: x.code)
        suggestions.append(Suggestion("merge", (first.code, second.code), (first.id, second.id), total,
                                      grid_names=(first.name, second.name)))
    for g in grids:
        if g.status != "large":
            continue
        if g.households >= 2 * MIN_HOUSEHOLDS:
            k = split_parts(g.households)
            suggestions.append(Suggestion("split", (g.code,), (g.id,), round(g.households / k), k, (g.name,)))
            continue
        excess = g.households - MAX_HOUSEHOLDS
        room = [by_id[n] for n in neighbours.get(g.id, ()) if n in by_id and n not in used
                and by_id[n].community_id == g.community_id and by_id[n].kind == g.kind
                and by_id[n].households + excess <= MAX_HOUSEHOLDS]
        if room:
            target = min(room, key=lambda x: (x.status != "small", x.households, x.code))
            used.add(target.id)
            suggestions.append(Suggestion("shift", (g.code, target.code), (g.id, target.id), excess,
                                          grid_names=(g.name, target.name)))
    for g in small:
        if g.id in used:
            continue
        deficit = MIN_HOUSEHOLDS - g.households
        donors = [by_id[n] for n in neighbours.get(g.id, ()) if n in by_id and n not in used
                  and by_id[n].community_id == g.community_id and by_id[n].kind == g.kind
                  and by_id[n].households - deficit >= MIN_HOUSEHOLDS]
        if donors:
            donor = max(donors, key=lambda x: (x.households, x.code))
            used.update((g.id, donor.id))
            suggestions.append(Suggestion("shift", (donor.code, g.code), (donor.id, g.id), deficit,
                                          grid_names=(donor.name, g.name)))
    text_of: dict[int, str] = {}
    for sug in suggestions:
        for gid in sug.grid_ids:
            text_of.setdefault(gid, sug.text)
    order = {"large": 0, "small": 1, "dedicated_unstaffed": 2, "ok": 3, "dedicated": 4}
    rows = []
    for g in sorted(grids, key=lambda x: (order.get(x.status, 5), x.code)):
        note = text_of.get(g.id, "")
        if not note and g.status == "small":
            note = "无可合并或可划入户数的相邻网格"
        if not note and g.status == "large":
            note = "相邻网格均无空余，需重新划分本社区网格"
        if g.status == "dedicated_unstaffed":
            note = "专属网格应配专业网格员"
        rows.append(BalanceRow(g, g.status, note))
    return BalanceReport(tuple(rows), tuple(suggestions))


def neighbours_of(shapes: dict[int, object], community: dict[int, int]) -> dict[int, set[int]]:
    """Grids of one community that share an edge (not just a corner)."""
    from shapely import STRtree

    ids = list(shapes)
    tree = STRtree([shapes[i] for i in ids]) if ids else None
    out: dict[int, set[int]] = {i: set() for i in ids}
    for i in ids:
        for j in tree.query(shapes[i], predicate="intersects"):
            other = ids[int(j)]
            if other == i or community[other] != community[i]:
                continue
            if shapes[i].intersection(shapes[other]).length > 0 or shapes[i].intersection(shapes[other]).area > 0:
                out[i].add(other)
                out[other].add(i)
    return out


def balance_check(ctx: Context) -> BalanceReport:
    require(ctx.actor, "org.read")
    with ctx.read() as s:
        staff = dict(s.execute(select(grid_member.c.grid_id, func.count()).group_by(grid_member.c.grid_id)).all())
        rows = list(s.execute(select(Grid, Community.name).join(Community).order_by(Grid.code)))
        grids = [GridFigures(g.id, g.code, g.name, g.community_id, cname, g.kind.value, g.households,
                             g.population, staff.get(g.id, 0)) for g, cname in rows]
        from desk.services.geo.validate import to_shape  # shapely: loaded when balance is checked, not at start

        shapes = {}
        for g, _ in rows:
            shp = to_shape(json.loads(g.geometry)) if g.geometry else None
            if shp is not None and shp.is_valid:
                shapes[g.id] = shp
    return suggest(grids, neighbours_of(shapes, {g.id: g.community_id for g in grids}))
