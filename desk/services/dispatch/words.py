"""The words of an event's text, for routing: Chinese word segmentation by jieba's dictionary and
algorithm (rjieba, the Rust jieba-rs binding: the same segmentation as jieba, ~20x faster, its
dictionary compiled in, so it loads offline, writes no cache file and logs nothing).

Search mode: a long word also yields its parts (安全隐患 → 安全、隐患、安全隐患), so a message that
says 隐患 and one that says 安全隐患 share a word. Function words, single characters and numbers are
dropped; a title counts twice (it names the matter). Without rjieba the text falls back to
character bigrams, which work nearly as well on short texts."""
from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_CHARS = 3000  # past the first 3,000 characters a letter rarely changes its matter; it would only cost time

# Generic Chinese function words and the politeness of every letter (not taken from any data set).
STOP = frozenset("""
的 了 是 在 我 我们 你 你们 他 他们 她 它 和 与 及 或 也 都 就 还 又 很 有 没有 不 被 把 对 从 到 向 为
为了 以 以及 而 但 但是 可以 因为 所以 如果 这 那 这个 那个 这些 那些 这样 那样 一个 一些 什么 怎么 如何 请 请问
您好 你好 谢谢 感谢 希望 要求 问题 情况 相关 进行 已经 现在 目前 自己 一直 非常 没 能 会 要 让 给 等 等等
之 其 该 此 年 月 日 号 上 下 中 里 后 前 时 时候 因此 由于 并 并且 而且 还是 或者 只 只是 就是 可是 然而 于是
这里 那里 哪里 怎么办 为什么 是否 能否 怎样 多少 关于 对于 通过 按照 根据 进一步 有关 有关部门 领导 您 尊敬
""".split())

try:  # pragma: no cover - which branch runs depends on the installation
    import rjieba as _jieba

    def _cut(text: str) -> list[str]:
        return _jieba.cut_for_search(text, hmm=True)
except ImportError:  # pragma: no cover
    _jieba = None
    log.warning("rjieba is not installed: routing falls back to character bigrams")

    def _cut(text: str) -> list[str]:
        out: list[str] = []
        for run in _KEEP.findall(text):
            out += [run[i:i + 2] for i in range(len(run) - 1)] if _HAN.match(run) else [run]
        return out


# word → the one shared copy of it, or "" when it is not kept (words repeat: each is judged once, and
# a large history holds each word once in memory instead of once per occurrence)
_TELLING: dict[str, str] = {}


def _telling(w: str) -> str:
    keep = w if len(w) > 1 and not w.isdigit() and w not in STOP and _KEEP.fullmatch(w) is not None else ""
    if len(_TELLING) < 1_000_000:
        _TELLING[w] = keep
    return keep


def words(text: str) -> list[str]:
    """The telling words of a text, in order, repeated as often as they occur."""
    text = (text or "")[:MAX_CHARS].lower()
    get = _TELLING.get
    out = []
    for w in _cut(text):
        kept = get(w)
        if kept is None:
            kept = _telling(w)
        if kept:
            out.append(kept)
    return out


def event_words(title: str, description: str) -> list[str]:
    """The words of an event: its title twice (it names the matter), then its description."""
    head = words(title)
    return head + head + words(description)
