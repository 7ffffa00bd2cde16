"""How long, and of what characters, each piece of text a person types or imports may be.

The ONE place that declares the limits: the services check them (report, edit, import rows),
the forms size their fields and count characters from them, and the model columns are at
least as wide. A text over its limit is refused with a clear message naming the field and
the limit -- never silently cut, and never left to grow so big that deriving from it (pinyin
search keys, the audit record) takes minutes.

Characters: no text may hold a lone surrogate (it cannot be written as UTF-8) or a NUL
(PostgreSQL refuses it); one-line fields hold no control character at all; multi-line fields
may hold tabs and line breaks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desk.services.errors import ValidationError


@dataclass(frozen=True)
class Limit:
    label: str          # the field's name on screen (Chinese)
    english: str        # ... and in the English half of the message
    max: int            # characters
    multiline: bool = False

    def problem(self, value: str | None) -> str | None:
        """Why ``value`` cannot be taken, in one line; None when it can."""
        return text_problem(self, value)


# --- events (the board, imports) ---
TITLE = Limit("标题", "title", 120)
DESCRIPTION = Limit("内容", "description", 5000, multiline=True)
ADDRESS = Limit("地址", "address", 200)
REPORTER = Limit("报告人", "reporter", 32)
PHONE = Limit("电话", "phone", 20)
SOURCE_NO = Limit("工单编号", "work-order number", 40)
CATEGORY = Limit("分类", "category", 80)           # an imported row's own category (source_category)
DEPARTMENT = Limit("部门", "department", 64)       # an imported row's department as written there
REASON = Limit("原因", "reason", 200)              # cancelling, putting on record (挂账)
NOTE = Limit("说明", "note", 2000, multiline=True)  # steps, dispatch instructions, feedback, oversight
MEDIATOR = Limit("调解人", "mediator", 32)
MESSAGE = Limit("消息", "message", 5000, multiline=True)  # a pasted WeChat message
# --- organisation and accounts ---
ORG_NAME = Limit("名称", "name", 64)                # streets, communities, grids, beats
ORG_CODE = Limit("代码", "code", 20)
DEDICATED_TYPE = Limit("专属网格类型", "dedicated type", 24)
DISPLAY_NAME = Limit("姓名", "display name", 32)
MATTER_NAME = Limit("事项名称", "matter name", 80)
# --- searching ---
QUERY = Limit("搜索", "search", 100)

# --- files (bytes) ---
MAX_TABLE_FILE = 1024 * 1024 * 1024    # events CSV/XLSX (streamed: memory stays flat)
MAX_DIVISIONS_FILE = 300 * 1024 * 1024  # division codes CSV (the national village table is ~60 MB; streamed)
MAX_GEOJSON_FILE = 100 * 1024 * 1024   # grids / beats
MAX_LISTED = 50                        # problems listed in one message (the rest are counted)
MAX_CSV_CELL = 131_072                 # Python's csv default: a longer cell is a broken file, not a text

_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BLOCK_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
SPACES = re.compile(r"[ \t\u3000\xa0\r\n]+")  # what one_line folds into one space
_SPACES = SPACES


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def text_problem(limit: Limit, value: str | None) -> str | None:
    if not value:
        return None
    bad = _SURROGATE.search(value)
    if bad:
        return (f"{limit.label}含无效字符 {_char_name(bad.group())} "
                f"({limit.english} holds an invalid character)")
    bad = (_BLOCK_CONTROLS if limit.multiline else _LINE_CONTROLS).search(value)
    if bad:
        return (f"{limit.label}含控制字符 {_char_name(bad.group())} "
                f"({limit.english} holds a control character)")
    if len(value) > limit.max:
        return (f"{limit.label}不超过{limit.max}字，现有{len(value)}字 "
                f"({limit.english} at most {limit.max} characters)")
    return None


def problems(*pairs: tuple[Limit, str | None]) -> list[str]:
    """Every problem of several fields: ``problems((TITLE, t), (ADDRESS, a))``."""
    return [p for p in (text_problem(limit, value) for limit, value in pairs) if p]


def require(*pairs: tuple[Limit, str | None], message: str = "内容有误，未保存 (not saved)") -> None:
    found = problems(*pairs)
    if found:
        raise ValidationError(message, found)


def one_line(value: object) -> str:
    """A cell or a typed line tidied: runs of spaces, tabs and line breaks become one space."""
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value)).strip()


def printable(value: str) -> str:
    """``value`` with what no text may hold replaced (lone surrogates, control characters):
    for a search query or a message shown back, where refusing would only annoy."""
    value = _SURROGATE.sub("\ufffd", value)
    return _LINE_CONTROLS.sub(" ", value)


def storable(value: str | None) -> bool:
    """Whether any database can hold ``value`` at all (no NUL, no lone surrogate): a search for
    what cannot be stored finds nothing, without asking the database."""
    return not value or ("\x00" not in value and _SURROGATE.search(value) is None)


def shown(value: str, n: int = 40) -> str:
    """A value quoted back in a message: printable and at most ``n`` characters."""
    value = printable(value)
    return value if len(value) <= n else value[:n] + "…"


def first(found: list[str], n: int = MAX_LISTED) -> list[str]:
    """At most ``n`` problems of a long list, and how many more there are."""
    if len(found) <= n:
        return list(found)
    return [*found[:n], f"…另有 {len(found) - n} 个问题 ({len(found) - n} more)"]
