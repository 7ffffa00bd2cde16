"""No input makes the command line print a traceback (security issue, part 5): each case seen in
the assessment as its own test, the last line of defence in ``desk.cli.main``, and a few real
subprocesses. The commands run as an administrator types them; every refusal is one plain
message, a non-zero exit, and changes nothing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desk.cli import main
from desk.models import AuditRecord

ROOT = Path(__file__).resolve().parents[2]
DIVISIONS = ROOT / "desk" / "resources" / "reference" / "divisions-410481004.csv"


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """The user data folder (log file, key) and the settings file live in the test's own folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "config" / "settings.json"))
    monkeypatch.delenv("DESK_DB", raising=False)


@pytest.fixture
def street_db(tmp_path, sqlite_template, capsys) -> str:
    """A fresh SQLite database with the demo street's communities (no accounts: the system acts)."""
    target = tmp_path / "street.db"
    shutil.copy(sqlite_template, target)
    url = f"sqlite:///{target}"
    assert main(["import", "divisions", str(DIVISIONS), "--db", url]) == 0
    capsys.readouterr()
    return url


def audit_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return c.execute(select(func.count()).select_from(AuditRecord)).scalar_one()
    finally:
        engine.dispose()


def refused(argv: list[str], capsys) -> str:
    """Runs ``desk argv``; asserts a plain refusal (non-zero, no traceback, not the catch-all); its stderr."""
    code = main(argv)
    err = capsys.readouterr().err
    assert code not in (0, None), err
    assert "Traceback" not in err and "内部错误" not in err, err
    assert err.strip(), "a refusal says why"
    return err


def test_importing_events_from_a_csv_with_a_million_character_cell_names_the_line(street_db, tmp_path, capsys):
    path = tmp_path / "hotline.csv"
    path.write_text("工单编号,诉求内容\nA1,路灯不亮\nA2," + "长" * 1_000_000 + "\n", encoding="utf-8")
    before = audit_count(street_db)
    err = refused(["import", "events", str(path), "--db", street_db], capsys)
    assert "第3行" in err and "单元格" in err
    assert audit_count(street_db) == before


@pytest.mark.parametrize("argv", [
    ["import", "events", "{dir}"], ["import", "divisions", "{dir}"], ["import", "grids", "{dir}"],
    ["import", "beats", "{dir}"], ["restore", "{dir}"],
])
def test_a_folder_given_as_the_file_to_read_is_a_plain_message(street_db, tmp_path, capsys, argv):
    folder = tmp_path / "exports"
    folder.mkdir()
    db = street_db if argv[0] != "restore" else f"sqlite:///{tmp_path / 'empty-target.db'}"
    err = refused([a.replace("{dir}", str(folder)) for a in argv] + ["--db", db], capsys)
    assert "是文件夹" in err


@pytest.mark.parametrize("argv", [
    ["geo", "export", "grids", "{dir}"], ["backup", "--out", "{dir}"], ["audit", "export", "--out", "{dir}"],
])
def test_a_folder_given_as_the_file_to_write_is_a_plain_message(street_db, tmp_path, capsys, argv, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    from desk.services import permissions
    monkeypatch.setattr(permissions, "allowed", lambda actor, permission: True)  # the system may export here
    err = refused([a.replace("{dir}", str(folder)) for a in argv] + ["--db", street_db], capsys)
    assert "是文件夹" in err
    assert list(folder.iterdir()) == []


def _geojson(tmp_path, features) -> str:
    path = tmp_path / "grids.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return str(path)


def test_geojson_with_coordinates_as_strings_names_the_feature(street_db, tmp_path, capsys):
    f = {"type": "Feature", "properties": {"code": "G1", "name": "第1网格", "community": "410481004001"},
         "geometry": {"type": "Polygon", "coordinates": "113.5,33.28,113.51,33.29"}}
    g = dict(f, geometry={"type": "Polygon", "coordinates": [["113.5 33.28", "113.51 33.29"]]})
    err = refused(["import", "grids", _geojson(tmp_path, [f, g]), "--db", street_db], capsys)
    assert "第 1 个要素 (G1): 不是面" in err and "第 2 个要素 (G1): 不是面" in err and "坐标不是数字" in err


def test_geojson_with_a_feature_that_is_a_string_names_the_feature(street_db, tmp_path, capsys):
    err = refused(["import", "beats", _geojson(tmp_path, ["Feature", 7, None]), "--db", street_db], capsys)
    assert "第 1 个要素: 不是要素" in err and "第 2 个要素: 不是要素" in err


def test_geojson_nested_a_hundred_thousand_deep_is_a_plain_message(street_db, tmp_path, capsys):
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "嵌套过深" in refused(["import", "grids", str(path), "--db", street_db], capsys)


def test_geojson_with_properties_and_geometry_of_the_wrong_type_names_each_feature(street_db, tmp_path, capsys):
    features = [{"type": "Feature", "properties": "code=G1", "geometry": [1, 2]},
                {"type": "Feature", "properties": {"code": "G2", "name": "x" * 65}, "geometry": "POLYGON"},
                {"type": "Feature", "properties": {"code": "G3", "name": "n"},
                 "geometry": {"type": "Polygon", "coordinates": [[[10 ** 400, 1], [True, 2]]]}}]
    err = refused(["import", "beats", _geojson(tmp_path, features), "--db", street_db], capsys)
    assert "第 1 个要素" in err and "名称不超过64字" in err and "第 3 个要素 (G3): 不是面" in err


def test_app_role_apply_by_an_owner_without_createrole_is_refused_plainly_and_creates_nothing(db_url, capsys):
    if db_url.startswith("sqlite"):
        pytest.skip("database roles are a PostgreSQL matter")
    weak, app = f"desk_weak_{uuid.uuid4().hex[:8]}", f"desk_app_{uuid.uuid4().hex[:8]}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    assert main(["audit", "verify", "--db", db_url]) == 0  # the owner's first start registers the data key
    capsys.readouterr()
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE ROLE "{weak}" LOGIN NOCREATEROLE'))
            c.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{weak}"'))
        weak_url = make_url(db_url).set(username=weak).render_as_string(hide_password=False)
        err = refused(["db", "app-role", app, "--apply", "--db", weak_url], capsys)
        assert "权限不足" in err and "CREATEROLE" in err
        with admin.connect() as c:
            assert c.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": app}).scalar_one() == 0
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP OWNED BY "{weak}"'))
            c.execute(text(f'DROP ROLE IF EXISTS "{weak}"'))
        admin.dispose()


def test_a_seat_role_that_may_not_read_the_schema_is_told_so_plainly(db_url, capsys):
    if db_url.startswith("sqlite"):
        pytest.skip("database roles are a PostgreSQL matter")
    weak = f"desk_none_{uuid.uuid4().hex[:8]}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE ROLE "{weak}" LOGIN'))
        weak_url = make_url(db_url).set(username=weak).render_as_string(hide_password=False)
        assert "数据库拒绝访问" in refused(["db", "status", "--db", weak_url], capsys)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP ROLE IF EXISTS "{weak}"'))
        admin.dispose()


def test_a_seat_role_that_may_read_but_not_write_is_told_so_plainly_and_nothing_is_written(db_url, capsys):
    if db_url.startswith("sqlite"):
        pytest.skip("database roles are a PostgreSQL matter")
    weak = f"desk_read_{uuid.uuid4().hex[:8]}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE ROLE "{weak}" LOGIN'))
            c.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{weak}"'))
        weak_url = make_url(db_url).set(username=weak).render_as_string(hide_password=False)
        refused(["audit", "verify", "--db", weak_url], capsys)  # the first start writes the key's check value
        with admin.connect() as c:
            assert c.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 0
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP OWNED BY "{weak}"'))
            c.execute(text(f'DROP ROLE IF EXISTS "{weak}"'))
        admin.dispose()


@pytest.mark.parametrize("url", ["mysql://desk@db/street", "postgresql://desk@db:port/street", "nonsense://"])
def test_a_database_url_that_cannot_be_used_is_a_plain_message(url, capsys):
    assert "数据库地址无效" in refused(["db", "status", "--db", url], capsys)


def test_a_settings_file_that_is_not_json_is_a_plain_message(tmp_path, capsys):
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text("{db_url: oops", encoding="utf-8")
    assert "设置文件有误" in refused(["db", "status"], capsys)


def test_an_unexpected_error_is_one_plain_line_with_the_traceback_in_the_log_file(street_db, tmp_path, capsys,
                                                                                   monkeypatch):
    from desk.cli import db_cmd

    def broken(args):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(db_cmd, "status", broken)
    code = main(["db", "status", "--db", street_db])
    err = capsys.readouterr().err
    log = tmp_path / "data" / "desk" / "logs" / "desk.log"
    assert code == 1
    assert err.startswith("内部错误 (internal error): RuntimeError: something nobody foresaw;")
    assert str(log) in err and "details in the log file" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error in `desk db status`" in logged
    assert "Traceback" in logged and "RuntimeError: something nobody foresaw" in logged
    assert street_db not in logged  # options (a --db URL may hold a password) are not logged


def test_an_unexpected_error_where_the_log_cannot_be_written_still_gives_one_plain_line(street_db, tmp_path,
                                                                                       capsys, monkeypatch):
    from desk.cli import db_cmd

    (tmp_path / "data").write_text("a file where the data folder should be")
    monkeypatch.setattr(db_cmd, "status", lambda args: 1 / 0)
    assert main(["db", "status", "--db", street_db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("内部错误 (internal error): ZeroDivisionError") and "日志文件无法写入" in err


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), DESK_SETTINGS=str(tmp_path / "config" / "s.json"))
    env.pop("DESK_DB", None)
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("case", ["folder", "huge-cell", "string-coordinates", "bad-date", "bad-url"])
def test_malformed_input_in_a_real_process_exits_non_zero_with_a_plain_message(street_db, tmp_path, case):
    big = tmp_path / "big.csv"
    big.write_text("code,name\n410481004001," + "名" * 200_000 + "\n", encoding="utf-8")
    geo = _geojson(tmp_path, [{"type": "Feature", "properties": {"code": "B1", "name": "一区"},
                               "geometry": {"type": "MultiPolygon", "coordinates": ["a", "b"]}}])
    argv = {"folder": ["import", "events", str(tmp_path), "--db", street_db],
            "huge-cell": ["import", "divisions", str(big), "--db", street_db],
            "string-coordinates": ["import", "beats", geo, "--db", street_db],
            "bad-date": ["figures", "--from", "2026-02-30", "--to", "tomorrow", "--db", street_db],
            "bad-url": ["db", "upgrade", "--db", "oracle://scott@tiger/db"]}[case]
    r = run(*argv, tmp_path=tmp_path)
    assert r.returncode not in (0, None)
    assert "Traceback" not in r.stderr and "内部错误" not in r.stderr, r.stderr
    assert r.stderr.startswith("错误") and len(r.stderr.strip().splitlines()) <= 3


@pytest.mark.parametrize("argv, words", [
    (["user", "disable", "\udcff"], "没有用户"),
    (["user", "role", "a\ud800", "leader"], "没有用户"),
    (["user", "list", "--user", "\udcff"], "用户名或密码错误"),
])
def test_an_undecodable_byte_in_a_user_name_is_a_plain_message(street_db, capsys, monkeypatch, argv, words):
    """A file name or user name typed in a terminal with another encoding reaches Python as a lone surrogate."""
    monkeypatch.setenv("DESK_PASSWORD", "whatever")
    assert words in refused([*argv, "--db", street_db], capsys)


def test_an_audit_search_for_an_undecodable_byte_finds_nothing_without_an_error(street_db, capsys):
    assert main(["audit", "list", "--actor", "\udcff", "--text", "x\ud800", "--db", street_db]) == 0
    assert "共 0 条" in capsys.readouterr().out


def test_in_a_real_process_an_unexpected_error_without_a_writable_log_prints_no_traceback(street_db, tmp_path):
    """Without a log file, logging's last resort would print the traceback: it must not."""
    (tmp_path / "data").write_text("a file where the data folder should be")
    code = ("import sys; from desk.cli import db_cmd, main; db_cmd.status = lambda args: 1 / 0; "
            f"sys.exit(main(['db', 'status', '--db', {street_db!r}]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), DESK_SETTINGS=str(tmp_path / "config" / "s.json"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith("内部错误 (internal error): ZeroDivisionError") and "日志文件无法写入" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
