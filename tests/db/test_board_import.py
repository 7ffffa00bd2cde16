"""Importing a messy hotline export: headers recognised, blank rows, tabs and newlines, dates in several
formats, a repeated work-order number, bad rows by line, --skip-bad, idempotent re-import, XLSX."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import GRIDMAN, LIAISON, WANG, small_street  # noqa: E402

from desk.clock import local  # noqa: E402
from desk.models import Event  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import PermissionDenied, ValidationError  # noqa: E402
from desk.services.incidents.importer import import_events, parse_map  # noqa: E402

GOOD = [
    ["工单编号", "来电时间", "诉求内容", "地址", "诉求类型", "来电号码", "备注"],
    ["GD001", "2026-11-24 08:15:00", "兴钢社区3号楼\t楼道\n水管漏水", "兴钢社区3号楼", "供水", "13800001111", ""],
    ["GD002", "2026/11/24 9:30", "李辉庄村北街路灯不亮", "李辉庄村北街", "市政设施", "", "x"],
    ["GD003", "2026年11月23日 16:05", "邻居装修噪音扰民", "兴钢社区1号楼", "噪声", "", ""],
    ["GD002", "2026/11/24 9:30", "李辉庄村北街路灯不亮", "李辉庄村北街", "市政设施", "", "重复"],
]
BAD = [["GD004", "前天下午", "时间看不懂", "", "", "", ""], ["GD005", "2026-11-24", "  \t ", "", "", "", ""]]


def write_csv(path: Path, rows, blank_tail=300) -> Path:
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerows(rows)
        w.writerows([[""] * 7] * blank_tail)
    return path


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    return ctx.as_actor(WANG)


def count(ctx):
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Event))


def test_a_clean_export_is_imported_with_its_times_places_and_kinds(duty, tmp_path):
    r = import_events(duty, write_csv(tmp_path / "hotline.csv", GOOD))
    assert (r.imported, r.already, r.bad) == (3, 0, ())
    assert len(r.warnings) == 1 and "GD002" in r.warnings[0] and "第5行" in r.warnings[0]
    rows = {x.title: x for x in inc.open_events(duty)}
    leak = next(x for x in rows.values() if "水管漏水" in x.text)
    assert "\t" not in leak.text and leak.grid_name == "兴钢社区第2网格" and leak.source == "hotline_12345"
    assert local(leak.reported_at).strftime("%Y-%m-%d %H:%M") == "2026-11-24 08:15"
    lamp = next(x for x in rows.values() if "路灯" in x.title)
    assert (lamp.kind, lamp.sub_kind, lamp.community_name) == ("request", "lighting", "李辉庄村")


def test_importing_the_same_file_again_adds_nothing(duty, tmp_path):
    path = write_csv(tmp_path / "hotline.csv", GOOD)
    import_events(duty, path)
    again = import_events(duty, path)
    assert (again.imported, again.already) == (0, 3)
    assert count(duty) == 3


def test_a_file_with_bad_rows_imports_nothing_and_names_each_line(duty, tmp_path):
    with pytest.raises(ValidationError) as err:
        import_events(duty, write_csv(tmp_path / "bad.csv", GOOD + BAD))
    problems = err.value.problems
    assert any(p.startswith("第6行") and "时间" in p for p in problems)
    assert any(p.startswith("第7行") and "内容" in p for p in problems)
    assert count(duty) == 0


def test_skip_bad_imports_the_good_rows_and_reports_the_rest(duty, tmp_path):
    r = import_events(duty, write_csv(tmp_path / "bad.csv", GOOD + BAD), skip_bad=True)
    assert r.imported == 3 and len(r.bad) == 2
    assert count(duty) == 3


def test_a_required_grid_that_cannot_be_found_is_a_bad_row(duty, tmp_path):
    rows = [GOOD[0], ["GD9", "2026-11-24 10:00", "市中心广场有人摆摊", "市中心广场", "", "", ""]]
    with pytest.raises(ValidationError) as err:
        import_events(duty, write_csv(tmp_path / "g.csv", rows), require_grid=True)
    assert "网格" in err.value.problems[0]


def test_other_headers_are_named_with_a_map_and_xlsx_dates_are_read(duty, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["单号", "发生时间", "问题描述", "位置"])
    ws.append(["X1", datetime(2026, 11, 24, 14, 30), "白天有人在小区里吵架", "兴钢社区1号楼"])
    ws.append(["X2", "20261124153000", "宅基地边界纠纷", "李辉庄村"])
    for _ in range(500):
        ws.append([None, None, None, None])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    mapping = parse_map("source_no=单号,reported_at=发生时间,description=问题描述,address=位置")
    r = import_events(duty, path, mapping=mapping)
    assert r.imported == 2
    kinds = sorted((x.kind, x.sub_kind) for x in inc.open_events(duty))
    assert kinds == [("dispute", ""), ("dispute", "land")]
    with pytest.raises(ValidationError):
        parse_map("colour=颜色")
    with pytest.raises(ValidationError):
        import_events(duty, path, mapping=parse_map("description=不存在的列"))


def test_only_roles_that_report_may_import(duty, tmp_path):
    path = write_csv(tmp_path / "hotline.csv", GOOD)
    with pytest.raises(PermissionDenied):
        import_events(duty.as_actor(LIAISON), path)
    assert import_events(duty.as_actor(GRIDMAN), path).imported == 3


def test_the_real_citizen_messages_import_with_a_map(duty, shared_data):
    path = shared_data / "messages" / "messages-sample-200.csv"
    r = import_events(duty, path, mapping=parse_map("source_no=留言编号,reported_at=留言时间,title=留言主题,"
                                                    "description=留言详情,kind=一级分类"), skip_bad=True)
    assert r.imported + len(r.bad) + len(r.warnings) == 200
    assert r.imported >= 190


def test_a_caller_who_calls_twice_is_found_by_one_number_and_both_phones_read_back(duty, tmp_path):
    rows = [GOOD[0], ["GD101", "2026-11-24 08:15", "楼道堆物", "兴钢社区3号楼", "", "138-0000 2222", ""],
            ["GD102", "2026-11-24 09:15", "楼道又堆物", "兴钢社区3号楼", "", "138-0000 2222", ""],
            ["GD103", "2026-11-24 10:15", "路灯不亮", "李辉庄村北街", "", "13800003333", ""]]
    assert import_events(duty, write_csv(tmp_path / "calls.csv", rows)).imported == 3
    with duty.read() as s:
        found = {no: (enc, idx) for no, enc, idx in s.execute(select(Event.source_no, Event.phone_enc, Event.phone_idx))}
    assert {no: duty.cipher.decrypt(enc) for no, (enc, _idx) in found.items()} == {
        "GD101": "138-0000 2222", "GD102": "138-0000 2222", "GD103": "13800003333"}
    assert found["GD101"][1] == found["GD102"][1] == duty.cipher.blind("13800002222") != found["GD103"][1]
    assert found["GD103"][1] == duty.cipher.blind("13800003333")


def test_a_street_with_very_many_numbered_events_still_skips_the_ones_it_has(duty, tmp_path, monkeypatch):
    import desk.services.incidents.import_write as import_write

    path = write_csv(tmp_path / "hotline.csv", GOOD)
    assert import_events(duty, path).imported == 3
    monkeypatch.setattr(import_write, "KNOWN_NUMBERS", 0)  # numbers looked up batch by batch
    more = write_csv(tmp_path / "more.csv", [*GOOD, ["GD009", "2026-11-24 10:00", "新的诉求", "", "", "", ""]])
    r = import_events(duty, more)
    assert (r.imported, r.already, count(duty)) == (1, 3, 4)
