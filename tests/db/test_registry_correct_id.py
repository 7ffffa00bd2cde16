"""A mistyped ID number is corrected in place: checked by GB 11643, sex and birth date taken from the new
number, found by it afterwards (and no longer by the old one), audited with both numbers masked; a number
another record holds is refused and points to the deliberate merge; a change meanwhile is refused."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.models import AuditRecord, Person
from desk.services import registry as reg
from desk.services.errors import ConflictError, PermissionDenied, ValidationError
from desk.services.unmask import unmask
from tests.board_support import LEADER, WANG, small_street
from tests.registry_support import grid_worker_of, id_number, person

TYPO = id_number("19850315", 124)     # what was typed: a woman born 1985-03-15
RIGHT = id_number("19850513", 123)    # the number on the card: a man born 1985-05-13


def test_a_typo_is_corrected_with_sex_and_birth_from_the_new_number_and_found_by_it(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    assert (row.sex, row.birth.isoformat()) == ("女", "1985-03-15")
    fixed = reg.correct_id_number(duty, row.id, row.version, RIGHT.lower()[:17] + RIGHT[17].lower())
    assert (fixed.sex, fixed.birth.isoformat()) == ("男", "1985-05-13")
    assert fixed.id_masked == RIGHT[:4] + "*" * 10 + RIGHT[-4:] and fixed.version > row.version
    assert unmask(duty, "person", row.id, "id_number") == RIGHT
    assert [r.id for r in reg.search_people(duty, RIGHT).rows] == [row.id]
    assert reg.search_people(duty, TYPO).rows == ()
    with ctx.read() as s:
        p = s.get(Person, row.id)
        assert p.id_idx == ctx.cipher.blind(RIGHT) and RIGHT not in p.id_enc


def test_the_audit_record_keeps_old_and_new_numbers_masked_never_in_clear(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    reg.correct_id_number(duty, row.id, row.version, RIGHT)
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "person.correct_id")).one()
        assert rec.actor == "wangli" and rec.entity == "person" and int(rec.entity_id) == row.id
        assert TYPO[:4] + "*" * 10 + TYPO[-4:] in rec.before and RIGHT[:4] + "*" * 10 + RIGHT[-4:] in rec.after
        everything = "".join((r.before or "") + (r.after or "") for r in s.scalars(select(AuditRecord)))
        assert TYPO not in everything and RIGHT not in everything


def test_a_wrong_new_number_is_refused_naming_the_reason_and_nothing_changes(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    bad = RIGHT[:17] + ("1" if RIGHT[17] != "1" else "2")
    with pytest.raises(ValidationError) as refused:
        reg.correct_id_number(duty, row.id, row.version, bad)
    assert "校验位" in "".join(refused.value.problems)
    with pytest.raises(ValidationError, match="相同"):
        reg.correct_id_number(duty, row.id, row.version, TYPO)
    assert unmask(duty, "person", row.id, "id_number") == TYPO


def test_a_number_another_record_holds_is_refused_pointing_to_the_merge(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    other = reg.add_person(duty, person(sm.grid2, name="张叁", id_number=RIGHT, address="兴钢社区3号楼1单元102"))
    with pytest.raises(reg.NumberHeldByAnother, match="合并") as refused:
        reg.correct_id_number(duty, row.id, row.version, RIGHT)
    assert refused.value.other_id == other.id and "张叁" in str(refused.value)
    assert unmask(duty, "person", row.id, "id_number") == TYPO


def test_a_correction_on_a_stale_card_is_refused_and_only_writers_of_the_grid_may_correct(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    reg.edit_person(duty, row.id, row.version, name="张三丰")    # another seat changed the card meanwhile
    with pytest.raises(ConflictError):
        reg.correct_id_number(duty, row.id, row.version, RIGHT)
    with pytest.raises(PermissionDenied):
        reg.correct_id_number(ctx.as_actor(LEADER), row.id, None, RIGHT)
    elsewhere = grid_worker_of(ctx, sm.grid1, sm.worker_id)
    with pytest.raises(PermissionDenied):
        reg.correct_id_number(ctx.as_actor(elsewhere), row.id, None, RIGHT)


def test_the_card_edit_corrects_the_number_in_the_same_step(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2, id_number=TYPO))
    fixed = reg.edit_person(duty, row.id, row.version, name="张三", id_number=RIGHT, phone="13900001111")
    assert fixed.sex == "男" and fixed.phone_masked == "139****1111"
    assert unmask(duty, "person", row.id, "id_number") == RIGHT
