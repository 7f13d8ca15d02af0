"""CLEF CheckThat! subjectivity (English) as evaluation data for the opinion label.

Files: ``<dir>/<split>_en.tsv``, tab-separated with a header
``sentence_id, sentence, label[, solved_conflict]``, labels ``SUBJ``/``OBJ``. They
are read with quoting disabled (a sentence may hold quotation marks), as the task
says; but the files do wrap every sentence that contains ``"`` in CSV quoting
(``"... ""word"" ..."``), so a field that starts and ends with ``"`` and has only
doubled quotes inside is unwrapped to the sentence itself.

Each sentence is run as its own one-sentence article (boilerplate kept). The
prediction is SUBJ when the pipeline labels it ``opinion``, OBJ otherwise (the
codebook's reported opinions of others are ``sourced_fact``: OBJ, as in the task).
When the segmenter splits a TSV sentence into several, the label of the longest
piece decides (ties: the first); a sentence with no piece at all counts as OBJ.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, GoldError
from ..records import SentenceRecord
from .metrics import PRF, Confusion, accuracy, confusion_matrix, macro_f1, per_label_prf

SPLITS = ("dev", "dev_test", "train")
CLASSES = ("SUBJ", "OBJ")
RULE = (
    "predicted SUBJ iff labeled opinion; a sentence split in several takes the label "
    "of its longest piece"
)
_ESCAPED = re.compile(r'"(?:[^"]|"")*"')


@dataclass(frozen=True)
class CheckThatSentence:
    sentence_id: str
    sentence: str
    label: str


def unwrap(field: str) -> str:
    """Undo CSV quoting of a field read with quoting disabled; other fields unchanged."""
    if len(field) >= 2 and _ESCAPED.fullmatch(field):
        return field[1:-1].replace('""', '"')
    return field


def split_file(root: Path, split: str) -> Path:
    if split not in SPLITS:
        raise GoldError(
            E.E025.format(dataset="CheckThat!", split=split, choices=", ".join(SPLITS))
        )
    if root.is_file():
        return root
    if not root.is_dir():
        raise GoldError(E.E013.format(path=root))
    path = root / f"{split}_en.tsv"
    if not path.is_file():
        raise GoldError(E.E027.format(path=root, what=path.name, dataset="CheckThat!"))
    return path


def read_checkthat(path: Path) -> list[CheckThatSentence]:
    """Read a CheckThat! subjectivity TSV; ``GoldError`` (E026) names a bad line."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != [
            "sentence_id", "sentence", "label",
        ]:
            raise GoldError(
                E.E026.format(
                    path=path, line=1, reason="header must start sentence_id, sentence, label"
                )
            )
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 3:
                raise GoldError(
                    E.E026.format(path=path, line=line, reason=f"{len(row)} columns, need 3")
                )
            label = row[2].strip()
            if label not in CLASSES:
                raise GoldError(
                    E.E026.format(path=path, line=line, reason=f"label {label!r} is not SUBJ/OBJ")
                )
            out.append(CheckThatSentence(row[0].strip(), unwrap(row[1]), label))
    if not out:
        raise GoldError(E.E027.format(path=path, what="sentences", dataset="CheckThat!"))
    return out


def predicted_class(sentences: Iterable[SentenceRecord]) -> str:
    """SUBJ when the longest piece is labeled ``opinion``, else OBJ (see module doc)."""
    longest: SentenceRecord | None = None
    for sent in sentences:
        if longest is None or sent.end - sent.start > longest.end - longest.start:
            longest = sent
    return "SUBJ" if longest is not None and longest.label == "opinion" else "OBJ"


@dataclass(frozen=True)
class CheckThatReport:
    path: str
    split: str
    rule: str
    sentences: int
    per_class: dict[str, PRF]
    macro_f1: float
    accuracy: float
    confusion: Confusion
    split_sentences: int = 0  # TSV sentences the segmenter cut into several pieces

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "split": self.split,
            "rule": self.rule,
            "sentences": self.sentences,
            "per_class": {k: v.to_dict() for k, v in self.per_class.items()},
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "confusion": self.confusion.to_dict(),
            "split_sentences": self.split_sentences,
        }


def score_pairs(
    pairs: Iterable[tuple[str, str]], *, path: str = "", split: str = "", split_sentences: int = 0
) -> CheckThatReport:
    """Report from ``(gold, predicted)`` class pairs."""
    conf = confusion_matrix(pairs, CLASSES)
    scores = per_label_prf(conf, CLASSES)
    return CheckThatReport(
        path=path,
        split=split,
        rule=RULE,
        sentences=conf.total,
        per_class=scores,
        macro_f1=macro_f1(scores),
        accuracy=accuracy(conf),
        confusion=conf,
        split_sentences=split_sentences,
    )


def score_checkthat(
    root: Path,
    records: Callable[[Iterable[CheckThatSentence]], Iterator[tuple[str, list[SentenceRecord]]]],
    *,
    split: str = "dev",
    on_sentence: Callable[[str], None] | None = None,
) -> CheckThatReport:
    """Score a CheckThat! split; ``records`` runs each sentence as its own article and
    yields ``(sentence_id, sentence records)``."""
    path = split_file(root, split)
    gold = read_checkthat(path)
    by_id = {s.sentence_id: s.label for s in gold}
    pairs = []
    pieces = 0
    for sentence_id, sentences in records(gold):
        pairs.append((by_id[sentence_id], predicted_class(sentences)))
        pieces += len(sentences) > 1
        if on_sentence is not None:
            on_sentence(sentence_id)
    return score_pairs(pairs, path=str(path), split=split, split_sentences=pieces)
