"""Houses and units: imported from a community office's sheets (same rules as people), shown on their
cards, and the events that concern a person (raised by their visits or reported at their address)."""
from __future__ import annotations

from datetime import timedelta

from openpyxl import Workbook

from desk.services import registry as reg
from desk.services.figures.periods import local_today
from desk.services.registry import places
from desk.services.registry.import_places import import_houses, import_units
from tests.board_support import WANG, new, small_street
from tests.registry_support import id_number, person


def _sheet(path, head, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_houses_import_names_bad_rows_and_a_rented_house_shows_on_its_card(ctx, tmp_path):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    f = _sheet(tmp_path / "h.xlsx", ["房屋地址", "所属网格", "房屋用途", "房主", "面积"], [
        ["兴钢社区3号楼1单元101", "兴钢社区第2网格", "出租", "刘房东", 88],
        ["兴钢社区3号楼1单元102", "兴钢社区第2网格", "空置", "", ""],
        ["兴钢社区3号楼1单元103", "不存在的网格", "自住", "", ""],
        ["兴钢社区3号楼1单元104", "兴钢社区第2网格", "借住", "", "八十"],
    ])
    r = import_houses(duty, f, dry_run=True)
    assert sorted((b.line, b.column) for b in r.bad) == [(4, "所属网格"), (5, "房屋用途"), (5, "面积")]
    assert not import_houses(duty, f).written
    r = import_houses(duty, f, skip_bad=True)
    assert r.written and r.new == 2
    assert import_houses(duty, f, skip_bad=True).same == 2
    row = reg.add_person(duty, person(sm.grid2, residence="floating", relation="tenant"))
    owner = reg.add_person(duty, person(sm.grid1, name="刘房东", seq=131, address="兴钢社区1号楼1单元101"))
    f2 = _sheet(tmp_path / "h2.xlsx", ["房屋地址", "所属网格", "房屋用途", "房东身份证号"], [
        ["兴钢社区3号楼1单元101", "兴钢社区第2网格", "出租", id_number(seq=131)],
        ["兴钢社区3号楼1单元102", "兴钢社区第2网格", "空置", id_number(seq=133)]])
    r2 = import_houses(duty, f2, skip_bad=True)
    assert r2.changed == 1 and [(b.line, b.column) for b in r2.bad] == [(3, "房东身份证号")]
    addr = reg.address_nodes(duty, sm.grid2)
    card = places.house_card(duty, next(a.id for a in addr if a.full.endswith("101")))
    assert (card.use, card.owner, card.landlord, card.people, card.floating) == ("出租", "刘房东", "刘房东", 1, 1)
    assert owner.name == "刘房东"
    assert row.address.endswith("101")


def test_units_import_keys_on_the_credit_code_and_masks_the_phone(ctx, tmp_path):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    f = _sheet(tmp_path / "u.xlsx", ["单位名称", "所属网格", "单位类型", "统一社会信用代码", "联系电话", "地址"], [
        ["好邻居便利店", "兴钢社区第2网格", "商铺", "91410481MA00000001", "13812341234", "兴钢社区3号楼底商1号"],
        ["兴钢幼儿园", "兴钢社区第2网格", "学校", "12345", "", ""],
    ])
    r = import_units(duty, f, skip_bad=True)
    assert r.new == 1 and [(b.line, b.column) for b in r.bad] == [(3, "统一社会信用代码")]
    (unit,) = places.units_in(duty)
    assert unit.kind == "商铺" and unit.phone_masked == "138****1234" and unit.address.endswith("1号")
    assert import_units(duty, f, skip_bad=True).same == 1


def test_a_person_card_lists_the_events_their_visits_raised_and_those_at_their_address(ctx):
    sm = small_street(ctx)
    duty = ctx.as_actor(WANG)
    row = reg.add_person(duty, person(sm.grid2))
    new(duty, title="楼道电动车充电", address="兴钢社区3号楼1单元101", kind="fire_hazard")
    new(duty, title="别处的事", address="兴钢社区5号楼")
    vid = reg.record_visit(duty, reg.VisitInput(local_today(ctx.clock.now()) - timedelta(days=1), "赵网格",
                                                "燃气软管老化", person_id=row.id))
    reg.visit_to_board(duty, vid, kind="safety_hazard")
    titles = [e.title for e in places.person_events(duty, row.id)]
    assert "楼道电动车充电" in titles and any("燃气软管" in t for t in titles) and "别处的事" not in titles


def test_a_unit_card_lists_its_visits_and_the_events_they_raised_and_those_at_its_address(ctx, tmp_path):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    f = _sheet(tmp_path / "u.xlsx", ["单位名称", "所属网格", "单位类型", "地址"],
               [["好邻居便利店", "兴钢社区第2网格", "商铺", "兴钢社区3号楼底商1号"]])
    import_units(duty, f)
    (unit,) = places.units_in(duty)
    new(duty, title="门口堆放纸箱", address="兴钢社区3号楼底商1号", kind="fire_hazard")
    new(duty, title="别处的事", address="兴钢社区5号楼")
    vid = reg.record_visit(duty, reg.VisitInput(local_today(ctx.clock.now()), "赵网格", "灭火器过期", unit_id=unit.id))
    eid = reg.visit_to_board(duty, vid, kind="fire_hazard")
    assert [(v.target, v.event_id) for v in reg.visits_of(duty, unit_id=unit.id)] == [("好邻居便利店", eid)]
    titles = [e.title for e in places.unit_events(duty, unit.id)]
    assert "门口堆放纸箱" in titles and any("灭火器过期" in t for t in titles) and "别处的事" not in titles
