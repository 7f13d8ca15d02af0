"""Pure scoring functions: precision/recall/F1, confusion matrices, interval overlap.

Nothing here knows about files or spaCy; every function takes plain values and
returns frozen dataclasses or numbers, so the figures can be checked by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

# Column used in a confusion matrix when a gold item got no prediction at all
# (e.g. a gold sentence that no predicted sentence overlaps).
NO_PREDICTION = "(none)"

# Score bands [lo, hi); the last band is closed so that a score of 1.0 counts.
DEFAULT_BANDS: tuple[float, ...] = (0.0, 0.5, 0.7, 0.85, 1.0)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts; 0.0 where a denominator is 0."""

    tp: int
    n_pred: int
    n_gold: int
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    """P = tp / n_pred, R = tp / n_gold, F1 their harmonic mean (0.0 when undefined)."""
    if tp < 0 or tp > n_pred or tp > n_gold:
        raise ValueError(f"inconsistent counts: tp={tp}, n_pred={n_pred}, n_gold={n_gold}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(tp, n_pred, n_gold, precision, recall, f1)


def prf_from_sets(predicted: Iterable[bool], gold: Iterable[bool]) -> PRF:
    """Binary P/R/F1 from parallel sequences of predicted and gold flags."""
    tp = n_pred = n_gold = 0
    for p, g in zip(predicted, gold, strict=True):
        n_pred += p
        n_gold += g
        tp += p and g
    return prf(tp, n_pred, n_gold)


@dataclass(frozen=True)
class Confusion:
    """Counts with gold labels as rows and predicted labels as columns."""

    rows: tuple[str, ...]
    cols: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def get(self, gold: str, pred: str) -> int:
        if gold not in self.rows or pred not in self.cols:
            return 0
        return self.counts[self.rows.index(gold)][self.cols.index(pred)]

    def row_total(self, gold: str) -> int:
        return sum(self.counts[self.rows.index(gold)]) if gold in self.rows else 0

    def col_total(self, pred: str) -> int:
        if pred not in self.cols:
            return 0
        j = self.cols.index(pred)
        return sum(row[j] for row in self.counts)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": list(self.rows),
            "cols": list(self.cols),
            "counts": [list(r) for r in self.counts],
        }


def confusion_matrix(pairs: Iterable[tuple[str, str]], labels: Sequence[str]) -> Confusion:
    """Confusion of ``(gold, predicted)`` pairs.

    Rows are ``labels`` plus any other gold label seen; columns are ``labels`` plus any
    other predicted label seen (e.g. ``NO_PREDICTION``), extras sorted after ``labels``.
    """
    pairs = list(pairs)
    rows = list(labels) + sorted({g for g, _ in pairs} - set(labels))
    cols = list(labels) + sorted({p for _, p in pairs} - set(labels))
    grid = [[0] * len(cols) for _ in rows]
    for gold, pred in pairs:
        grid[rows.index(gold)][cols.index(pred)] += 1
    return Confusion(tuple(rows), tuple(cols), tuple(tuple(r) for r in grid))


def per_label_prf(conf: Confusion, labels: Sequence[str]) -> dict[str, PRF]:
    """One-vs-rest P/R/F1 for each label from a confusion matrix."""
    return {
        label: prf(conf.get(label, label), conf.col_total(label), conf.row_total(label))
        for label in labels
    }


def macro_f1(scores: dict[str, PRF]) -> float:
    """Unweighted mean F1 over the labels that occur in gold or in predictions.

    A label absent from both has no defined F1 and is left out rather than counted
    as 0 (or as 1).
    """
    present = [s.f1 for s in scores.values() if s.n_gold or s.n_pred]
    return sum(present) / len(present) if present else 0.0


def accuracy(conf: Confusion) -> float:
    """Share of pairs on the diagonal (gold label == predicted label)."""
    total = conf.total
    hits = sum(conf.get(label, label) for label in conf.rows if label in conf.cols)
    return hits / total if total else 0.0


@dataclass(frozen=True)
class Band:
    """Accuracy of the items whose score lies in [lo, hi) (hi included for the last)."""

    lo: float
    hi: float
    n: int
    correct: int
    score_sum: float = 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def mean_score(self) -> float | None:
        """Mean score in the band: a calibrated score is close to the band's accuracy."""
        return self.score_sum / self.n if self.n else None

    @property
    def name(self) -> str:
        closing = "]" if self.hi >= 1.0 else ")"
        return f"[{self.lo:.2f}, {self.hi:.2f}{closing}"

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "band": self.name,
            "accuracy": self.accuracy,
            "mean_score": self.mean_score,
        }


def score_bands(
    items: Iterable[tuple[float | None, bool]], edges: Sequence[float] = DEFAULT_BANDS
) -> tuple[Band, ...]:
    """Accuracy per score band from ``(score, correct)`` pairs; items without a score skip."""
    n = [0] * (len(edges) - 1)
    ok = [0] * (len(edges) - 1)
    total = [0.0] * (len(edges) - 1)
    for score, correct in items:
        if score is None:
            continue
        for k in range(len(edges) - 1):
            last = k == len(edges) - 2
            if edges[k] <= score < edges[k + 1] or (last and score == edges[k + 1]):
                n[k] += 1
                ok[k] += bool(correct)
                total[k] += score
                break
    return tuple(
        Band(edges[k], edges[k + 1], n[k], ok[k], total[k]) for k in range(len(edges) - 1)
    )


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by half-open intervals [a_start, a_end) and [b_start, b_end)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def covered(start: int, end: int, intervals: Iterable[tuple[int, int]]) -> int:
    """Characters of [start, end) inside the union of ``intervals`` (overlaps counted once)."""
    clipped = sorted(
        (max(s, start), min(e, end)) for s, e in intervals if min(e, end) > max(s, start)
    )
    total = 0
    cur_s = cur_e = None
    for s, e in clipped:
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        total += cur_e - cur_s
    return total


@dataclass(frozen=True)
class SpanMatch:
    """Lenient span matching counts: a span is matched when it overlaps a span of the
    other side by at least one character. P = matched predicted spans / predicted spans,
    R = matched gold spans / gold spans (so one long predicted span can match two gold
    spans, and the two sides are counted separately).
    """

    pred_matched: int = 0
    n_pred: int = 0
    gold_matched: int = 0
    n_gold: int = 0

    def __add__(self, other: SpanMatch) -> SpanMatch:
        return SpanMatch(
            self.pred_matched + other.pred_matched,
            self.n_pred + other.n_pred,
            self.gold_matched + other.gold_matched,
            self.n_gold + other.n_gold,
        )

    @property
    def precision(self) -> float:
        return self.pred_matched / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


def span_overlap(
    predicted: Sequence[Sequence[tuple[int, int]]], gold: Sequence[Sequence[tuple[int, int]]]
) -> SpanMatch:
    """Match predicted against gold spans by any-character overlap (see ``SpanMatch``).

    Each span is a sequence of ``(start, end)`` fragments, so that a discontinuous
    span (brat ``a b;c d``) is one span that matches through any of its fragments.
    """

    def touches(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
        return any(overlap(*fa, *fb) for fa in a for fb in b)

    pred_hit = sum(1 for p in predicted if any(touches(p, g) for g in gold))
    gold_hit = sum(1 for g in gold if any(touches(p, g) for p in predicted))
    return SpanMatch(pred_hit, len(predicted), gold_hit, len(gold))
