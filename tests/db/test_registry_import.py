"""`desk import people`: a spreadsheet written the way a community office writes one. Each bad row is
named by line and column; a dry run writes nothing; by default a bad row stops the whole file; --skip-bad
takes the good ones; re-importing changes nothing; an update of a known person says what changes."""
from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desk.cli import main
from desk.models import Person
from desk.services.errors import ValidationError
from desk.services.registry.export import export_people
from desk.services.registry.import_people import import_people
from tests.board_support import LEADER, WANG, small_street
from tests.registry_support import id_number

HEAD = ["序号", "姓名", "性别", "出生日期", "公民身份号码", "联系电话", "人口类型", "与户主关系", "所属网格", "现住址"]
G2 = "兴钢社区第2网格"


def office_rows():
    good = [
        [1, "张三", "男", "1985-03-15", id_number(seq=123), "13812341234", "户籍", "户主", G2, "兴钢社区3号楼1单元101"],
        [2, "李梅", "女", date(1985, 3, 15), id_number(seq=124).lower(), "0371-61234567", "常住", "配偶", G2, "兴钢社区3号楼1单元101"],
        [3, "王五", "男", "", id_number(seq=125)[:6] + id_number(seq=125)[8:17], "", "流动", "租户", G2, "兴钢社区3号楼2单元502"],
    ]
    bad_check = id_number(seq=127)[:17] + ("0" if id_number(seq=127)[17] != "0" else "1")
    first = "410481198502301" + "27"
    bad = [
        [4, "赵六", "男", "", bad_check, "13812341235", "户籍", "户主", G2, "兴钢社区3号楼1单元201"],        # checksum
        [5, "钱七", "男", "", first + "1", "", "户籍", "户主", G2, "兴钢社区3号楼1单元202"],                 # 2月30日
        [6, "孙八", "男", "", id_number(seq=128), "", "户籍", "户主", G2, "兴钢社区3号楼1单元203"],           # sex: 8 → female
        [7, "", "女", "", id_number(seq=130), "", "户籍", "户主", G2, "兴钢社区3号楼1单元204"],                # no name
        [8, "张三丰", "男", "", id_number(seq=123), "", "户籍", "户主", G2, "兴钢社区3号楼1单元205"],         # duplicate of line 2
        [9, "周九", "男", "", id_number(seq=131), "1381234", "户籍", "户主", G2, "兴钢社区3号楼1单元206"],    # short phone
    ]
    return good, bad


def write_xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def count(ctx):
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_each_bad_row_is_named_by_its_line_and_column_in_a_dry_run_that_writes_nothing(ctx, tmp_path):
    small_street(ctx)
    good, bad = office_rows()
    f = write_xlsx(tmp_path / "兴钢社区人口.xlsx", good + bad)
    r = import_people(ctx.as_actor(WANG), f, dry_run=True)
    lines = {b.line: b for b in r.bad}
    assert sorted(lines) == [5, 6, 7, 8, 9, 10]
    assert "校验位" in lines[5].reason and lines[5].column == "公民身份号码"
    assert "出生日期" in lines[6].reason
    assert lines[7].column == "性别"
    assert lines[8].column == "姓名"
    assert "第2行" in lines[9].reason
    assert lines[10].column == "联系电话"
    assert not r.written and count(ctx) == 0
    assert r.report.exists() and "第5行" in r.report.read_text(encoding="utf-8-sig")


def test_by_default_a_file_with_bad_rows_imports_nothing_and_skip_bad_imports_the_good_ones(ctx, tmp_path):
    small_street(ctx)
    good, bad = office_rows()
    f = write_xlsx(tmp_path / "p.xlsx", good + bad)
    assert not import_people(ctx.as_actor(WANG), f).written and count(ctx) == 0
    r = import_people(ctx.as_actor(WANG), f, skip_bad=True)
    assert r.written and r.new == 3 and count(ctx) == 3
    with ctx.read() as s:  # people at a household's address belong to it
        homes = dict(s.execute(select(Person.name, Person.household_id)).all())
    assert homes["张三"] is not None and homes["张三"] == homes["李梅"] and homes["王五"] is None
    again = import_people(ctx.as_actor(WANG), f, skip_bad=True)
    assert (again.new, again.changed, again.same) == (0, 0, 3) and not again.written


def test_a_sheet_with_a_title_row_over_its_header_is_read_and_rows_keep_their_excel_line(ctx, tmp_path):
    small_street(ctx)
    good, bad = office_rows()
    wb = Workbook()
    ws = wb.active
    ws.append(["院岭街道兴钢社区实有人口登记表"])   # the office's title, merged over the columns
    ws.append([None])
    ws.append(HEAD)
    for r in good + bad[:1]:
        ws.append(r)
    wb.save(tmp_path / "登记表.xlsx")
    r = import_people(ctx.as_actor(WANG), tmp_path / "登记表.xlsx", dry_run=True)
    assert r.new == 3 and [(b.line, b.column) for b in r.bad] == [(7, "公民身份号码")]


def test_an_update_of_a_known_person_shows_what_changes(ctx, tmp_path):
    small_street(ctx)
    good, _ = office_rows()
    import_people(ctx.as_actor(WANG), write_xlsx(tmp_path / "a.xlsx", good))
    good[0][5], good[0][6] = "13900001111", "流动"
    r = import_people(ctx.as_actor(WANG), write_xlsx(tmp_path / "b.xlsx", good), dry_run=True)
    assert r.changed == 1 and "联系电话 已变更" in r.changes[0] and "户籍人口→流动人口" in r.changes[0]
    assert r.changes[0].startswith("第2行 张三")


def test_a_birth_date_cell_contradicting_the_number_is_named(ctx, tmp_path):
    small_street(ctx)
    f = write_xlsx(tmp_path / "d.xlsx", [[1, "张三", "男", date(1985, 3, 16), id_number(), "", "户籍", "户主", G2, ""]])
    (bad,) = import_people(ctx.as_actor(WANG), f, dry_run=True).bad
    assert bad.line == 2 and bad.column == "出生日期" and "1985-03-15" in bad.reason


def test_gb18030_csv_and_a_custom_header_map(ctx, tmp_path):
    small_street(ctx)
    f = tmp_path / "gbk.csv"
    with f.open("w", encoding="gb18030", newline="") as out:
        csv.writer(out).writerows([["名单姓名", "身份证号", "网格"], ["张三", id_number(), G2]])
    r = import_people(ctx.as_actor(WANG), f, mapping={"name": "名单姓名"})
    assert r.written and r.new == 1


def test_an_id_number_excel_kept_as_a_number_names_the_excel_cause(ctx, tmp_path):
    small_street(ctx)
    f = write_xlsx(tmp_path / "num.xlsx", [[1, "张三", "男", "", float(id_number()), "", "户籍", "户主", G2, ""]])
    r = import_people(ctx.as_actor(WANG), f, dry_run=True)
    assert len(r.bad) == 1 and "Excel" in r.bad[0].reason and "文本" in r.bad[0].reason


def test_a_file_without_the_id_column_says_which_columns_it_has(ctx, tmp_path):
    small_street(ctx)
    f = tmp_path / "x.csv"
    f.write_text("姓名,电话\n张三,13812341234\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="身份证号.*姓名、电话"):
        import_people(ctx.as_actor(WANG), f)


def test_export_masks_numbers_unless_the_role_may_unmask_and_asks(ctx, tmp_path):
    small_street(ctx)
    good, _ = office_rows()
    import_people(ctx.as_actor(WANG), write_xlsx(tmp_path / "a.xlsx", good))
    out = tmp_path / "out.xlsx"
    assert export_people(ctx.as_actor(LEADER), out) == 3
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert id_number() not in cells and id_number()[:4] + "*" * 10 + id_number()[-4:] in cells
    assert "138****1234" in cells
    export_people(ctx.as_actor(WANG), out, unmasked=True)
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert id_number() in cells


def test_the_command_line_names_bad_rows_and_writes_a_report_beside_the_file(db_url, tmp_path, capsys):
    if not db_url.startswith("sqlite"):
        pytest.skip("one engine is enough for the command line")
    from desk.config import Settings
    from desk.db import Database
    from desk.services.context import Context
    database = Database(db_url)
    small_street(Context(db=database, settings=Settings()))
    database.dispose()
    good, bad = office_rows()
    f = write_xlsx(tmp_path / "p.xlsx", good + bad)
    assert main(["import", "people", str(f), "--dry-run", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "问题行 6 行" in out and "第5行 [公民身份号码]" in out and "未写入" in out
    assert (tmp_path / "p.导入报告.txt").exists()
    assert main(["import", "people", str(f), "--db", db_url]) == 1
    assert main(["import", "people", str(f), "--skip-bad", "--db", db_url]) == 0
    assert "新增 3 人" in capsys.readouterr().out


def test_the_command_line_prints_coverage_and_sets_a_visit_interval(db_url, tmp_path, capsys):
    if not db_url.startswith("sqlite"):
        pytest.skip("one engine is enough for the command line")
    from desk.config import Settings
    from desk.db import Database
    from desk.models import CareLevel
    from desk.services.context import Context
    database = Database(db_url)
    small_street(Context(db=database, settings=Settings()))
    assert main(["registry", "coverage", "--month", "2026-11", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "走访覆盖率" in out and "兴钢社区第2网格" in out and "合计" in out
    assert main(["registry", "interval", "--level", "1", "--days", "10", "--db", db_url]) == 0
    with Context(db=database, settings=Settings()).read() as s:
        assert s.get(CareLevel, 1).visit_days == 10
    assert main(["registry", "interval", "--level", "1", "--days", "0", "--db", db_url]) != 0
    database.dispose()


def test_without_a_grid_column_the_grid_comes_from_the_community_or_the_address(ctx, tmp_path):
    sm = small_street(ctx)
    f = tmp_path / "no-grid.csv"
    with f.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([
            ["姓名", "身份证号码", "所属社区", "现住址", "与户主关系", "联系电话"],
            ["张三", id_number(seq=123), "李辉庄村", "李辉庄村前街5号", "儿媳", "13812341234/0371-61234567"],
            ["李四", id_number(seq=125), "兴钢社区", "兴钢社区3号楼1单元101", "户主", ""],
            ["王五", id_number(seq=127), "兴钢社区", "不知道哪里", "户主", ""],
        ])
    r = import_people(ctx.as_actor(WANG), f, skip_bad=True)
    assert r.new == 2 and [(b.line, b.column) for b in r.bad] == [(4, "所属网格")]
    with ctx.read() as s:
        grids = dict(s.execute(select(Person.name, Person.grid_id)).all())
        relation = s.scalar(select(Person.relation).where(Person.name == "张三"))
    assert grids == {"张三": sm.village_grid, "李四": sm.grid2} and relation == "other"


def test_grid_staff_export_only_their_own_grids_people_masked_and_never_in_full(ctx, tmp_path):
    from desk.services.errors import PermissionDenied
    from tests.registry_support import grid_worker_of
    sm = small_street(ctx)
    good, _ = office_rows()
    good.append([4, "赵四", "男", "", id_number(seq=141), "", "户籍", "户主", "兴钢社区第1网格", "兴钢社区1号楼1单元101"])
    import_people(ctx.as_actor(WANG), write_xlsx(tmp_path / "a.xlsx", good))
    worker = ctx.as_actor(grid_worker_of(ctx, sm.grid2, sm.worker_id))
    out = tmp_path / "mine.xlsx"
    assert export_people(worker, out) == 3
    names = [r[0] for r in load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert "赵四" not in names
    with pytest.raises(PermissionDenied):
        export_people(worker, out, unmasked=True)
