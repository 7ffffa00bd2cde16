"""Search in Chinese: substring, pinyin initials, and input that looks like SQL or LIKE wildcards."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import WANG, small_street  # noqa: E402

from desk.models import Event  # noqa: E402
from desk.services import incidents as inc  # noqa: E402


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    d = ctx.as_actor(WANG)
    for title, desc, addr in [("张三家纠纷", "夫妻为赡养老人争吵", "兴钢社区3号楼"),
                              ("路灯不亮", "北街路灯坏了三天", "李辉庄村北街"),
                              ("100%满意的回访", "居民说服务好_很好", "兴钢社区1号楼"),
                              ("消防通道堵塞", "电动车堵住消防通道", "兴钢社区2号楼")]:
        inc.report_event(d, inc.NewEvent(title=title, description=desc, address=addr, kind="other", source="phone"))
    return d


def titles(rows):
    return sorted(r.title for r in rows)


def test_substring_search_finds_chinese_text_in_title_description_or_address(duty):
    assert titles(inc.search_events(duty, "纠纷")) == ["张三家纠纷"]
    assert titles(inc.search_events(duty, "赡养")) == ["张三家纠纷"]
    assert titles(inc.search_events(duty, "李辉庄")) == ["路灯不亮"]
    assert titles(inc.search_events(duty, "兴钢 消防")) == ["消防通道堵塞"]


def test_pinyin_initials_find_the_event(duty):
    assert titles(inc.search_events(duty, "zsjf")) == ["张三家纠纷"]
    assert titles(inc.search_events(duty, "ZSJJF")) == ["张三家纠纷"]
    assert titles(inc.search_events(duty, "xftd")) == ["消防通道堵塞"]
    assert titles(inc.search_events(duty, "ldbl")) == ["路灯不亮"]
    assert inc.search_events(duty, "qwxyz") == ()


@pytest.mark.parametrize("query", ["' OR 1=1 --", "%%", "__", "\\", "'; DROP TABLE event; --", "\" OR \"\"=\"",
                                   "%' UNION SELECT phone_enc FROM event --"])
def test_input_that_looks_like_sql_or_wildcards_is_searched_for_literally(ctx, duty, query):
    assert inc.search_events(duty, query) == ()
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 4


def test_a_percent_or_underscore_is_matched_as_itself(duty):
    assert titles(inc.search_events(duty, "100%")) == ["100%满意的回访"]
    assert titles(inc.search_events(duty, "好_很")) == ["100%满意的回访"]
    assert titles(inc.search_events(duty, "%")) == ["100%满意的回访"]
    assert titles(inc.search_events(duty, "_")) == ["100%满意的回访"]


def test_closed_events_are_found_only_when_asked(duty):
    e = inc.search_events(duty, "路灯")[0]
    inc.transition(duty, e.id, "cancel", reason="误报")
    assert inc.search_events(duty, "路灯") == ()
    assert titles(inc.search_events(duty, "路灯", include_closed=True)) == ["路灯不亮"]


def test_the_wechat_helper_finds_community_grid_kind_and_source(duty):
    p = inc.prefill_from_message(duty, "兴钢社区3号楼消防通道被电动车堵了，拍了照片，已经提醒了物业")
    assert p.community_name == "兴钢社区" and p.grid_name == "兴钢社区第2网格"
    assert (p.kind, p.sub_kind, p.source) == ("fire_hazard", "exit_blocked", "wechat")
