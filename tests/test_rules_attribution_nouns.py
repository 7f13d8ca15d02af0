"""Documents, polls and recordings as sources, and phrase cues whose source lies inside
the phrase: marked as SOURCE/CUE evidence without changing the sentence's label."""

from __future__ import annotations

import pytest
from spacy.language import Language

from annotator.rules import Prelabel


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
        ("Polls continue to show that voters are restless.", "Polls", "show"),
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
        "The senator continues to show that she can win.",  # a person: not a document
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


# -- phrase cues with the source inside ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He quit, according to an interview his deputy gave to the paper.", "his deputy"),
        ("He quit, according to a complaint filed by the city auditor.", "the city auditor"),
        ("Few back him, according to interviews with party officials.", "party officials"),
    ],
)
def test_the_speaker_inside_an_according_to_phrase_is_marked_too(nlp, text, source):
    p, spans = last(nlp, text)
    assert p.label == "sourced_fact"
    assert ("SOURCE", source) in spans
    assert ("CUE", "according to") in spans


def test_according_to_a_document_alone_marks_no_inner_speaker(nlp):
    p, spans = last(nlp, "The mayor resigned, according to a report released on Monday.")
    assert [t for k, t in spans if k == "SOURCE"] == ["a report"]
    assert "evidence:attr-phrase-inner-speaker" not in p.rule_ids


def test_according_to_a_poll_average_the_parser_reads_as_an_adjective(nlp):
    p, spans = last(nlp, "Jones is in first, according to the Daily Ledger polling average.")
    assert p.label == "sourced_fact"
    assert ("CUE", "according to") in spans


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("She had been visiting her aunt in Lyon, per CBC News.", "CBC News"),
        ("The deal was signed in May, per the Post.", "the Post"),
    ],
)
def test_per_an_outlet_mid_sentence_attributes(nlp, text, source):
    p, spans = last(nlp, text)
    assert p.label == "sourced_fact"
    assert ("SOURCE", source) in spans
    assert ("CUE", "per") in spans


@pytest.mark.parametrize(
    "text",
    ["The fee is 10 dollars per person.", "He earned 200,000 dollars per speech."],
)
def test_per_as_a_rate_is_no_attribution(nlp, text):
    p, spans = last(nlp, text)
    assert p.label != "sourced_fact" and not spans


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("To many, the senator is a provocateur.", "many"),
        ("To Frank, the party ignores its workers.", "Frank"),
        ("To them, the vote signals a new phase.", "them"),
    ],
)
def test_a_leading_to_phrase_gives_a_view_as_evidence(nlp, text, source):
    p, spans = last(nlp, text)
    assert ("SOURCE", source) in spans
    assert ("CUE", "To") in spans
    assert p.label not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    "text",
    [
        "To date, nobody has been charged.",
        "To be fair, the plan has merits.",
        "To the surprise of many, he won.",
        "To Paris, the delegation returned on Monday.",
    ],
)
def test_other_leading_to_phrases_are_no_view(nlp, text):
    p, _ = last(nlp, text)
    assert "evidence:attr-to-someone" not in p.rule_ids


# -- "in an interview with X": X heard it; the clause's subject speaks -----------------


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        ("In an interview with ABC News, Clinton laughed off the ad.", "Clinton", "ABC News"),
        ("In a speech to supporters in Ohio, she attacks her rival.", "she", "supporters in Ohio"),
        ("The mayor offered a preview in an interview with the Post.", "The mayor", "the Post"),
    ],
)
def test_the_speaker_of_an_interview_is_the_subject_not_the_outlet(nlp, text, speaker, outlet):
    p, spans = last(nlp, text)
    assert ("SOURCE", speaker) in spans
    assert ("SOURCE", outlet) not in spans


def test_an_interview_phrase_adds_no_cue_when_a_verb_reports(nlp):
    _, spans = last(nlp, "Kunin said in an interview with the Post that the race would cool off.")
    assert ("SOURCE", "Kunin") in spans and ("CUE", "said") in spans
    assert not [t for k, t in spans if k == "CUE" and "interview" in t]
    assert ("SOURCE", "the Post") not in spans


def test_a_statement_phrase_adds_no_cue_when_a_verb_reports(nlp):
    _, spans = last(nlp, "In a statement, the ministry said the talks had failed.")
    assert ("SOURCE", "the ministry") in spans and ("CUE", "said") in spans
    assert ("CUE", "a statement") not in spans


def test_a_statement_phrase_still_attributes_without_a_reporting_verb(nlp):
    p, spans = last(nlp, "In a statement issued Tuesday, Senator Jones was more circumspect.")
    assert p.label == "sourced_fact"
    assert ("SOURCE", "Senator Jones") in spans


def test_a_statement_by_someone_keeps_its_author(nlp):
    p, spans = last(nlp, "The plan is dead, according to a statement by the ministry.")
    assert p.label == "sourced_fact"
    assert [t for k, t in spans if k == "SOURCE"] == ["a statement by the ministry"]


# -- "in his view", "by her own admission": only as a comment on the clause ------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In Okoro's view, the merger would reshape the league.", "Okoro"),
        ("The other step, in Dr. Knittel's view, would be research.", "Dr. Knittel"),
        ("That purchase by her own admission was an error.", "her"),
    ],
)
def test_a_view_phrase_set_off_names_its_holder(nlp, text, source):
    _, spans = last(nlp, text)
    assert ("SOURCE", source) in spans


@pytest.mark.parametrize(
    "text",
    [
        "The number of files in Garcia's account judged to be secret rose.",
        "The suspension of her account followed a complaint.",
    ],
)
def test_an_account_inside_a_noun_phrase_is_no_view(nlp, text):
    p, spans = last(nlp, text)
    assert "attr-by-own-account" not in p.rule_ids
    assert not [t for k, t in spans if k == "SOURCE"]


# -- polls named as proper nouns; a closing "according to" --------------------------


def test_a_poll_named_with_capitals_is_the_source(nlp):
    p, spans = last(nlp, "In a CNN/ORC International Poll released Sunday, voters disapproved.")
    assert p.label == "sourced_fact"
    assert ("SOURCE", "a CNN/ORC International Poll") in spans


def test_a_lead_in_the_polls_is_still_no_poll_finding(nlp):
    p, spans = last(nlp, "Smith has a big lead in the Polls.")
    assert not [s for s in spans if s[0] == "SOURCE"]


def test_a_closing_according_to_is_marked_beside_the_speaker(nlp):
    # the parser may hang the phrase inside what the witness said; closing the sentence
    # after a comma, it is the author's attribution of the whole
    p, spans = last(nlp, "The witness said the order was unusual, according to the report.")
    assert ("SOURCE", "The witness") in spans
    assert ("SOURCE", "the report") in spans
    assert ("CUE", "according to") in spans


def test_an_according_to_inside_the_reported_clause_is_not_marked(nlp):
    p, spans = last(nlp, "Trump said that, according to the report, the order was unusual.")
    assert ("SOURCE", "Trump") in spans
    assert ("SOURCE", "the report") not in spans


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The cable indicated that 13 guards would be the minimum needed.", "The cable"),
        ("She has 1,140 pledged votes, according to a tally by the county clerk.", "a tally"),
    ],
)
def test_a_cable_or_a_tally_is_a_document(nlp, text, source):
    p, spans = last(nlp, text)
    assert p.label == "sourced_fact"
    assert any(s[0] == "SOURCE" and s[1].startswith(source) for s in spans)
