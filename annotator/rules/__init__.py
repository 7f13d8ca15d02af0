"""The pre-labeler: codebook rules as spaCy components over a whole article ``Doc``.

Contract with the pipeline (``annotator.pipeline``): after the components run,
``doc._.prelabels`` holds one ``Prelabel`` per sentence, in ``doc.sents`` order,
with span offsets as character offsets into ``doc.text`` (the shown text); the
pipeline maps them to original-document offsets in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


def model_version() -> str:
    """``rules-<version>+<8 hex>``: changes whenever the code version, a pattern or a
    lexicon under ``schemas/`` changes."""
    from .lexicons import RULES_VERSION, data_hash

    return f"rules-{RULES_VERSION}+{data_hash()}"


def add_to_pipeline(nlp: Any, *, use_opinion: bool = True) -> Any:
    """Add the pre-labeler after the last component (it needs parse and entities)."""
    from . import components  # noqa: F401 - registers the factory

    components.ensure_extensions()
    if "annotator_prelabeler" in nlp.pipe_names:
        return nlp.get_pipe("annotator_prelabeler")
    return nlp.add_pipe("annotator_prelabeler", last=True, config={"use_opinion": use_opinion})
