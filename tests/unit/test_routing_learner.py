"""The routing learner on its own: Chinese words, nearest past cases without a floor, naive Bayes,
and a case never proposing from itself."""
from __future__ import annotations

from desk.services.dispatch.learner import Learner
from desk.services.dispatch.routing import blend, confidence, ranked
from desk.services.dispatch.words import event_words, words

A, B = 1, 2


def test_chinese_text_is_cut_into_words_without_function_words_or_numbers():
    got = words("小区门口有人占道经营，我们希望有关部门处理12345")
    assert {"小区", "门口", "经营"} <= set(got)
    assert not {"我们", "希望", "12345", "，"} & set(got)
    assert event_words("垃圾没人清运", "晚上很臭").count("垃圾") == 2  # the title counts twice


def _learner():
    lr = Learner()
    lr.add(1, A, words("奶茶店售卖三无饮料"))
    lr.add(2, A, words("超市出售过期食品"))
    lr.add(3, B, words("广场舞音响噪音扰民"))
    lr.add(4, B, words("工地夜间施工噪音扰民"))
    return lr


def test_the_nearest_cases_and_the_words_speak_for_a_department():
    r = _learner().rank(words("楼下烧烤店噪音扰民到半夜"))
    assert ranked(r.shares)[0] == B and abs(sum(r.shares.values()) - 1) < 1e-9
    assert {n.case_id for n in r.neighbours[:2]} == {3, 4}
    assert "噪音" in r.words[B] or "扰民" in r.words[B]


def test_a_long_text_is_not_cut_off():
    noise = "今天天气很好，大家出门散步，邻里之间关系融洽。" * 100
    r = _learner().rank(words(noise + "奶茶店卖三无饮料"))
    assert ranked(r.shares)[0] == A and r.neighbours


def test_a_case_is_never_proposed_from_itself():
    lr = _learner()
    lr.add(5, A, words("河道发现鳄鱼"))
    alone = lr.rank(words("河道发现鳄鱼"), exclude=5)
    assert 5 not in {n.case_id for n in alone.neighbours} and alone.cases == 4
    assert lr.rank(words("河道发现鳄鱼")).neighbours[0].case_id == 5


def test_an_event_that_is_its_departments_only_case_is_proposed_from_the_others():
    # found by the state machine: a rerouted event whose department had no other case
    lr = Learner()
    lr.add(1, A, words("奶茶店售卖三无饮料"))
    lr.add(2, B, words("广场舞音响噪音扰民"))
    r = lr.rank(words("奶茶店售卖三无饮料"), exclude=1)
    assert set(r.shares) == {B} and abs(r.shares[B] - 1) < 1e-9 and r.cases == 1


def test_a_removed_case_is_forgotten():
    lr = _learner()
    lr.remove(3)
    lr.remove(4)
    assert set(lr.rank(words("噪音扰民")).shares) == {A}


def test_the_blend_keeps_both_sources_and_the_confidence_is_in_words():
    r = _learner().rank(words("楼下烧烤店噪音扰民到半夜"))
    both = blend({A: 1.0}, 1.0, r)
    assert set(both) == {A, B}
    assert confidence(both, 4, False) == "仅供参考"
    assert confidence({A: 0.9, B: 0.1}, 40, False) == "较有把握"
    assert confidence({A: 0.55, B: 0.45}, 400, False) == "仅供参考"
    assert confidence({}, 0, False) == ""


def test_segmentation_needs_no_download_writes_no_cache_and_logs_nothing(caplog, tmp_path, monkeypatch):
    import logging
    import tempfile

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    with caplog.at_level(logging.DEBUG):
        assert "电动车" in words("楼道里电动车充电")
    assert not caplog.records and not list(tmp_path.iterdir())
