"""Chinese resident ID numbers (GB 11643-1999): checksum, birth date, sex, the 15-digit old form.

Qt-free and database-free: the import, the screens and the services all validate through here.
``parse`` returns a frozen ``IdNumber`` or raises ``IdNumberError`` with a Chinese reason a community
office understands (which part of the number is wrong).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
# The first two digits: province-level division codes (GB/T 2260), 71/81/82 for Taiwan, HK, Macao.
PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                       50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91})
EARLIEST = date(1890, 1, 1)
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_WIDE = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")
_SPACES = re.compile(r"[\s\-]")


class IdNumberError(ValueError):
    """The number is not a valid ID number; ``str()`` is the reason in Chinese (with English)."""


@dataclass(frozen=True)
class IdNumber:
    number: str          # always the 18-digit form, upper-case X
    birth: date
    sex: str             # "male" / "female"
    converted: bool = False  # given in the 15-digit old form

    @property
    def area(self) -> str:
        return self.number[:6]

    def age_on(self, day: date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))


def check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def normalise(text: object) -> str:
    """What people type or paste: spaces, full-width digits, a lower-case x, a trailing '.0'."""
    if text is None:
        return ""
    s = str(text).strip().translate(_WIDE)
    if not s.isalnum():
        s = _SPACES.sub("", s)
    if s.startswith("'"):
        s = s[1:]
    return s.upper()


def looks_scientific(text: object) -> bool:
    """An ID number Excel stored as a number and shows as 4.10102E+17: its last digits are lost."""
    if isinstance(text, float):
        return True
    return bool(SCIENTIFIC.match(normalise(text)))


def parse(text: object, today: date | None = None) -> IdNumber:
    s = normalise(text)
    if not s:
        raise IdNumberError("身份证号为空 (the ID number is empty)")
    if isinstance(text, float) or ("E" in s and SCIENTIFIC.match(s)):
        raise IdNumberError("身份证号被Excel存成了数字（科学计数法，如4.10102E+17），末几位已丢失；"
                            "请把该列设为“文本”格式后重新填写 (Excel stored the ID number as a number in "
                            "scientific notation and lost its last digits; format the column as text)")
    if s.endswith(".0") and s[:-2].isdigit():
        raise IdNumberError("身份证号被Excel存成了数字，末位可能已丢失；请把该列设为“文本”格式 "
                            "(Excel stored the ID number as a number; format the column as text)")
    converted = False
    if len(s) == 15:
        if not s.isdigit():
            raise IdNumberError("15位身份证号只能由数字组成 (a 15-digit ID number holds digits only)")
        first17 = s[:6] + "19" + s[6:]
        s = first17 + check_char(first17)
        converted = True
    elif len(s) != 18:
        raise IdNumberError(f"身份证号应为18位（或旧式15位），此处为{len(s)}位 "
                            f"(an ID number has 18 digits, or 15 in the old form; this has {len(s)})")
    if not s[:17].isdigit() or not (s[17].isdigit() or s[17] == "X"):
        raise IdNumberError("身份证号前17位须为数字，末位为数字或X (17 digits and a digit or X)")
    if int(s[:2]) not in PROVINCES:
        raise IdNumberError(f"身份证号前两位{s[:2]}不是有效的省级行政区划代码 (no province has code {s[:2]})")
    try:
        birth = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        raise IdNumberError(f"身份证号中的出生日期{s[6:10]}-{s[10:12]}-{s[12:14]}不存在 "
                            f"(the birth date in the number does not exist)") from None
    today = today or date.today()
    if birth < EARLIEST or birth > today:
        raise IdNumberError(f"身份证号中的出生日期{birth.isoformat()}不可能 (impossible birth date)")
    expected = check_char(s[:17])
    if not converted and s[17] != expected:
        raise IdNumberError(f"身份证号校验位错误：末位应为{expected}，实为{s[17]}，请核对是否抄错 "
                            f"(checksum: the last character should be {expected})")
    sex = "male" if int(s[16]) % 2 else "female"
    return IdNumber(s, birth, sex, converted)


def check_sex(number: IdNumber, stated: str | None) -> None:
    """A sex column that contradicts the number's 17th digit."""
    if stated and stated != number.sex:
        said = "男" if number.sex == "male" else "女"
        raise IdNumberError(f"性别与身份证号不符：号码第17位表示{said} "
                            f"(the sex contradicts the ID number, whose 17th digit says {number.sex})")


def check_birth(number: IdNumber, stated: date | None) -> None:
    if stated and stated != number.birth:
        raise IdNumberError(f"出生日期与身份证号不符：号码中为{number.birth.isoformat()} "
                            f"(the birth date contradicts the ID number: {number.birth.isoformat()})")


def is_valid(text: object) -> bool:
    try:
        parse(text)
        return True
    except IdNumberError:
        return False
