"""The commands that used to act as "system" now act as, and are audited under, the person signed
in, within their role's rights (on SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db import Database
from desk.models import AuditRecord

DEMO_PW = "Demo-Pass-2026"


@pytest.fixture
def desk(db_url, monkeypatch, tmp_path, capsys):
    """`desk ...` on a small demo street with one demo account per role; returns (exit code, stdout)."""
    monkeypatch.setenv("DESK_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("DESK_USER", raising=False)
    assert main(["demo", "--households", "1000", "--days", "2", "--accounts", "--db", db_url]) == 0
    capsys.readouterr()

    def run(user, *argv):
        monkeypatch.setenv("DESK_PASSWORD", DEMO_PW)
        code = main([*argv, "--db", db_url, "--user", user])
        return code, capsys.readouterr()
    run.url = db_url
    return run


def audit(url, action):
    db = Database(url)
    try:
        with db.read() as s:
            rows = s.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))
            return [(r.actor, r.entity, json.loads(r.after or "null")) for r in rows]
    finally:
        db.dispose()


def test_reading_figures_balance_and_boundaries_is_recorded_under_the_person(desk, tmp_path):
    code, out = desk("duty", "figures", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json")
    assert code == 0 and json.loads(out.out)["total"]["name"] == "合计"
    code, out = desk("ops", "grids", "balance", "--all")
    assert code == 0 and "网格" in out.out
    geo = tmp_path / "grids.geojson"
    code, out = desk("ops", "geo", "export", "grids", str(geo))
    assert code == 0 and json.loads(geo.read_text(encoding="utf-8"))["features"]
    exports = audit(desk.url, "data.export")
    assert [(who, what) for who, what, _ in exports] == [("duty", "dispatch_figures"), ("ops", "grid_balance"),
                                                         ("ops", "grid")]
    assert exports[0][2]["by"] == "department" and exports[2][2]["file"] == "grids.geojson"


def test_imports_and_the_household_assignment_are_done_by_the_person(desk, tmp_path):
    hotline = tmp_path / "hotline.csv"
    with hotline.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["工单编号", "来电时间", "诉求内容"], ["W1", "2026-11-02 08:00", "路灯不亮"]])
    code, out = desk("duty", "import", "events", str(hotline))
    assert code == 0 and "导入事件 1 件" in out.out
    assert [who for who, _e, _a in audit(desk.url, "event.import")] == ["duty"]
    code, _ = desk("ops", "geo", "assign")
    assert code == 0
    assert [who for who, _e, _a in audit(desk.url, "geo.assign")] == ["ops"]


@pytest.mark.parametrize("user, argv, permission", [
    ("grid", ["figures", "--from", "2026-01-01", "--to", "2026-01-31"], "dispatch.figures"),
    ("duty", ["geo", "assign"], "geo.assign"),
    ("liaison", ["import", "events", "hotline.csv"], "board.report"),
    ("audit", ["db", "app-role", "desk_app", "--apply"], "db.roles"),
    ("leader", ["db", "check"], "db.check"),
])
def test_a_role_without_the_right_is_refused_with_exit_2_and_the_refusal_is_recorded(desk, user, argv, permission):
    code, out = desk(user, *argv)
    assert code == 2 and "无权" in out.err
    assert audit(desk.url, "auth.denied")[-1][0] == user
    assert audit(desk.url, "auth.denied")[-1][2]["permission"] == permission
