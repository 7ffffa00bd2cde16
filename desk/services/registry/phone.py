"""Phone numbers: mobiles (11 digits, 1[3-9]…) and landlines with an area code (010-12345678, 0371-6123456).

``parse_phone`` returns the number as stored (mobile: 11 digits; landline: ``0371-61234567`` with an
optional ``-ext``) or raises ``PhoneError`` with the reason in Chinese.
"""
from __future__ import annotations

import re

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$")
# Two- and three-digit area codes that begin 01/02 (010 Beijing, 020-029); all others are 4 digits (0371).
THREE_DIGIT_AREAS = re.compile(r"^0(10|2\d)")


class PhoneError(ValueError):
    """Not a phone number a person can be reached at; ``str()`` is the reason."""


def parse_phone(text: object) -> str:
    if text is None:
        raise PhoneError("电话为空 (no phone number)")
    s = str(text).strip().translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
    s = re.sub(r"[\s()（）]", "", s)
    if s.endswith(".0") and s[:-2].isdigit():  # Excel kept it as a number
        s = s[:-2]
    if s.startswith("+86"):
        s = s[3:].lstrip("-")
    elif s.startswith("0086"):
        s = s[4:].lstrip("-")
    if not s:
        raise PhoneError("电话为空 (no phone number)")
    if s.startswith("1"):
        digits = s.replace("-", "")
        if MOBILE.match(digits):
            return digits
        raise PhoneError(f"手机号应为11位且以13–19开头，此处为{len(digits)}位 "
                         f"(a mobile number has 11 digits starting 13–19; this has {len(digits)})")
    m = LANDLINE.match(s)
    if not m:
        if s.isdigit() and len(s) in (7, 8):
            raise PhoneError("固定电话须带区号，如0371-61234567 (a landline needs its area code)")
        raise PhoneError("电话号码格式不对：手机11位，固定电话带区号如0371-61234567 "
                         "(a mobile has 11 digits; a landline has its area code)")
    area, local, ext = m.groups()
    if THREE_DIGIT_AREAS.match(area) and len(area) != 3:
        area, local = area[:3], area[3:] + local
    if not THREE_DIGIT_AREAS.match(area) and len(area) != 4:
        raise PhoneError("区号不对：除010和02X外，区号为4位 (area codes other than 010/02X have 4 digits)")
    if len(local) not in (7, 8):
        raise PhoneError("固定电话号码应为7或8位 (a local number has 7 or 8 digits)")
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def is_valid_phone(text: object) -> bool:
    try:
        parse_phone(text)
        return True
    except PhoneError:
        return False
