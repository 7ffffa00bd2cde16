"""The organisation as one immutable tree for the browser: street → communities → grids → staff,
and police beats with their grids. Cells hold values and codes; the view labels them."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desk.models import Staff
from desk.services import org
from desk.services.context import Context
from desk.services.permissions import require
from desk.services.pii import mask_phone

@dataclass(frozen=True)
class Node:
    kind: str          # street, community, grid, staff, beats, beat, beat_grid, departments, department
    id: int
    name: str
    cells: tuple[str, ...] = ()       # what the detail table shows for this node as a row
    children: tuple["Node", ...] = ()
    flag: str = ""                    # e.g. grid size status: ok, small, large, dedicated


def _grid_node(g: org.GridRow, staff_nodes: tuple[Node, ...]) -> Node:
    return Node("grid", g.id, g.name,
                (g.name, g.code, g.kind, str(g.households), str(g.population),
                 g.size_status, g.leader_name, str(g.member_count), "、".join(g.beat_names)),
                staff_nodes, g.size_status)


def _staff_node(p: org.StaffRow, grid_names: dict[str, str], phone: str) -> Node:
    """A person: name, role, community, department, the names of their grids (not the 15-digit
    codes) and their phone, masked (138****1234)."""
    return Node("staff", p.id, p.name, (p.name, p.role, p.community_name, p.department_name,
                                         "、".join(grid_names.get(c, c) for c in p.grid_codes), phone))


def build_tree(ctx: Context) -> tuple[Node, ...]:
    """Top-level nodes: one per street, then police beats, then departments."""
    require(ctx.actor, "org.read")
    with ctx.read() as s:
        streets = org.streets(s)
        comms = org.communities(s)
        grids = org.grids(s)
        people = org.staff(s)
        beats = org.beats(s)
        depts = org.departments(s)
        phones = {sid: mask_phone(ctx.cipher.decrypt(enc) or "")
                  for sid, enc in s.execute(select(Staff.id, Staff.phone_enc)) if enc}
    names = {g.code: g.name for g in grids}
    by_grid: dict[str, list[Node]] = {}
    for p in people:
        for code in p.grid_codes:
            by_grid.setdefault(code, []).append(_staff_node(p, names, phones.get(p.id, "")))
    grids_by_comm: dict[int, list[Node]] = {}
    grid_rows = {g.id: g for g in grids}
    for g in grids:
        grids_by_comm.setdefault(g.community_id, []).append(_grid_node(g, tuple(by_grid.get(g.code, ()))))
    roots: list[Node] = []
    for st in streets:
        children = tuple(
            Node("community", c.id, c.name, (c.name, c.code, c.kind, str(c.grid_count),
                                             str(c.households), str(c.population)),
                 tuple(grids_by_comm.get(c.id, ())))
            for c in comms if c.street_id == st.id)
        roots.append(Node("street", st.id, st.name, (), children))
    if beats:
        beat_nodes = []
        for b in beats:
            gnodes = tuple(
                Node("beat_grid", gid, grid_rows[gid].name,
                     (grid_rows[gid].name, grid_rows[gid].code, grid_rows[gid].community_name,
                      str(grid_rows[gid].households), str(grid_rows[gid].population),
                      grid_rows[gid].size_status), (), grid_rows[gid].size_status)
                for gid in b.grid_ids if gid in grid_rows)
            beat_nodes.append(Node("beat", b.id, b.name, (b.name, b.code, b.officer_name, str(len(b.grid_ids)),
                                                          str(b.households), str(b.population)), gnodes))
        roots.append(Node("beats", 0, "", (), tuple(beat_nodes)))
    if depts:
        roots.append(Node("departments", 0, "", (), tuple(
            Node("department", d.id, d.name, (d.name, d.short_name, d.code)) for d in depts)))
    return tuple(roots)
