"""The pre-labeler: codebook rules as spaCy components over a whole article ``Doc``.

Contract with the pipeline (``annotator.pipeline``): after the components run,
``doc._.prelabels`` holds one ``Prelabel`` per sentence, in ``doc.sents`` order,
with span offsets as character offsets into ``doc.text`` (the shown text); the
pipeline maps them to original-document offsets in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocSpan:
    """A SOURCE, CUE or QUOTE span in ``doc.text`` character offsets."""

    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Prelabel:
    """The pre-label of one sentence, with its evidence."""

    label: str
    score: float
    source: str | None = None
    source_kind: str | None = None
    cue: str | None = None
    spans: tuple[DocSpan, ...] = field(default_factory=tuple)
    explanation: str = ""
    rule_ids: tuple[str, ...] = field(default_factory=tuple)
