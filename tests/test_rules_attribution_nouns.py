"""Documents, polls and recordings as sources, and phrase cues whose source lies inside
the phrase: marked as SOURCE/CUE evidence without changing the sentence's label."""

from __future__ import annotations

import pytest
from spacy.language import Language

from annotator.rules import Prelabel, add_to_pipeline
from annotator.segment import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = load_nlp()
    if "annotator_prelabeler" in nlp.pipe_names:
        nlp.remove_pipe("annotator_prelabeler")
    add_to_pipeline(nlp, use_opinion=False)
    return nlp


def last(nlp: Language, text: str) -> tuple[Prelabel, list[tuple[str, str]]]:
    """The last sentence's pre-label and its (type, text) SOURCE/CUE spans."""
    doc = nlp(text)
    p = doc._.prelabels[-1]
    spans = [(s.type, doc.text[s.start : s.end]) for s in p.spans if s.type in ("SOURCE", "CUE")]
    return p, spans


# -- documents that say or show something --------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The ad hits the governor on trade.", "The ad", "hits"),
        ("The latest poll indicates a tightening race in Ohio.", "The latest poll", "indicates"),
        ("Internal memos suggest the plant was unsafe.", "Internal memos", "suggest"),
        (
            "A memo surfaced on Monday. It shows the plant was unsafe.",
            "It",
            "shows",
        ),
        ("The report also documented several missed deadlines.", "The report", "documented"),
    ],
)
def test_a_document_that_tells_something_is_evidence(nlp, text, source, cue):
    p, spans = last(nlp, text)
    assert ("SOURCE", source) in spans
    assert ("CUE", cue) in spans
    assert "evidence:attr-document-verb" in p.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "The poll was conducted by phone last week.",  # passive: about the poll
        "The interview concluded after an hour.",  # nothing told
        "The ad features a song by a local band.",  # a description, not a claim
        "The senator accuses the mayor of lying.",  # a person: the verb rules decide
        "It shows that the plan is working.",  # no document named before "it"
        "A video surfaced. It shows a guard pushing a reporter.",  # a recording pictures
    ],
)
def test_no_document_evidence_without_a_document_telling_something(nlp, text):
    p, _ = last(nlp, text)
    assert "evidence:attr-document-verb" not in p.rule_ids


def test_document_evidence_does_not_change_the_label(nlp):
    text = "Internal memos suggest the plant was unsafe."
    p, _ = last(nlp, text)
    assert p.label not in ("sourced_fact", "official_quote")
