"""`desk audit anchor`, `desk audit verify --anchors`, `desk db check|upgrade` and the guards,
`desk backup` of a broken chain: from the command line, as the people who run them."""
from __future__ import annotations

import sqlite3

from desk.cli import main
from tests.cli.test_security_cli import ADMIN_PW, first_admin, run  # noqa: F401 - the fixture

AUDIT_PW = "Audit-Pass-0042"
OPS_PW = "Ops-Admin-0042"


def person(run, name, role, password):
    run("user", "add", name, "--role", role, "--password-stdin", "--user", "admin",
        password=ADMIN_PW, stdin="Temp-Pass-001\n")
    run("user", "passwd", "--user", name, "--password-stdin", password="Temp-Pass-001", stdin=password + "\n")


def insider(path, *statements):
    """Whoever holds the SQLite file: drops the guards and does as they like."""
    con = sqlite3.connect(path)
    for name, in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    for stmt in statements:
        con.execute(stmt)
    con.commit()
    con.close()


def test_the_auditor_writes_an_anchor_and_others_may_not(run, capsys, tmp_path):
    first_admin(run)
    person(run, "audit1", "audit_admin", AUDIT_PW)
    folder = tmp_path / "anchors"
    capsys.readouterr()
    assert run("audit", "anchor", "--dir", str(folder)) != 0  # accounts exist: who is it?
    assert run("audit", "anchor", "--dir", str(folder), "--user", "admin", password=ADMIN_PW) != 0
    assert "无权" in capsys.readouterr().err
    assert not folder.exists() or not list(folder.iterdir())
    assert run("audit", "anchor", "--dir", str(folder), "--user", "audit1", password=AUDIT_PW) == 0
    assert "已写出锚点" in capsys.readouterr().out
    assert len(list(folder.glob("anchor-*.json"))) == 1
    assert run("audit", "verify", "--anchors", str(folder)) == 0
    assert "锚点核对通过" in capsys.readouterr().out


def test_verify_with_anchors_names_the_anchor_a_cut_tail_no_longer_holds(run, capsys, tmp_path):
    first_admin(run)
    person(run, "audit1", "audit_admin", AUDIT_PW)
    folder = tmp_path / "anchors"
    run("audit", "anchor", "--dir", str(folder), "--user", "audit1", password=AUDIT_PW)
    keep = sqlite3.connect(run.path).execute("SELECT max(id), hash FROM audit_log").fetchone()
    for _ in range(3):
        run("user", "list", "--user", "admin", password=ADMIN_PW)
    run("audit", "anchor", "--dir", str(folder), "--user", "audit1", password=AUDIT_PW)
    late = max(folder.glob("*.json"), key=lambda p: int(p.stem.split("-")[-1]))
    insider(run.path, f"DELETE FROM audit_log WHERE id > {keep[0]}",
            f"UPDATE audit_head SET last_id = {keep[0]}, last_hash = '{keep[1]}'")
    capsys.readouterr()
    assert run("audit", "verify") == 0  # the chain alone cannot tell
    assert run("audit", "verify", "--anchors", str(folder)) == 2
    out = capsys.readouterr().out
    assert late.name in out and "已不在链中" in out


def test_db_check_names_a_dropped_guard_and_db_upgrade_puts_it_back(run, capsys):
    first_admin(run)
    con = sqlite3.connect(run.path)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.commit()
    con.close()
    capsys.readouterr()
    assert run("db", "check") == 2
    assert "audit_log_no_delete" in capsys.readouterr().out
    assert run("db", "upgrade") == 0
    assert "已恢复审计保护" in capsys.readouterr().out
    assert run("db", "check") == 0
    assert run("db", "upgrade") == 0
    assert "已恢复" not in capsys.readouterr().out  # nothing to put back twice


def test_a_backup_of_a_broken_chain_says_so_and_exits_2(run, capsys, tmp_path):
    first_admin(run)
    person(run, "ops1", "system_admin", OPS_PW)
    insider(run.path, "UPDATE audit_log SET actor = 'someone' WHERE id = 2")
    capsys.readouterr()
    out = tmp_path / "nightly.db"
    assert run("backup", "--out", str(out), "--user", "ops1", password=OPS_PW) == 2
    printed = capsys.readouterr().out
    assert out.exists() and "未校验" in printed and "已校验" not in printed and "记录 2" in printed
    assert main(["restore", str(out), "--db", str(tmp_path / "restored.db")]) == 1  # and it will not restore
