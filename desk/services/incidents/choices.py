"""What the board's forms offer to choose from: grids, communities, departments, staff."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desk.models import Community, Department, Grid, Staff
from desk.services.context import Context
from desk.services.permissions import require


@dataclass(frozen=True)
class Choices:
    communities: tuple[tuple[int, str], ...]
    grids: tuple[tuple[int, int, str], ...]          # id, community id, name
    departments: tuple[tuple[int, str], ...]         # id, short name
    staff: tuple[tuple[int, str, str], ...]          # id, name, role code


def choices(ctx: Context) -> Choices:
    require(ctx.actor, "board.read")
    with ctx.read() as s:
        cs = s.execute(select(Community.id, Community.name).order_by(Community.code)).all()
        gs = s.execute(select(Grid.id, Grid.community_id, Grid.name).order_by(Grid.code)).all()
        ds = s.execute(select(Department.id, Department.short_name).order_by(Department.code)).all()
        st = s.execute(select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True))
                       .order_by(Staff.role, Staff.name)).all()
    return Choices(tuple((c.id, c.name) for c in cs), tuple((g.id, g.community_id, g.name) for g in gs),
                   tuple((d.id, d.short_name) for d in ds),
                   tuple((x.id, x.name, x.role.value if hasattr(x.role, "value") else str(x.role)) for x in st))
