"""The command line: one or two readable lines on success; a plain message and a non-zero
exit on a user's mistake, never a traceback."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True, env=env, timeout=120)


def test_demo_then_status_on_a_new_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    r = run("demo", "--db", url, "--seed", "3", "--households", "4000")
    assert r.returncode == 0, r.stderr
    assert "院岭街道" in r.stdout and "4000 户" in r.stdout and len(r.stdout.strip().splitlines()) <= 2
    s = run("db", "status", "--db", url)
    assert s.returncode == 0 and "最新" in s.stdout


def test_desk_db_environment_variable_is_used_when_no_db_option_is_given(tmp_path):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    r = run("db", "upgrade", env_extra={"DESK_DB": url})
    assert r.returncode == 0 and "env.db" in r.stdout


def test_a_broken_division_file_exits_non_zero_naming_the_line_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name\n410481004,院岭街道\n41048100400,短\n", encoding="utf-8")
    r = run("import", "divisions", str(bad), "--db", f"sqlite:///{tmp_path / 'y.db'}")
    assert r.returncode == 1
    assert "line 3" in r.stderr and "Traceback" not in r.stderr


def test_a_missing_file_and_a_wrong_street_code_are_plain_errors(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'z.db'}"
    assert main(["import", "divisions", str(tmp_path / "nope.csv"), "--db", db]) == 1
    assert "file not found" in capsys.readouterr().err
    f = tmp_path / "d.csv"
    f.write_text("code,name\n410481004,院岭街道\n", encoding="utf-8")
    assert main(["import", "divisions", str(f), "--street", "4104", "--db", db]) == 1
    assert "--street" in capsys.readouterr().err


def test_an_unreachable_database_is_a_clear_error(tmp_path, capsys):
    code = main(["db", "status", "--db", f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}"])
    assert code == 1
    assert "无法打开数据库" in capsys.readouterr().err


def test_an_unreachable_postgresql_server_is_a_clear_error(capsys):
    code = main(["db", "status", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2"])
    assert code == 1
    assert "数据库不可用" in capsys.readouterr().err


def test_every_subcommand_accepts_db():
    from desk.cli import build_parser

    parser = build_parser()
    for argv in (["db", "upgrade"], ["db", "status"], ["demo"], ["import", "divisions", "f.csv"]):
        args = parser.parse_args([*argv, "--db", "sqlite:///q.db"])
        assert args.db == "sqlite:///q.db"


@pytest.mark.parametrize("argv", [["--version"], ["demo", "--help"]])
def test_help_and_version_exit_cleanly(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0


def test_the_setup_demo_step_runs_again_without_a_sign_in_and_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'again.db'}"
    first = run("demo", "--db", url, "--households", "2000", "--days", "5", "--if-empty", "--accounts")
    assert first.returncode == 0, first.stderr
    assert "演示账户" in first.stdout
    second = run("demo", "--db", url, "--if-empty", "--accounts")
    assert second.returncode == 0, second.stderr
    assert "未生成演示数据" in second.stdout and "演示账户" not in second.stdout
