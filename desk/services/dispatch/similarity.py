"""A small, explainable text similarity: character bigrams weighted by TF-IDF, compared by cosine.
Chinese has no spaces, so bigrams of characters stand in for words (plain Python, no library)."""
from __future__ import annotations

import math
import re
from collections import Counter

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _KEEP.findall(text or ""):
        run = run.lower()
        if len(run) == 1:
            grams[run] += 1
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


class Index:
    """TF-IDF vectors of a list of documents; ``nearest`` gives (position, cosine) best first."""

    def __init__(self, docs: list[str]):
        counts = [bigrams(d) for d in docs]
        df: Counter = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + k)) + 1.0 for g, k in df.items()}
        self.vectors = [self._weigh(c) for c in counts]

    def _weigh(self, counts: Counter) -> dict[str, float]:
        vec = {g: (1 + math.log(k)) * self.idf.get(g, 0.0) for g, k in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items() if v}

    def nearest(self, text: str, k: int = 20, floor: float = 0.15) -> list[tuple[int, float]]:
        q = self._weigh(bigrams(text))
        if not q:
            return []
        scored = []
        for i, vec in enumerate(self.vectors):
            small, big = (q, vec) if len(q) < len(vec) else (vec, q)
            sim = sum(w * big.get(g, 0.0) for g, w in small.items())
            if sim >= floor:
                scored.append((i, sim))
        scored.sort(key=lambda t: (-t[1], t[0]))
        return scored[:k]
