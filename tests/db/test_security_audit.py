"""The audit log: append-only in the database itself, tampering named by id, unmasking recorded."""
from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

from desk.models import AuditRecord, Staff, StaffRole
from desk.services import audit_log, unmask
from desk.services.errors import PermissionDenied
from desk.services.unit import Actor


def some_records(ctx, n=5):
    for i in range(n):
        with ctx.unit() as u:
            u.audit("test.step", "thing", i, after={"i": i, "note": "第" + str(i) + "步"})


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'x' WHERE id = 2",
                                       "DELETE FROM audit_log WHERE id = 2", "DELETE FROM audit_log"])
def test_the_database_refuses_to_change_or_delete_audit_records(ctx, db, statement):
    some_records(ctx)
    with pytest.raises(sa_exc.DatabaseError, match="append-only"):
        with db.write_engine.begin() as conn:
            conn.execute(text(statement))
    with ctx.read() as s:
        assert audit_log.verify_chain(s).ok
        assert s.scalar(select(AuditRecord.actor).where(AuditRecord.id == 2)) == "system"


def drop_guard(db):
    with db.write_engine.begin() as conn:
        if db.sqlite:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


def test_a_record_edited_by_hand_is_named_by_its_id(ctx, db):
    some_records(ctx, 6)
    drop_guard(db)
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET after = '{\"i\": 99}' WHERE id = 4"))
    report = audit_log.verify(ctx)
    assert (report.ok, report.first_bad_id, report.checked) == (False, 4, 3)


def test_a_record_deleted_by_hand_is_named_as_missing(ctx, db):
    some_records(ctx, 6)
    drop_guard(db)
    with db.write_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 3"))
    report = audit_log.verify(ctx)
    assert (report.ok, report.first_bad_id) == (False, 3) and "missing" in report.reason


def test_the_last_record_deleted_by_hand_is_noticed(ctx, db):
    some_records(ctx, 4)
    drop_guard(db)
    with db.write_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 4"))
    report = audit_log.verify(ctx)
    assert (report.ok, report.first_bad_id) == (False, 4)


def test_searching_the_log_finds_text_literally(ctx):
    some_records(ctx)
    auditor = ctx.as_actor(Actor("aud", role="audit_admin"))
    rows = audit_log.list_records(auditor, audit_log.AuditFilter(text="第3步"))
    assert [r.entity_id for r in rows] == ["3"]
    assert audit_log.list_records(auditor, audit_log.AuditFilter(text="%")) == []
    assert len(audit_log.list_records(auditor, audit_log.AuditFilter(action="test."))) == 5


def staff_with_phone(ctx, phone="13812345678") -> int:
    with ctx.unit() as u:
        st = Staff(name="张网格", role=StaffRole.GRID_LEADER, phone_enc=ctx.cipher.encrypt(phone),
                   phone_idx=ctx.cipher.blind(phone), active=True)
        u.session.add(st)
        u.session.flush()
        return st.id


def test_a_phone_number_is_shown_masked_and_unmasking_it_is_recorded(ctx):
    sid = staff_with_phone(ctx)
    assert unmask.masked(ctx, "staff", sid, "phone") == "138****5678"
    duty = ctx.as_actor(Actor("duty1", role="duty_staff", user_id=7))
    assert unmask.unmask(duty, "staff", sid, "phone") == "13812345678"
    with ctx.read() as s:
        rec = s.execute(select(AuditRecord.actor, AuditRecord.entity, AuditRecord.entity_id, AuditRecord.after)
                        .where(AuditRecord.action == "pii.unmask")).one()
    assert (rec.actor, rec.entity, rec.entity_id) == ("duty1", "staff", str(sid))
    assert "13812345678" not in rec.after
    with pytest.raises(PermissionDenied):
        unmask.unmask(ctx.as_actor(Actor("ops", role="system_admin")), "staff", sid, "phone")


def test_a_copied_database_file_shows_no_phone_number_in_clear(ctx, db, tmp_path):
    if not db.sqlite:
        pytest.skip("a file copy is an SQLite matter")
    staff_with_phone(ctx, "13987654321")
    db.dispose()
    raw = open(db.url.split(":///", 1)[1], "rb").read()
    assert b"13987654321" not in raw and "13987654321".encode("utf-16-le") not in raw


def test_exports_and_prints_are_recorded(ctx):
    with ctx.unit() as u:
        audit_log.record_export(u, "incident", 120, "事件.xlsx")
        audit_log.record_print(u, "weekly_report", 7, copies=2)
    auditor = ctx.as_actor(Actor("aud", role="audit_admin"))
    rows = audit_log.list_records(auditor, audit_log.AuditFilter(action="data."), newest_first=False)
    assert [(r.action, r.entity) for r in rows] == [("data.export", "incident"), ("data.print", "weekly_report")]
    assert '"rows": 120' in rows[0].after and '"copies": 2' in rows[1].after
