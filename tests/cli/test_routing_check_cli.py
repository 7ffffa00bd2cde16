"""`desk dispatch routing-check` prints the replay's top-1 and top-3 accuracy per department."""
from __future__ import annotations

import json

from desk.cli import main
from tests.dispatch_support import street
from tests.routing_support import day, history_case


def test_routing_check_prints_accuracy_per_department(ctx, db_url, capsys):
    st = street(ctx)
    for i in range(3):
        history_case(ctx, "古井水位异常下降", st.dept["供水"], day(i))
    assert main(["dispatch", "routing-check", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "首选准确率" in out and "前三准确率" in out and "供水" in out and "合计" in out and "66.7%" in out
    assert main(["dispatch", "routing-check", "--db", db_url, "--from", "2020-01-02", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["cases"] == 2 and data["totals"]["top1_rate"] == 1.0


def test_a_reversed_period_is_a_plain_error(db_url, capsys):
    assert main(["dispatch", "routing-check", "--db", db_url, "--from", "2026-11-30", "--to", "2026-11-01"]) == 1
    assert "早于" in capsys.readouterr().err
