"""Reading the national division-code files."""
import pytest

from desk.services.divisions import community_kind, parse, short_name
from desk.services.errors import ValidationError


def test_committee_names_are_shortened_as_people_say_them():
    assert short_name("兴钢社区居民委员会") == "兴钢社区"
    assert short_name("李辉庄村民委员会") == "李辉庄村"
    assert short_name("东关居委会") == "东关社区"
    assert short_name("院岭街道") == "院岭街道"


def test_villages_are_told_from_communities_by_code_and_name():
    assert community_kind("410481004201", "李辉庄村民委员会").value == "village"
    assert community_kind("410481004001", "兴钢社区居民委员会").value == "community"
    assert community_kind("410481004210", "新区居委会").value == "village"  # 2xx codes are villages


def test_street_and_community_levels_are_read_from_code_length():
    entries, _, skipped = parse("code,name\n410481,舞钢市\n410481004,院岭街道\n410481004001,兴钢社区居民委员会\n")
    assert [(e.code, e.level) for e in entries] == [("410481004", "street"), ("410481004001", "community")]
    assert skipped == 1


def test_padded_twelve_digit_codes_of_the_nbs_tables_are_understood():
    entries, _, skipped = parse("代码,名称\n410000000000,河南省\n410481004000,院岭街道\n410481004001,兴钢社区\n")
    assert [(e.code, e.level) for e in entries] == [("410481004", "street"), ("410481004001", "community")]
    assert skipped == 1


def test_each_bad_line_is_named_and_nothing_is_returned():
    text = ("code,name\n410481004,院岭街道\n41048100400A,坏代码\n4104810040011,太长\n"
            "410481004001,兴钢社区\n410481004001,重复\n410481004002,\n")
    with pytest.raises(ValidationError) as err:
        parse(text)
    problems = "\n".join(err.value.problems)
    assert "第3行" in problems and "not all digits" in problems
    assert "第4行" in problems and "13 digits" in problems
    assert "第6行" in problems and "duplicate of line 5" in problems
    assert "第7行" in problems and "name is empty" in problems
    assert len(err.value.problems) == 4


def test_a_file_without_code_and_name_columns_is_refused_with_the_columns_found():
    with pytest.raises(ValidationError, match="found: 编号, 单位"):
        parse("编号,单位\n1,2\n")
