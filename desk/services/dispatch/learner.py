"""What the street's own history says about a new event: which departments took cases like it.

Two explainable models over the same segmented words, blended:
- nearest past cases (kNN): TF-IDF cosine over an inverted index; the ten most similar past cases
  vote for their department with their similarity. No similarity floor: a long text is compared
  like a short one, and the nearest cases always vote.
- naive Bayes over the words of every department's cases: robust where no single past case is
  close, and it names the words that speak for a department.
Both learn one case at a time (``add``/``remove``), so the replay can predict each case only from
the cases before it, and the live desk keeps one learner per database up to date cheaply.

A proposal on a large history stays fast: the query's words are visited rarest first and the
walk over the postings stops after ``budget`` entries (common words say little about neighbours;
naive Bayes still counts them)."""
from __future__ import annotations

import heapq
import math
from collections import Counter
from operator import itemgetter
from dataclasses import dataclass, field

K = 10                 # nearest past cases that vote
KNN_WEIGHT = 0.7       # the nearest cases' share of the blend; naive Bayes has the rest
ALPHA = 0.5            # naive Bayes smoothing
BUDGET = 20_000        # postings visited per proposal at most
MAX_QUERY_WORDS = 400    # a long letter keeps its words: the budget bounds the time


_LOG_TF = [0.0] + [1.0 + math.log(k) for k in range(1, 256)]


@dataclass(frozen=True)
class Neighbour:
    case_id: int
    department_id: int
    similarity: float


@dataclass(frozen=True)
class Ranking:
    shares: dict[int, float]                     # department id → share 0..1 (sums to 1)
    neighbours: tuple[Neighbour, ...]             # the nearest past cases, best first
    words: dict[int, tuple[str, ...]]             # department id → the query's words that speak for it
    cases: int                                    # past cases the ranking learned from
    departments: dict[int, int] = field(default_factory=dict)  # department id → its past cases


class Learner:
    def __init__(self) -> None:
        self.case_dept: dict[int, int] = {}
        self.case_terms: dict[int, tuple[str, ...]] = {}   # each case's distinct words and their counts,
        self.case_counts: dict[int, bytes] = {}             # kept compact (a 100k-case history stays small)
        self.norm: dict[int, float] = {}
        self.postings: dict[str, dict[int, float]] = {}    # word → {case id: (1 + log tf) / case norm}
        self.dept_terms: dict[int, Counter] = {}
        self.dept_total: Counter = Counter()
        self.dept_cases: Counter = Counter()
        self._normed_at = 0
        self._pending: list[int] = []   # cases added in bulk, not yet in the postings

    def __len__(self) -> int:
        return len(self.case_dept)

    # --- learning ---
    def idf(self, word: str) -> float:
        return math.log((1 + len(self.case_dept)) / (1 + len(self.postings.get(word, ())))) + 1.0

    def add(self, case_id: int, department_id: int, terms: list[str], *, bulk: bool = False) -> None:
        """Learns one case. ``bulk``: many cases in a row, followed by ``finish()``."""
        if case_id in self.case_dept:
            self.remove(case_id)
        counts = Counter(terms)
        self.case_dept[case_id] = department_id
        self.case_terms[case_id] = tuple(counts)
        self.case_counts[case_id] = bytes(min(n, 255) for n in counts.values())
        self.dept_terms.setdefault(department_id, Counter()).update(terms)  # a list counts in C
        self.dept_total[department_id] += len(terms)
        self.dept_cases[department_id] += 1
        if bulk:
            self._pending.append(case_id)
            return
        postings = self.postings
        for w in counts:
            postings.setdefault(w, {})[case_id] = 0.0
        if len(self.case_dept) > 2 * self._normed_at + 8:  # idf drifts as cases come: renormalise now and then
            self.finish()
        else:
            self._weigh(case_id, {w: self.idf(w) for w in counts})

    def finish(self) -> None:
        """Weighs every case with the idf of the whole history (after bulk adds; now and then as it grows)."""
        postings = self.postings
        for cid in self._pending:
            if cid in self.case_terms:
                for w in self.case_terms[cid]:
                    p = postings.get(w)
                    if p is None:
                        postings[w] = {cid: 0.0}
                    else:
                        p[cid] = 0.0
        self._pending = []
        n = len(self.case_dept)
        idf = {w: math.log((1 + n) / (1 + len(p))) + 1.0 for w, p in postings.items()}
        for cid in self.case_terms:
            self._weigh(cid, idf)
        self._normed_at = n

    def _counts(self, cid: int) -> Counter:
        return Counter(dict(zip(self.case_terms[cid], self.case_counts[cid])))

    def _weigh(self, cid: int, idf: dict[str, float]) -> None:
        logs = [(w, _LOG_TF[k]) for w, k in zip(self.case_terms[cid], self.case_counts[cid])]
        norm = math.sqrt(sum((v * idf[w]) ** 2 for w, v in logs)) or 1.0
        self.norm[cid] = norm
        postings = self.postings
        for w, v in logs:
            postings[w][cid] = v / norm

    def remove(self, case_id: int) -> None:
        dept = self.case_dept.pop(case_id, None)
        if dept is None:
            return
        counts = self._counts(case_id)
        del self.case_terms[case_id], self.case_counts[case_id]
        self.norm.pop(case_id, None)
        for w in counts:
            p = self.postings.get(w)
            if p is not None:
                p.pop(case_id, None)
                if not p:
                    del self.postings[w]
        self.dept_terms[dept].subtract(counts)
        self.dept_total[dept] -= sum(counts.values())
        self.dept_cases[dept] -= 1
        if self.dept_cases[dept] <= 0:
            del self.dept_cases[dept], self.dept_total[dept], self.dept_terms[dept]

    # --- proposing ---
    def rank(self, terms: list[str], exclude: int | None = None) -> Ranking:
        """Departments by share for a text's words; ``exclude`` (the event itself) is not learned from."""
        if self._pending:
            self.finish()
        counts = Counter(terms)
        depts = [d for d, n in self.dept_cases.items() if n - (1 if self.case_dept.get(exclude) == d else 0) > 0]
        n_cases = len(self.case_dept) - (1 if exclude in self.case_dept else 0)
        known = {d: self.dept_cases[d] - (1 if self.case_dept.get(exclude) == d else 0) for d in depts}
        if not depts or not counts:
            return Ranking({}, (), {}, max(n_cases, 0), known)
        neighbours = self._nearest(counts, exclude)
        knn: Counter = Counter()
        for nb in neighbours:
            knn[nb.department_id] += nb.similarity
        bayes, words = self._bayes(counts, depts, exclude)
        total = sum(knn.values())
        w_knn = KNN_WEIGHT if total > 0 else 0.0
        shares = {d: w_knn * knn.get(d, 0.0) / (total or 1.0) + (1 - w_knn) * bayes[d] for d in depts}
        return Ranking(shares, tuple(neighbours), words, n_cases, known)

    def _nearest(self, counts: Counter, exclude: int | None) -> list[Neighbour]:
        q = {w: (1.0 + math.log(n)) * self.idf(w) for w, n in counts.items() if w in self.postings}
        q_norm = math.sqrt(sum(v * v for v in q.values())) or 1.0
        scores: dict[int, float] = {}
        visited = 0
        for w in sorted(q, key=lambda t: (len(self.postings[t]), t))[:MAX_QUERY_WORDS]:
            posting = self.postings[w]
            if visited and visited + len(posting) > BUDGET:
                break
            visited += len(posting)
            weight = q[w] * self.idf(w)
            get = scores.get
            for cid, tf in posting.items():
                scores[cid] = get(cid, 0.0) + weight * tf
        scores.pop(exclude, None)
        best = heapq.nlargest(K, scores.items(), key=itemgetter(1))
        return [Neighbour(cid, self.case_dept[cid], s / q_norm) for cid, s in best]

    def _bayes(self, counts: Counter, depts: list[int], exclude: int | None
               ) -> tuple[dict[int, float], dict[int, tuple[str, ...]]]:
        own = self._counts(exclude) if exclude in self.case_dept else None
        own_dept = self.case_dept.get(exclude)
        vocab = len(self.postings) + 1
        # the event's own case leaves the prior only when its department is still proposed
        # (a department whose only case is the event itself is not in ``depts`` at all)
        n = sum(self.dept_cases[d] for d in depts) - (1 if own is not None and own_dept in depts else 0)
        present = [w for w in counts if w in self.postings]
        logp: dict[int, dict[str, float]] = {}
        score: dict[int, float] = {}
        for d in depts:
            mine = own if (own is not None and d == own_dept) else None
            terms, total = self.dept_terms[d], self.dept_total[d] - (sum(mine.values()) if mine else 0)
            cases = self.dept_cases[d] - (1 if mine else 0)
            denom = total + ALPHA * vocab
            lp = {w: math.log((terms[w] - (mine[w] if mine else 0) + ALPHA) / denom) for w in present}
            logp[d] = lp
            score[d] = math.log(cases / n) + sum(lp.values())
        temper = max(1.0, len(present) / 10)  # naive Bayes is overconfident on long texts
        top = max(score.values())
        expd = {d: math.exp((s - top) / temper) for d, s in score.items()}
        z = sum(expd.values())
        words = {}
        for d in depts:
            others = [logp[o] for o in depts if o != d]
            lift = {w: logp[d][w] - (sum(o[w] for o in others) / len(others) if others else 0.0) for w in present}
            words[d] = tuple(w for w, v in sorted(lift.items(), key=lambda t: (-t[1], t[0]))[:5] if v > 0.5)
        return {d: v / z for d, v in expd.items()}, words
