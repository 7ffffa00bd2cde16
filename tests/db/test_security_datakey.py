"""The data key is checked: a seat whose key is missing or wrong stops at start, before it reads or
writes personal data, and says where the key belongs; `desk db check` names the values that do not decrypt."""
from __future__ import annotations

import base64
import json
import stat
from types import SimpleNamespace

import pytest
from sqlalchemy import delete, func, select

from desk.bootstrap import open_context
from desk.config import Settings
from desk.db import Database
from desk.models import AppSetting, AuditRecord, Staff, StaffRole
from desk.services import backup, datakey, integrity
from desk.services.context import Context
from desk.services.pii import ENV_KEY, FieldCipher, KeyError_

KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()
CHECK = "data_key_check"


@pytest.fixture
def seat(db_url, tmp_path, monkeypatch):
    """Start the desk on the test database as a seat does (window and CLI alike), with a given key."""
    opened = []

    def start(*, env: str | None = None, key_file=None, url: str = db_url) -> Context:
        settings = tmp_path / "settings.json"
        settings.write_text(json.dumps({"key_file": str(key_file or tmp_path / "desk.key")}))
        monkeypatch.setenv("DESK_SETTINGS", str(settings))
        if env is None:
            monkeypatch.delenv(ENV_KEY, raising=False)
        else:
            monkeypatch.setenv(ENV_KEY, env)
        ctx = open_context(SimpleNamespace(db=url), warn=lambda msg: None)
        opened.append(ctx.db)
        return ctx

    yield start
    for db in opened:
        db.dispose()


def add_phone(ctx: Context, number: str = "13812345678", cipher: FieldCipher | None = None) -> int:
    cipher = cipher or ctx.cipher
    with ctx.unit() as u:
        st = Staff(name="张网格", role=StaffRole.GRID_LEADER, phone_enc=cipher.encrypt(number),
                   phone_idx=cipher.blind(number), active=True)
        u.session.add(st)
        u.session.flush()
        return st.id


def audit_count(ctx: Context) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditRecord))


def stored_check(ctx: Context) -> str | None:
    with ctx.read() as s:
        row = s.get(AppSetting, CHECK)
        return None if row is None else row.value


def forget_check(ctx: Context) -> None:
    """The database as an older desk left it: encrypted data, no check value."""
    with ctx.db.write_engine.begin() as conn:
        conn.execute(delete(AppSetting).where(AppSetting.key == CHECK))


def test_a_new_database_gets_a_new_key_file_and_a_check_value_that_does_not_reveal_the_key(seat, tmp_path):
    ctx = seat()
    key_file = tmp_path / "desk.key"
    assert key_file.exists() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = base64.b64decode(key_file.read_text())
    check = stored_check(ctx)
    assert check is not None
    assert key_file.read_text().strip() not in check and key.hex() not in check and key not in check.encode()
    with ctx.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "datakey.register")).one()
    assert rec.actor == "system" and key.hex() not in (rec.after or "")
    number = "13812345678"
    staff = add_phone(ctx, number)
    again = seat()  # the same seat starts again: same key, nothing new registered
    with again.read() as s:
        assert again.cipher.decrypt(s.get(Staff, staff).phone_enc) == number
        assert s.scalar(select(func.count()).where(AuditRecord.action == "datakey.register")) == 1


@pytest.mark.parametrize("how", ["env", "file"])
def test_a_seat_with_a_different_key_is_stopped_and_told_where_the_key_belongs(seat, tmp_path, how):
    first = seat(env=KEY_A)
    staff = add_phone(first)
    records = audit_count(first)
    other = tmp_path / "other" / "desk.key"
    other.parent.mkdir()
    other.write_text(KEY_B)
    with pytest.raises(KeyError_) as err:
        seat(env=KEY_B) if how == "env" else seat(key_file=other)
    message = str(err.value)
    assert "不符" in message and "DESK_DATA_KEY" in message
    if how == "file":
        assert str(other) in message
    assert KEY_A not in message and KEY_B not in message
    assert audit_count(first) == records  # nothing was written
    with first.read() as s:
        assert first.cipher.decrypt(s.get(Staff, staff).phone_enc) == "13812345678"


def test_a_seat_without_the_key_is_stopped_and_no_new_key_is_made(seat, tmp_path):
    first = seat(env=KEY_A)  # registers KEY_A; no personal data yet
    missing = tmp_path / "seat2" / "desk.key"
    with pytest.raises(KeyError_) as err:
        seat(key_file=missing)
    assert str(missing) in str(err.value) and "DESK_DATA_KEY" in str(err.value)
    assert not missing.exists()
    add_phone(first)
    with pytest.raises(KeyError_):
        seat(key_file=missing)
    assert not missing.exists() and not missing.parent.exists()


def test_an_older_database_with_encrypted_data_is_checked_by_decrypting_then_gets_its_check_value(seat):
    first = seat(env=KEY_A)
    for i in range(40):
        add_phone(first, f"1381234{i:04d}")
    forget_check(first)
    with pytest.raises(KeyError_) as err:
        seat(env=KEY_B)
    assert "解密" in str(err.value) and "DESK_DATA_KEY" in str(err.value)
    assert stored_check(first) is None  # a wrong key is never registered
    again = seat(env=KEY_A)
    assert stored_check(again) is not None
    with again.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "datakey.register")
                        .order_by(AuditRecord.id.desc())).first()
    assert "sample" in rec.after
    with pytest.raises(KeyError_):
        seat(env=KEY_B)  # now refused by the check value


def test_an_older_database_holding_values_under_two_keys_is_stopped_and_points_to_db_check(seat):
    first = seat(env=KEY_A)
    add_phone(first)
    add_phone(first, "13900000000", cipher=FieldCipher(base64.b64decode(KEY_B)))
    forget_check(first)
    for key in (KEY_A, KEY_B):
        with pytest.raises(KeyError_) as err:
            seat(env=key)
        assert "desk db check" in str(err.value)
    assert stored_check(first) is None


def test_db_check_names_every_value_that_does_not_decrypt(seat):
    ctx = seat(env=KEY_A)
    good = add_phone(ctx)
    assert integrity.problems(ctx) == []
    foreign = add_phone(ctx, "13900000000", cipher=FieldCipher(base64.b64decode(KEY_B)))
    with ctx.unit() as u:
        broken = Staff(name="坏值", role=StaffRole.GRID_LEADER, phone_enc="g1:not base64!", active=True)
        u.session.add(broken)
        u.session.flush()
        broken = broken.id
    found = [p for p in integrity.problems(ctx) if "解密" in p]
    assert len(found) == 1
    assert f"staff {foreign}" in found[0] and f"staff {broken}" in found[0] and f"staff {good} " not in found[0]
    assert "2" in found[0]


def test_db_check_reports_a_wrong_key_instead_of_making_one(seat, tmp_path, monkeypatch):
    ctx = seat(env=KEY_A)
    add_phone(ctx)
    monkeypatch.setenv(ENV_KEY, KEY_B)
    unchecked = open_context(SimpleNamespace(db=ctx.db.url), check_key=False)
    try:
        found = integrity.problems(unchecked)
    finally:
        unchecked.db.dispose()
    assert any("不符" in p and "DESK_DATA_KEY" in p for p in found)


def test_a_context_made_without_the_start_up_check_still_refuses_a_wrong_key(seat, monkeypatch):
    ctx = seat(env=KEY_A)
    add_phone(ctx)
    monkeypatch.setenv(ENV_KEY, KEY_B)
    plain = Context(db=ctx.db, settings=Settings())
    with pytest.raises(KeyError_):
        plain.cipher.encrypt("13812345678")


def test_a_corrupt_key_file_is_a_plain_message(seat, tmp_path):
    seat(env=KEY_A)
    bad = tmp_path / "bad.key"
    bad.write_text("this is not base64 at all!")
    with pytest.raises(KeyError_) as err:
        seat(key_file=bad)
    assert str(bad) in str(err.value)


def test_a_restored_backup_keeps_its_check_value_and_wants_the_same_key(seat, tmp_path):
    ctx = seat(env=KEY_A)
    staff = add_phone(ctx)
    out = tmp_path / ("backup.db" if ctx.db.sqlite else "backup.zip")
    backup.create_backup(ctx, out)
    target_url = f"sqlite:///{tmp_path / 'restored.db'}"
    target = Database(target_url)
    try:
        backup.restore(Context(db=target, settings=Settings()), out)
    finally:
        target.dispose()
    with pytest.raises(KeyError_):
        seat(env=KEY_B, url=target_url)
    restored = seat(env=KEY_A, url=target_url)
    assert stored_check(restored) == stored_check(ctx)
    with restored.read() as s:
        assert restored.cipher.decrypt(s.get(Staff, staff).phone_enc) == "13812345678"


def test_two_seats_starting_a_new_database_at_once_with_different_keys_end_with_one_key(db, tmp_path, monkeypatch):
    import threading

    monkeypatch.delenv(ENV_KEY, raising=False)
    files = [tmp_path / f"seat{i}" / "desk.key" for i in range(2)]
    gate = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def start(i: int) -> None:
        gate.wait()
        try:
            outcomes[i] = datakey.start(Context(db=db, settings=Settings(extra={"key_file": str(files[i])})))
        except KeyError_ as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=start, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    winners = [i for i, o in enumerate(outcomes) if isinstance(o, FieldCipher)]
    assert len(winners) == 1, outcomes
    loser = 1 - winners[0]
    assert isinstance(outcomes[loser], KeyError_) and str(files[loser]) in str(outcomes[loser])
    assert files[winners[0]].exists() and not files[loser].exists()  # the loser keeps no key of its own
    ctx = Context(db=db, settings=Settings())
    assert stored_check(ctx) is not None
    with ctx.read() as s:
        assert s.scalar(select(func.count()).where(AuditRecord.action == "datakey.register")) == 1
