"""What part of the street a person may act on: a department liaison only their own department,
grid staff only their own grids (as leader or member, or the grids of the police beat they serve).
Everyone else (duty staff, leaders, administrators, the system) is not restricted by place.

Areas call these after ``require()``: ``require_department(actor, dept_id)`` before touching a
department's dispatch, ``grid_scope(s, actor)`` to filter lists, ``require_grid(s, actor, grid_id)``.
"""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.models import Grid, PoliceBeat, Role, beat_grid, grid_member
from desk.services.errors import PermissionDenied
from desk.services.unit import Actor


def require_department(actor: Actor, department_id: int | None) -> None:
    if actor.role == Role.DEPARTMENT_LIAISON.value and (actor.department_id is None or
                                                        actor.department_id != department_id):
        raise PermissionDenied("职能部门联络员只能处理本部门的事项 (a liaison acts for their own department only)")


def grid_scope(s: Session, actor: Actor) -> frozenset[int] | None:
    """The grid ids this actor may act on, or None when place does not restrict them."""
    if actor.role != Role.GRID_STAFF.value:
        return None
    if actor.staff_id is None:
        return frozenset()
    member = select(grid_member.c.grid_id).where(grid_member.c.staff_id == actor.staff_id)
    beat = (select(beat_grid.c.grid_id).join(PoliceBeat, PoliceBeat.id == beat_grid.c.beat_id)
            .where(PoliceBeat.officer_id == actor.staff_id))
    ids = s.scalars(select(Grid.id).where(or_(Grid.leader_id == actor.staff_id, Grid.id.in_(member),
                                                Grid.id.in_(beat))))
    return frozenset(ids)


def require_grid(s: Session, actor: Actor, grid_id: int | None) -> None:
    scope = grid_scope(s, actor)
    if scope is not None and grid_id not in scope:
        raise PermissionDenied("网格员只能处理本网格的事项 (grid staff act in their own grids only)")
