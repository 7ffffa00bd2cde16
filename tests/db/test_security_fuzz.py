"""Bad input, fuzzed: imports and search filters take SQL-injection-looking strings, control
characters, emoji, mixed scripts and very long text without crashing; what is stored reads back
intact, and what cannot be stored is refused with a clear message."""
from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desk.models import Community
from desk.services import audit_log, auth
from desk.services.divisions import import_divisions, short_name
from desk.services.errors import DeskError, ValidationError
from desk.services.unit import Actor

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NASTY = ["'; DROP TABLE community; --", "\" OR 1=1 --", "%", "_", "\\", "社区😀\u200b", "a\tb", "x\x00y",
         "\u202eevil", "Ω≈ç√", "🏳️‍🌈" * 20, "名" * 300]
texts = st.one_of(st.sampled_from(NASTY), st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
_counter = itertools.count()


def csv_file(tmp_path, rows) -> "Path":
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["code", "name"])
    w.writerows(rows)
    path = tmp_path / f"div{next(_counter)}.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@FUZZ
@given(names=st.lists(texts, min_size=1, max_size=3))
def test_any_community_name_is_stored_intact_or_refused_clearly(ctx, tmp_path, names):
    rows = [["410481999", "模糊测试街道"]] + [[f"410481999{i + 1:03d}", n] for i, n in enumerate(names)]
    try:
        import_divisions(ctx, csv_file(tmp_path, rows))
    except ValidationError as exc:
        assert exc.problems or "CSV" in str(exc)
        return
    with ctx.read() as s:
        stored = dict(s.execute(select(Community.code, Community.name)
                                .where(Community.code.like("410481999%"))).all())
    for i, n in enumerate(names):
        assert stored[f"410481999{i + 1:03d}"] == short_name(n.strip())


@FUZZ
@given(code=texts, name=texts)
def test_any_junk_in_a_divisions_file_gives_a_clear_message_never_a_crash(ctx, tmp_path, code, name):
    try:
        import_divisions(ctx, csv_file(tmp_path, [[code, name]]), street_code="410481998")
    except DeskError:
        pass


@FUZZ
@given(needle=texts)
def test_audit_search_treats_any_text_literally(ctx, needle):
    with ctx.unit() as u:
        u.audit("fuzz.note", "note", None, after={"text": needle})
    auditor = ctx.as_actor(Actor("aud", role="audit_admin"))
    everything = audit_log.list_records(auditor, audit_log.AuditFilter(limit=100_000))
    found = audit_log.list_records(auditor, audit_log.AuditFilter(text=needle, limit=100_000))
    if not needle:
        expected = [r.id for r in everything]  # no text: no filter
    else:
        expected = [r.id for r in everything if "\x00" not in needle
                    and (needle in r.entity_id or needle in r.before or needle in r.after)]
    assert [r.id for r in found] == expected
    by_actor = audit_log.list_records(auditor, audit_log.AuditFilter(actor=needle, limit=100_000))
    assert [r.id for r in by_actor] == [r.id for r in everything if not needle or r.actor == needle]


@FUZZ
@given(username=texts, password=texts)
def test_signing_in_with_any_text_is_refused_cleanly_and_audited(ctx, monkeypatch, username, password):
    from argon2 import PasswordHasher
    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "HASHER", quick)
    dummy = quick.hash("x")
    monkeypatch.setattr(auth, "_dummy_hash", lambda: dummy)
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx, username, password)
    assert audit_log.verify(ctx).ok


@FUZZ
@given(username=texts, display_name=texts)
def test_any_text_in_the_new_account_form_is_stored_intact_or_refused_clearly(ctx, monkeypatch, username,
                                                                              display_name):
    from argon2 import PasswordHasher

    from desk.services import accounts
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    try:
        row = accounts.add_user(ctx, username, display_name, "duty_staff", "Fuzz-Pass-0001!")
    except ValidationError:
        return
    assert row.username == username.strip()
    assert row.display_name == (display_name.strip() or username.strip())
    stored = {r.username: r.display_name for r in accounts.list_users(ctx)}
    assert stored[row.username] == row.display_name
