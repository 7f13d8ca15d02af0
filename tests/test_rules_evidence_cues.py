"""Evidence-only CUE spans: words that attribute or mark an expectation, a stance or a
private state, marked without changing the sentence's label (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language


def spans(nlp: Language, text: str, kind: str) -> list[str]:
    doc = nlp(text)
    return [doc.text[s.start : s.end] for p in doc._.prelabels for s in p.spans if s.type == kind]


def label(nlp: Language, text: str) -> str:
    (p,) = nlp(text)._.prelabels
    return p.label


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor is expected to open the bridge on Friday.", "is expected"),
        ("Ticket sales are widely expected to fall this winter.", "are widely expected"),
        ("The ferry had been expected to arrive before noon.", "had been expected"),
        ("The governor is not expected to attend the dinner.", "is not expected"),
        ("Farmers who are expected to vote early met on Monday.", "are expected"),
    ],
)
def test_agentless_expectation_is_an_evidence_cue(nlp, text, cue):
    assert spans(nlp, text, "CUE") == [cue]
    assert spans(nlp, text, "SOURCE") == []
    # nobody is named: the sentence keeps its label
    assert label(nlp, text) == "unsourced_claim"


@pytest.mark.parametrize(
    "text",
    [
        "The delay was expected.",  # no to-infinitive: nothing about what is to come
        "The bridge was expected by engineers to open in May.",  # an agent: not agentless
        "The result exceeded what was expected.",
    ],
)
def test_expectation_without_infinitive_or_with_agent_is_not_marked(nlp, text):
    assert "expected" not in " ".join(spans(nlp, text, "CUE"))


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        ('"The bridge is safe," the engineer said, speaking by phone from Leeds.', "speaking"),
        (
            '"The vote was rigged," one official said, speaking on condition of anonymity.',
            "speaking",
        ),
        ("The mayor has backed the tram plan, putting her at odds with the council.", "putting"),
    ],
)
def test_a_participle_giving_the_occasion_is_not_a_further_cue(nlp, text, occasion):
    cues = spans(nlp, text, "CUE")
    assert cues and occasion not in cues


def test_a_participle_that_reports_is_still_a_further_cue(nlp):
    text = "\"The tram is late,\" the mayor said, speaking of the new timetable."
    assert "speaking" in spans(nlp, text, "CUE")


@pytest.mark.parametrize(
    "text",
    [
        "She is now advising the harbour board on its budget.",
        "The bank advised the ferry company on the sale.",
    ],
)
def test_advising_as_a_job_is_not_an_attribution(nlp, text):
    assert spans(nlp, text, "CUE") == []
    assert label(nlp, text) == "unsourced_claim"


def test_advice_with_a_clause_is_still_reported(nlp):
    text = "The health ministry advised travellers to avoid the region."
    assert spans(nlp, text, "CUE") == ["advised"]
    assert label(nlp, text) == "sourced_fact"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor was asked about the closure of the library.", "was asked"),
        ("The minister was asked.", "was asked"),
        ("Shoppers were also asked to rate the new car park.", "were also asked"),
    ],
)
def test_agentless_question_is_an_evidence_cue(nlp, text, cue):
    assert spans(nlp, text, "CUE") == [cue]
    assert spans(nlp, text, "SOURCE") == []
    # nothing is reported as said: the sentence keeps its label
    assert label(nlp, text) == "unsourced_claim"


def test_a_question_with_its_asker_is_not_agentless(nlp):
    text = "The mayor was asked by a caller whether the library would close."
    assert "was asked" not in spans(nlp, text, "CUE")
    assert "a caller" in spans(nlp, text, "SOURCE")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The toll, council officials believe, will cut traffic.", "council officials", "believe"),
        ("Such a delay, they fear, would cost the town its ferry.", "they", "fear"),
    ],
)
def test_a_stance_tag_set_off_by_commas_holds_the_clause(nlp, text, source, cue):
    assert spans(nlp, text, "SOURCE") == [source]
    assert spans(nlp, text, "CUE") == [cue]


@pytest.mark.parametrize(
    "text",
    [
        "The new toll, I believe, will cut traffic.",  # the author's own view
        "The new toll, we think, will cut traffic.",
    ],
)
def test_a_first_person_stance_tag_is_the_authors(nlp, text):
    assert spans(nlp, text, "SOURCE") == []
    assert label(nlp, text) != "sourced_fact"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor sought to calm the crowd with a short speech.",
        "The council is seeking to cut the cost of the bridge.",
    ],
)
def test_seeking_to_do_something_is_an_attempt_not_an_attribution(nlp, text):
    # rule 7: an attempt is an action; the words stay marked as evidence
    assert label(nlp, text) == "unsourced_claim"
    assert spans(nlp, text, "CUE") in (["sought"], ["seeking"])


def test_a_report_inside_an_attempt_is_the_attribution(nlp):
    text = "The mayor sought to assure residents that the bridge was safe."
    assert label(nlp, text) == "sourced_fact"
    assert "assure" in spans(nlp, text, "CUE")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The senator's attacks on the governor grew sharper in May.", "The senator", "attacks on"),
        ("Her opposition to the trade deal cost her votes.", "Her", "opposition to"),
        ("The union's endorsement of the mayor came late.", "The union", "endorsement of"),
    ],
)
def test_a_possessed_stance_noun_is_evidence(nlp, text, source, cue):
    # rule 7 wants a stance verb: the holder and the noun are marked, the label stays
    assert spans(nlp, text, "SOURCE") == [source]
    assert spans(nlp, text, "CUE") == [cue]
    assert label(nlp, text) not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    "text",
    [
        "The attacks on the convoy killed two soldiers.",  # no holder
        "Her support for the bill surprised nobody.",  # 'support' is not marked
        "His attack on the guard was caught on camera.",  # a violent attack
        "The senator's criticism came late.",  # nothing it is about
    ],
)
def test_a_stance_noun_without_holder_or_topic_is_not_marked(nlp, text):
    assert spans(nlp, text, "SOURCE") == []
    assert spans(nlp, text, "CUE") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor seemed irritated by the question.", "seemed"),
        ("The vote appears likely to fail.", "appears"),
        ("The crowd appeared ready to leave.", "appeared"),
    ],
)
def test_seeming_is_an_evidence_cue_without_source(nlp, text, cue):
    # the author's inference (rule 4): marked as a CUE, nobody as its source
    assert cue in " ".join(spans(nlp, text, "CUE"))
    assert spans(nlp, text, "SOURCE") == []
    assert label(nlp, text) not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared on the morning show.",  # an appearance, not an inference
        "A rainbow appeared over the bridge.",
    ],
)
def test_appearing_somewhere_is_no_cue(nlp, text):
    assert "appeared" not in " ".join(spans(nlp, text, "CUE"))


def test_seeming_to_hold_a_view_is_marked_with_the_view(nlp):
    # "seemed to think": one CUE with the stance verb, not a bare "seemed" besides
    text = "The mayor seemed to think that the bridge would close."
    cues = spans(nlp, text, "CUE")
    assert any("think" in c for c in cues)
    assert "seemed" not in cues


def test_a_participle_after_an_inverted_tag_is_a_further_cue(nlp):
    # the parser hangs "referring" on the speaker's mention; the speaker stays one
    text = '"The bridge is safe," said Anna Berg, the city engineer, referring to the report.'
    assert "referring" in spans(nlp, text, "CUE")
    assert spans(nlp, text, "SOURCE") == ["Anna Berg"]


def test_a_participle_on_a_mention_before_the_cue_is_not_a_further_cue(nlp):
    text = "Residents living near the bridge said the noise was constant."
    assert "living" not in spans(nlp, text, "CUE")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The aide declined to discuss the attacks.", "The aide", "declined to discuss"),
        ("The spokesman refused to answer questions.", "The spokesman", "refused to answer"),
        ("The mayor declined to be interviewed.", "The mayor", "declined to be interviewed"),
    ],
)
def test_speech_withheld_is_evidence(nlp, text, source, cue):
    # nothing is reported as said: the refusal is marked, the label stays
    assert spans(nlp, text, "SOURCE") == [source]
    assert spans(nlp, text, "CUE") == [cue]
    assert label(nlp, text) == "unsourced_claim"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor declined to sign the budget.",  # an action refused
        "The bank refused to lend the money.",
    ],
)
def test_an_action_refused_is_not_speech_withheld(nlp, text):
    # at most the aim itself ("refused", evidence), never "refused to lend"
    assert not any(" to " in c for c in spans(nlp, text, "CUE"))


def test_a_verdict_joined_to_the_reported_clause_is_a_further_cue(nlp):
    text = "The mayor said the bridge had been closed twice and called it a disgrace."
    assert "called" in spans(nlp, text, "CUE")
    assert spans(nlp, text, "SOURCE") == ["The mayor"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The senator offered some pointed advice to the governor.", "The senator", "offered"),
        ("The embassy issued a statement on Monday.", "The embassy", "issued"),
        ("The mayor made several comments about the bridge.", "The mayor", "made"),
    ],
)
def test_a_light_verb_with_a_reporting_noun_is_evidence(nlp, text, source, cue):
    # what was said is not given: the speaker and the verb are marked, the label stays
    assert spans(nlp, text, "SOURCE") == [source]
    assert spans(nlp, text, "CUE") == [cue]
    assert label(nlp, text) not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    "text",
    [
        "The bank offered a line of credit to the firm.",  # a compound name
        "The company made a profit last year.",  # no reporting noun
        "The council issued new permits on Monday.",
    ],
)
def test_a_light_verb_without_a_reporting_noun_is_not_marked(nlp, text):
    assert spans(nlp, text, "CUE") == []


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The plan was denounced by the union on Monday.", "the union", "denounced"),
        ("The bill, opposed by House Republicans, died.", "House Republicans", "opposed"),
    ],
)
def test_a_stance_passive_with_its_holder_is_evidence(nlp, text, source, cue):
    assert source in spans(nlp, text, "SOURCE")
    assert cue in spans(nlp, text, "CUE")
    assert label(nlp, text) not in ("sourced_fact", "official_quote")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was welcomed by the governor.",  # an event (rule 7)
        "The shortage was felt by every household.",  # undergone, not a stance
        "The plan was widely criticized.",  # nobody named
    ],
)
def test_a_passive_without_a_stance_holder_is_not_marked(nlp, text):
    assert spans(nlp, text, "SOURCE") == []
