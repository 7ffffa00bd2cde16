"""Attacks on the audit chain, reproduced: a cut tail with the head set back, an edited record with the
chain recomputed (both by whoever holds the SQLite file or the PostgreSQL owner's password), and on
PostgreSQL what the seats' restricted role might try. Anchors kept outside the database reveal the
first two; the server-side chain and account triggers stop or record the rest."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

from desk.models import AuditHead, AuditRecord
from desk.services import accounts, anchors, audit, audit_log
from tests.db.chain_support import app_role_db, owner_lifts_the_guards


def some_records(ctx, n, start=0):
    for i in range(start, start + n):
        with ctx.unit() as u:
            u.audit("test.step", "thing", i, after={"i": i})


def cut_tail(db, keep: int) -> None:
    """Delete every record after ``keep`` and set audit_head back to it, as an insider would."""
    owner_lifts_the_guards(db)
    with db.write_engine.begin() as conn:
        last_hash = conn.execute(select(AuditRecord.hash).where(AuditRecord.id == keep)).scalar_one()
        conn.execute(AuditRecord.__table__.delete().where(AuditRecord.id > keep))
        conn.execute(AuditHead.__table__.update().values(last_id=keep, last_hash=last_hash))


def rewrite(db, rec_id: int, after: str) -> None:
    """Change one record and recompute every hash from it on, each with its record's algorithm."""
    owner_lifts_the_guards(db)
    table = AuditRecord.__table__
    with db.write_engine.begin() as conn:
        conn.execute(table.update().where(table.c.id == rec_id).values(after=after))
        prev = conn.execute(select(table.c.hash).where(table.c.id == rec_id - 1)).scalar_one()
        for row in conn.execute(select(table).where(table.c.id >= rec_id).order_by(table.c.id)).mappings().all():
            fields = dict(row, prev_hash=prev)
            digest = audit.expected_hash(fields)
            conn.execute(table.update().where(table.c.id == row["id"]).values(prev_hash=prev, hash=digest))
            prev = digest
        conn.execute(AuditHead.__table__.update().values(last_hash=prev))


def test_a_cut_tail_with_the_head_set_back_passes_the_chain_but_not_the_anchors(ctx, tmp_path):
    folder = tmp_path / "anchors"
    some_records(ctx, 3)
    early = anchors.make_anchor(ctx, folder)
    some_records(ctx, 4, start=3)
    late = anchors.make_anchor(ctx, folder)
    cut_tail(ctx.db, early.last_id + 1)
    assert audit_log.verify(ctx).ok  # the chain alone cannot tell: this is why anchors exist
    report = anchors.verify_anchors(ctx, folder)
    assert not report.ok
    assert report.first_bad == late.path
    assert "no longer" in report.reason or "不再" in report.reason
    assert report.checked == 1  # the early anchor is still contained


def test_an_edited_record_with_the_chain_recomputed_is_revealed_by_the_first_anchor_after_it(ctx, tmp_path):
    folder = tmp_path / "anchors"
    some_records(ctx, 2)
    before = anchors.make_anchor(ctx, folder)
    some_records(ctx, 3, start=2)
    after = anchors.make_anchor(ctx, folder)
    some_records(ctx, 2, start=5)
    latest = anchors.make_anchor(ctx, folder)
    rewrite(ctx.db, before.last_id + 2, json.dumps({"i": 99}))
    assert audit_log.verify(ctx).ok  # recomputed: the chain holds
    report = anchors.verify_anchors(ctx, folder)
    assert (report.ok, report.first_bad) == (False, after.path)
    assert latest.path != report.first_bad


def test_an_untouched_chain_passes_every_anchor(ctx, tmp_path):
    folder = tmp_path / "anchors"
    for n in (2, 3, 1):
        some_records(ctx, n)
        anchors.make_anchor(ctx, folder)
    report = anchors.verify_anchors(ctx, folder)
    assert (report.ok, report.checked) == (True, 3)


# --- PostgreSQL: the seats' restricted role ---

@pytest.fixture
def app(db, db_url, clock):
    if db.sqlite:
        pytest.skip("database roles are a PostgreSQL matter")
    with app_role_db(db, db_url) as (app_db, app_ctx):
        yield app_db, app_ctx


def test_the_application_role_cannot_insert_a_backdated_record_with_its_own_hash(ctx, app):
    app_db, app_ctx = app
    some_records(app_ctx, 3)
    with ctx.read() as s:
        head = s.get(AuditHead, 1)
        last_id, last_hash = head.last_id, head.last_hash
    backdated = datetime(2024, 1, 1, tzinfo=timezone.utc)
    forged = audit.record_hash(last_hash, last_id + 1, backdated, "admin", "seat", "user.role", "user_account",
                               "1", None, '{"role": "security_admin"}')
    started = datetime.now(timezone.utc) - timedelta(minutes=5)
    with app_db.write_engine.begin() as conn:
        conn.execute(AuditRecord.__table__.insert().values(
            id=last_id + 1, at=backdated, actor="admin", seat="seat", action="user.role", entity="user_account",
            entity_id="1", after='{"role": "security_admin"}', prev_hash=last_hash, hash=forged))
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()
        assert rec.at >= started  # the server's time, not the one claimed
        assert rec.hash != forged and rec.prev_hash == last_hash
    assert audit_log.verify(ctx).ok


def test_the_application_role_cannot_move_the_chains_head(ctx, app):
    app_db, app_ctx = app
    some_records(app_ctx, 3)
    for stmt in ("UPDATE audit_head SET last_id = 1", "INSERT INTO audit_head (id, last_id, last_hash) VALUES (2, 0, 'x')",
                 "DELETE FROM audit_head", "ALTER TABLE audit_log DISABLE TRIGGER USER",
                 "DROP TRIGGER audit_log_chain ON audit_log"):
        with pytest.raises(sa_exc.ProgrammingError, match="permission denied|must be owner"):
            with app_db.write_engine.begin() as conn:
                conn.execute(text(stmt))
    with ctx.read() as s:
        assert s.get(AuditHead, 1).last_id == s.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1))


@pytest.mark.parametrize("statement", ["UPDATE audit_head SET last_id = 1", "DELETE FROM audit_head"])
def test_even_the_owner_cannot_set_the_head_back_while_the_guards_are_in_place(ctx, db, statement):
    some_records(ctx, 2)
    with pytest.raises(sa_exc.DatabaseError, match="audit_head"):
        with db.write_engine.begin() as conn:
            conn.execute(text(statement))
    assert audit_log.verify(ctx).ok


def test_a_role_changed_directly_in_the_database_is_recorded_by_the_server(ctx, app):
    app_db, app_ctx = app
    accounts.add_user(app_ctx, "duty1", "李值班", "duty_staff", "Yuanling-2026")
    with ctx.read() as s:
        assert s.scalar(select(AuditRecord.id).where(AuditRecord.action == "db.account.insert"))
        mark = s.get(AuditHead, 1).last_id
    with app_db.write_engine.begin() as conn:
        conn.execute(text("UPDATE user_account SET role = 'security_admin' WHERE username = 'duty1'"))
        conn.execute(text("UPDATE user_account SET password_hash = 'x', disabled = true WHERE username = 'duty1'"))
        conn.execute(text("UPDATE user_account SET failed_attempts = 3 WHERE username = 'duty1'"))  # not an account change
    with ctx.read() as s:
        recs = s.scalars(select(AuditRecord).where(AuditRecord.id > mark).order_by(AuditRecord.id)).all()
    assert [r.action for r in recs] == ["db.account.update"] * 2
    role_change, state_change = recs
    assert role_change.actor == app_db.write_engine.url.username
    assert json.loads(role_change.before)["role"] == "duty_staff"
    assert json.loads(role_change.after)["role"] == "security_admin"
    assert json.loads(state_change.after)["password_changed"] is True
    assert json.loads(state_change.after)["disabled"] is True
    assert "x" not in json.loads(state_change.after).values()  # never the password hash itself
    assert audit_log.verify(ctx).ok


def test_a_security_setting_changed_directly_in_the_database_is_recorded_by_the_server(ctx, app):
    app_db, app_ctx = app
    accounts.set_idle_lock_minutes(app_ctx, 10)
    with app_db.write_engine.begin() as conn:
        conn.execute(text("UPDATE app_setting SET value = '600'"))
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()
    assert (rec.action, rec.entity, rec.actor) == ("db.setting.update", "app_setting", app_db.write_engine.url.username)
    assert json.loads(rec.after)["value"] == "600" and json.loads(rec.before)["value"] != "600"
