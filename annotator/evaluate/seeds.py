"""Score sentence records against seeds-format gold (``../shared/gold/seeds.jsonl``).

Gold is one JSON object a line: a reference segment with ``doc``, ``start``, ``end``
(offsets into the original document, the same as ``SentenceRecord.start/end``),
``label`` (the five codebook labels or ``boilerplate``), ``sources`` (acceptable
mentions of the source), ``source_kind``, ``agreed``, ``seg_error`` and ``text``.

Alignment is by character overlap within a document (``doc_id == doc``):

- a gold content segment takes the label of the predicted sentence that overlaps
  it most (ties: the earlier sentence); no overlap at all gives ``(none)``;
- *boilerplate kept*: a gold boilerplate segment with at least half its characters
  inside predicted sentences;
- *content lost*: a gold content segment with less than half its characters inside
  predicted sentences;
- *segmentation*: a gold content segment and a predicted sentence match 1:1 when
  they hold the same letters and digits (the boundaries may differ by whitespace,
  punctuation or markdown markup, e.g. ``By [Pepe Escobar](#)`` against
  ``By [Pepe Escobar``). Letters are known from the gold ``text`` fields; characters
  between gold segments count as separators.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..errors import E, GoldError
from ..records import SentenceRecord
from .mentions import source_matches
from .metrics import (
    NO_PREDICTION,
    PRF,
    Band,
    Confusion,
    accuracy,
    confusion_matrix,
    covered,
    macro_f1,
    overlap,
    per_label_prf,
    prf,
    score_bands,
)

LABELS = ("sourced_fact", "official_quote", "opinion", "unsourced_claim", "other")
ATTRIBUTED = frozenset({"sourced_fact", "official_quote"})
BOILERPLATE = "boilerplate"
GOLD_LABELS = frozenset(LABELS) | {BOILERPLATE}
# Issue 2 targets on the seeds gold.
TARGET_BOILERPLATE_KEPT = 5
TARGET_CONTENT_LOST = 3


@dataclass(frozen=True)
class GoldSegment:
    doc: str
    start: int
    end: int
    label: str
    sources: tuple[str, ...] = ()
    source_kind: str | None = None
    agreed: bool = True
    seg_error: bool = False
    text: str | None = None
    i: int | None = None

    @property
    def is_content(self) -> bool:
        return self.label != BOILERPLATE


def parse_gold_line(data: Any) -> GoldSegment:
    """One gold object -> ``GoldSegment``; ``ValueError`` says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for key in ("doc", "start", "end", "label"):
        if key not in data:
            raise ValueError(f"missing {key!r}")
    start, end = data["start"], data["end"]
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        raise ValueError("'start' and 'end' must be integers")
    if not 0 <= start < end:
        raise ValueError(f"need 0 <= start < end, got start={start}, end={end}")
    label = data["label"]
    if label not in GOLD_LABELS:
        raise ValueError(f"unknown label {label!r}; use one of {', '.join(sorted(GOLD_LABELS))}")
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ValueError("'sources' must be a list of strings")
    text = data.get("text")
    if text is not None and len(text) != end - start:
        raise ValueError(f"'text' has {len(text)} characters but end - start is {end - start}")
    return GoldSegment(
        doc=str(data["doc"]),
        start=start,
        end=end,
        label=label,
        sources=tuple(sources),
        source_kind=data.get("source_kind") or None,
        agreed=bool(data.get("agreed", True)),
        seg_error=bool(data.get("seg_error", False)),
        text=text,
        i=data.get("i"),
    )


def read_gold(path: Path) -> list[GoldSegment]:
    """Read a seeds-format gold file; ``GoldError`` (E012) names the bad line."""
    if not path.is_file():
        raise GoldError(E.E020.format(path=path))
    segments = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    segments.append(parse_gold_line(json.loads(line)))
                except json.JSONDecodeError as err:
                    raise GoldError(
                        E.E012.format(path=path, reason=f"line {n}: not JSON ({err.msg})")
                    ) from err
                except ValueError as err:
                    raise GoldError(E.E012.format(path=path, reason=f"line {n}: {err}")) from err
    except UnicodeDecodeError as err:
        raise GoldError(E.E012.format(path=path, reason="not UTF-8 text")) from err
    if not segments:
        raise GoldError(E.E012.format(path=path, reason="no gold segments"))
    return segments


@dataclass(frozen=True)
class Count:
    """``n`` of ``of`` items, with the issue's target where there is one."""

    n: int
    of: int
    target: int | None = None

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.n <= self.target

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "of": self.of, "target": self.target, "ok": self.ok}


@dataclass(frozen=True)
class Ratio:
    correct: int
    n: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.n, "accuracy": self.accuracy}


@dataclass(frozen=True)
class Segmentation:
    matched: int  # gold content segments matched 1:1
    gold: int  # gold content segments
    predicted: int  # predicted sentences in the scored documents
    split: int  # gold content segments spread over 2+ predicted sentences
    merged: int  # predicted sentences spread over 2+ gold segments
    scores: PRF
    # The same recall without gold segments flagged seg_error (the reference's own
    # segmentation slips, e.g. "Pres." cut off): a right segmenter cannot match those.
    matched_clean: int = 0
    gold_clean: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "gold": self.gold,
            "predicted": self.predicted,
            "split": self.split,
            "merged": self.merged,
            "precision": self.scores.precision,
            "recall": self.scores.recall,
            "f1": self.scores.f1,
            "matched_clean": self.matched_clean,
            "gold_clean": self.gold_clean,
            "recall_clean": self.matched_clean / self.gold_clean if self.gold_clean else None,
        }


@dataclass(frozen=True)
class Mistake:
    """A gold content segment whose predicted label is wrong: for tuning the rules."""

    doc: str
    gold_i: int | None
    start: int
    end: int
    gold: str
    predicted: str
    score: float | None
    rule_ids: tuple[str, ...]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "rule_ids": list(self.rule_ids)}


@dataclass(frozen=True)
class SourceMistake:
    """A gold-attributed segment whose predicted source does not match (see ``mentions``)."""

    doc: str
    gold_i: int | None
    gold_sources: tuple[str, ...]
    predicted: str | None
    gold_kind: str | None
    predicted_kind: str | None
    predicted_label: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "gold_sources": list(self.gold_sources)}


@dataclass(frozen=True)
class SeedsReport:
    gold_path: str
    docs_scored: int
    docs_without_records: tuple[str, ...]
    content_segments: int
    boilerplate_segments: int
    predicted_sentences: int
    per_label: dict[str, PRF]
    macro_f1: float
    accuracy: float
    accuracy_agreed: Ratio  # only segments the gold annotators agreed on
    confusion: Confusion
    source: Ratio  # gold-attributed segments whose predicted source matches
    source_when_attributed: Ratio  # ... of those the pre-labeler also called attributed
    source_kind: Ratio
    boilerplate_kept: Count
    content_lost: Count
    segmentation: Segmentation
    bands: tuple[Band, ...]
    mistakes: tuple[Mistake, ...] = field(default_factory=tuple)
    source_mistakes: tuple[SourceMistake, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "docs_scored": self.docs_scored,
            "docs_without_records": list(self.docs_without_records),
            "content_segments": self.content_segments,
            "boilerplate_segments": self.boilerplate_segments,
            "predicted_sentences": self.predicted_sentences,
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "accuracy_agreed": self.accuracy_agreed.to_dict(),
            "confusion": self.confusion.to_dict(),
            "source": self.source.to_dict(),
            "source_when_attributed": self.source_when_attributed.to_dict(),
            "source_kind": self.source_kind.to_dict(),
            "boilerplate_kept": self.boilerplate_kept.to_dict(),
            "content_lost": self.content_lost.to_dict(),
            "segmentation": self.segmentation.to_dict(),
            "score_bands": [b.to_dict() for b in self.bands],
            "mistakes": [m.to_dict() for m in self.mistakes],
            "source_mistakes": [m.to_dict() for m in self.source_mistakes],
        }


class _Letters:
    """Counts letters/digits in a document range, known from the gold segment texts."""

    def __init__(self, segments: Sequence[GoldSegment]) -> None:
        size = max(s.end for s in segments)
        flags = [0] * size
        for seg in segments:
            if seg.text is None:
                # Without text every character counts: boundaries must then match exactly.
                for k in range(seg.start, seg.end):
                    flags[k] = 1
                continue
            for k, ch in enumerate(seg.text):
                flags[seg.start + k] = 1 if ch.isalnum() else 0
        self._prefix = [0, *accumulate(flags)]
        self._size = size

    def count(self, start: int, end: int) -> int:
        start, end = max(0, min(start, self._size)), max(0, min(end, self._size))
        return self._prefix[end] - self._prefix[start] if end > start else 0


def _best(seg: GoldSegment, sents: Sequence[SentenceRecord]) -> SentenceRecord | None:
    best, best_chars = None, 0
    for sent in sents:
        chars = overlap(seg.start, seg.end, sent.start, sent.end)
        if chars > best_chars:
            best, best_chars = sent, chars
    return best


def score_seeds(
    records: Iterable[SentenceRecord],
    gold: Sequence[GoldSegment],
    *,
    gold_path: str = "",
    max_mistakes: int = 1000,
) -> SeedsReport:
    """Score sentence records against gold segments (see the module docstring)."""
    gold_by_doc: dict[str, list[GoldSegment]] = defaultdict(list)
    for seg in gold:
        gold_by_doc[seg.doc].append(seg)
    pred_by_doc: dict[str, list[SentenceRecord]] = defaultdict(list)
    for rec in records:
        if rec.doc_id in gold_by_doc:
            pred_by_doc[rec.doc_id].append(rec)

    pairs: list[tuple[str, str]] = []
    agreed_hits = agreed_n = 0
    source_ok = source_n = source_attr_ok = source_attr_n = kind_ok = kind_n = 0
    bp_kept = bp_n = lost = content_n = 0
    seg_matched = split = merged = n_pred = clean_matched = clean_n = 0
    band_items: list[tuple[float | None, bool]] = []
    mistakes: list[Mistake] = []
    source_mistakes: list[SourceMistake] = []

    for doc in sorted(gold_by_doc):
        segs = sorted(gold_by_doc[doc], key=lambda s: s.start)
        sents = sorted(pred_by_doc.get(doc, []), key=lambda s: s.start)
        n_pred += len(sents)
        intervals = [(s.start, s.end) for s in sents]
        letters = _Letters(segs)
        # Which gold segments each predicted sentence touches with letters (for merges).
        touches: dict[int, int] = defaultdict(int)

        for seg in segs:
            inside = covered(seg.start, seg.end, intervals)
            half = inside * 2 >= seg.end - seg.start
            if not seg.is_content:
                bp_n += 1
                bp_kept += half
                continue
            content_n += 1
            lost += not half

            best = _best(seg, sents)
            pred = (best.label or NO_PREDICTION) if best is not None else NO_PREDICTION
            pairs.append((seg.label, pred))
            hit = pred == seg.label
            if seg.agreed:
                agreed_n += 1
                agreed_hits += hit
            if best is not None:
                band_items.append((best.score, hit))
            if not hit and len(mistakes) < max_mistakes:
                mistakes.append(
                    Mistake(
                        doc, seg.i, seg.start, seg.end, seg.label, pred,
                        best.score if best is not None else None,
                        best.rule_ids if best is not None else (),
                        seg.text if seg.text is not None else "",
                    )
                )

            if seg.label in ATTRIBUTED and seg.sources:
                ok = best is not None and source_matches(best.source, seg.sources)
                source_n += 1
                source_ok += ok
                if not ok and len(source_mistakes) < max_mistakes:
                    source_mistakes.append(
                        SourceMistake(
                            doc, seg.i, seg.sources,
                            best.source if best is not None else None,
                            seg.source_kind,
                            best.source_kind if best is not None else None,
                            pred,
                        )
                    )
                if pred in ATTRIBUTED:
                    source_attr_n += 1
                    source_attr_ok += ok
            if seg.label in ATTRIBUTED and seg.source_kind:
                kind_n += 1
                kind_ok += best is not None and best.source_kind == seg.source_kind

            # Segmentation: sentences sharing letters with this segment.
            clean_n += not seg.seg_error
            seg_letters = letters.count(seg.start, seg.end)
            sharing = []
            for k, sent in enumerate(sents):
                lo, hi = max(seg.start, sent.start), min(seg.end, sent.end)
                if hi > lo and letters.count(lo, hi):
                    sharing.append((k, sent))
                    touches[k] += 1
            if len(sharing) > 1:
                split += 1
            elif len(sharing) == 1:
                _, sent = sharing[0]
                lo, hi = max(seg.start, sent.start), min(seg.end, sent.end)
                shared = letters.count(lo, hi)
                if shared == seg_letters == letters.count(sent.start, sent.end):
                    seg_matched += 1
                    clean_matched += not seg.seg_error
        merged += sum(1 for v in touches.values() if v > 1)

    conf = confusion_matrix(pairs, LABELS)
    scores = per_label_prf(conf, LABELS)
    docs_without = tuple(d for d in sorted(gold_by_doc) if d not in pred_by_doc)
    return SeedsReport(
        gold_path=gold_path,
        docs_scored=len(gold_by_doc) - len(docs_without),
        docs_without_records=docs_without,
        content_segments=content_n,
        boilerplate_segments=bp_n,
        predicted_sentences=n_pred,
        per_label=scores,
        macro_f1=macro_f1(scores),
        accuracy=accuracy(conf),
        accuracy_agreed=Ratio(agreed_hits, agreed_n),
        confusion=conf,
        source=Ratio(source_ok, source_n),
        source_when_attributed=Ratio(source_attr_ok, source_attr_n),
        source_kind=Ratio(kind_ok, kind_n),
        boilerplate_kept=Count(bp_kept, bp_n, TARGET_BOILERPLATE_KEPT),
        content_lost=Count(lost, content_n, TARGET_CONTENT_LOST),
        segmentation=Segmentation(
            seg_matched, content_n, n_pred, split, merged,
            prf(seg_matched, max(n_pred, seg_matched), content_n),
            clean_matched,
            clean_n,
        ),
        bands=score_bands(band_items),
        mistakes=tuple(mistakes),
        source_mistakes=tuple(source_mistakes),
    )
