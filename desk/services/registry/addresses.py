"""Standard addresses (标准地址): community → building or group → unit → room, each in a grid.

``split`` reads a written address (幸福路8号3号楼2单元301室) into its levels; ``ensure`` finds the address
or makes it, inside the caller's session. Grids are found by code or name (``grid_lookup``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Community, Grid, StdAddress

_BUILDING = re.compile(r"([0-9A-Za-z一二三四五六七八九十]+)(?:号楼|栋|幢|座|组|号院)")
_UNIT = re.compile(r"([0-9A-Za-z一二三四五六七八九十]+)单元")
_ROOM = re.compile(r"([0-9A-Za-z\-]+)(?:室|户)?$")


@dataclass(frozen=True)
class AddressParts:
    building: str
    unit_no: str
    room: str


def clean(text: str | None) -> str:
    return re.sub(r"\s+", "", (text or "").strip())[:160]


def split(full: str) -> AddressParts:
    full = clean(full)
    b = _BUILDING.search(full)
    u = _UNIT.search(full)
    tail = full[max(b.end() if b else 0, u.end() if u else 0):]
    r = _ROOM.search(tail) if (b or u) else None
    return AddressParts(b.group(0) if b else "", u.group(0) if u else "", r.group(1) if r else "")


def ensure(s: Session, grid: Grid, full: str) -> StdAddress:
    full = clean(full)
    addr = s.scalar(select(StdAddress).where(StdAddress.full == full))
    if addr is None:
        parts = split(full)
        addr = StdAddress(community_id=grid.community_id, grid_id=grid.id, building=parts.building,
                          unit_no=parts.unit_no, room=parts.room, full=full)
        s.add(addr)
        s.flush()
    return addr


class GridLookup:
    """Grids by code, by name, or by '社区名/网格名', loaded once for a whole import."""

    def __init__(self, s: Session):
        self.by_key: dict[str, Grid] = {}
        self.by_id: dict[int, Grid] = {}
        self.by_community: dict[str, list[Grid]] = {}
        rows = s.execute(select(Grid, Community.name).join(Community, Community.id == Grid.community_id)).all()
        names: dict[str, list[Grid]] = {}
        for g, cname in rows:
            self.by_id[g.id] = g
            if g.kind.value == "comprehensive":
                self.by_community.setdefault(cname, []).append(g)
            self.by_key[g.code] = g
            self.by_key[f"{cname}/{g.name}"] = g
            self.by_key[f"{cname}{g.name}"] = g
            names.setdefault(g.name, []).append(g)
        for name, grids in names.items():
            if len(grids) == 1:
                self.by_key.setdefault(name, grids[0])

    def find(self, text: str | None) -> Grid | None:
        key = clean(text)
        return self.by_key.get(key) if key else None

    def find_for(self, grid: str | None, community: str | None) -> Grid | None:
        """The grid named in a row: by itself, within its community, or the community's only comprehensive grid."""
        community = clean(community)
        if grid:
            return self.find(f"{community}/{clean(grid)}") if community and self.find(f"{community}/{clean(grid)}") \
                else self.find(grid)
        only = self.by_community.get(community, [])
        return only[0] if len(only) == 1 else None
