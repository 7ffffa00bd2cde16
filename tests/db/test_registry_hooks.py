"""The registry's figures where leaders meet them, on both engines: the dashboard's registration rate and
visit coverage equal the registry's own coverage table and their lists add up to them (masked names, no ID
number); the evaluation's basic-data accuracy and integration come from the registry per grid, and the
ranking counts them; the monthly assessment sheet prints the coverage per grid."""
from __future__ import annotations

from datetime import date

import pytest

from desk.services import evaluation as ev
from desk.services import registry as reg
from desk.services.errors import ValidationError
from desk.services.evaluation.data import grid_side, police_side
from desk.services.figures import build_sheet, periods
from desk.services.figures.overview import dashboard, drill_figure
from desk.services.figures.registry import coverage_table
from tests.board_support import LEADER, WANG, small_street
from tests.db.test_evaluation import MONTH, people
from tests.registry_support import id_number, person

NOV = periods.parse_month(MONTH)
FLAT_101 = "兴钢社区3号楼1单元101"
FLAT_201 = "兴钢社区3号楼1单元201"


def a_registry(ctx, sm):
    """Grid 2: four people at 101 (a household of one on the register: wrong), one at 201 (right); three in
    care, two visited in November (one twice), one only in October. Grid 1: one person in care, unvisited."""
    duty = ctx.as_actor(WANG)
    ids = [reg.add_person(duty, person(sm.grid2, name="测试" + "甲乙丙丁"[i], seq=100 + i, address=FLAT_101)).id
           for i in range(4)]
    ids.append(reg.add_person(duty, person(sm.grid2, name="欧阳明月", seq=200, address=FLAT_201)).id)
    far = reg.add_person(duty, person(sm.grid1, name="王五", seq=300, address="兴钢社区1号楼1单元101")).id
    since = date(2026, 9, 1)
    for pid in ids[:2] + [ids[4]]:
        reg.add_care(duty, pid, "elderly_alone", 2, since=since)
    reg.add_care(duty, ids[4], "disabled", 3, since=since)     # a second category: still one person
    reg.add_care(duty, far, "mental", 1, since=since)
    reg.record_visit(duty, reg.VisitInput(date(2026, 11, 3), "赵网格", "好", person_id=ids[0]))
    reg.record_visit(duty, reg.VisitInput(date(2026, 11, 9), "赵网格", "又去", person_id=ids[0]))
    reg.record_visit(duty, reg.VisitInput(date(2026, 11, 5), "赵网格", "好", person_id=ids[4]))
    reg.record_visit(duty, reg.VisitInput(date(2026, 10, 20), "赵网格", "好", person_id=ids[1]))
    return ids, far


def test_the_dashboard_registry_figures_equal_the_registry_coverage_table_and_their_lists(ctx):
    sm = small_street(ctx)
    a_registry(ctx, sm)
    leader = ctx.as_actor(LEADER)
    board = dashboard(leader, "month")
    assert board.period == NOV
    with ctx.read() as s:
        table = coverage_table(s, board.period)
    c = {col.key: i for i, col in enumerate(table.columns)}
    visits, registration = board.figure("visit_coverage"), board.figure("registration")
    # by hand: four people in care street-wide, two visited in November; five households, three with people
    # (101 and 201 in grid 2, grid 1's one)
    assert (visits.numerator, visits.denominator, visits.value) == (2, 4, 0.5)
    assert (table.totals[c["visited"]], table.totals[c["cared"]]) == (2, 4)
    assert visits.value == table.totals[c["coverage"]]
    assert (registration.numerator, registration.denominator) == (table.totals[c["registered"]],
                                                                  table.totals[c["households"]]) == (3, 5)
    assert registration.value == table.totals[c["registration"]] == 0.6
    grid2 = next(r for r in table.rows if r[c["grid"]] == "兴钢社区第2网格")
    assert grid2[c["coverage"]] == round(2 / 3, 4)   # rounded as every rate of the desk
    with ctx.read() as s:   # October: only 测试乙 visited
        assert coverage_table(s, periods.parse_month("2026-10")).totals[c["coverage"]] == \
            dashboard(leader, "last_month").figure("visit_coverage").value == 0.25
    assert visits.target == registration.target == 1.0 and visits.met is False
    for key, fig_ in (("visit_coverage", visits), ("registration", registration)):
        drill = drill_figure(leader, key, board.period)
        assert len(drill.rows) == fig_.denominator
        assert sum(row[-1] == "是" for row in drill.rows) == fig_.numerator
    people_list = drill_figure(leader, "visit_coverage", board.period)
    cells = [str(v) for row in people_list.rows for v in row]
    assert "欧***" in cells and not any("欧阳明月" in v or "王五" in v for v in cells)
    assert not any(id_number(seq=n)[:10] in v for v in cells for n in (100, 200, 300))
    assert any("独居老人、残障人士" == v for v in cells)    # one person, both categories


def test_the_key_figures_table_lists_the_registry_figures_with_their_targets(ctx):
    sm = small_street(ctx)
    a_registry(ctx, sm)
    key = dashboard(ctx.as_actor(LEADER), "month").key_table
    rows = {r[0]: r for r in key.rows}
    assert rows["规范化服务走访覆盖率"][1] == "50.0%"
    assert rows["规范化服务走访覆盖率"][4:] == ("100%", "未达标", 2, 4)
    assert rows["网格基础信息采集登记率"][4:] == ("100%", "未达标", 3, 5)
    assert not any("启用后列出" in n for n in key.notes)


def test_an_unknown_figure_is_refused_with_a_clear_message(ctx):
    small_street(ctx)
    with pytest.raises(ValidationError, match="未知的指标"):
        drill_figure(ctx.as_actor(LEADER), "no_such_figure", NOV)


def test_without_people_in_care_visit_coverage_says_no_data_not_zero(ctx):
    small_street(ctx)
    f = dashboard(ctx.as_actor(LEADER), "month").figure("visit_coverage")
    assert f.empty and f.denominator == 0 and f.text == "本期无数据"


def test_the_evaluation_takes_data_accuracy_and_integration_from_the_registry(ctx):
    sm = small_street(ctx)
    town = people(ctx, sm)
    a_registry(ctx, sm)
    with ctx.read() as s:
        grids, police = grid_side(s, NOV), police_side(s, NOV)
    # accuracy: grid 2's household at 101 has four on record against one on the register, 201 is right;
    # grid 1's one household holds its one person
    assert grids["data_accuracy"] == {sm.grid2: (1, 2), sm.grid1: (1, 1)}
    assert police["integration"] == {sm.grid2: (2, 3), sm.grid1: (0, 1)}
    r = ev.ranking(ctx.as_actor(LEADER), MONTH)
    c = {col.key: i for i, col in enumerate(r.grids.columns)}
    rows = {row[c["grid"]]: row for row in r.grids.rows}
    assert rows["兴钢社区第2网格"][c["data"]] == 50.0 and rows["兴钢社区第1网格"][c["data"]] == 100.0
    oc = {col.key: i for i, col in enumerate(r.officers.columns)}
    officers = {row[oc["officer"]]: row for row in r.officers.rows}
    # 李警官's beat covers grids 1 and 2: visits (2 + 0) / (3 + 1) = 50; 吴辅警 belongs to grid 1: 0 / 1
    assert officers["李警官"][oc["data"]] == 50.0 and officers["吴辅警"][oc["data"]] == 0.0
    assert town.p1


def test_the_monthly_sheet_prints_visit_coverage_and_registration_per_grid_without_personal_data(ctx):
    sm = small_street(ctx)
    a_registry(ctx, sm)
    sheet = build_sheet(ctx.as_actor(LEADER), "monthly", NOV)
    table = next(t for sec in sheet.sections for t in sec.tables if t.key == "registry_coverage")
    with ctx.read() as s:
        assert table.rows == coverage_table(s, NOV).rows and table.totals == coverage_table(s, NOV).totals
    cells = " ".join(str(v) for sec in sheet.sections for t in sec.tables for row in t.rows for v in row)
    assert "欧阳" not in cells and "测试" not in cells and id_number(seq=200)[:10] not in cells


def test_the_monthly_key_figures_print_the_registry_figures_of_the_dashboard(ctx):
    sm = small_street(ctx)
    a_registry(ctx, sm)
    board = dashboard(ctx.as_actor(LEADER), "month")
    sheet = build_sheet(ctx.as_actor(LEADER), "monthly", NOV)
    printed = {r[0]: r[1] for t in sheet.tables if t.key == "key_figures" for r in t.rows}
    assert printed["规范化服务走访覆盖率"] == board.figure("visit_coverage").value == 0.5
    assert printed["网格基础信息采集登记率"] == board.figure("registration").value == 0.6


def test_before_anyone_is_on_record_the_registry_figures_say_no_data(ctx):
    small_street(ctx)   # households on the map, nobody in the registry yet
    board = dashboard(ctx.as_actor(LEADER), "month")
    assert board.figure("registration").empty and board.figure("visit_coverage").empty
    sheet = build_sheet(ctx.as_actor(LEADER), "monthly", NOV)
    table = next(t for t in sheet.tables if t.key == "registry_coverage")
    assert table.empty and "尚未录入" in table.empty_text
