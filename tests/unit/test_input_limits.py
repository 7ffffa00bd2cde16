"""The text limits, declared once, and the pinyin search keys, linear in the text's length."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.services import limits
from desk.services.errors import ValidationError
from desk.services.incidents import search


@pytest.mark.parametrize("limit, value, words", [
    (limits.TITLE, "标" * 121, "标题不超过120字，现有121字 (title at most 120 characters)"),
    (limits.TITLE, "路灯\ud800", "标题含无效字符 U+D800 (title holds an invalid character)"),
    (limits.ADDRESS, "1号楼\n2单元", "地址含控制字符 U+000A (address holds a control character)"),
    (limits.DESCRIPTION, "a\x00b", "内容含控制字符 U+0000"),
    (limits.DESCRIPTION, "x\x85y", "内容含控制字符 U+0085"),
])
def test_a_text_over_its_limit_or_with_a_forbidden_character_is_named_with_the_field(limit, value, words):
    assert words in limit.problem(value)


@pytest.mark.parametrize("limit, value", [
    (limits.TITLE, "标" * 120), (limits.DESCRIPTION, "第一行\n\t第二行\r\n"), (limits.TITLE, ""),
    (limits.TITLE, None), (limits.ORG_NAME, "社区😀\u200b\u202e"),
])
def test_text_within_its_limit_and_printable_is_taken(limit, value):
    assert limit.problem(value) is None


def test_a_refusal_lists_every_problem_at_once():
    with pytest.raises(ValidationError) as exc:
        limits.require((limits.TITLE, "t" * 121), (limits.ADDRESS, "a\x01"), message="未保存")
    assert len(exc.value.problems) == 2 and str(exc.value).startswith("未保存")


def test_values_quoted_back_in_a_message_are_short_and_printable():
    assert limits.shown("x" * 1000) == "x" * 40 + "…"
    assert limits.shown("a\x00b\ud800") == "a b\ufffd"
    assert limits.first([str(i) for i in range(60)])[-1] == "…另有 10 个问题 (10 more)"


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=400))
def test_the_search_key_has_one_letter_for_every_character_of_any_text(text):
    assert len(search.initials(text)) == len(text)


def test_pinyin_is_never_asked_about_more_than_a_short_piece_however_long_the_text(monkeypatch):
    import pypinyin

    asked = []
    real = pypinyin.lazy_pinyin

    def spy(text, *a, **kw):
        asked.append(len(text))
        return real(text, *a, **kw)

    monkeypatch.setattr(pypinyin, "lazy_pinyin", spy)
    text = "张三家纠纷邻里噪音扰民请社区处理" * 2000  # 32,000 characters without a break
    keys = search.initials.__wrapped__(text)
    assert len(keys) == len(text) and keys.startswith("zsjjf")
    assert max(asked) <= search.CHUNK and sum(asked) == len(text)


def test_pieces_end_after_punctuation_so_phrases_keep_their_reading():
    text = "他们在银行工作，" * 20
    pieces = search.chunks(text)
    assert "".join(pieces) == text
    assert all(p.endswith("，") for p in pieces[:-1])
    assert search.initials.__wrapped__(text).startswith("tmzyhgz")  # 银行: yin hang, not yin xing


@pytest.mark.parametrize("query, normal", [("\x00", ""), ("路灯\x00不亮", "路灯 不亮"), ("zs\ud800jf", "zs jf"),
                                           ("  a\tb  ", "a b")])
def test_a_search_query_loses_what_no_text_can_hold(query, normal):
    assert search.normalise(query) == normal
