"""What screens, exports and the CLI get from the registry: frozen rows, ID and phone masked.

A full number is only ever given by desk.services.unmask (checked and audited)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Community, Grid, Person, SpecialCare, StdAddress
from desk.services.pii import FieldCipher, mask_id_number, mask_phone
from desk.services.registry import codes
from desk.services.unmask import register_field

register_field("person", "id_number", Person, "id_enc", "id_number")
register_field("person", "phone", Person, "phone_enc", "phone")


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    sex: str            # 男 / 女
    birth: date
    age: int
    id_masked: str
    phone_masked: str
    residence: str      # 户籍人口 / 常住人口 / 流动人口
    relation: str
    grid_id: int
    grid_name: str
    community_name: str
    address: str
    household_id: int | None
    special: str        # the person's special-population categories, joined
    version: int


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def person_rows(s: Session, cipher: FieldCipher, ids: list[int], today: date) -> list[PersonRow]:
    """The rows of these people, in the order given."""
    if not ids:
        return []
    q = (select(Person, Grid.name, Community.name, StdAddress.full)
         .join(Grid, Grid.id == Person.grid_id).join(Community, Community.id == Grid.community_id)
         .outerjoin(StdAddress, StdAddress.id == Person.address_id).where(Person.id.in_(ids)))
    cats: dict[int, list[str]] = {}
    for pid, cat in s.execute(select(SpecialCare.person_id, SpecialCare.category)
                              .where(SpecialCare.person_id.in_(ids), SpecialCare.active)):
        cats.setdefault(pid, []).append(codes.CATEGORIES.get(cat, cat))
    out = {}
    for p, gname, cname, full in s.execute(q):
        out[p.id] = PersonRow(
            p.id, p.name, codes.SEXES.get(p.sex, p.sex), p.birth, age_on(p.birth, today),
            mask_id_number(cipher.decrypt(p.id_enc)), mask_phone(cipher.decrypt(p.phone_enc)),
            codes.RESIDENCES.get(p.residence, p.residence), codes.RELATIONS.get(p.relation, p.relation),
            p.grid_id, gname, cname, full or "", p.household_id, "、".join(sorted(cats.get(p.id, []))), p.version)
    return [out[i] for i in ids if i in out]
