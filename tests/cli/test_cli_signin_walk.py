"""Every subcommand argparse knows, walked on a database that has accounts: without a valid
sign-in (no user; a wrong password; a locked account; a disabled account) it is refused with
exit code 2 and writes nothing, and a signed-in person without the right is refused the same way.

The commands are generated from ``desk.cli.build_parser()`` (recursively), so a new command is
walked without anyone listing it; each is called plain and with all its switches on, with generic
values (the first choice, a number, an existing small file for every file argument). What "writes
nothing" allows, decided here and documented in docs/SECURITY.md: a refusal may add only its own
audit records -- a wrong password: ``auth.signin_failed`` (and the account's failure counter); a
locked or disabled account: ``auth.signin_refused``; no user name at all: nothing; a signed-in
person without the right: ``auth.signin`` and ``auth.denied`` -- plus the audit chain's head and the
change-feed rows of the account those belong to. Every other table, and every file, stays as it was.

On a database with NO account at all, commands act as the system (the bootstrap: the first
administrator, `desk demo` / `desk import` into a new database): tests/cli/test_security_cli.py.
"""
from __future__ import annotations

import io
import shutil
import uuid

import pytest
from argon2 import PasswordHasher

from desk.cli import main
from desk.config import Settings
from desk.db import Database
from desk.models import ChangeRecord
from desk.services import accounts, auth, datakey
from desk.services.context import Context
from desk.services.divisions import import_divisions
from desk.resources import path as resource
from tests.cli.walk_support import changes, dump, files, variants
from tests.conftest import _PG, _need_pg

PW = "Walk-Pass-2026"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

# The commands that are legitimately open on a database with accounts: variant id → (exit code, why).
# They are walked too: whoever calls them, they exit with that code and write nothing at all.
# (`desk --version` and `--help` are no subcommands and open no database: tests/cli/test_cli.py;
# `desk` alone opens the window, which signs in first.)
OPEN = {
    "db upgrade": (0, "brings only the schema to this program's version, as every command and the window do on "
                      "opening; on PostgreSQL only the owner's connection may alter tables"),
    "db status": (0, "shows only the schema version"),
    "db app-role": (0, "without --apply it only prints the SQL; it opens no database"),
    "audit verify": (0, "shows only whether the hash chain holds and the first bad record's number, no content"),
    "demo --if-empty --accounts": (0, "the setup step of run.sh: on a filled database it changes nothing"),
    "selftest": (0, "checks this PC's installation on a scratch database of the configured engine; reads and "
                    "changes no business data (the installer runs it before anyone has an account)"),
    "restore": (1, "only into an EMPTY database: a database with accounts is refused as not empty, before "
                   "the backup file is read"),
}
# What the auditor (the role with the fewest rights) may do: the walk's 'no right' mode skips these.
AUDITOR_MAY = {"audit list", "audit export", "audit anchor", "db check", "user passwd"}

# The modes of the walk: who tries, with which password, and which audit actions that refusal may leave.
MODES = {
    "no user": (None, None, set()),
    "wrong password": ("clerk", "Not-The-Password-1", {"auth.signin_failed"}),
    "locked account": ("locked1", PW, {"auth.signin_refused"}),
    "disabled account": ("gone1", PW, {"auth.signin_refused"}),
    "no right": ("auditor1", PW, {"auth.signin", "auth.denied"}),
}
VARIANTS = variants()
COMMANDS: dict[str, list] = {}
for _v in VARIANTS:
    COMMANDS.setdefault(_v.command, []).append(_v)


def _seed(url: str) -> None:
    """A street's communities, an administrator, a clerk, a locked, a disabled account and an auditor."""
    db = Database(url)
    ctx = Context(db=db, settings=Settings())  # the real clock: the CLI locks by it
    saved, auth.HASHER = auth.HASHER, CHEAP
    try:
        import_divisions(ctx, resource("reference", "divisions-410481004.csv"))
        for name, role in (("admin", "security_admin"), ("clerk", "duty_staff"), ("locked1", "duty_staff"),
                           ("gone1", "duty_staff"), ("auditor1", "audit_admin")):
            accounts.add_user(ctx, name, "", role, "Temp-Pass-0001")  # the system acts while setting up
            if name != "admin":
                auth.change_password(ctx, name, "Temp-Pass-0001", PW)
        for _ in range(auth.MAX_FAILURES):
            with pytest.raises(auth.SignInFailed):
                auth.sign_in(ctx, "locked1", "wrong")
        accounts.set_disabled(ctx, "gone1", True)
        datakey.start(ctx)  # the key's check value, as the first start of the program registers it
    finally:
        auth.HASHER = saved
        db.dispose()


@pytest.fixture(scope="module")
def seeded_sqlite(sqlite_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("walk") / "seeded.db"
    shutil.copy(sqlite_template, path)
    _seed(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="module")
def seeded_pg():
    _need_pg()
    name = _PG.create()
    _seed(_PG.url_for(name))
    yield name
    _PG.drop(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def walk_db(request, tmp_path):
    """A fresh copy of the seeded database for each command."""
    if request.param == "sqlite":
        target = tmp_path / "walk.db"
        shutil.copy(request.getfixturevalue("seeded_sqlite"), target)
        yield f"sqlite:///{target}"
        return
    template = request.getfixturevalue("seeded_pg")
    name = f"desk_w_{uuid.uuid4().hex[:12]}"
    with _PG.engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _PG.url_for(name)
    finally:
        _PG.drop(name)


@pytest.fixture
def call(tmp_path, monkeypatch):
    """Runs `desk ...` in this process as a given user with a given password; the folder of its
    files (one small existing file for every file argument) is returned too."""
    folder = tmp_path / "files"
    folder.mkdir()
    existing = folder / "walk-input.csv"
    existing.write_text("code,name\n410481004001,院岭社区\n", encoding="utf-8")
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.setattr(auth, "HASHER", CHEAP)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "Walk-New-Pass-01")  # never a real prompt

    def _call(variant, url, username, password):
        if password is None:
            monkeypatch.delenv("DESK_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("DESK_PASSWORD", password)
        monkeypatch.setattr("sys.stdin", io.StringIO("Walk-New-Pass-01\n"))
        argv = variant.argv(existing) + ["--db", url] + (["--user", username] if username else [])
        try:
            return main(argv)
        except SystemExit as exc:  # argparse refused the generic values: the walk must learn the new kind
            pytest.fail(f"argparse refused {argv} ({exc.code}): give walk_support._value a value for it")

    _call.folder = folder
    return _call


def _unexpected(diff) -> list:
    """The changes the refusals may not have made (see the module's docstring)."""
    allowed = {(user, action) for user, _pw, actions in MODES.values() for action in actions}
    users = {user for user, _pw, _a in MODES.values() if user}
    bad, account_ids = [], set()
    for name, key, before, after in diff:
        if name == "audit_log" and before is None and (after["actor"], after["action"]) in allowed:
            account_ids.add(str(after["entity_id"]))
        elif name == "audit_head" and before is not None and after is not None:
            pass  # the chain's head moves with the records above
        elif name == "user_account" and before is not None and after is not None and before["username"] in users \
                and {k for k in before if before[k] != after[k]} <= {"failed_attempts", "locked_until", "version"}:
            pass  # the failure counter of the account tried
        else:
            bad.append((name, key, before, after))
    # the change feed may name only the accounts the refusals concern
    return [c for c in bad if not (c[0] == ChangeRecord.__tablename__ and c[2] is None
                                   and c[3]["table_name"] == "user_account" and c[3]["row_id"] in account_ids)]


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_every_command_is_refused_without_a_valid_sign_in_and_writes_nothing(command, walk_db, call, capsys):
    before, before_files = dump(walk_db), files(call.folder)
    for variant in COMMANDS[command]:  # plain, then with all its switches on
        for mode, (username, password, _actions) in MODES.items():
            if mode == "no right" and command in AUDITOR_MAY:
                continue
            code = call(variant, walk_db, username, password)
            err = capsys.readouterr().err
            assert files(call.folder) == before_files, f"{variant.id} ({mode}) changed or left a file"
            if variant.id in OPEN:
                assert code == OPEN[variant.id][0], f"{variant.id} ({mode}): exit {code}: {err}"
            else:
                assert code == 2, f"{variant.id} ({mode}) was not refused: exit {code}: {err}"
                assert err.strip(), f"{variant.id} ({mode}) was refused without a word"
    diff = changes(before, dump(walk_db))
    if all(v.id in OPEN for v in COMMANDS[command]):
        assert diff == [], f"open command {command} wrote to the database"
        return
    assert _unexpected(diff) == [], f"{command} wrote more than its refusals"
    if command not in AUDITOR_MAY:  # and the refusals were recorded under the names tried
        tried = {(r["actor"], r["action"]) for t, _k, b, r in diff if t == "audit_log" and b is None}
        assert tried == {(u, a) for u, _pw, acts in MODES.values() for a in acts}, command


def test_the_open_list_names_only_commands_that_exist():
    assert set(OPEN) <= {v.id for v in VARIANTS}
    assert AUDITOR_MAY <= set(COMMANDS)


def test_a_refused_wrong_password_is_recorded_under_the_name_tried_and_counts_towards_the_lockout(walk_db, call,
                                                                                                   capsys):
    figures = next(v for v in VARIANTS if v.id == "figures")
    before = dump(walk_db)
    for _ in range(auth.MAX_FAILURES):
        assert call(figures, walk_db, "clerk", "Not-The-Password-1") == 2
    assert call(figures, walk_db, "clerk", PW) == 2  # the right password, too late: locked
    assert "锁定" in capsys.readouterr().err
    added = [r for (t, _k, b, r) in changes(before, dump(walk_db))
             if t == "audit_log" and b is None and r["action"].startswith("auth.")]  # PostgreSQL's own: db.*
    assert [r["action"] for r in added] == ["auth.signin_failed"] * 4 + ["auth.signin_failed", "auth.lockout",
                                                                          "auth.signin_refused"]
    assert {r["actor"] for r in added} == {"clerk"}
