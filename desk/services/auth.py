"""Signing in and passwords (GB/T 22239 level 2-3 identification and authentication).

- Passwords are hashed with Argon2id (argon2-cffi; RFC 9106 parameters: 3 passes, 64 MiB,
  4 lanes: about 0.1 s per check on the reference machine, see bench/bench_signin.py).
- Rules: at least 10 characters, at least 3 of the 4 classes (lower case, upper case, digits,
  other), not the user name, not one of the user's last 5 passwords (password_history).
- 5 failed sign-ins in a row lock the account for 15 minutes (by the context's clock).
- An account whose password was set by someone else must change it before doing anything
  else (the Actor carries ``must_change_password``; ``permissions.require`` refuses it).
- Disabled accounts are refused. Every sign-in, failure, refusal, lockout and password
  change is written to the audit log, in the same transaction as the counters.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import PasswordHistory, UserAccount
from desk.services.context import Context
from desk.services.errors import DeskError, ValidationError
from desk.services.limits import printable
from desk.services.unit import Actor, Unit

MIN_LENGTH = 10
MIN_CLASSES = 3
HISTORY_DEPTH = 5
MAX_FAILURES = 5
LOCK_MINUTES = 15

HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)
# Verified against when the user name is unknown, so both cases take the same time.
_DUMMY_HASH = HASHER.hash("desk-no-such-user-0000")


class SignInFailed(DeskError):
    """Wrong user name or password (the message does not say which)."""


class AccountLocked(SignInFailed):
    pass


class AccountDisabled(SignInFailed):
    pass


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, username: str = "") -> list[str]:
    """What is wrong with a new password, in words a user can act on ([] when it is fine)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"密码至少 {MIN_LENGTH} 个字符 (at least {MIN_LENGTH} characters)")
    classes = sum([any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password),
                   any(not (c.islower() or c.isupper() or c.isdigit()) for c in password)])  # symbols, 汉字
    if classes < MIN_CLASSES:
        problems.append("密码须包含小写字母、大写字母、数字、符号(含汉字)中的至少三类 "
                        "(at least 3 of: lower case, upper case, digits, symbols or other characters)")
    if username and username.lower() in password.lower():
        problems.append("密码不能包含用户名 (must not contain the user name)")
    if any(ord(c) < 32 for c in password):
        problems.append("密码不能含控制字符 (no control characters)")
    return problems


def check_new_password(s: Session, user: UserAccount, password: str) -> None:
    """Raise ValidationError if ``password`` breaks the rules or was one of the last five."""
    problems = password_problems(password, user.username)
    if not problems:
        recent = s.scalars(select(PasswordHistory.password_hash).where(PasswordHistory.user_id == user.id)
                           .order_by(PasswordHistory.id.desc()).limit(HISTORY_DEPTH)).all()
        if any(password_matches(h, password) for h in recent) or password_matches(user.password_hash, password):
            problems.append(f"不能与最近 {HISTORY_DEPTH} 次使用过的密码相同 (one of the last {HISTORY_DEPTH} passwords)")
    if problems:
        raise ValidationError("新密码不符合要求 (password rejected)", problems)


def store_password(u: Unit, user: UserAccount, password: str) -> None:
    """Set the hash and remember it in the history (the caller has checked the rules)."""
    user.password_hash = hash_password(password)
    u.session.add(PasswordHistory(user_id=user.id, password_hash=user.password_hash, changed_at=u.now))


def actor_for(user: UserAccount, seat: str) -> Actor:
    return Actor(user.username, user.display_name, user.role.value, user.id, user.department_id,
                 user.staff_id, seat=seat, must_change_password=user.must_change_password)


def _find(s: Session, username: str) -> UserAccount | None:
    if len(username) > 32 or "\x00" in username:  # cannot be a user name (and PostgreSQL refuses NUL)
        return None
    return s.scalar(select(UserAccount).where(UserAccount.username == username))


def _as(ctx: Context, username: str) -> Context:
    """The context acting as the person trying to sign in (for the audit record's 'who')."""
    return ctx.as_actor(Actor(username[:32] or "?", seat=ctx.actor.seat))


def sign_in(ctx: Context, username: str, password: str) -> Actor:
    """The signed-in Actor, or SignInFailed / AccountLocked / AccountDisabled (all audited)."""
    username = printable(username.strip())  # what no account name holds, and no record can, is replaced
    refusal: SignInFailed | None = None
    actor: Actor | None = None
    with _as(ctx, username).unit() as u:
        user = _find(u.session, username)
        now = u.now
        if user is None:
            password_matches(_DUMMY_HASH, password)
            u.audit("auth.signin_failed", "user_account", None, after={"username": username[:64], "reason": "unknown"})
            refusal = SignInFailed("用户名或密码错误 (wrong user name or password)")
        elif user.disabled:
            u.audit("auth.signin_refused", "user_account", user.id, after={"reason": "disabled"})
            refusal = AccountDisabled("该账户已停用，请联系管理员 (this account is disabled)")
        elif user.locked_until is not None and user.locked_until > now:
            left = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
            u.audit("auth.signin_refused", "user_account", user.id,
                    after={"reason": "locked", "locked_until": user.locked_until.isoformat()})
            refusal = AccountLocked(f"连续输错密码，账户已锁定，请 {left} 分钟后再试 "
                                    f"(account locked for {left} more minutes)")
        elif not password_matches(user.password_hash, password):
            user.failed_attempts += 1
            u.audit("auth.signin_failed", "user_account", user.id,
                    after={"reason": "password", "failed_attempts": user.failed_attempts})
            refusal = SignInFailed("用户名或密码错误 (wrong user name or password)")
            if user.failed_attempts >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_attempts = 0
                u.audit("auth.lockout", "user_account", user.id,
                        after={"locked_until": user.locked_until.isoformat(), "minutes": LOCK_MINUTES})
                refusal = AccountLocked(f"连续 {MAX_FAILURES} 次输错密码，账户已锁定 {LOCK_MINUTES} 分钟 "
                                        f"(account locked for {LOCK_MINUTES} minutes)")
            u.changed("user_account", user.id)
        else:
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.failed_attempts, user.locked_until = 0, None
            u.audit("auth.signin", "user_account", user.id,
                    after={"role": user.role.value, "must_change_password": user.must_change_password})
            u.changed("user_account", user.id)
            actor = actor_for(user, ctx.actor.seat)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


def change_password(ctx: Context, username: str, old_password: str, new_password: str) -> Actor:
    """The user changes their own password (knowing the old one); returns the refreshed Actor."""
    actor = sign_in(ctx, username, old_password)  # counts a wrong old password as a failure
    with _as(ctx, actor.username).unit() as u:
        user = u.session.get(UserAccount, actor.user_id)
        check_new_password(u.session, user, new_password)
        store_password(u, user, new_password)
        user.must_change_password = False
        u.audit("auth.password_change", "user_account", user.id, after={"by": "self"})
        u.changed("user_account", user.id)
    return replace(actor, must_change_password=False)


def sign_out(ctx: Context, reason: str = "user") -> None:
    """Recorded when a person signs out or the seat locks."""
    with ctx.unit() as u:
        u.audit("auth.signout", "user_account", ctx.actor.user_id, after={"reason": reason})


def verify_unlock(ctx: Context, password: str) -> Actor:
    """The idle-locked seat asks the same person for their password again (a sign-in)."""
    return sign_in(ctx, ctx.actor.username, password)
