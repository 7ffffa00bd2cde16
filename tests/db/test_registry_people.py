"""People in the registry: added once per ID number, duplicates merged deliberately, found by name,
initials, address or full ID number, masked everywhere, and grid staff kept to their own grids."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.models import AuditRecord, Person
from desk.services import registry as reg
from desk.services.errors import PermissionDenied, ValidationError
from desk.services.unmask import unmask
from tests.board_support import LEADER, LIAISON, WANG, small_street
from tests.registry_support import grid_worker_of, id_number, person


def test_a_person_is_added_with_sex_and_birth_date_from_the_id_number_and_shown_masked(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, seq=124))
    assert row.sex == "女" and row.birth.isoformat() == "1985-03-15"
    number = id_number(seq=124)
    assert row.id_masked == number[:4] + "*" * 10 + number[-4:]
    assert row.phone_masked == "138****1234"
    assert row.address == "兴钢社区3号楼1单元101" and row.grid_name == "兴钢社区第2网格"


def test_the_id_number_is_stored_encrypted_and_unmasking_is_audited(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2))
    with ctx.read() as s:
        p = s.get(Person, row.id)
        assert id_number() not in p.id_enc and p.id_enc.startswith("g1:")
    assert unmask(duty, "person", row.id, "id_number") == id_number()
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "pii.unmask")).one()
        assert rec.actor == "wangli" and rec.entity == "person" and id_number() not in (rec.after or "")
        assert all(id_number() not in (r.after or "") + (r.before or "") for r in s.scalars(select(AuditRecord)))


def test_grid_staff_may_not_unmask(ctx):
    sm = small_street(ctx)
    row = reg.add_person(ctx.as_actor(WANG), person(sm.grid2))
    worker = grid_worker_of(ctx, sm.grid2, sm.worker_id)
    with pytest.raises(PermissionDenied):
        unmask(ctx.as_actor(worker), "person", row.id, "id_number")


def test_a_bad_id_number_is_refused_naming_the_field_and_nothing_is_saved(ctx):
    sm = small_street(ctx)
    bad = id_number()[:17] + ("1" if id_number()[17] != "1" else "2")
    with pytest.raises(ValidationError, match="身份证号.*校验位"):
        reg.add_person(ctx.as_actor(WANG), person(sm.grid2, id_number=bad))
    with pytest.raises(ValidationError, match="性别"):
        reg.add_person(ctx.as_actor(WANG), person(sm.grid2, seq=124, sex="male"))
    with ctx.read() as s:
        assert s.scalar(select(Person.id)) is None


def test_a_second_record_with_the_same_id_number_is_a_duplicate_not_a_new_person(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    first = reg.add_person(duty, person(sm.grid2))
    old_form = id_number()[:6] + id_number()[8:17]  # the same person's 15-digit number
    with pytest.raises(reg.DuplicatePerson) as caught:
        reg.add_person(duty, person(sm.grid2, name="张三", id_number=old_form.lower()))
    assert caught.value.existing_id == first.id


def test_a_duplicate_is_merged_deliberately_with_both_records_shown(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    first = reg.add_person(duty, person(sm.grid2))
    incoming = person(sm.grid2, phone="13900001111", residence="floating", address="兴钢社区3号楼1单元201")
    preview = reg.merge_preview(duty, incoming)
    assert preview.existing.id == first.id
    fields = {d.field: d for d in preview.diffs}
    assert set(fields) == {"phone", "residence", "address"}
    assert fields["phone"].current == "138****1234" and fields["phone"].incoming == "139****1111"
    merged = reg.merge(duty, first.id, first.version, incoming, {"phone", "address"})
    assert merged.phone_masked == "139****1111" and merged.address.endswith("201")
    assert merged.residence == "户籍人口"   # not taken
    with ctx.read() as s:
        assert len(s.scalars(select(Person)).all()) == 1
        assert s.scalars(select(AuditRecord).where(AuditRecord.action == "person.merge")).one()


def test_people_are_found_by_name_initials_address_and_full_id_number(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    reg.add_person(duty, person(sm.grid2, name="张三", seq=123))
    reg.add_person(duty, person(sm.grid2, name="李四", seq=125, address="兴钢社区5号楼2单元302"))
    assert [r.name for r in reg.search_people(duty, "张").rows] == ["张三"]
    assert [r.name for r in reg.search_people(duty, "ls").rows] == ["李四"]
    assert [r.name for r in reg.search_people(duty, "5号楼").rows] == ["李四"]
    found = reg.search_people(duty, id_number(seq=125).lower())
    assert found.how == "id_number" and [r.name for r in found.rows] == ["李四"]
    assert reg.search_people(duty, id_number(seq=125)[:10]).rows == ()  # no partial-number search
    with ctx.read() as s:   # a look-up by number is recorded, the number masked
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "person.lookup")).one()
        assert id_number(seq=125) not in rec.after and id_number(seq=125)[-4:] in rec.after
    assert [r.name for r in reg.search_people(duty, "%").rows] == []


def test_grid_staff_see_and_change_only_their_own_grids_people(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    reg.add_person(duty, person(sm.grid2, name="张三", seq=123))
    other = reg.add_person(duty, person(sm.grid1, name="张四", seq=125, address="兴钢社区1号楼1单元101"))
    worker = ctx.as_actor(grid_worker_of(ctx, sm.grid2, sm.worker_id))
    assert [r.name for r in reg.search_people(worker, "张").rows] == ["张三"]
    assert reg.search_people(worker, id_number(seq=125)).rows == ()
    assert [n.id for n in reg.grid_nodes(worker)] == [sm.grid2]
    with pytest.raises(PermissionDenied):
        reg.people_at(worker, sm.grid1)
    with pytest.raises(PermissionDenied):
        reg.update_person(worker, other.id, other.version, person(sm.grid1, name="张四", seq=125))
    with pytest.raises(PermissionDenied):
        reg.add_person(worker, person(sm.grid1, name="王五", seq=127))


def test_liaisons_see_no_registry_and_leaders_change_nothing(ctx):
    sm = small_street(ctx)
    with pytest.raises(PermissionDenied):
        reg.search_people(ctx.as_actor(LIAISON), "张")
    with pytest.raises(PermissionDenied):
        reg.add_person(ctx.as_actor(LEADER), person(sm.grid2))


def test_a_person_is_edited_from_the_card_without_retyping_the_id_number(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2))
    moved = reg.edit_person(duty, row.id, row.version, phone="139 0000 1111", residence="resident",
                            address="兴钢社区3号楼1单元201")
    assert moved.phone_masked == "139****1111" and moved.residence == "常住人口" and moved.address.endswith("201")
    assert moved.id_masked == row.id_masked and moved.name == "张三"
    with pytest.raises(ValidationError, match="联系电话"):
        reg.edit_person(duty, row.id, moved.version, phone="12345")
    from desk.services.errors import ConflictError
    with pytest.raises(ConflictError):
        reg.edit_person(duty, row.id, row.version, name="张叁")   # an old version: changed meanwhile
