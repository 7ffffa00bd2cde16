"""Full-text search in Chinese: substring, and pinyin initials ('zsjf' finds 张三家纠纷).

Each event stores the pinyin initials of its title, description and address (one letter per
character, so positions line up with the text). A query of Latin letters matches the initials
as a substring, or with at most ``GAP`` extra characters inside the match (张三家纠纷 → zsjjf
is found by zsjf). No SQL is ever built from the user's text: the database is asked with a
bound LIKE pattern whose wildcards are escaped, and the final decision is made in Python.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desk.services.limits import printable

GAP = 2
_LATIN = re.compile(r"^[a-z]+$")
# pypinyin's phrase segmentation costs the square of an unbroken run of Chinese characters
# (a 5 MB description took over ten minutes). The text is given to it in pieces of at most
# CHUNK characters, cut after punctuation or spaces where possible: linear in the text's length,
# and a phrase is cut (rarely changing one polyphone's initial) only inside very long runs.
CHUNK = 64
_BREAK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]")


def _other(chars: str) -> list[str]:
    return [c.lower() if c.isascii() and c.isalnum() else " " for c in chars]


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """One lower-case letter per character of ``text``: the pinyin initial of a Chinese character,
    a Latin letter or digit itself, a space for anything else."""
    if not text:
        return ""
    from pypinyin import Style, lazy_pinyin   # ~0.2 s to import: not on the window's start path
    out = []
    for piece in chunks(text):
        letters = "".join(p[:1] or " " for p in lazy_pinyin(piece, style=Style.FIRST_LETTER, errors=_other))
        out.append(letters.ljust(len(piece))[:len(piece)])  # one letter per character, whatever happens
    return "".join(out)


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, each ending after a
    non-Chinese character (punctuation, a space, a digit) where the piece has one."""
    out, start, n = [], 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            last = None
            for m in _BREAK.finditer(text, start, end):
                last = m
            if last is not None:
                end = last.end()
        out.append(text[start:end])
        start = end
    return out


def searchable(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def normalise(query: str) -> str:
    """One space between words; what no text can hold (a NUL, a lone surrogate, control
    characters) is dropped, so such a query finds what its other words find (PostgreSQL
    refuses a NUL in a parameter)."""
    return " ".join(printable(query or "").replace("\ufffd", " ").split()).strip()


def is_initials_query(query: str) -> bool:
    q = query.strip().lower()
    return len(q) >= 2 and bool(_LATIN.match(q))


def initials_match(query: str, inits: str) -> bool:
    q = query.strip().lower()
    if not q or not inits:
        return False
    if q in inits:
        return True
    start = inits.find(q[0])
    while start != -1:
        window = inits[start:start + len(q) + GAP]
        if _subsequence(q, window):
            return True
        start = inits.find(q[0], start + 1)
    return False


def _subsequence(q: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in q)


def matches(query: str, text: str, inits: str) -> bool:
    """Whether one event (its searchable text and stored initials) matches every word of ``query``."""
    for word in normalise(query).split(" "):
        if not word:
            continue
        if word.lower() in text.lower():
            continue
        if is_initials_query(word) and initials_match(word, inits):
            continue
        return False
    return True


def like_pattern(word: str) -> str:
    """A LIKE pattern for a bound parameter: the user's % and _ (and the escape) are literal."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def loose_initials_pattern(word: str) -> str:
    """'zsjf' → '%z%s%j%f%': a cheap pre-filter in SQL; ``initials_match`` decides."""
    return "%" + "%".join(word.lower()) + "%"


_TABLE: dict[int, str] | None = None
_NOT_INITIAL = re.compile(r"[^a-z0-9]")


def _readings() -> dict[int, str]:
    """pypinyin's character table (code point → "xíng,háng,..."), read straight from its JSON file:
    importing the package would also build its phrase segmenter (~1.5 s)."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "pinyin_dict.json"
        if path.is_file():
            return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    from pypinyin.pinyin_dict import pinyin_dict  # pragma: no cover - a bundle without the JSON file

    return pinyin_dict  # pragma: no cover


def _initial_table() -> dict[int, str]:
    """For str.translate: each Chinese character → the first letter of its most common reading,
    A-Z → a-z (built once, ~0.2 s)."""
    global _TABLE
    if _TABLE is None:
        import unicodedata

        table = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
        for code, readings in _readings().items():
            first = unicodedata.normalize("NFD", readings.split(",", 1)[0])[:1].lower()
            if first.isascii() and first.isalpha():
                table[code] = first
        _TABLE = table
    return _TABLE


def initials_fast(text: str) -> str:
    """``initials`` a character at a time (no phrase segmentation): for imports of 100,000s of rows,
    where phrase segmentation would take minutes. A polyphone gets its most common reading."""
    if not text:
        return ""
    return _NOT_INITIAL.sub(" ", text.translate(_initial_table()))
