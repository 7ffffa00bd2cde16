"""Finding people: by name (prefix), pinyin initials (zs → 张三), address (any part) or a full ID or
phone number (exact, through the blind index; never a partial number). Grid staff find only their
own grids' people. Bound LIKE patterns with escaped wildcards; indexed columns; ≤ 100 ms on 100k."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from desk.models import Community, Grid, Person, StdAddress
from desk.services.context import Context
from desk.services.figures.periods import local_today
from desk.services.permissions import require
from desk.services.pii import mask_id_number, mask_phone
from desk.services.registry.idcard import IdNumberError, normalise, parse
from desk.services.registry.phone import PhoneError, parse_phone
from desk.services.registry.rows import PersonRow, person_rows
from desk.services.scope import grid_scope, require_grid

LIMIT = 200
_LATIN = re.compile(r"^[A-Za-z]{1,32}$")
_NUMBER = re.compile(r"^(\d{15}|\d{17}[\dX])$")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


_ADDRESSY = re.compile(r"[0-9０-９号楼栋幢单元室路街巷村组区院弄]")


def _prefix(column, text: str, sqlite: bool = True) -> tuple:
    """``column`` starts with ``text``. SQLite's LIKE ignores the index, so it is also asked as a range
    (binary order there); PostgreSQL's collation may not order by prefix, so there LIKE alone decides."""
    like = column.like(_like(text) + "%", escape="\\")
    return (column >= text, column < text + "\U0010ffff", like) if sqlite else (like,)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Found:
    rows: tuple[PersonRow, ...]
    how: str            # name, initials, address, id_number, phone, all
    more: bool          # more than shown


def search_people(ctx: Context, text: str, grid_id: int | None = None, limit: int = LIMIT) -> Found:
    require(ctx.actor, "registry.read")
    text = (text or "").strip()[:64]
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        base = select(Person.id)
        if scope is not None:
            base = base.where(Person.grid_id.in_(scope))
        if grid_id is not None:
            base = base.where(Person.grid_id == grid_id)
        number = normalise(text)
        if _NUMBER.match(number):
            try:
                number = parse(number).number
            except IdNumberError:
                pass
            how, ids = "id_number", list(s.scalars(base.where(Person.id_idx == ctx.cipher.blind(number))))
        elif _PHONE.match(text.replace(" ", "")):
            try:
                phone = parse_phone(text)
            except PhoneError:
                phone = text
            how, ids = "phone", list(s.scalars(base.where(Person.phone_idx == ctx.cipher.blind(phone)).limit(limit + 1)))
        elif _LATIN.match(text):
            how = "initials"
            ids = list(s.scalars(base.where(*_prefix(Person.initials, text.lower(), ctx.db.sqlite))
                                 .order_by(Person.initials, Person.id).limit(limit + 1)))
        elif text:
            how = "name"
            ids = list(s.scalars(base.where(*_prefix(Person.name, text, ctx.db.sqlite)).order_by(Person.name, Person.id)
                                 .limit(limit + 1)))
            if len(ids) <= limit and (not ids or _ADDRESSY.search(text)):
                addr = (select(StdAddress.id).where(StdAddress.full.like("%" + _like(text) + "%", escape="\\"))
                        .limit(5000))
                more = list(s.scalars(base.where(Person.address_id.in_(addr)).order_by(Person.id)
                                      .limit(limit + 1 - len(ids))))
                if more and not ids:
                    how = "address"
                ids += [i for i in more if i not in set(ids)]
        else:
            how = "all"
            ids = list(s.scalars(base.order_by(Person.id).limit(limit + 1)))
        rows = person_rows(s, ctx.cipher, ids[:limit], local_today(ctx.clock.now()))
    if how in ("id_number", "phone"):  # who holds a number is itself personal data: the look-up is recorded
        shown = mask_id_number(number) if how == "id_number" else mask_phone(text)
        with ctx.unit() as u:
            u.audit("person.lookup", "person", rows[0].id if rows else None,
                    after={"by": how, "value": shown, "found": len(rows)})
    return Found(tuple(rows), how, len(ids) > limit)


@dataclass(frozen=True)
class GridNode:
    id: int
    name: str
    community_id: int
    community_name: str
    people: int


@dataclass(frozen=True)
class AddressNode:
    id: int
    full: str
    people: int
    building: str = ""   # 11号楼 / 3组: the browser's level between the grid and the address


def grid_nodes(ctx: Context) -> list[GridNode]:
    """The browser's first two levels, community → grid, with the people on record in each."""
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        counts = dict(s.execute(select(Person.grid_id, func.count()).group_by(Person.grid_id)).all())
        q = (select(Grid.id, Grid.name, Community.id, Community.name)
             .join(Community, Community.id == Grid.community_id).order_by(Community.code, Grid.code))
        return [GridNode(gid, gname, cid, cname, counts.get(gid, 0)) for gid, gname, cid, cname in s.execute(q)
                if scope is None or gid in scope]


def address_nodes(ctx: Context, grid_id: int) -> list[AddressNode]:
    """The third level: the grid's standard addresses with their people."""
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        require_grid(s, ctx.actor, grid_id)
        counts = dict(s.execute(select(Person.address_id, func.count()).where(Person.grid_id == grid_id)
                                .group_by(Person.address_id)).all())
        rows = s.execute(select(StdAddress.id, StdAddress.full, StdAddress.building).where(StdAddress.grid_id == grid_id)
                         .order_by(StdAddress.building, StdAddress.full)).all()
        return [AddressNode(i, full, counts.get(i, 0), building) for i, full, building in rows]


def people_at(ctx: Context, grid_id: int, address_id: int | None = None, limit: int = 2000) -> list[PersonRow]:
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        require_grid(s, ctx.actor, grid_id)
        q = select(Person.id).where(Person.grid_id == grid_id)
        if address_id is not None:
            q = q.where(Person.address_id == address_id)
        ids = list(s.scalars(q.order_by(Person.address_id, Person.id).limit(limit)))
        return person_rows(s, ctx.cipher, ids, local_today(ctx.clock.now()))


def person_row(ctx: Context, person_id: int) -> PersonRow | None:
    """One person's row (masked), if this actor may see them."""
    require(ctx.actor, "registry.read")
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        rows = person_rows(s, ctx.cipher, [person_id], local_today(ctx.clock.now()))
        return rows[0] if rows and (scope is None or rows[0].grid_id in scope) else None
