"""A person's fields checked as a form or an imported row gives them: each problem names its field.

Used by the person form (desk.services.registry.people) and the import (import_people) alike, so a
number refused on screen is refused in a file for the same reason, in the same words."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk.services.registry import codes
from desk.services.registry.idcard import IdNumber, IdNumberError, check_birth, check_sex, parse
from desk.services.registry.phone import PhoneError, parse_phone

FIELD_NAMES = {
    "name": "姓名", "id_number": "身份证号", "sex": "性别", "birth": "出生日期", "phone": "联系电话",
    "residence": "人口类型", "relation": "与户主关系", "grid": "所属网格", "address": "现住址", "note": "备注",
}
NAME_MAX = 32


@dataclass(frozen=True)
class PersonInput:
    name: str
    id_number: str
    grid_id: int | None = None
    address: str = ""
    phone: str = ""
    residence: str = "registered"
    relation: str = ""
    household_id: int | None = None
    sex: str | None = None      # as stated beside the number: checked against it
    birth: date | None = None   # likewise
    note: str = ""


@dataclass(frozen=True)
class CheckedPerson:
    name: str
    number: IdNumber
    phone: str | None
    residence: str
    relation: str
    grid_id: int | None
    address: str
    household_id: int | None
    note: str


def check_person(inp: PersonInput, today: date) -> tuple[CheckedPerson | None, list[tuple[str, str]]]:
    """The checked person, or None and the problems as (field, reason)."""
    problems: list[tuple[str, str]] = []
    name = (inp.name or "").strip()
    if not name:
        problems.append(("name", "姓名不能为空 (the name is missing)"))
    elif len(name) > NAME_MAX:
        problems.append(("name", f"姓名过长（最多{NAME_MAX}字）(the name is too long)"))
    elif any(c.isdigit() for c in name):
        problems.append(("name", "姓名中含数字，请核对是否填错列 (the name holds digits)"))
    number = None
    try:
        number = parse(inp.id_number, today)
    except IdNumberError as exc:
        problems.append(("id_number", str(exc)))
    if number is not None:
        try:
            check_sex(number, inp.sex)
        except IdNumberError as exc:
            problems.append(("sex", str(exc)))
        try:
            check_birth(number, inp.birth)
        except IdNumberError as exc:
            problems.append(("birth", str(exc)))
    phone = None
    if inp.phone and str(inp.phone).strip():
        try:
            phone = parse_phone(inp.phone)
        except PhoneError as exc:
            problems.append(("phone", str(exc)))
    if inp.residence not in codes.RESIDENCES:
        problems.append(("residence", f"人口类型应为户籍/常住/流动，此处为“{inp.residence}” (unknown residence)"))
    if inp.relation and inp.relation not in codes.RELATIONS:
        problems.append(("relation", f"与户主关系“{inp.relation}”无法识别 (unknown relation)"))
    if len((inp.address or "").strip()) > 160:
        problems.append(("address", "地址过长（最多160字）(the address is too long)"))
    if problems:
        return None, problems
    return CheckedPerson(name, number, phone, inp.residence, inp.relation or "", inp.grid_id,
                         (inp.address or "").strip(), inp.household_id, (inp.note or "").strip()[:200]), []


def describe(problems: list[tuple[str, str]]) -> list[str]:
    return [f"{FIELD_NAMES.get(f, f)}：{reason}" for f, reason in problems]
