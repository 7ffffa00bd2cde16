"""Property (hypothesis): whatever malformed file is given to an import, and whatever malformed
argument is given to any subcommand, the command line answers with a plain message and a
non-zero exit -- never a traceback, never the last-line-of-defence "内部错误" (each cause is
handled where it arises) -- and changes nothing. The commands run in-process through
``desk.cli.main`` with stderr captured; tests/cli/test_input_cli.py runs a few as real processes."""
from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
import string
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select

from desk.cli import build_parser, main
from desk.models import AuditRecord, Community, Event

ROOT = Path(__file__).resolve().parents[2]
DIVISIONS = ROOT / "desk" / "resources" / "reference" / "divisions-410481004.csv"
PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PER_COMMAND = settings(PROPERTY, max_examples=8)
_counter = itertools.count()

# What a person can put on a real command line: any character but NUL (lone surrogates stand for
# undecodable bytes of a file name). A leading "-" would be read as an option (or --help).
odd = st.sampled_from(["\udcff", "\ud800", "\x1b", "\u202e", "\x7f", "\n", "'", "%", "_", "名", "😀"])
junk = st.text(st.one_of(st.characters(blacklist_characters="\x00", blacklist_categories=()), odd),
               min_size=1, max_size=40).filter(lambda t: not t.startswith("-") and t.strip() != "")


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "config" / "settings.json"))
    monkeypatch.delenv("DESK_DB", raising=False)
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.setenv("DESK_PASSWORD", "Fuzz-Pass-0001!")
    monkeypatch.setattr(sys, "stdin", io.StringIO("Fuzz-Pass-0001!\n" * 1000))


@pytest.fixture
def street_db(tmp_path, sqlite_template, capsys) -> str:
    target = tmp_path / "street.db"
    shutil.copy(sqlite_template, target)
    url = f"sqlite:///{target}"
    assert main(["import", "divisions", str(DIVISIONS), "--db", url]) == 0
    capsys.readouterr()
    return url


def fingerprint(url: str) -> tuple[int, int, int]:
    """What a refused command must leave as it was: the audit log, events and communities."""
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return tuple(c.execute(select(func.count()).select_from(t)).scalar_one()
                         for t in (AuditRecord, Event, Community))
    finally:
        engine.dispose()


def assert_refused(argv: list[str], capsys) -> str:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: a usage line and "error: ..." (exit 2)
        code = exc.code
    err = capsys.readouterr().err
    assert code not in (0, None), f"accepted: {argv!r}\n{err}"
    assert "Traceback" not in err and "内部错误" not in err, f"{argv!r}\n{err}"
    assert err.strip(), f"refused without a word: {argv!r}"
    assert len(err.splitlines()) <= 60, "a refusal is a message, not a dump"
    return err


# --- malformed files for each import ---

def _csv_text(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


cell = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
BAD_EVENT_CELLS = {  # column → a value that makes the row bad, whatever the other cells hold
    "来电时间": st.sampled_from(["2999-01-01 08:00", "明天上午", "2026-13-45", "25:61"]),
    "标题": st.text(min_size=121, max_size=130).filter(lambda t: len(t.strip()) > 120),
    "诉求内容": st.just("长" * 5001),
    "地址": st.text(st.characters(whitelist_categories=("Cc",), blacklist_characters="\t\n\r\x0b\x0c\x1c\x1d\x1e"
                                   "\x1f\x85"), min_size=1, max_size=3).map(lambda c: "兴钢社区" + c + "1号楼"),
    "工单编号": st.text(min_size=41, max_size=50).map(lambda t: "N" + t.replace("\r", "x").replace("\n", "x")),
}
EVENT_HEADER = ["工单编号", "来电时间", "标题", "诉求内容", "地址"]


@st.composite
def event_rows(draw) -> list[list[str]]:
    rows = []
    for i in range(draw(st.integers(1, 4))):
        row = [f"F{next(_counter)}", "2026-11-20 08:00", draw(cell), "路灯不亮" + draw(cell), draw(cell)]
        column = draw(st.sampled_from(sorted(BAD_EVENT_CELLS)))
        row[EVENT_HEADER.index(column)] = draw(BAD_EVENT_CELLS[column])
        rows.append(row)
    return rows


@st.composite
def events_file(draw) -> tuple[str, bytes]:
    how = draw(st.sampled_from(["bytes", "header", "rows", "xlsx-bytes", "xlsx-rows"]))
    if how == "bytes":
        return ".csv", draw(st.binary(max_size=300))
    if how == "header":  # no column the desk knows as the text of the event
        header = draw(st.lists(st.text(string.ascii_letters, min_size=1, max_size=8), min_size=1, max_size=4))
        return ".csv", _csv_text([header, *draw(st.lists(st.lists(cell, max_size=4), max_size=3))]).encode()
    if how == "xlsx-bytes":
        return ".xlsx", draw(st.binary(max_size=300))
    rows = draw(event_rows())
    if how == "rows":
        return ".csv", _csv_text([EVENT_HEADER, *rows]).encode("utf-8")
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(EVENT_HEADER)
    for row in rows:
        wb.active.append([re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", v) for v in row])  # what Excel can hold
    buf = io.BytesIO()
    wb.save(buf)
    if all(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", r[4]) for r in rows if r[4].startswith("兴钢社区")) and \
            all(r[4].startswith("兴钢社区") for r in rows):
        return ".csv", _csv_text([EVENT_HEADER, *rows]).encode("utf-8")  # nothing else wrong: keep the CSV
    return ".xlsx", buf.getvalue()


@st.composite
def divisions_file(draw) -> tuple[str, bytes]:
    how = draw(st.sampled_from(["bytes", "header", "rows"]))
    if how == "bytes":
        return ".csv", draw(st.binary(max_size=300))
    if how == "header":
        return ".csv", _csv_text([draw(st.lists(st.text(string.ascii_letters, max_size=6), max_size=3)),
                                  ["410481004001", "兴钢社区"]]).encode()
    bad = draw(st.lists(st.one_of(
        st.tuples(cell.filter(lambda c: not c.strip().isdigit() and c.strip() != ""), cell.filter(str.strip)),
        st.tuples(st.just("410481004001"), st.text(min_size=65, max_size=80).filter(lambda t: len(t.strip()) > 64)),
        st.tuples(st.just("410481004002"), st.sampled_from(["\x01社区", "社\x7f区", "社区\x1b[0m"])),
        st.tuples(st.just("410481004003"), st.just("")),
    ), min_size=1, max_size=3))
    return ".csv", _csv_text([["code", "name"], ["410481004", "院岭街道"], *map(list, bad)]).encode("utf-8")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@st.composite
def geojson_file(draw) -> tuple[str, bytes]:
    how = draw(st.sampled_from(["bytes", "json", "features", "geometry"]))
    if how == "bytes":
        return ".geojson", draw(st.binary(max_size=300))
    if how == "json":
        value = draw(json_values)
        return ".geojson", json.dumps(value).encode()
    if how == "features":
        features = draw(st.lists(json_values, min_size=1, max_size=4))
    else:  # features whose geometry and properties are junk; no feature has a code, so none is good
        features = [{"type": "Feature",
                     "properties": {k: v for k, v in draw(st.dictionaries(st.text(max_size=6), json_values,
                                                                          max_size=3)).items() if k != "code"},
                     "geometry": {"type": draw(st.sampled_from(["Polygon", "MultiPolygon", "Point", "x"])),
                                  "coordinates": draw(json_values)}}
                    for _ in range(draw(st.integers(1, 3)))]
        features = [{**f, "properties": {**f["properties"], "name": f["properties"].get("name", "n")}}
                    for f in features]
    features = [f if not (isinstance(f, dict) and isinstance(f.get("properties"), dict)) else
                {**f, "properties": {k: v for k, v in f["properties"].items() if k != "code"}} for f in features]
    return ".geojson", json.dumps({"type": "FeatureCollection", "features": features}).encode()


IMPORTS = {"events": events_file(), "divisions": divisions_file(), "grids": geojson_file(), "beats": geojson_file()}


@PROPERTY
@given(data=st.data(), kind=st.sampled_from(sorted(IMPORTS)))
def test_every_import_refuses_any_malformed_file_plainly_and_changes_nothing(street_db, tmp_path, capsys, data,
                                                                             kind):
    suffix, content = data.draw(IMPORTS[kind], label=kind)
    path = tmp_path / f"input{next(_counter)}{suffix}"
    path.write_bytes(content)
    before = fingerprint(street_db)
    assert_refused(["import", kind, str(path), "--db", street_db], capsys)
    assert fingerprint(street_db) == before


# --- malformed arguments for every subcommand ---

not_a_date = junk.filter(lambda t: not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.strip()))
not_a_month = junk.filter(lambda t: not re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", t))
bad_url = st.one_of(
    st.builds(lambda s, rest: f"{s}://{rest}", st.text(string.ascii_lowercase, min_size=1, max_size=8)
              .filter(lambda s: not s.startswith(("sqlite", "postgres"))), junk),
    st.builds(lambda name: f"sqlite:////nonexistent-folder/{next(_counter)}/{name}.db",
              junk.filter(lambda t: "/" not in t and "?" not in t and "#" not in t)),
)
user_name = junk.filter(lambda t: not re.fullmatch(r"[A-Za-z0-9_.\-]{2,32}", t.strip()))


def _folder(tmp: Path, _junk: str) -> str:
    f = tmp / f"folder{next(_counter)}"
    f.mkdir()
    return str(f)


def _missing_folder(tmp: Path, name: str) -> str:
    return str(tmp / f"missing{next(_counter)}" / (name.replace("/", "_").replace("\\", "_")[:20] or "x"))


def _junk_file(tmp: Path, content: str) -> str:
    path = tmp / f"junk{next(_counter)}.bin"
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    return str(path)


def _sqlite_like(tmp: Path, content: str) -> str:
    path = tmp / f"fake{next(_counter)}.db"
    path.write_bytes(b"SQLite format 3\x00" + content.encode("utf-8", "surrogatepass"))
    return str(path)


def _zip_like(tmp: Path, content: str) -> str:
    path = tmp / f"fake{next(_counter)}.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", content.encode("utf-8", "surrogatepass"))
    return str(path)


def _an_output(tmp, value):
    return st.sampled_from([_folder, _missing_folder]).map(lambda f: f(tmp, value))


# Each leaf subcommand with the ways its arguments can be malformed: fn(tmp, street_db) → strategy of argv.
def _only_known_checks(text: str) -> bool:
    from desk.cli.selftest_cmd import CHECKS

    names = {n.strip() for n in text.split(",") if n.strip()}
    return bool(names) and names <= {name for name, _ in CHECKS}


CASES = {
    ("db", "upgrade"): lambda tmp, db: bad_url.map(lambda u: ["db", "upgrade", "--db", u]),
    ("db", "status"): lambda tmp, db: bad_url.map(lambda u: ["db", "status", "--db", u]),
    ("db", "check"): lambda tmp, db: bad_url.map(lambda u: ["db", "check", "--db", u]),
    ("db", "app-role"): lambda tmp, db: junk.filter(lambda t: not re.fullmatch(r"[a-z_][a-z0-9_]{1,62}", t))
        .map(lambda n: ["db", "app-role", n, "--db", db]),
    ("demo",): lambda tmp, db: st.one_of(
        st.integers().filter(lambda n: not 1000 <= n <= 200_000).map(lambda n: ["--households", str(n)]),
        st.integers().filter(lambda n: not 1 <= n <= 3650).map(lambda n: ["--days", str(n)]),
        junk.filter(lambda t: not re.fullmatch(r"\s*[+-]?\d+\s*", t)).map(lambda t: ["--seed", t]),
    ).map(lambda opts: ["demo", *opts, "--db", f"sqlite:///{tmp / f'demo{next(_counter)}.db'}"]),
    ("import", "divisions"): lambda tmp, db: junk.filter(lambda t: t.strip() != "410481004")
        .map(lambda s: ["import", "divisions", str(DIVISIONS), "--street", s, "--db", db]),
    ("import", "grids"): lambda tmp, db: junk.map(lambda p: ["import", "grids", _missing_folder(tmp, p), "--db", db]),
    ("import", "beats"): lambda tmp, db: junk.map(lambda s: ["import", "beats", _folder(tmp, s), "--db", db]),
    ("import", "events"): lambda tmp, db: junk.filter(lambda t: "=" not in t)
        .map(lambda m: ["import", "events", _junk_file(tmp, "诉求内容\n路灯不亮\n"), "--map", m, "--db", db]),
    ("import", "people"): lambda tmp, db: junk.filter(lambda t: "=" not in t)
        .map(lambda m: ["import", "people", _junk_file(tmp, "姓名,身份证号,所属网格\n张三,1,x\n"), "--map", m, "--db", db]),
    ("import", "houses"): lambda tmp, db: st.text(max_size=60)
        .map(lambda c: ["import", "houses", _junk_file(tmp, c), "--db", db]),
    ("import", "units"): lambda tmp, db: st.text(max_size=60)
        .map(lambda c: ["import", "units", _junk_file(tmp, c), "--db", db]),
    ("import", "departments"): lambda tmp, db: st.text(max_size=60)
        .map(lambda c: ["import", "departments", _junk_file(tmp, c), "--db", db]),
    ("import", "staff"): lambda tmp, db: st.text(max_size=60)
        .map(lambda c: ["import", "staff", _junk_file(tmp, c), "--db", db]),
    ("registry", "export"): lambda tmp, db: junk.flatmap(lambda j: _an_output(tmp, j))
        .map(lambda out: ["registry", "export", out, "--db", db]),
    ("registry", "coverage"): lambda tmp, db: junk.filter(lambda t: not re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", t))
        .map(lambda m: ["registry", "coverage", "--month", m, "--db", db]),
    ("registry", "interval"): lambda tmp, db: st.one_of(
        st.integers().filter(lambda n: not 1 <= n <= 366).map(lambda n: ["--level", "1", "--days", str(n)]),
        junk.filter(lambda t: t.strip() not in ("1", "2", "3")).map(lambda t: ["--level", t, "--days", "7"]),
    ).map(lambda opts: ["registry", "interval", *opts, "--db", db]),
    ("geo", "export"): lambda tmp, db: st.tuples(st.sampled_from(["grids", "beats"]), junk)
        .flatmap(lambda w: _an_output(tmp, w[1]).map(lambda out: ["geo", "export", w[0], out, "--db", db])),
    ("geo", "assign"): lambda tmp, db: bad_url.map(lambda u: ["geo", "assign", "--db", u]),
    ("grids", "balance"): lambda tmp, db: st.one_of(bad_url.map(lambda u: ["grids", "balance", "--db", u]),
                                                    st.just(["grids", "balance", "--db", db])),  # no grids yet
    ("figures",): lambda tmp, db: not_a_date.map(lambda d: ["figures", "--from", d, "--to", "2026-11-30",
                                                            "--db", db]),
    ("evaluation", "open"): lambda tmp, db: not_a_month.map(lambda m: ["evaluation", "open", "--month", m, "--db", db]),
    ("evaluation", "weights"): lambda tmp, db: st.one_of(
        not_a_month.map(lambda m: ["--month", m, "--peer", "50"]),
        st.one_of(junk, st.integers().filter(lambda n: not 0 <= n <= 100).map(str)).map(
            lambda w: ["--month", "2026-10", "--peer", w]),  # and that month was never opened either
    ).map(lambda a: ["evaluation", "weights", *a, "--db", db]),
    ("evaluation", "ranking"): lambda tmp, db: not_a_month.map(
        lambda m: ["evaluation", "ranking", "--month", m, "--db", db]),
    ("dispatch", "routing-check"): lambda tmp, db: st.one_of(
        not_a_date.map(lambda d: ["--from", d]), not_a_date.map(lambda d: ["--to", d]),
        st.just(["--from", "2026-11-30", "--to", "2026-11-01"]),
    ).map(lambda opts: ["dispatch", "routing-check", *opts, "--db", db]),
    ("report", "daily"): lambda tmp, db: not_a_date.map(
        lambda d: ["report", "daily", "--date", d, "--out", str(tmp / f"r{next(_counter)}.pdf"), "--db", db]),
    ("report", "weekly"): lambda tmp, db: junk.filter(lambda t: not re.fullmatch(r"\s*\d{4}-?[Ww]\d{1,2}\s*", t))
        .map(lambda w: ["report", "weekly", "--week", w, "--out", str(tmp / f"r{next(_counter)}.pdf"), "--db", db]),
    ("report", "monthly"): lambda tmp, db: junk.filter(
        lambda t: not re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", t) and t.strip().lower() != "last")
        .map(lambda m: ["report", "monthly", "--month", m, "--out", str(tmp / f"r{next(_counter)}.xlsx"), "--db", db]),
    ("report", "event"): lambda tmp, db: st.one_of(
        st.integers(min_value=1, max_value=10**9).map(lambda n: [str(n), "--out", str(tmp / "e.pdf")]),
        junk.flatmap(lambda j: _an_output(tmp, j)).map(lambda out: ["1", "--out", out]),
    ).map(lambda a: ["report", "event", *a, "--db", db]),
    ("report", "dispatch"): lambda tmp, db: st.integers(min_value=1, max_value=10**9)
        .map(lambda n: ["report", "dispatch", str(n), "--out", str(tmp / "d.pdf"), "--db", db]),
    ("meetings", "due"): lambda tmp, db: not_a_date.map(lambda d: ["meetings", "due", "--date", d, "--db", db]),
    ("meetings", "list"): lambda tmp, db: st.one_of(
        not_a_date.map(lambda d: ["--from", d, "--to", "2026-11-30"]),
        not_a_date.map(lambda d: ["--from", "2026-11-01", "--to", d]),
        st.sampled_from(["yearly", "DAILY", ""]).map(lambda k: ["--from", "2026-11-01", "--to", "2026-11-30",
                                                               "--kind", k]),
    ).map(lambda a: ["meetings", "list", *a, "--db", db]),
    ("meetings", "items"): lambda tmp, db: st.one_of(
        bad_url.map(lambda u: ["meetings", "items", "--db", u]),
        junk.filter(lambda f: f not in ("table", "csv", "json")).map(lambda f: ["meetings", "items", "--format", f,
                                                                                "--db", db])),
    ("meetings", "print"): lambda tmp, db: st.one_of(
        st.integers(min_value=1, max_value=10**9).map(lambda n: [str(n), "--out", str(tmp / "m.pdf")]),
        junk.flatmap(lambda j: _an_output(tmp, j)).map(lambda out: ["1", "--out", out]),
    ).map(lambda a: ["meetings", "print", *a, "--db", db]),
    ("report", "history"): lambda tmp, db: bad_url.map(lambda u: ["report", "history", "--db", u]),
    ("user", "add"): lambda tmp, db: st.one_of(
        user_name.map(lambda n: [n]),
        st.one_of(st.tuples(junk, st.sampled_from(["\udcff", "\ud800", "\x1b", "\x7f", "\x01"]), st.just("x"))
                  .map("".join),
                  st.text(min_size=33, max_size=40).filter(lambda t: len(t.strip()) > 32))
        .map(lambda d: ["fuzzadmin", "--display-name", d]),
    ).map(lambda a: ["user", "add", *a, "--role", "security_admin", "--password-stdin", "--db", db]),
    ("user", "passwd"): lambda tmp, db: user_name.map(lambda n: ["user", "passwd", n, "--password-stdin",
                                                                 "--db", db]),
    ("user", "disable"): lambda tmp, db: junk.map(lambda n: ["user", "disable", n, "--db", db]),
    ("user", "enable"): lambda tmp, db: junk.map(lambda n: ["user", "enable", n, "--db", db]),
    ("user", "unlock"): lambda tmp, db: junk.map(lambda n: ["user", "unlock", n, "--db", db]),
    ("user", "role"): lambda tmp, db: junk.map(lambda n: ["user", "role", n, "duty_staff", "--db", db]),
    ("user", "list"): lambda tmp, db: bad_url.map(lambda u: ["user", "list", "--db", u]),
    ("audit", "verify"): lambda tmp, db: st.one_of(
        bad_url.map(lambda u: ["audit", "verify", "--db", u]),
        st.text(max_size=50).map(lambda c: ["audit", "verify", "--anchors", _junk_file(tmp, c), "--db", db])),
    ("audit", "anchor"): lambda tmp, db: st.text(max_size=50)
        .map(lambda c: ["audit", "anchor", "--dir", _junk_file(tmp, c), "--db", db]),
    ("audit", "list"): lambda tmp, db: st.one_of(
        not_a_date.map(lambda d: ["--since", d]), not_a_date.map(lambda d: ["--until", d]),
        st.integers().filter(lambda n: not 1 <= n <= 100_000).map(lambda n: ["--limit", str(n)]),
    ).map(lambda opts: ["audit", "list", *opts, "--db", db]),
    ("audit", "export"): lambda tmp, db: st.one_of(
        not_a_date.map(lambda d: ["--since", d, "--out", str(tmp / f"a{next(_counter)}.csv")]),
        junk.flatmap(lambda j: _an_output(tmp, j)).map(lambda out: ["--out", out]),
    ).map(lambda opts: ["audit", "export", *opts, "--db", db]),
    ("key", "merge"): lambda tmp, db: st.tuples(st.sampled_from([_junk_file, _folder, _missing_folder]),
                                                st.text(max_size=80))
        .map(lambda fc: ["key", "merge", fc[0](tmp, fc[1]), "--db", db]),
    ("selftest",): lambda tmp, db: junk.filter(lambda t: not _only_known_checks(t))
        .map(lambda names: ["selftest", "--only", names, "--db", db]),
    ("backup",): lambda tmp, db: junk.flatmap(lambda j: _an_output(tmp, j))
        .map(lambda out: ["backup", "--out", out, "--db", db]),
    ("restore",): lambda tmp, db: st.tuples(st.sampled_from([_junk_file, _sqlite_like, _zip_like, _folder,
                                                             _missing_folder]), st.text(max_size=200))
        .map(lambda fc: ["restore", fc[0](tmp, fc[1]), "--db", f"sqlite:///{tmp / f'target{next(_counter)}.db'}"]),
}


def leaf_commands() -> set[tuple[str, ...]]:
    """Every subcommand a person can type, as the parser knows them."""
    def walk(parser, prefix):
        subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not subs:
            return {prefix}
        out = set()
        for name, child in subs[0].choices.items():
            out |= walk(child, (*prefix, name))
        return out
    return walk(build_parser(), ())


def test_the_property_below_covers_every_subcommand():
    assert leaf_commands() == set(CASES)


@pytest.mark.parametrize("command", sorted(CASES), ids=" ".join)
def test_every_subcommand_refuses_malformed_arguments_plainly_and_changes_nothing(street_db, tmp_path, capsys,
                                                                                  command):
    @PER_COMMAND
    @given(data=st.data())
    def check(data):
        argv = data.draw(CASES[command](tmp_path, street_db), label="argv")
        before = fingerprint(street_db)
        assert_refused(argv, capsys)
        assert fingerprint(street_db) == before

    check()
