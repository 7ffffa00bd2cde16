"""Other systems' exports as they really come: no silent loss (every row, blank rows free, numbers
unique per source, conflicting duplicates named), any export format (US dates, Excel serials,
English headers, coordinates in GCJ-02, a kind map) and messages a clerk can act on."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import WANG, small_street  # noqa: E402

from desk.clock import local  # noqa: E402
from desk.models import Event  # noqa: E402
from desk.services.errors import ValidationError  # noqa: E402
from desk.services.geo.gcj02 import wgs84_to_gcj02  # noqa: E402
from desk.services.incidents.import_time import parse_time  # noqa: E402
from desk.services.incidents.importer import import_events, parse_map  # noqa: E402

HEADER = ["工单编号", "来电时间", "诉求内容", "地址", "诉求类型"]


def write_csv(path: Path, rows, blank_tail: int = 0) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerows(rows)
        w.writerows([[""] * len(rows[0])] * blank_tail)
    return path


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    return ctx.as_actor(WANG)


def events(ctx, *where):
    with ctx.read() as s:
        return s.scalars(select(Event).where(*where).order_by(Event.id)).all()


def count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Event))


def test_every_row_of_a_big_file_is_imported_and_blank_rows_count_for_nothing(duty, tmp_path):
    rows = [HEADER] + [[f"N{i}", "2026-11-20 08:00", f"第{i}件 路灯不亮", "兴钢社区", "路灯"] for i in range(3000)]
    r = import_events(duty, write_csv(tmp_path / "big.csv", rows, blank_tail=5000))
    assert (r.rows, r.imported, r.bad) == (3000, 3000, ())
    assert count(duty) == 3000


def test_an_xlsx_with_65000_blank_trailing_rows_imports_its_real_rows(duty, tmp_path):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER)
    for i in range(5):
        ws.append([i + 1, "2026/11/20 8:00:00", f"楼道堆物 {i}", "兴钢社区1号楼", "环境卫生"])
    for _ in range(65_000):
        ws.append([""] * len(HEADER))
    ws.append(["99", "2026/11/21 9:00:00", "空行之后的一行也要导入", "李辉庄村", ""])
    wb.save(tmp_path / "board.xlsx")
    r = import_events(duty, tmp_path / "board.xlsx")
    assert (r.rows, r.imported) == (6, 6)
    assert sorted(e.source_no for e in events(duty)) == ["1", "2", "3", "4", "5", "99"]  # not "1.0"


def test_a_work_order_number_is_unique_per_source_not_across_sources(duty, tmp_path):
    board = write_csv(tmp_path / "board.csv", [HEADER, ["24", "2026-11-20 08:00", "占道施工有安全隐患", "", ""]])
    wechat = write_csv(tmp_path / "wechat.csv", [HEADER, ["24", "2026-11-21 09:00", "楼上漏水", "兴钢社区", ""]])
    assert import_events(duty, board, source="message_board").imported == 1
    assert import_events(duty, wechat, source="wechat").imported == 1
    again = import_events(duty, wechat, source="wechat")
    assert (again.imported, again.already) == (0, 1)
    assert sorted(e.source for e in events(duty)) == ["message_board", "wechat"]


def test_a_repeated_number_with_different_content_is_a_conflict_naming_both_lines(duty, tmp_path):
    rows = [HEADER, ["B7", "2026-11-20 08:00", "小区门口占道经营", "", "城乡建设"],
            ["B8", "2026-11-20 09:00", "路灯不亮", "", "城乡建设"],
            ["B7", "2026-11-20 08:00", "小区门口占道经营", "", "交通运输"]]
    path = write_csv(tmp_path / "board.csv", rows)
    with pytest.raises(ValidationError) as err:
        import_events(duty, path)
    conflict = err.value.problems[0]
    assert conflict.startswith("第4行") and "第2行" in conflict and "B7" in conflict and "分类" in conflict
    assert count(duty) == 0
    r = import_events(duty, path, skip_bad=True)
    assert r.imported == 2 and len(r.bad) == 1
    assert [e.source_category for e in events(duty, Event.source_no == "B7")] == ["城乡建设"]


def test_a_us_311_export_with_english_headers_coordinates_and_a_kind_map(duty, tmp_path):
    rows = [["Unique Key", "Created Date", "Closed Date", "Agency", "Complaint Type", "Descriptor",
             "Incident Address", "Resolution Description", "Latitude", "Longitude"],
            ["17000001", "03/01/2011 02:27:57 PM", "03/02/2011 09:10:00 AM", "NYPD", "Noise - Residential",
             "Loud Music/Party", "100 MAIN STREET", "The Police responded.", "40.7128", "-74.0060"],
            ["17000002", "03/01/2011 11:05:00 AM", "", "DOT", "Street Light Condition", "Street Light Out",
             "5 ELM AVENUE", "", "", ""],
            ["17000003", "03/02/2011 08:00:00 AM", "", "DOHMH", "Rodent", "Rat Sighting", "", "", "", ""]]
    kinds = tmp_path / "kinds.csv"
    kinds.write_text("their category,kind\nNoise - Residential,request/noise\nStreet Light Condition,民生诉求/路灯\n",
                     encoding="utf-8")
    r = import_events(duty, write_csv(tmp_path / "311.csv", rows), source="other_system", kind_map=kinds,
                      history=True)
    assert (r.imported, r.history) == (3, 3)
    assert any("Rodent(1)" in n for n in r.notes)  # a category the map does not name is said so
    noise, light, _rat = events(duty)
    assert (noise.kind, noise.sub_kind, noise.source_category) == ("request", "noise", "Noise - Residential")
    assert (light.kind, light.sub_kind) == ("request", "lighting")
    assert local(noise.reported_at).strftime("%Y-%m-%d %H:%M:%S") == "2011-03-01 14:27:57"
    assert local(noise.closed_at).strftime("%Y-%m-%d %H:%M") == "2011-03-02 09:10"
    assert (noise.lat, noise.lon, noise.source_department) == (40.7128, -74.006, "NYPD")
    assert noise.reply == "The Police responded." and not noise.is_open


def test_date_forms_are_detected_and_a_date_format_reads_day_first_dates(duty, tmp_path):
    def shown(value, fmt=None):
        return local(parse_time(value, fmt)).strftime("%Y-%m-%d %H:%M")

    assert shown("2020/1/6 12:09:38") == shown("2020-01-06T12:09:38") == shown("2020年1月6日 12时9分") == \
        shown(43836.50625) == shown("43836.50625") == "2020-01-06 12:09"
    assert shown("03/01/2011 02:27:57 PM") == "2011-03-01 14:27"
    path = write_csv(tmp_path / "dayfirst.csv", [HEADER, ["D1", "13/01/2020 08:30", "路灯不亮", "", ""]])
    with pytest.raises(ValidationError) as err:
        import_events(duty, path)
    assert "--date-format" in err.value.problems[0]
    import_events(duty, path, date_format="%d/%m/%Y %H:%M")
    assert local(events(duty)[0].reported_at).strftime("%Y-%m-%d %H:%M") == "2020-01-13 08:30"
    with pytest.raises(ValidationError):
        import_events(duty, path, date_format="%H:%M")


def test_gcj02_coordinates_are_stored_as_wgs84(duty, tmp_path):
    glon, glat = wgs84_to_gcj02(113.30, 33.80)
    rows = [["编号", "时间", "内容", "纬度", "经度"], ["G1", "2026-11-20 08:00", "路灯不亮", str(glat), str(glon)]]
    import_events(duty, write_csv(tmp_path / "amap.csv", rows), crs="gcj02")
    e = events(duty)[0]
    assert abs(e.lat - 33.80) < 1e-6 and abs(e.lon - 113.30) < 1e-6


def test_a_map_naming_a_missing_column_lists_the_columns_that_exist(duty, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["单号", "问题描述", "位置"], ["1", "路灯不亮", "兴钢社区"]])
    with pytest.raises(ValidationError) as err:
        import_events(duty, path, mapping=parse_map("description=问题描述,address=详细地址"))
    assert "详细地址" in str(err.value) and "单号、问题描述、位置" in str(err.value)


def test_a_work_order_number_excel_turned_into_scientific_notation_is_named_with_the_fix(duty, tmp_path):
    path = write_csv(tmp_path / "x.csv", [HEADER, ["2.02011E+13", "2026-11-20 08:00", "路灯不亮", "", ""]])
    with pytest.raises(ValidationError) as err:
        import_events(duty, path)
    assert "科学计数法" in err.value.problems[0] and "文本" in err.value.problems[0]


def test_skip_bad_that_can_import_nothing_is_refused_and_the_report_lists_every_row(duty, tmp_path):
    rows = [HEADER] + [[f"X{i}", "前天下午", "路灯不亮", "", ""] for i in range(30)]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ValidationError) as err:
        import_events(duty, path, skip_bad=True)
    assert "没有一行可以导入" in str(err.value)
    assert len([p for p in err.value.problems if p.startswith("第")]) == 20
    report = (tmp_path / "bad-导入问题.txt").read_text(encoding="utf-8-sig")
    assert report.count("前天下午") == 30
    assert count(duty) == 0


def test_a_title_line_above_the_header_is_passed_over(duty, tmp_path):
    rows = [["某市12345热线工单导出（2026年11月）", "", "", "", ""], HEADER,
            ["T1", "2026-11-20 08:00", "路灯不亮", "李辉庄村", "路灯"]]
    r = import_events(duty, write_csv(tmp_path / "titled.csv", rows))
    assert (r.rows, r.imported) == (1, 1)
    assert events(duty)[0].source_no == "T1"


def test_a_gb18030_csv_from_chinese_excel_and_a_broken_workbook(duty, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("工单编号,来电时间,诉求内容\nK1,2026/11/20 8:00,楼道堆放杂物\n".encode("gb18030"))
    assert import_events(duty, path).imported == 1
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a workbook")
    with pytest.raises(ValidationError, match="无法读取 Excel 文件"):
        import_events(duty, broken)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="另存为 .xlsx"):
        import_events(duty, old)


def test_an_open311_export_with_underscored_headers_is_understood(duty, tmp_path):
    rows = [["service_request_id", "requested_datetime", "service_name", "description", "address", "lat", "long",
             "agency_responsible", "status_notes", "updated_datetime"],
            ["101", "2012-04-01T10:00:00", "Graffiti", "Tag on the wall", "1 Main St", "37.77", "-122.41",
             "DPW", "Removed", "2012-04-03T09:00:00"]]
    r = import_events(duty, write_csv(tmp_path / "open311.csv", rows), source="other_system")
    assert (r.imported, r.history) == (1, 1)
    e = events(duty)[0]
    assert (e.source_no, e.source_category, e.source_department, e.reply, e.lon) == (
        "101", "Graffiti", "DPW", "Removed", -122.41)


def test_an_xlsx_whose_open_sheet_is_empty_is_read_from_the_sheet_with_the_data(duty, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    data = wb.active
    data.title = "工单"
    data.append(HEADER)
    data.append(["W1", "2026-11-20 08:00", "路灯不亮", "李辉庄村", "路灯"])
    wb.create_sheet("说明")
    wb.active = 1  # saved while the empty notes sheet was open
    wb.save(tmp_path / "export.xlsx")
    assert import_events(duty, tmp_path / "export.xlsx").imported == 1


def test_coordinates_inside_a_grid_place_the_event_in_that_grid(duty, tmp_path):
    from shapely.geometry import shape

    from desk.models import Grid

    with duty.read() as s:
        grid_id, geometry = s.execute(select(Grid.id, Grid.geometry).where(Grid.geometry.is_not(None))).first() \
            or (None, None)
    if geometry is None:
        pytest.skip("the small street has no grid polygons")
    import json

    inside = shape(json.loads(geometry)).representative_point()
    rows = [["编号", "时间", "内容", "纬度", "经度"], ["P1", "2026-11-20 08:00", "路灯不亮", str(inside.y), str(inside.x)]]
    import_events(duty, write_csv(tmp_path / "points.csv", rows))
    assert events(duty)[0].grid_id == grid_id
