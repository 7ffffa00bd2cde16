"""The WeChat paste helper on real-looking messages, and on 200 real citizen messages."""
from __future__ import annotations

import csv
from datetime import datetime, timezone

import pytest

from desk.clock import local
from desk.services.incidents import codes
from desk.services.incidents.locate import Gazetteer
from desk.services.incidents.wechat import parse_message

NOW = datetime(2026, 11, 25, 6, 30, tzinfo=timezone.utc)  # 14:30 in Shanghai
GAZ = Gazetteer(((1, "兴钢社区"), (2, "白云社区"), (3, "李辉庄村")),
                ((10, 1, "兴钢社区第1网格"), (11, 1, "兴钢社区第2网格"), (20, 2, "白云社区第1网格")))


def test_the_fire_exit_message_from_the_scenario():
    p = parse_message("兴钢社区3号楼消防通道被电动车堵了，拍了照片，已经提醒了物业", NOW, GAZ)
    assert p.community_name == "兴钢社区" and p.community_id == 1
    assert (p.kind, p.sub_kind, p.source) == ("fire_hazard", "exit_blocked", "wechat")
    assert p.address == "兴钢社区3号楼" and p.title == "兴钢社区3号楼消防通道被电动车堵了"
    assert p.reported_at == NOW and not p.police


@pytest.mark.parametrize("text,kind,sub,urgent,police", [
    ("白云社区两户邻居因为院墙吵起来了，声音很大", "dispute", "neighbour", False, False),
    ("李辉庄村有人打架，有人受伤了，快来！", "public_order", "", True, True),
    ("白云社区5号楼燃气漏气，味道很大", "safety_hazard", "gas", True, False),
    ("兴钢社区独居老人张大爷两天没出门了", "special_population", "", False, False),
    ("李辉庄村北街路灯坏了三天了", "request", "lighting", False, False),
    ("兴钢社区2号楼楼道里有人飞线充电", "fire_hazard", "ebike", False, False),
    ("今天天气不错", "other", "", False, False),
])
def test_kinds_urgency_and_police_are_guessed_from_the_words(text, kind, sub, urgent, police):
    p = parse_message(text, NOW, GAZ)
    assert (p.kind, p.sub_kind, p.urgent, p.police) == (kind, sub, urgent, police)


def test_the_grid_named_in_the_text_is_taken_with_its_community():
    p = parse_message("兴钢社区第2网格网格员：3号楼门口有积水", NOW, GAZ)
    assert (p.grid_id, p.community_id) == (11, 1)


@pytest.mark.parametrize("text,expected", [
    ("今天上午9点半白云社区有人吵架", "2026-11-25 09:30"),
    ("昨晚10点李辉庄村停电了", "2026-11-24 22:00"),
    ("11月23日下午3点兴钢社区水管爆了", "2026-11-23 15:00"),
    ("下午4点兴钢社区3号楼有人吵架", "2026-11-24 16:00"),  # 16:00 today is still to come: yesterday
])
def test_the_time_spoken_of_is_taken_and_never_in_the_future(text, expected):
    p = parse_message(text, NOW, GAZ)
    assert local(p.reported_at).strftime("%Y-%m-%d %H:%M") == expected
    assert p.reported_at <= NOW


def test_a_building_number_is_not_taken_for_a_time():
    p = parse_message("兴钢社区3号楼消防通道堵了", NOW, GAZ)
    assert p.reported_at == NOW and "时间" not in p.found


def test_200_real_citizen_messages_are_all_parsed_into_known_codes(shared_data):
    path = shared_data / "messages" / "messages-sample-200.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 200
    kinds = []
    for r in rows:
        p = parse_message(r["留言主题"] + "。" + r["留言详情"], NOW, GAZ)
        assert p.kind in codes.KINDS and p.source in codes.SOURCES
        assert p.reported_at <= NOW and p.title and len(p.title) <= 40
        kinds.append(p.kind)
    # a city message board is mostly requests and hazards: most messages must get a real kind
    assert sum(k != "other" for k in kinds) >= 170
    assert kinds.count("request") > kinds.count("dispute")
