"""A new street's staff and departments from the street office's sheets: every bad row named, nothing
written while one is bad, the good ones with --skip-bad; a grid leader leads the grids named, a grid
worker's account then sees exactly those grids; re-importing changes nothing."""
from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desk.models import Department, Grid, Staff, StaffRole
from desk.services.errors import ValidationError
from desk.services.scope import grid_scope
from desk.services.staff_import import import_departments, import_staff
from tests.board_support import small_street

HEAD = ["序号", "姓名", "职务", "所属社区", "所属网格", "联系电话", "所属部门"]


def sheet(tmp_path, rows, title=True):
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["院岭街道网格工作人员花名册"])
    ws.append(HEAD)
    for i, r in enumerate(rows, 1):
        ws.append([i, *r])
    wb.save(tmp_path / "花名册.xlsx")
    return tmp_path / "花名册.xlsx"


ROWS = [["韩立", "网格长", "兴钢社区", "兴钢社区第1网格、兴钢社区第2网格", "13903751234", ""],
        ["苏梅", "专职网格员", "兴钢社区", "兴钢社区第2网格", "13903751235", ""],
        ["钱城管", "部门联络员", "", "", "13903751238", "消防"],
        ["孙某", "网格管理员", "兴钢社区", "兴钢社区第1网格", "139", ""],
        ["周某", "专职网格员", "兴钢社区", "兴钢社区第9网格", "", ""]]


def staff_count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Staff))


def test_every_bad_row_is_named_and_nothing_is_written_until_skip_bad(ctx, tmp_path):
    small_street(ctx)
    before = staff_count(ctx)
    path = sheet(tmp_path, ROWS)
    r = import_staff(ctx, path)
    assert not r.written and staff_count(ctx) == before and r.new == 3
    assert [(b.line, b.column) for b in r.bad] == [(6, "职务"), (6, "联系电话"), (7, "所属网格")]
    assert "兴钢社区第9网格" in r.bad[2].reason and r.report.exists()
    r = import_staff(ctx, path, skip_bad=True)
    assert r.written and staff_count(ctx) == before + 3
    again = import_staff(ctx, path, skip_bad=True)
    assert (again.new, again.changed, again.same) == (0, 0, 3) and not again.written


def test_a_grid_leader_leads_the_grids_named_and_a_workers_account_sees_only_theirs(ctx, tmp_path):
    from desk.models import Role
    from desk.services.unit import Actor

    sm = small_street(ctx)
    import_staff(ctx, sheet(tmp_path, ROWS[:3]))
    with ctx.read() as s:
        leaders = dict(s.execute(select(Grid.id, Grid.leader_id)).all())
        staff = {st.name: st for st in s.scalars(select(Staff))}
        assert leaders[sm.grid1] == leaders[sm.grid2] == staff["韩立"].id
        assert staff["钱城管"].role == StaffRole.DEPARTMENT_LIAISON and staff["钱城管"].department_id == sm.department_id
        worker = Actor("sumei", "苏梅", Role.GRID_STAFF.value, staff_id=staff["苏梅"].id)
        assert grid_scope(s, worker) == frozenset({sm.grid2})


def test_departments_come_from_a_sheet_and_a_bad_line_stops_it(ctx, tmp_path):
    small_street(ctx)
    good = tmp_path / "部门.csv"
    good.write_text("代码,名称,简称\nYK01,垭口街道综合行政执法中队,城管\nYK02,垭口消防救援站,消防\n", encoding="utf-8")
    assert import_departments(ctx, good) == (2, 0, 0)
    assert import_departments(ctx, good) == (0, 0, 2)
    bad = tmp_path / "坏.csv"
    bad.write_text("代码,名称,简称\nYK03,垭口派出所,\n", encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        import_departments(ctx, bad)
    assert any(p.startswith("第2行") and "简称" in p for p in e.value.problems)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Department).where(Department.code.like("YK%"))) == 2
