"""`desk figures` prints the same numbers as the service, as a table, CSV or JSON."""
from __future__ import annotations

import json

from desk.cli import main
from tests.db.test_dispatch_figures import a_day_of_cases


def test_figures_as_json_csv_and_table(ctx, clock, db_url, capsys):
    a_day_of_cases(ctx, clock)
    assert main(["figures", "--db", db_url, "--from", "2026-11-25", "--to", "2026-11-25", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"]["dispatched"] == 4 and {r["name"] for r in out["rows"]} == {"消防", "城管", "公安"}
    assert main(["figures", "--db", db_url, "--from", "2026-11-25", "--to", "2026-11-25", "--by", "grid",
                 "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("key,name,dispatched") and len(lines) == 4  # header, two grids, total
    assert main(["figures", "--db", db_url, "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    table = capsys.readouterr().out
    assert "2026年11月01日至2026年11月30日" in table and "按时签收率" in table and "消防" in table and "合计" in table


def test_a_bad_date_is_a_plain_error(db_url, capsys):
    assert main(["figures", "--db", db_url, "--from", "2026-13-01", "--to", "2026-12-01"]) == 1
    assert "日期格式" in capsys.readouterr().err
