"""People: add, change, remove; a second record with a known ID number is refused as a duplicate and
merged only deliberately, with both records shown field by field (``merge_preview``, ``merge``).

Every change checks ``registry.write`` and the grid scope (grid staff: their own grids) and is audited
under the real user; ID and phone numbers never enter an audit record in clear."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Grid, Household, Person, StdAddress
from desk.services.context import Context
from desk.services.figures.periods import local_today
from desk.services.errors import ConflictError, NotFound, ValidationError
from desk.services.incidents.search import initials
from desk.services.permissions import require
from desk.services.pii import mask_id_number, mask_phone
from desk.services.registry import addresses, codes
from desk.services.registry.check import CheckedPerson, FIELD_NAMES, PersonInput, check_person, describe
from desk.services.registry.rows import PersonRow, person_rows
from desk.services.scope import require_grid
from desk.services.unit import Unit

# The fields a merge or an update can take from the incoming record (the ID number is what they share).
MERGE_FIELDS = ("name", "phone", "residence", "relation", "grid", "address", "household", "note")


class DuplicatePerson(ConflictError):
    """The ID number is already on record: the caller shows both and lets a person decide."""

    def __init__(self, existing_id: int, name: str):
        super().__init__(f"身份证号已登记（{name}，#{existing_id}），请比对后决定是否合并，未保存 "
                         f"(this ID number is already on record; compare and merge deliberately)")
        self.existing_id = existing_id


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    current: str
    incoming: str


@dataclass(frozen=True)
class MergePreview:
    existing: PersonRow
    incoming_name: str
    diffs: tuple[FieldDiff, ...]   # only the fields that differ


_CHAR_INITIALS: dict[str, str] = {}


def initials_of(name: str) -> str:
    """张三 → zs: one letter per character, each character's reading looked up once (a name is no phrase,
    and 100,000 names a second matter more than a rare polyphone)."""
    out = []
    for c in name[:32]:
        letter = _CHAR_INITIALS.get(c)
        if letter is None:
            letter = _CHAR_INITIALS[c] = initials(c).strip()[:1]
        out.append(letter)
    return "".join(out)


def _checked(ctx: Context, inp: PersonInput) -> CheckedPerson:
    checked, problems = check_person(inp, local_today(ctx.clock.now()))
    if problems:
        raise ValidationError("人员信息有误，未保存 (the person was not saved)", describe(problems))
    if checked.grid_id is None:
        raise ValidationError("人员信息有误，未保存", ["所属网格：请选择网格 (choose the grid)"])
    return checked


def _place(s: Session, c: CheckedPerson) -> tuple[Grid, int | None]:
    grid = s.get(Grid, c.grid_id)
    if grid is None:
        raise ValidationError("人员信息有误，未保存", [f"所属网格：#{c.grid_id} 不存在 (no such grid)"])
    if c.household_id is not None and s.get(Household, c.household_id) is None:
        raise ValidationError("人员信息有误，未保存", [f"住户 #{c.household_id} 不存在 (no such household)"])
    addr = addresses.ensure(s, grid, c.address) if c.address else None
    return grid, addr.id if addr else None


def home_of(s: Session, grid_id: int, address: str) -> int | None:
    """The household at this address in this grid, if one is on record."""
    full = addresses.clean(address)
    if not full:
        return None
    return s.scalar(select(Household.id).where(Household.grid_id == grid_id, Household.address == full).limit(1))


def _values(ctx: Context, c: CheckedPerson, address_id: int | None) -> dict:
    cipher = ctx.cipher
    return {"name": c.name, "initials": initials_of(c.name), "sex": c.number.sex, "birth": c.number.birth,
            "phone_enc": cipher.encrypt(c.phone) if c.phone else None, "phone_idx": cipher.blind(c.phone),
            "residence": c.residence, "relation": c.relation, "grid_id": c.grid_id, "address_id": address_id,
            "household_id": c.household_id, "note": c.note}


def audit_view(p: Person) -> dict:
    """What an audit record keeps of a person: no number in clear."""
    return {"name": p.name, "grid_id": p.grid_id, "residence": p.residence, "relation": p.relation,
            "address_id": p.address_id, "household_id": p.household_id, "phone_changed": p.phone_idx is not None}


def find_by_number(s: Session, ctx: Context, number: str) -> Person | None:
    return s.scalar(select(Person).where(Person.id_idx == ctx.cipher.blind(number)))


def add_person(ctx: Context, inp: PersonInput) -> PersonRow:
    require(ctx.actor, "registry.write")
    c = _checked(ctx, inp)
    with ctx.unit() as u:
        s = u.session
        require_grid(s, ctx.actor, c.grid_id)
        known = find_by_number(s, ctx, c.number.number)
        if known is not None:
            raise DuplicatePerson(known.id, known.name)
        _, address_id = _place(s, c)
        p = Person(id_enc=ctx.cipher.encrypt(c.number.number), id_idx=ctx.cipher.blind(c.number.number),
                   created_at=u.now, updated_at=u.now, **_values(ctx, c, address_id))
        if p.household_id is None:
            p.household_id = home_of(s, c.grid_id, c.address)
        s.add(p)
        s.flush()
        u.changed("person", p.id, "insert")
        u.audit("person.add", "person", p.id, after=audit_view(p) | {"id_number": mask_id_number(c.number.number)})
        return person_rows(s, ctx.cipher, [p.id], u.now.date())[0]


def update_person(ctx: Context, person_id: int, version: int | None, inp: PersonInput) -> PersonRow:
    """Change a person; the ID number may be corrected, never to one another record holds."""
    require(ctx.actor, "registry.write")
    c = _checked(ctx, inp)
    with ctx.unit() as u:
        s = u.session
        p = u.get_current(Person, person_id, version, "人员")
        require_grid(s, ctx.actor, p.grid_id)
        require_grid(s, ctx.actor, c.grid_id)
        other = find_by_number(s, ctx, c.number.number)
        if other is not None and other.id != p.id:
            raise DuplicatePerson(other.id, other.name)
        before = audit_view(p)
        _, address_id = _place(s, c)
        for k, v in _values(ctx, c, address_id).items():
            setattr(p, k, v)
        if other is None:
            p.id_enc, p.id_idx = ctx.cipher.encrypt(c.number.number), ctx.cipher.blind(c.number.number)
        p.updated_at = u.now
        s.flush()
        u.changed("person", p.id)
        u.audit("person.update", "person", p.id, before=before, after=audit_view(p))
        return person_rows(s, ctx.cipher, [p.id], u.now.date())[0]


def remove_person(ctx: Context, person_id: int, version: int | None) -> None:
    require(ctx.actor, "registry.write")
    with ctx.unit() as u:
        p = u.get_current(Person, person_id, version, "人员")
        require_grid(u.session, ctx.actor, p.grid_id)
        u.audit("person.remove", "person", p.id, before=audit_view(p))
        u.session.delete(p)
        u.changed("person", person_id, "delete")


def _shown(ctx: Context, s: Session, p: Person | None, c: CheckedPerson | None) -> dict[str, str]:
    """A record's mergeable fields as a person reads them (numbers masked)."""
    if p is not None:
        grid = s.get(Grid, p.grid_id)
        addr = s.get(StdAddress, p.address_id) if p.address_id else None
        return {"name": p.name, "phone": mask_phone(ctx.cipher.decrypt(p.phone_enc)),
                "residence": codes.RESIDENCES.get(p.residence, p.residence),
                "relation": codes.RELATIONS.get(p.relation, p.relation), "grid": grid.name if grid else "",
                "address": addr.full if addr else "", "household": str(p.household_id or ""), "note": p.note}
    grid = s.get(Grid, c.grid_id) if c.grid_id else None
    return {"name": c.name, "phone": mask_phone(c.phone), "residence": codes.RESIDENCES[c.residence],
            "relation": codes.RELATIONS.get(c.relation, c.relation), "grid": grid.name if grid else "",
            "address": addresses.clean(c.address), "household": str(c.household_id or ""), "note": c.note}


def differences(ctx: Context, s: Session, p: Person, c: CheckedPerson) -> tuple[FieldDiff, ...]:
    a, b = _shown(ctx, s, p, None), _shown(ctx, s, None, c)
    phone_differs = (p.phone_idx or None) != (ctx.cipher.blind(c.phone) if c.phone else None)
    out = []
    for f in MERGE_FIELDS:
        differs = phone_differs if f == "phone" else a[f] != b[f]
        if differs and (f != "household" or c.household_id is not None) and (f != "grid" or c.grid_id):
            out.append(FieldDiff(f, FIELD_NAMES.get(f, "住户"), a[f], b[f]))
    return tuple(out)


def merge_preview(ctx: Context, inp: PersonInput) -> MergePreview:
    """Both records side by side: the one on record and the one being entered with the same ID number."""
    require(ctx.actor, "registry.write")
    c = _checked(ctx, inp)
    with ctx.read() as s:
        p = find_by_number(s, ctx, c.number.number)
        if p is None:
            raise NotFound("没有同一身份证号的记录，无需合并 (no record with this ID number)")
        require_grid(s, ctx.actor, p.grid_id)
        row = person_rows(s, ctx.cipher, [p.id], ctx.clock.now().date())[0]
        return MergePreview(row, c.name, differences(ctx, s, p, c))


def apply_fields(ctx: Context, u: Unit, p: Person, c: CheckedPerson, fields: set[str]) -> None:
    s = u.session
    values = _values(ctx, c, None)
    if "address" in fields and c.address:
        grid = s.get(Grid, c.grid_id if "grid" in fields and c.grid_id else p.grid_id)
        values["address_id"] = addresses.ensure(s, grid, c.address).id
    take = {"name": ("name", "initials"), "phone": ("phone_enc", "phone_idx"), "residence": ("residence",),
            "relation": ("relation",), "grid": ("grid_id",), "address": ("address_id",),
            "household": ("household_id",), "note": ("note",)}
    for f in fields:
        for col in take[f]:
            if col in values:
                setattr(p, col, values[col])
    p.updated_at = u.now


def merge(ctx: Context, person_id: int, version: int | None, inp: PersonInput, fields: set[str]) -> PersonRow:
    """Take the chosen fields of the incoming record into the one on record; the rest stays as it was."""
    require(ctx.actor, "registry.write")
    unknown = set(fields) - set(MERGE_FIELDS)
    if unknown:
        raise ValidationError(f"无法合并的字段 {sorted(unknown)} (fields that cannot be merged)")
    c = _checked(ctx, inp)
    with ctx.unit() as u:
        s = u.session
        p = u.get_current(Person, person_id, version, "人员")
        if p.id_idx != ctx.cipher.blind(c.number.number):
            raise ValidationError("两条记录的身份证号不同，不能合并 (only records with the same ID number merge)")
        require_grid(s, ctx.actor, p.grid_id)
        if "grid" in fields:
            require_grid(s, ctx.actor, c.grid_id)
        before = audit_view(p)
        apply_fields(ctx, u, p, c, set(fields))
        s.flush()
        u.changed("person", p.id)
        u.audit("person.merge", "person", p.id, before=before, after=audit_view(p) | {"fields": sorted(fields)})
        return person_rows(s, ctx.cipher, [p.id], u.now.date())[0]


def edit_person(ctx: Context, person_id: int, version: int | None, *, name: str | None = None,
                phone: str | None = None, residence: str | None = None, relation: str | None = None,
                grid_id: int | None = None, address: str | None = None, id_number: str | None = None) -> PersonRow:
    """Change what the card shows without retyping the ID number: a field given as None stays as it is.
    ``id_number`` corrects a mistyped number in the same step (desk.services.registry.correct)."""
    require(ctx.actor, "registry.write")
    from desk.services.registry.correct import apply_correction, checked_number
    from desk.services.registry.phone import PhoneError, parse_phone
    if id_number is not None:
        checked_number(ctx, id_number)
    problems = []
    if name is not None and not name.strip():
        problems.append("姓名：姓名不能为空 (the name is missing)")
    if phone is not None and phone.strip():
        try:
            phone = parse_phone(phone)
        except PhoneError as exc:
            problems.append(f"联系电话：{exc}")
    if residence is not None and residence not in codes.RESIDENCES:
        problems.append("人口类型：无法识别 (unknown residence)")
    if relation is not None and relation and relation not in codes.RELATIONS:
        problems.append("与户主关系：无法识别 (unknown relation)")
    if problems:
        raise ValidationError("人员信息有误，未保存 (the person was not saved)", problems)
    with ctx.unit() as u:
        s = u.session
        p = u.get_current(Person, person_id, version, "人员")
        require_grid(s, ctx.actor, p.grid_id)
        if id_number is not None:
            apply_correction(ctx, u, p, id_number)
        before = audit_view(p)
        if grid_id is not None and grid_id != p.grid_id:
            require_grid(s, ctx.actor, grid_id)
            if s.get(Grid, grid_id) is None:
                raise ValidationError("人员信息有误，未保存", [f"所属网格：#{grid_id} 不存在 (no such grid)"])
            p.grid_id = grid_id
        if name is not None:
            p.name, p.initials = name.strip()[:32], initials_of(name.strip())
        if phone is not None:
            p.phone_enc = ctx.cipher.encrypt(phone) if phone else None
            p.phone_idx = ctx.cipher.blind(phone) if phone else None
        if residence is not None:
            p.residence = residence
        if relation is not None:
            p.relation = relation
        if address is not None and address.strip():
            p.address_id = addresses.ensure(s, s.get(Grid, p.grid_id), address).id
            p.household_id = home_of(s, p.grid_id, address)
        p.updated_at = u.now
        s.flush()
        u.changed("person", p.id)
        u.audit("person.update", "person", p.id, before=before, after=audit_view(p))
        return person_rows(s, ctx.cipher, [p.id], u.now.date())[0]
