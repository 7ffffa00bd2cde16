"""Sign-in failures are counted exactly when many seats try at once: every wrong password is counted and
audited, a right password in the burst succeeds, and the lockout holds at exactly its threshold."""
from __future__ import annotations

import json
import threading

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from desk.models import AuditRecord, UserAccount
from desk.services import accounts, auth
from desk.services.audit import verify_chain

GOOD = "Yuanling-2026"
BURST = 20


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    """Real Argon2id with small costs: twenty at once stay quick (bench/ measures the real ones)."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def burst(ctx, passwords: list[str]) -> list[object]:
    """Every password tried at the same moment from its own thread (a seat each); the outcome of each."""
    start = threading.Barrier(len(passwords))
    outcomes: list[object] = [None] * len(passwords)

    def attempt(i: int, password: str) -> None:
        start.wait()
        try:
            outcomes[i] = auth.sign_in(ctx, "admin", password)
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test checks
            outcomes[i] = exc

    threads = [threading.Thread(target=attempt, args=(i, p)) for i, p in enumerate(passwords)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


def sign_in_records(ctx) -> list[tuple[str, dict]]:
    with ctx.read() as s:
        rows = s.execute(select(AuditRecord.action, AuditRecord.after).where(AuditRecord.action.like("auth.%"))
                         .order_by(AuditRecord.id)).all()
        assert verify_chain(s).ok
    return [(a, json.loads(after) if after else {}) for a, after in rows]


def failed_attempts(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(UserAccount.failed_attempts).where(UserAccount.username == "admin"))


def test_twenty_simultaneous_wrong_passwords_count_twenty_failures_each_audited(ctx, monkeypatch):
    monkeypatch.setattr(auth, "MAX_FAILURES", 50)  # above the burst: no lockout in this test
    accounts.add_user(ctx, "admin", "王管理", "security_admin", GOOD)
    outcomes = burst(ctx, [f"Wrong-Pass-{i:03d}" for i in range(BURST)])
    assert all(type(o) is auth.SignInFailed for o in outcomes), outcomes
    assert failed_attempts(ctx) == BURST
    failures = [after for action, after in sign_in_records(ctx) if action == "auth.signin_failed"]
    assert sorted(f["failed_attempts"] for f in failures) == list(range(1, BURST + 1))
    assert [f["failed_attempts"] for f in failures] == list(range(1, BURST + 1))  # in the order committed


def test_a_right_password_in_a_burst_of_wrong_ones_signs_in(ctx, monkeypatch):
    monkeypatch.setattr(auth, "MAX_FAILURES", 50)
    accounts.add_user(ctx, "admin", "王管理", "security_admin", GOOD)
    passwords = [f"Wrong-Pass-{i:03d}" for i in range(BURST - 1)]
    passwords.insert(BURST // 2, GOOD)
    outcomes = burst(ctx, passwords)
    signed_in = [o for o in outcomes if isinstance(o, auth.Actor)]
    assert len(signed_in) == 1 and signed_in[0].username == "admin"
    assert sum(type(o) is auth.SignInFailed for o in outcomes) == BURST - 1
    records = sign_in_records(ctx)
    actions = [a for a, _ in records]
    assert actions.count("auth.signin_failed") == BURST - 1 and actions.count("auth.signin") == 1
    # The success clears the count: the failures after it in the audit log count again from one.
    after_success = [r for a, r in records[actions.index("auth.signin") + 1:] if a == "auth.signin_failed"]
    assert [r["failed_attempts"] for r in after_success] == list(range(1, len(after_success) + 1))
    assert failed_attempts(ctx) == len(after_success)


def test_a_burst_of_wrong_passwords_locks_the_account_at_exactly_the_threshold(ctx):
    accounts.add_user(ctx, "admin", "王管理", "security_admin", GOOD)
    outcomes = burst(ctx, [f"Wrong-Pass-{i:03d}" for i in range(BURST)])
    assert all(isinstance(o, auth.SignInFailed) for o in outcomes), outcomes
    records = sign_in_records(ctx)
    actions = [a for a, _ in records]
    assert actions.count("auth.signin_failed") == auth.MAX_FAILURES
    assert actions.count("auth.lockout") == 1
    assert actions.count("auth.signin_refused") == BURST - auth.MAX_FAILURES  # every attempt is recorded
    assert all(r["reason"] == "locked" for a, r in records if a == "auth.signin_refused")
    assert sum(isinstance(o, auth.AccountLocked) for o in outcomes) == BURST - auth.MAX_FAILURES + 1
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(ctx, "admin", GOOD)
