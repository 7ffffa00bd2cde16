"""desk selftest: the installer and CI ask it whether an installation works. One line per check,
exit 1 on any failure; it needs no sign-in and never touches the room's database."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, inspect

from desk.config import Settings
from desk.services import selfcheck

CHECK_NAMES = ["files", "data-key", "database", "demo-data", "translations", "font", "window-and-map", "pdf",
               "charts", "worker-errors"]


def selftest(tmp_path, *args, key: str | None = "keep"):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "XDG_"))}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox")
    if key == "keep":
        env["DESK_DATA_KEY"] = os.environ["DESK_DATA_KEY"]
    elif key is not None:
        env["DESK_DATA_KEY"] = key
    return subprocess.run([sys.executable, "-m", "desk", "selftest", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def lines_by_check(stdout: str) -> dict[str, str]:
    out = {}
    for line in stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("ok", "FAILED"):
            name = rest.strip().split(":", 1)[0]
            out[name] = word
    return out


def test_a_fresh_installation_passes_every_check_and_leaves_the_users_folder_as_it_was(tmp_path):
    done = selftest(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines_by_check(done.stdout) == {name: "ok" for name in CHECK_NAMES}
    log = tmp_path / "data" / "desk" / "logs" / "desk.log"
    assert f"日志文件 (log file): {log}" in done.stdout
    assert "自检通过" in done.stdout and "Traceback" not in done.stdout
    made = sorted(p.relative_to(tmp_path / "data" / "desk").as_posix()
                  for p in (tmp_path / "data" / "desk").rglob("*") if p.is_file())
    assert all(p.startswith("logs/") for p in made), made  # no desk.db, no desk.key made by a check
    assert "selftest-provoked-" in log.read_text(encoding="utf-8")  # the provoked worker failure


def test_on_postgresql_a_broken_key_fails_its_line_the_others_still_run_and_the_room_database_is_untouched(
        tmp_path, pg_empty_url):
    done = selftest(tmp_path, "--db", pg_empty_url, key="not-a-key")
    assert done.returncode == 1
    checks = lines_by_check(done.stdout)
    assert checks["data-key"] == "FAILED"
    assert checks["database"] == "ok" and checks["window-and-map"] == "ok"
    assert "PostgreSQL" in done.stdout and "自检未通过" in done.stdout
    engine = create_engine(pg_empty_url)
    try:
        assert inspect(engine).get_table_names() == []  # the configured database was not written
        with engine.connect() as c:
            left = [n for (n,) in c.exec_driver_sql("SELECT datname FROM pg_database") if n.startswith("desk_selftest_")]
    finally:
        engine.dispose()
    assert left == []  # the scratch database was dropped


def test_a_missing_data_file_is_named_in_its_failed_line(monkeypatch):
    monkeypatch.setattr(selfcheck, "REQUIRED_FILES", [*selfcheck.REQUIRED_FILES, ("web", "leaflet", "gone.js")])
    outcome = selfcheck.run_check("files", selfcheck.check_files)
    assert not outcome.ok
    assert outcome.line().startswith("FAILED files:") and "web/leaflet/gone.js" in outcome.line()


def test_a_missing_key_on_one_pc_is_made_later_but_on_a_shared_server_it_fails(tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_DATA_KEY")
    settings = Settings(extra={"key_file": str(tmp_path / "desk.key")})
    detail, _cipher = selfcheck.check_data_key(settings, shared_engine=False)
    assert "首次启动时生成" in detail and not (tmp_path / "desk.key").exists()
    with pytest.raises(selfcheck.CheckFailed, match="desk.key"):
        selfcheck.check_data_key(settings, shared_engine=True)


def test_a_server_account_that_may_not_create_databases_is_checked_with_a_temporary_table(tmp_path, pg_empty_url):
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_empty_url, isolation_level="AUTOCOMMIT")
    role = f"desk_nocreate_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN NOCREATEDB')
    try:
        url = make_url(pg_empty_url).set(username=role, password=None).render_as_string(hide_password=False)
        with selfcheck.scratch_database(url, tmp_path) as scratch:
            assert scratch.engine_name == "SQLite"
            assert "临时表" in scratch.note and "PostgreSQL" in scratch.note
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()
    engine = create_engine(pg_empty_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
