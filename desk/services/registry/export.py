"""The people of the registry to .xlsx: ID and phone numbers masked, unless the role may unmask them
and asks for full numbers (audited as one ``data.export`` with the count, never the numbers)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from desk.models import Community, Grid, Person, StdAddress
from desk.services.context import Context
from desk.services.permissions import require
from desk.services.pii import mask_id_number, mask_phone
from desk.services.registry import codes
from desk.services.scope import grid_scope

HEAD = ("姓名", "身份证号", "性别", "出生日期", "联系电话", "人口类型", "与户主关系", "社区", "所属网格", "现住址")


def export_people(ctx: Context, out: Path, grid_id: int | None = None, unmasked: bool = False) -> int:
    require(ctx.actor, "registry.export")
    if unmasked:
        require(ctx.actor, "pii.unmask")
    cipher = ctx.cipher
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("实有人口")
    ws.append(HEAD)
    n = 0
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        q = (select(Person, Grid.name, Community.name, StdAddress.full).join(Grid, Grid.id == Person.grid_id)
             .join(Community, Community.id == Grid.community_id)
             .outerjoin(StdAddress, StdAddress.id == Person.address_id).order_by(Person.grid_id, Person.id))
        if scope is not None:
            q = q.where(Person.grid_id.in_(scope))
        if grid_id is not None:
            q = q.where(Person.grid_id == grid_id)
        for p, gname, cname, full in s.execute(q.execution_options(yield_per=2000)):
            number, phone = cipher.decrypt(p.id_enc), cipher.decrypt(p.phone_enc) or ""
            ws.append((p.name, number if unmasked else mask_id_number(number), codes.SEXES.get(p.sex, p.sex),
                       p.birth, phone if unmasked else mask_phone(phone), codes.RESIDENCES.get(p.residence, ""),
                       codes.RELATIONS.get(p.relation, p.relation), cname, gname, full or ""))
            n += 1
    out = Path(out)
    wb.save(out)
    with ctx.unit() as u:
        u.audit("data.export", "person", None, after={"file": out.name, "rows": n, "unmasked": unmasked,
                                                      "grid_id": grid_id})
    return n
