"""`desk user` and `desk audit` from the command line: the first administrator, signing in, refusals."""
from __future__ import annotations

import io
import sqlite3

import pytest

from desk.cli import main

ADMIN_PW = "Yuanling-2026"


@pytest.fixture
def run(tmp_path, monkeypatch, sqlite_template):
    import shutil
    path = tmp_path / "desk.db"
    shutil.copy(sqlite_template, path)
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.delenv("DESK_PASSWORD", raising=False)

    def _run(*argv, password=None, stdin=""):
        if password is None:
            monkeypatch.delenv("DESK_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("DESK_PASSWORD", password)
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return main([*argv, "--db", str(path)])
    _run.path = path
    return _run


def first_admin(run):
    assert run("user", "add", "admin", "--role", "security_admin", "--password-stdin", stdin=ADMIN_PW + "\n") == 0


def test_the_first_administrator_is_made_without_signing_in_and_then_signs_in(run, capsys):
    first_admin(run)
    assert "已新建账户 admin" in capsys.readouterr().out
    assert run("user", "add", "duty1", "--role", "duty_staff", "--password-stdin", stdin="Temp-Pass-001\n") == 2
    assert "请登录" in capsys.readouterr().err
    assert run("user", "add", "duty1", "--role", "duty_staff", "--password-stdin", "--user", "admin",
               password=ADMIN_PW, stdin="Temp-Pass-001\n") == 0
    assert run("user", "list", "--user", "admin", password=ADMIN_PW) == 0
    out = capsys.readouterr().out
    assert "duty1" in out and "须改密码" in out and ADMIN_PW not in out


def test_an_account_that_must_change_its_password_can_only_change_it(run, capsys):
    first_admin(run)
    run("user", "add", "duty1", "--role", "duty_staff", "--password-stdin", "--user", "admin",
        password=ADMIN_PW, stdin="Temp-Pass-001\n")
    assert run("import", "divisions", "x.csv", "--user", "duty1", password="Temp-Pass-001") == 2
    assert "修改初始密码" in capsys.readouterr().err
    assert run("user", "passwd", "--user", "duty1", "--password-stdin", password="Temp-Pass-001",
               stdin="Night-Shift-77\n") == 0
    assert run("user", "list", "--user", "duty1", password="Night-Shift-77") == 2  # signed in, but no right
    assert "无权" in capsys.readouterr().err


def test_a_locked_or_disabled_account_cannot_act_from_the_command_line(run, capsys):
    first_admin(run)
    run("user", "add", "ops1", "--role", "system_admin", "--password-stdin", "--user", "admin",
        password=ADMIN_PW, stdin="Temp-Pass-001\n")
    run("user", "passwd", "--user", "ops1", "--password-stdin", password="Temp-Pass-001", stdin="Ops-Admin-0042\n")
    for _ in range(5):
        assert run("user", "list", "--user", "ops1", password="wrong") == 2
    capsys.readouterr()
    assert run("user", "list", "--user", "ops1", password="Ops-Admin-0042") == 2
    assert "锁定" in capsys.readouterr().err
    assert run("user", "unlock", "ops1", "--user", "admin", password=ADMIN_PW) == 0
    assert run("user", "list", "--user", "ops1", password="Ops-Admin-0042") == 0
    assert run("user", "disable", "ops1", "--user", "admin", password=ADMIN_PW) == 0
    capsys.readouterr()
    assert run("user", "list", "--user", "ops1", password="Ops-Admin-0042") == 2
    assert "停用" in capsys.readouterr().err


def test_audit_verify_names_the_row_edited_by_hand(run, capsys):
    first_admin(run)
    for _ in range(3):
        run("user", "list", "--user", "admin", password=ADMIN_PW)
    assert run("audit", "verify") == 0
    assert "哈希链校验通过" in capsys.readouterr().out
    con = sqlite3.connect(run.path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    con.commit()
    con.close()
    assert run("audit", "verify") == 2
    assert "编号 3" in capsys.readouterr().out


def test_the_auditor_lists_and_exports_the_log_and_the_account_admin_cannot(run, capsys, tmp_path):
    first_admin(run)
    run("user", "add", "audit1", "--role", "audit_admin", "--password-stdin", "--user", "admin",
        password=ADMIN_PW, stdin="Temp-Pass-001\n")
    run("user", "passwd", "--user", "audit1", "--password-stdin", password="Temp-Pass-001", stdin="Audit-Pass-0042\n")
    capsys.readouterr()
    assert run("audit", "list", "--user", "admin", password=ADMIN_PW) == 2
    assert "无权" in capsys.readouterr().err  # and the refusal is itself recorded:
    assert run("audit", "list", "--action", "auth.", "--user", "audit1", password="Audit-Pass-0042") == 0
    assert "auth.signin" in capsys.readouterr().out
    out = tmp_path / "audit.csv"
    assert run("audit", "export", "--out", str(out), "--user", "audit1", password="Audit-Pass-0042") == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("编号,时间,操作人") and "user.add" in text
    assert run("audit", "list", "--action", "data.export", "--user", "audit1", password="Audit-Pass-0042") == 0
    assert "audit_log" in capsys.readouterr().out
    assert run("audit", "list", "--action", "auth.denied", "--user", "audit1", password="Audit-Pass-0042") == 0
    out = capsys.readouterr().out
    assert "admin" in out and "audit.read" in out


def test_backup_and_restore_from_the_command_line(run, capsys, tmp_path):
    first_admin(run)
    out = tmp_path / "nightly.db"
    assert run("backup", "--out", str(out)) == 2  # accounts exist: who is backing up?
    run("user", "add", "ops1", "--role", "system_admin", "--password-stdin", "--user", "admin",
        password=ADMIN_PW, stdin="Temp-Pass-001\n")
    run("user", "passwd", "--user", "ops1", "--password-stdin", password="Temp-Pass-001", stdin="Ops-Admin-0042\n")
    capsys.readouterr()
    assert run("backup", "--out", str(out), "--user", "ops1", password="Ops-Admin-0042") == 0
    assert "已校验" in capsys.readouterr().out
    restored = tmp_path / "restored.db"
    assert main(["restore", str(out), "--db", str(restored)]) == 0
    assert "行数一致" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", str(restored)]) == 0
    assert main(["restore", str(out), "--db", str(restored)]) == 1  # not empty any more


def test_the_first_account_must_be_the_security_administrator(run, capsys):
    assert run("user", "add", "duty1", "--role", "duty_staff", "--password-stdin", stdin="Temp-Pass-001\n") == 1
    assert "安全管理员" in capsys.readouterr().err
    first_admin(run)


def test_db_check_reports_a_consistent_database_and_a_broken_one(run, capsys):
    first_admin(run)
    assert run("db", "check") == 2  # it names accounts: an administrator signs in
    assert run("db", "check", "--user", "admin", password=ADMIN_PW) == 0
    assert "一致" in capsys.readouterr().out
    con = sqlite3.connect(run.path)
    con.execute("DELETE FROM password_history")
    con.commit()
    con.close()
    assert run("db", "check", "--user", "admin", password=ADMIN_PW) == 2
    assert "admin" in capsys.readouterr().out


def test_a_plain_demo_stays_open_to_scripts_and_a_demo_with_accounts_asks_who_acts(run, capsys, tmp_path,
                                                                                       monkeypatch):
    assert run("demo", "--households", "1000", "--days", "1") == 0
    assert run("import", "divisions", "missing.csv") == 1  # acts as the system: gets as far as the file
    assert "找不到文件" in capsys.readouterr().err
    other = tmp_path / "with-accounts.db"
    assert main(["demo", "--households", "1000", "--days", "1", "--accounts", "--db", str(other)]) == 0
    assert "Demo-Pass-2026" in capsys.readouterr().out
    assert main(["import", "divisions", "missing.csv", "--db", str(other)]) == 2
    assert "请登录" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "Demo-Pass-2026")
    assert main(["user", "list", "--db", str(other), "--user", "admin"]) == 0
    assert "共 7 个账户" in capsys.readouterr().out


def test_a_new_streets_staff_are_imported_and_a_grid_workers_account_is_tied_to_them(run, capsys, tmp_path):
    from openpyxl import Workbook

    divisions = tmp_path / "区划.csv"
    divisions.write_text("code,name\n410481001,垭口街道\n410481001001,鑫源社区居民委员会\n", encoding="utf-8")
    assert run("import", "divisions", str(divisions)) == 0
    wb = Workbook()
    wb.active.append(["姓名", "职务", "所属社区", "联系电话"])
    wb.active.append(["苏梅", "专职网格员", "鑫源社区", "13903751235"])
    wb.active.append(["苏梅", "专职网格员", "鑫源社区", "13903751235"])
    wb.save(tmp_path / "花名册.xlsx")
    assert run("import", "staff", str(tmp_path / "花名册.xlsx")) == 1        # line 3 repeats line 2: nothing written
    assert "第3行 [姓名] 与第2行为同一人" in capsys.readouterr().out
    assert run("import", "staff", str(tmp_path / "花名册.xlsx"), "--skip-bad") == 0
    first_admin(run)
    assert run("user", "add", "sumei", "--role", "grid_staff", "--staff", "鑫源社区/苏梅", "--password-stdin",
               "--user", "admin", password=ADMIN_PW, stdin="Temp-Pass-001\n") == 0
    assert run("user", "add", "nobody", "--role", "grid_staff", "--staff", "李四", "--password-stdin",
               "--user", "admin", password=ADMIN_PW, stdin="Temp-Pass-001\n") == 1
    assert "没有名为 李四 的工作人员" in capsys.readouterr().err
    with sqlite3.connect(run.path) as db:
        assert db.execute("select s.name from user_account u join staff s on s.id = u.staff_id "
                          "where u.username = 'sumei'").fetchone() == ("苏梅",)
