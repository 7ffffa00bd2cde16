"""A database left with personal data under two keys is repaired by the security administrator:
`desk key merge` re-encrypts the stray key's values under the database's key (audited), and the seats start again."""
from __future__ import annotations

import base64
import json
import shutil
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete, select

from desk.bootstrap import open_context
from desk.cli import main
from desk.config import Settings
from desk.db import Database
from desk.models import AppSetting, AuditRecord, Staff, StaffRole
from desk.services import accounts, auth, integrity
from desk.services.context import Context
from desk.services.datakey_merge import merge_key
from desk.services.errors import PermissionDenied
from desk.services.pii import ENV_KEY, FieldCipher, KeyError_

KEY_A, KEY_B, KEY_C = (base64.b64encode(c * 32).decode() for c in (b"A", b"B", b"C"))
A, B, C = (FieldCipher(base64.b64decode(k)) for k in (KEY_A, KEY_B, KEY_C))
ADMIN_PW = "Yuanling-2026"


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def mixed(db, tmp_path, monkeypatch):
    """An older database: staff phones under key A, two under a stray key B, no check value; the seat holds A."""
    monkeypatch.setenv(ENV_KEY, KEY_A)
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    ctx = Context(db=db, settings=Settings(), cipher_override=A)
    accounts.add_user(ctx, "secadmin", "王安全", "security_admin", ADMIN_PW)
    ids = {}
    with ctx.unit() as u:
        for name, number, cipher in [("a1", "13800000001", A), ("b1", "13900000001", B), ("a2", "13800000002", A),
                                     ("b2", "13900000002", B)]:
            st = Staff(name=name, role=StaffRole.GRID_LEADER, active=True, phone_enc=cipher.encrypt(number),
                       phone_idx=cipher.blind(number))
            u.session.add(st)
            u.session.flush()
            ids[name] = (st.id, number)
    with db.write_engine.begin() as conn:
        conn.execute(delete(AppSetting).where(AppSetting.key == "data_key_check"))
    stray = tmp_path / "stray.key"
    stray.write_text(KEY_B)
    return SimpleNamespace(ctx=ctx, ids=ids, stray=stray)


def as_admin(ctx):
    return ctx.as_actor(auth.sign_in(ctx, "secadmin", ADMIN_PW))


def test_the_stray_keys_values_are_re_encrypted_and_the_seats_start_again(mixed, db):
    with pytest.raises(KeyError_, match="desk db check"):
        open_context(SimpleNamespace(db=db.url))
    rep = merge_key(as_admin(mixed.ctx), mixed.stray)
    assert (rep.re_encrypted, rep.unreadable, rep.registered) == (2, [], True)
    with mixed.ctx.read() as s:
        for staff_id, number in mixed.ids.values():
            row = s.get(Staff, staff_id)
            assert A.decrypt(row.phone_enc) == number and row.phone_idx == A.blind(number)  # found by search again
        merged = s.scalars(select(AuditRecord).where(AuditRecord.action == "datakey.merge")).one()
    assert merged.actor == "secadmin" and json.loads(merged.after)["re_encrypted"] == 2
    seat = open_context(SimpleNamespace(db=db.url))  # the start-up check passes now
    try:
        assert integrity.problems(seat) == []
    finally:
        seat.db.dispose()


def test_only_the_security_administrator_may_merge_and_a_refusal_changes_nothing(mixed):
    boss = as_admin(mixed.ctx)
    accounts.add_user(boss, "ops1", "系统", "system_admin", "Temp-Pass-001")
    ops = auth.change_password(mixed.ctx, "ops1", "Temp-Pass-001", "Ops-Admin-0042")
    with pytest.raises(PermissionDenied):
        merge_key(mixed.ctx.as_actor(ops), mixed.stray)
    staff_id, number = mixed.ids["b1"]
    with mixed.ctx.read() as s:
        assert B.decrypt(s.get(Staff, staff_id).phone_enc) == number


def test_values_under_a_third_key_are_named_and_the_key_is_not_registered(mixed, monkeypatch):
    with mixed.ctx.unit() as u:
        st = Staff(name="c1", role=StaffRole.GRID_LEADER, active=True, phone_enc=C.encrypt("13700000001"))
        u.session.add(st)
        u.session.flush()
        third = st.id
    rep = merge_key(as_admin(mixed.ctx), mixed.stray)
    assert rep.re_encrypted == 2 and rep.unreadable == [f"staff {third} (phone_enc)"] and not rep.registered
    with mixed.ctx.read() as s:
        assert s.get(AppSetting, "data_key_check") is None


def test_a_seat_whose_key_is_not_the_registered_one_cannot_merge(mixed, monkeypatch):
    monkeypatch.setenv(ENV_KEY, KEY_C)
    ctx = Context(db=mixed.ctx.db, settings=Settings(), cipher_override=C)
    from desk.services import datakey
    with ctx.unit() as u:
        datakey.store_check(u, A, datakey.KeySource.of(ctx), "test")  # the database's key is A
    with pytest.raises(KeyError_, match="不符"):
        merge_key(as_admin(ctx), mixed.stray)


def test_desk_key_merge_from_the_command_line(tmp_path, sqlite_template, monkeypatch, capsys):
    path = tmp_path / "desk.db"
    shutil.copy(sqlite_template, path)
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setenv(ENV_KEY, KEY_A)
    db = Database(f"sqlite:///{path}")
    try:
        ctx = Context(db=db, settings=Settings(), cipher_override=A)
        accounts.add_user(ctx, "secadmin", "王安全", "security_admin", ADMIN_PW)
        with ctx.unit() as u:
            u.session.add(Staff(name="b1", role=StaffRole.GRID_LEADER, active=True, phone_enc=B.encrypt("13900000001")))
            u.session.add(Staff(name="a1", role=StaffRole.GRID_LEADER, active=True, phone_enc=A.encrypt("13800000001")))
    finally:
        db.dispose()
    stray = tmp_path / "stray.key"
    stray.write_text(KEY_B)
    monkeypatch.setenv("DESK_PASSWORD", ADMIN_PW)
    assert main(["audit", "verify", "--db", str(path)]) == 1  # two keys: every command stops
    assert main(["key", "merge", str(stray), "--user", "secadmin", "--db", str(path)]) == 0
    assert "重新加密 1 个值" in capsys.readouterr().out
    assert main(["db", "check", "--db", str(path)]) == 0
