"""`desk evaluation open|weights|ranking` and `desk figures --set dashboard`: the commands print the same
numbers as the services, as a table, CSV or JSON; bad months and weights are plain errors."""
from __future__ import annotations

import json

from desk.cli import main
from desk.services import evaluation as ev
from desk.services.figures.overview import figure_defs
from tests.db.test_evaluation import LEADER_SCORES, MONTH, people
from tests.db.test_report_figures import a_day_with_a_dispute


def test_a_month_is_opened_weighed_and_ranked_from_the_command_line(ctx, db_url, capsys):
    town = people(ctx)
    assert main(["evaluation", "open", "--month", MONTH, "--db", db_url]) == 0
    assert "已开启 2026-11" in capsys.readouterr().out
    assert main(["evaluation", "open", "--month", MONTH, "--db", db_url]) == 1
    assert "已开启" in capsys.readouterr().err
    ev.rate(ctx.as_actor(town.actor(town.p1, "p1")), MONTH, town.l1, LEADER_SCORES)
    assert main(["evaluation", "weights", "--month", MONTH, "--peer", "80", "--db", db_url]) == 0
    assert "互评 80% + 数据 20%" in capsys.readouterr().out
    assert main(["evaluation", "ranking", "--month", MONTH, "--format", "json", "--db", db_url]) == 0
    out = json.loads(capsys.readouterr().out)
    grids = out["tables"]["grid_ranking"]["rows"]
    assert grids[0]["grid"] == "兴钢社区第1网格" and grids[0]["peer"] == 75.0 and grids[0]["rank"] == 1
    assert main(["evaluation", "ranking", "--month", MONTH, "--format", "csv", "--db", db_url]) == 0
    assert "# 网格评价排名（2026年11月）" in capsys.readouterr().out
    assert main(["evaluation", "ranking", "--month", MONTH, "--db", db_url]) == 0
    table = capsys.readouterr().out
    assert "综合得分(分)" in table and "陈网格长" in table and "李警官" in table


def test_bad_months_and_weights_are_plain_errors(ctx, db_url, capsys):
    people(ctx)
    assert main(["evaluation", "open", "--month", "2026-13", "--db", db_url]) == 1
    assert "月份格式" in capsys.readouterr().err
    assert main(["evaluation", "weights", "--month", MONTH, "--peer", "50", "--db", db_url]) == 1
    assert "尚未开启" in capsys.readouterr().err  # nothing to weigh before the month is opened
    main(["evaluation", "open", "--month", MONTH, "--db", db_url])
    capsys.readouterr()
    assert main(["evaluation", "weights", "--month", MONTH, "--peer", "120", "--db", db_url]) == 1
    assert "0 到 100" in capsys.readouterr().err


def test_the_dashboard_figures_on_the_command_line(ctx, clock, db_url, capsys):
    a_day_with_a_dispute(ctx, clock)
    assert main(["figures", "--set", "dashboard", "--period", "month", "--format", "json", "--db", db_url]) == 0
    out = json.loads(capsys.readouterr().out)
    key = out["tables"]["dashboard_key"]["rows"]
    assert [r["figure"] for r in key] == [d.title for d in figure_defs()]
    assert main(["figures", "--set", "dashboard", "--db", db_url]) == 0
    text = capsys.readouterr().out
    assert text.startswith("数据总览：") and "事件流转办结率" in text and "目标" in text
    assert main(["figures", "--db", db_url]) == 1  # the dispatch figures still need their dates
    assert "--from" in capsys.readouterr().err
