"""People for the registry's tests: made-up ID numbers with valid checksums, on the board's small street."""
from __future__ import annotations

from desk.models import grid_member
from desk.services.registry.check import PersonInput
from desk.services.registry.idcard import check_char
from desk.services.unit import Actor


def id_number(birth: str = "19850315", seq: int = 123, area: str = "410481") -> str:
    first = f"{area}{birth}{seq:03d}"
    return first + check_char(first)


def person(grid_id: int, name: str = "张三", seq: int = 123, birth: str = "19850315", **kw) -> PersonInput:
    base = dict(name=name, id_number=id_number(birth, seq), grid_id=grid_id, address="兴钢社区3号楼1单元101",
                phone="13812341234", residence="registered", relation="head")
    base.update(kw)
    return PersonInput(**base)


def grid_worker_of(ctx, grid_id: int, staff_id: int) -> Actor:
    with ctx.unit() as u:
        u.session.execute(grid_member.insert().values(grid_id=grid_id, staff_id=staff_id))
    return Actor("grid1", "赵网格", role="grid_staff", staff_id=staff_id, seat="grid")
