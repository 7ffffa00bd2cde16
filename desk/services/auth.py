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
- Failures are counted with one atomic UPDATE each (``failed_attempts = failed_attempts + 1``),
  so simultaneous attempts from many seats are all counted, and the lockout falls on exactly
  the MAX_FAILURES-th; attempts that arrive once it is locked are refused (and audited).
"""
from __future__ import annotations

import functools

from dataclasses import replace
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, case, false, or_, select, update
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


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so both cases take the same time. Made on the
    first sign-in, before the account is looked up (not at import: every command would pay ~0.4 s)."""
    return HASHER.hash("desk-no-such-user-0000")

_T = UserAccount.__table__


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
    """The signed-in Actor, or SignInFailed / AccountLocked / AccountDisabled (all audited).

    The slow password check runs before the write transaction, against the hash read first; the
    counters then change in single atomic UPDATEs (never a read-modify-write of the row), so
    simultaneous attempts from many seats are each counted and audited exactly once.
    """
    username = printable(username.strip())  # what no account name holds, and no record can, is replaced
    dummy = _dummy_hash()  # known and unknown names alike pay for it on the first sign-in
    with ctx.read() as s:
        user = _find(s, username)
        seen = None if user is None else (user.id, user.password_hash, user.disabled, user.locked_until)
    now = ctx.clock.now()
    checked = matches = False
    if seen is None:
        password_matches(dummy, password)  # the same time as for a real account
    elif not seen[2] and not _locked(seen[3], now):
        checked, matches = True, password_matches(seen[1], password)
    with _as(ctx, username).unit() as u:
        if seen is None:
            u.audit("auth.signin_failed", "user_account", None, after={"username": username[:64], "reason": "unknown"})
            outcome: Actor | SignInFailed = _wrong()
        elif matches:
            outcome = _succeed(u, seen[0], seen[1], password, ctx.actor.seat, now)
        else:
            outcome = _closed(u, seen[0], now)
            if outcome is None and not checked and password_matches(seen[1], password):
                outcome = _succeed(u, seen[0], seen[1], password, ctx.actor.seat, now)  # unlocked meanwhile
            elif outcome is None:
                outcome = _count_failure(u, seen[0], now)
    if isinstance(outcome, SignInFailed):
        raise outcome
    return outcome


def _wrong() -> SignInFailed:
    return SignInFailed("用户名或密码错误 (wrong user name or password)")


def _locked(locked_until, now) -> bool:
    return locked_until is not None and locked_until > now


def _open_now(now):
    """The account may sign in or count a failure: enabled, and not locked at ``now``."""
    return and_(_T.c.disabled == false(), or_(_T.c.locked_until.is_(None), _T.c.locked_until <= now))


def _closed(u: Unit, user_id: int, now) -> SignInFailed | None:
    """The refusal (audited) if the account is disabled or locked at ``now``, else None."""
    row = u.session.execute(select(_T.c.disabled, _T.c.locked_until).where(_T.c.id == user_id)).one()
    if row.disabled:
        u.audit("auth.signin_refused", "user_account", user_id, after={"reason": "disabled"})
        return AccountDisabled("该账户已停用，请联系管理员 (this account is disabled)")
    if _locked(row.locked_until, now):
        left = max(1, int((row.locked_until - now).total_seconds() + 59) // 60)
        u.audit("auth.signin_refused", "user_account", user_id,
                after={"reason": "locked", "locked_until": row.locked_until.isoformat()})
        return AccountLocked(f"连续输错密码，账户已锁定，请 {left} 分钟后再试 (account locked for {left} more minutes)")
    return None


def _count_failure(u: Unit, user_id: int, now) -> SignInFailed:
    """One more failure, counted atomically; the failure that reaches MAX_FAILURES locks the account."""
    until = now + timedelta(minutes=LOCK_MINUTES)
    reaches = _T.c.failed_attempts + 1 >= MAX_FAILURES
    row = u.session.execute(
        update(_T).where(_T.c.id == user_id, _open_now(now))
        .values(failed_attempts=case((reaches, 0), else_=_T.c.failed_attempts + 1),
                locked_until=case((reaches, until), else_=_T.c.locked_until), version=_T.c.version + 1)
        .returning(_T.c.failed_attempts)).first()
    if row is None:  # disabled or locked by another seat since the password was checked
        refusal = _closed(u, user_id, now)
        if refusal is None:  # not expected: the row was just closed, yet reads open; still recorded
            u.audit("auth.signin_failed", "user_account", user_id, after={"reason": "password"})
        return refusal or _wrong()
    u.changed("user_account", user_id)
    locked = row.failed_attempts == 0
    u.audit("auth.signin_failed", "user_account", user_id,
            after={"reason": "password", "failed_attempts": MAX_FAILURES if locked else row.failed_attempts})
    if not locked:
        return _wrong()
    u.audit("auth.lockout", "user_account", user_id, after={"locked_until": until.isoformat(), "minutes": LOCK_MINUTES})
    return AccountLocked(f"连续 {MAX_FAILURES} 次输错密码，账户已锁定 {LOCK_MINUTES} 分钟 "
                         f"(account locked for {LOCK_MINUTES} minutes)")


def _succeed(u: Unit, user_id: int, checked_hash: str, password: str, seat: str, now) -> Actor | SignInFailed:
    """Clear the failures, provided the account is still open and its password is still the one checked."""
    new_hash = hash_password(password) if HASHER.check_needs_rehash(checked_hash) else checked_hash
    done = u.session.execute(
        update(_T).where(_T.c.id == user_id, _T.c.password_hash == checked_hash, _open_now(now))
        .values(failed_attempts=0, locked_until=None, password_hash=new_hash, version=_T.c.version + 1)
        .returning(_T.c.id)).first()
    if done is None:  # locked or disabled meanwhile, or the password was just changed: not a sign-in
        return _closed(u, user_id, now) or _count_failure(u, user_id, now)
    u.changed("user_account", user_id)
    user = u.session.get(UserAccount, user_id)
    u.audit("auth.signin", "user_account", user_id,
            after={"role": user.role.value, "must_change_password": user.must_change_password})
    return actor_for(user, seat)


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
