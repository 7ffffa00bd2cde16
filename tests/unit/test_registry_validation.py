"""ID numbers by GB 11643 and phones, as a community office types them (made-up numbers, valid checksums)."""
from datetime import date

import pytest

from desk.services.registry.idcard import (
    IdNumberError, check_char, check_sex, looks_scientific, parse,
)
from desk.services.registry.phone import PhoneError, parse_phone


def make(area="410102", birth="19850315", seq="123"):
    first = area + birth + seq
    return first + check_char(first)


def test_the_published_gb11643_example_has_check_character_x():
    # The standard's own worked example: 11010519491231002X.
    assert check_char("11010519491231002") == "X"
    n = parse("11010519491231002X")
    assert n.birth == date(1949, 12, 31) and n.sex == "female"


def test_a_valid_number_gives_birth_date_and_sex():
    n = parse(make(seq="123"))
    assert n.birth == date(1985, 3, 15) and n.sex == "male"
    assert parse(make(seq="124")).sex == "female"


def test_a_lower_case_x_is_read_as_upper_case():
    assert parse("11010519491231002x").number == "11010519491231002X"


def test_spaces_and_full_width_digits_are_tolerated():
    number = make()
    spaced = f" {number[:6]} {number[6:14]} {number[14:]} "
    assert parse(spaced).number == number
    full = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse(full).number == number


def test_a_wrong_check_digit_names_the_expected_one():
    good = make()
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(IdNumberError, match=f"校验位.*应为{good[17]}"):
        parse(wrong)


def test_one_mistyped_digit_is_caught_by_the_checksum():
    good = make()
    bad = good[:10] + str((int(good[10]) + 1) % 10) + good[11:]
    with pytest.raises(IdNumberError):
        parse(bad)


def test_an_impossible_birth_date_is_refused():
    first = "410102" + "19850230" + "123"
    with pytest.raises(IdNumberError, match="出生日期"):
        parse(first + check_char(first))


def test_a_birth_date_in_the_future_is_refused():
    first = "410102" + "20990101" + "123"
    with pytest.raises(IdNumberError, match="不可能"):
        parse(first + check_char(first), today=date(2026, 11, 30))


def test_an_unknown_province_code_is_refused():
    first = "990102" + "19850315" + "123"
    with pytest.raises(IdNumberError, match="省级"):
        parse(first + check_char(first))


@pytest.mark.parametrize("text,length", [("41010219850315", 14), ("4101021985031512345", 19)])
def test_a_number_of_the_wrong_length_says_how_long_it_is(text, length):
    with pytest.raises(IdNumberError, match=f"{length}位"):
        parse(text)


def test_the_old_15_digit_form_is_converted_to_18_digits():
    old = "410102850315123"
    n = parse(old)
    assert n.converted and n.number == make(birth="19850315", seq="123")
    assert n.birth == date(1985, 3, 15) and n.sex == "male"


def test_excel_scientific_notation_is_named_as_the_cause():
    assert looks_scientific("4.10102E+17") and looks_scientific(4.10102198503151e17)
    with pytest.raises(IdNumberError, match="Excel.*科学计数法"):
        parse("4.10102E+17")
    with pytest.raises(IdNumberError, match="Excel"):
        parse(4.10102198503151e17)


def test_a_sex_column_contradicting_the_number_is_refused():
    n = parse(make(seq="124"))  # female
    check_sex(n, "female")
    with pytest.raises(IdNumberError, match="性别"):
        check_sex(n, "male")


@pytest.mark.parametrize("text,stored", [
    ("13812341234", "13812341234"), ("138 1234 1234", "13812341234"), ("+86 13812341234", "13812341234"),
    ("0371-61234567", "0371-61234567"), ("037161234567", "0371-61234567"), ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"), ("0371-6123456", "0371-6123456"), ("(0371)61234567", "0371-61234567"),
    ("0371-61234567-801", "0371-61234567-801"), ("13812341234.0", "13812341234"),
])
def test_phones_are_stored_in_one_form(text, stored):
    assert parse_phone(text) == stored


@pytest.mark.parametrize("text,reason", [
    ("1381234123", "11位"), ("138123412345", "11位"), ("12812341234", "13–19"), ("61234567", "区号"),
    ("abc", "格式"), ("", "为空"), ("0371-123", "格式"),
])
def test_bad_phones_are_refused_with_the_reason(text, reason):
    with pytest.raises(PhoneError, match=reason):
        parse_phone(text)


def test_every_registry_code_word_has_its_english():
    from desk.services.registry import codes
    from desk.views.area_words import REGISTRY_WORDS
    words = [*codes.SEXES.values(), *codes.RESIDENCES.values(), *codes.RELATIONS.values(), *codes.CATEGORIES.values(),
             *codes.LEVEL_NAMES.values(), *codes.HOUSE_USES.values(), *codes.UNIT_KINDS.values(),
             *codes.VISIT_STATES.values()]
    assert not sorted(w for w in words if w not in REGISTRY_WORDS)


@pytest.mark.parametrize("cell", ["1985-03-15", "1985/3/15", "1985.03.15", "19850315", "1985年3月15日",
                                  "1985-03-15T00:00:00", "1985-03-15 00:00:00", 31121, date(1985, 3, 15)])
def test_birth_date_cells_as_offices_write_them(cell):
    from desk.services.registry.import_people import _birth
    problems = []
    assert _birth(cell, problems) == date(1985, 3, 15) and not problems


def test_an_unreadable_birth_date_is_named():
    from desk.services.registry.import_people import _birth
    problems = []
    assert _birth("八五年", problems) is None and problems[0][0] == "birth"
