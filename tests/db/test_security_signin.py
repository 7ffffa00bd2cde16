"""Signing in: Argon2 passwords, rules, history, lockout by the clock, forced change, disabled accounts."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.models import AuditRecord, UserAccount
from desk.services import accounts, auth
from desk.services.audit import verify_chain
from desk.services.errors import PermissionDenied, ValidationError

GOOD = "Yuanling-2026"


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    """Real Argon2id with small costs, so the many sign-ins here stay quick (bench/ measures the real ones)."""
    from argon2 import PasswordHasher
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def admin(ctx):
    accounts.add_user(ctx, "admin", "王管理", "security_admin", GOOD)
    return ctx.as_actor(auth.sign_in(ctx, "admin", GOOD))


def actions(ctx) -> list[str]:
    """The program's own records (on PostgreSQL the server adds db.account.* ones for account changes)."""
    with ctx.read() as s:
        return [a for a in s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)) if not a.startswith("db.")]


def test_the_first_administrator_signs_in_with_the_password_they_chose(ctx):
    accounts.add_user(ctx, "admin", "王管理", "security_admin", GOOD)
    actor = auth.sign_in(ctx, "admin", GOOD)
    assert (actor.username, actor.role, actor.must_change_password) == ("admin", "security_admin", False)
    assert actor.user_id is not None
    with ctx.read() as s:
        stored = s.scalar(select(UserAccount.password_hash))
    assert stored.startswith("$argon2id$") and GOOD not in stored
    assert actions(ctx) == ["user.add", "auth.signin"]


@pytest.mark.parametrize("password, why", [
    ("Short-1a", "10"), ("alllowercaseletters", "三类"), ("Admin-Password-1", "用户名"),
])
def test_a_weak_password_is_refused_with_the_reason(ctx, password, why):
    with pytest.raises(ValidationError) as err:
        accounts.add_user(ctx, "admin", "王管理", "security_admin", password)
    assert why in str(err.value)
    assert accounts.account_count(ctx) == 0


def test_an_account_made_by_an_administrator_must_change_its_password_first(ctx):
    boss = admin(ctx)
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    duty = auth.sign_in(ctx, "duty1", "Temp-Pass-001")
    assert duty.must_change_password
    with pytest.raises(PermissionDenied, match="修改"):
        accounts.list_users(ctx.as_actor(duty))
    from desk.services.org_tree import build_tree
    with pytest.raises(PermissionDenied):
        build_tree(ctx.as_actor(duty))
    changed = auth.change_password(ctx, "duty1", "Temp-Pass-001", "Night-Shift-77")
    assert not changed.must_change_password
    build_tree(ctx.as_actor(changed))  # now allowed
    assert not auth.sign_in(ctx, "duty1", "Night-Shift-77").must_change_password
    assert "auth.password_change" in actions(ctx)


def test_none_of_the_last_five_passwords_can_be_used_again(ctx):
    admin(ctx)
    passwords = [GOOD] + [f"Rotation-{i:03d}x" for i in range(5)]
    for old, new in zip(passwords, passwords[1:]):
        auth.change_password(ctx, "admin", old, new)
    current = passwords[-1]
    for reused in passwords[-5:]:
        with pytest.raises(ValidationError, match="最近 5 次"):
            auth.change_password(ctx, "admin", current, reused)
    auth.change_password(ctx, "admin", current, passwords[0])  # six changes ago: allowed again


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(ctx, clock):
    admin(ctx)
    for _ in range(4):
        with pytest.raises(auth.SignInFailed) as err:
            auth.sign_in(ctx, "admin", "wrong-password")
        assert not isinstance(err.value, auth.AccountLocked)
    with pytest.raises(auth.AccountLocked, match="15"):
        auth.sign_in(ctx, "admin", "wrong-password")
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(ctx, "admin", GOOD)  # the right password does not help while locked
    clock.advance(minutes=14)
    with pytest.raises(auth.AccountLocked, match="1 分钟"):
        auth.sign_in(ctx, "admin", GOOD)
    clock.advance(minutes=1, seconds=1)
    assert auth.sign_in(ctx, "admin", GOOD).username == "admin"
    acts = actions(ctx)
    assert acts.count("auth.signin_failed") == 5 and acts.count("auth.lockout") == 1
    assert acts.count("auth.signin_refused") == 2
    with ctx.read() as s:
        assert verify_chain(s).ok


def test_a_success_resets_the_count_of_failures(ctx):
    admin(ctx)
    for _ in range(4):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(ctx, "admin", "wrong-password")
    auth.sign_in(ctx, "admin", GOOD)
    for _ in range(4):
        with pytest.raises(auth.SignInFailed) as err:
            auth.sign_in(ctx, "admin", "wrong-password")
        assert not isinstance(err.value, auth.AccountLocked)


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(ctx):
    admin(ctx)
    with pytest.raises(auth.SignInFailed) as unknown:
        auth.sign_in(ctx, "nobody", GOOD)
    with pytest.raises(auth.SignInFailed) as wrong:
        auth.sign_in(ctx, "admin", "Wrong-Pass-123")
    assert str(unknown.value) == str(wrong.value)
    assert actions(ctx)[-2:] == ["auth.signin_failed", "auth.signin_failed"]


def test_a_disabled_account_is_refused_and_can_be_enabled_again(ctx):
    boss = admin(ctx)
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    accounts.set_disabled(boss, "duty1", True)
    with pytest.raises(auth.AccountDisabled):
        auth.sign_in(ctx, "duty1", "Temp-Pass-001")
    accounts.set_disabled(boss, "duty1", False)
    assert auth.sign_in(ctx, "duty1", "Temp-Pass-001").role == "duty_staff"
    assert {"user.disable", "user.enable", "auth.signin_refused"} <= set(actions(ctx))


def test_a_role_change_is_audited_with_before_and_after(ctx):
    boss = admin(ctx)
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    accounts.set_role(boss, "duty1", "leader")
    with ctx.read() as s:
        rec = s.execute(select(AuditRecord.before, AuditRecord.after, AuditRecord.actor)
                        .where(AuditRecord.action == "user.role_change")).one()
    assert '"duty_staff"' in rec.before and '"leader"' in rec.after and rec.actor == "admin"


def test_the_idle_lock_minutes_are_shared_by_every_seat_and_set_by_the_security_admin(ctx):
    assert accounts.idle_lock_minutes(ctx) == 10
    boss = admin(ctx)
    accounts.set_idle_lock_minutes(boss, 5)
    assert accounts.idle_lock_minutes(ctx) == 5
    with pytest.raises(ValidationError):
        accounts.set_idle_lock_minutes(boss, 0)
    accounts.add_user(boss, "ops1", "系统管理员", "system_admin", "Temp-Pass-001")
    auth.change_password(ctx, "ops1", "Temp-Pass-001", "Sys-Admin-0042")
    with pytest.raises(PermissionDenied):
        accounts.set_idle_lock_minutes(ctx.as_actor(auth.sign_in(ctx, "ops1", "Sys-Admin-0042")), 30)


def test_the_demo_street_can_come_with_one_account_per_role(ctx, monkeypatch):
    from desk.demo import DemoOptions, build_demo
    from desk.demo.accounts import DEMO_PASSWORD, create_demo_accounts
    from desk.services import integrity
    monkeypatch.undo()  # the real Argon2 parameters: the stored demo hash must verify
    build_demo(ctx, DemoOptions(households=1000, days=1))
    assert accounts.account_count(ctx) == 0  # the plain demo stays in the bootstrap state
    create_demo_accounts(ctx)
    assert auth.sign_in(ctx, "audit", DEMO_PASSWORD).role == "audit_admin"
    liaison = auth.sign_in(ctx, "liaison", DEMO_PASSWORD)
    assert liaison.department_id is not None and not liaison.must_change_password
    assert integrity.problems(ctx) == []


def test_the_account_list_shows_a_lock_only_while_it_lasts(ctx, clock):
    boss = admin(ctx)
    accounts.add_user(boss, "duty1", "李值班", "duty_staff", "Temp-Pass-001")
    for _ in range(5):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(ctx, "duty1", "wrong-password")
    assert next(r for r in accounts.list_users(boss) if r.username == "duty1").locked_until is not None
    clock.advance(minutes=16)
    assert next(r for r in accounts.list_users(boss) if r.username == "duty1").locked_until is None
