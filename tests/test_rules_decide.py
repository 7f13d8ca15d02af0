"""The final decision: precedence (rule 1), rule 4, scores and explanations.

``decide`` is pure, so it is tested on hand-made evidence; part B's evidence objects
are stood in for by plain objects with the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotator.rules import DocSpan
from annotator.rules.decide import RULE_PRECISION, Evidence, Speaker, decide


@dataclass(frozen=True)
class FakeEvidence:
    score: float
    cues: tuple[DocSpan, ...]
    rule_ids: tuple[str, ...]
    reason: str


OPINION = FakeEvidence(
    0.8, (DocSpan("CUE", 0, 8),), ("opinion.test",), "speculation marked by 'probably'"
)
OTHER = FakeEvidence(0.9, (), ("other.test",), "a byline")
SAYS = Speaker("Ushakov", "official", (0, 7), (8, 18), "reiterated", "attr-verb-speech")
HEDGED = Speaker("Putin", "official", None, (10, 20), "sought", "attr-verb-speech", hedged=True)
BLOCK = Speaker("the Kremlin’s summary", "official", None, None, None, "block-here-is")


def ev(**kw) -> Evidence:
    base = {"start": 0, "end": 60, "has_verb": True, "paragraph_kind": "text"}
    base.update(kw)
    return Evidence(**base)


def test_default_is_unsourced_claim_with_low_score():
    p = decide(ev())
    assert p.label == "unsourced_claim"
    assert p.score == RULE_PRECISION["default-claim"]
    assert p.explanation == "no attribution, no hedge: a claim in the author's own voice"


def test_a_claim_with_weak_opinion_cues_has_a_lower_score():
    weak = FakeEvidence(0.44, (), ("opinion.weak.still",), "weak cue 'still'")
    p = decide(ev(weak_opinion=weak))
    assert p.label == "unsourced_claim"
    assert p.score == RULE_PRECISION["default-claim-cued"] < RULE_PRECISION["default-claim"]
    assert "weak cue 'still'" in p.explanation
    assert p.rule_ids == ("default-claim", "default-claim-cued")
    # weak cues change no other decision: an attribution still wins
    assert decide(ev(attribution=SAYS, weak_opinion=weak)).label == "sourced_fact"


def test_attribution_beats_opinion():
    p = decide(ev(attribution=SAYS, opinion=OPINION))
    assert p.label == "sourced_fact"
    assert p.source == "Ushakov" and p.cue == "reiterated"
    assert {s.type for s in p.spans} == {"SOURCE", "CUE"}
    assert "Ushakov" in p.explanation and "reiterated" in p.explanation


def test_subordinate_attribution_yields_to_opinion():
    p = decide(ev(attribution=SAYS, subordinate=True, opinion=OPINION))
    assert p.label == "opinion"


def test_subordinate_attribution_keeps_the_sentence_against_weak_opinion():
    # "There was a crucial meeting, where they all called on ...": one evaluative
    # word does not take a reported call away from its source.
    from annotator.rules.decide import SUBORDINATE_OPINION_MIN

    weak = FakeEvidence(0.62, (DocSpan("CUE", 0, 8),), ("opinion.evaluative.crucial",), "x")
    assert weak.score < SUBORDINATE_OPINION_MIN <= OPINION.score
    p = decide(ev(attribution=SAYS, subordinate=True, opinion=weak))
    assert p.label == "sourced_fact" and p.source == "Ushakov"
    # Not subordinate: attribution wins whatever the opinion score.
    assert decide(ev(attribution=SAYS, opinion=OPINION)).label == "sourced_fact"


THEY_WANT = Speaker("they", "other", (0, 4), (5, 9), "want", "attr-verb-stance", resolved=False)


def test_stance_of_an_unresolved_pronoun_with_opinion_is_the_authors():
    # "They only want to cash in on it", no earlier mention of who "they" are.
    from annotator.rules.decide import UNSOURCED_STANCE

    p = decide(ev(attribution=THEY_WANT, opinion=OPINION))
    assert p.label == "opinion" and p.source is None
    assert UNSOURCED_STANCE in p.rule_ids and "opinion.test" in p.rule_ids
    assert "names nobody" in p.explanation


def test_unresolved_stance_without_opinion_or_resolved_or_spoken_stays_sourced():
    from dataclasses import replace

    from annotator.rules.decide import UNSOURCED_STANCE

    cases = [
        ev(attribution=THEY_WANT),  # no opinion evidence: a vague attribution
        ev(attribution=replace(THEY_WANT, resolved=True), opinion=OPINION),  # named earlier
        ev(attribution=replace(THEY_WANT, rule_id="attr-verb-speech"), opinion=OPINION),
    ]
    for e in cases:
        p = decide(e)
        assert p.label == "sourced_fact" and p.source == "they"
        assert UNSOURCED_STANCE not in p.rule_ids


def test_rule4_hedged_attribution_is_opinion():
    p = decide(ev(hedged=HEDGED, opinion=OPINION))
    assert p.label == "opinion"
    assert p.source is None
    assert "rule4-hedged" in p.rule_ids
    assert any(s.type == "CUE" for s in p.spans)


def test_plain_attribution_wins_over_a_hedged_one():
    p = decide(ev(attribution=SAYS, hedged=HEDGED))
    assert p.label == "sourced_fact"


def test_block_beats_everything_but_closing_marker():
    p = decide(ev(block=BLOCK, attribution=SAYS, opinion=OPINION))
    assert p.label == "official_quote"
    assert p.source == "the Kremlin’s summary"
    # Rule 10: a speaker quoted inside the block is kept as a second SOURCE span.
    p2 = decide(ev(block=BLOCK, nested=SAYS))
    assert any(s.type == "SOURCE" for s in p2.spans)
    assert decide(ev(block=BLOCK, closer=True)).label == "other"


def test_clause_quote_is_official_quote_fragment_is_sourced_fact():
    clause = decide(ev(quote=(20, 50), quote_clause=True, quote_speaker=SAYS, attribution=SAYS))
    frag = decide(ev(quote=(20, 30), quote_clause=False, quote_speaker=SAYS, attribution=SAYS))
    assert clause.label == "official_quote"
    assert frag.label == "sourced_fact"
    assert any(s.type == "QUOTE" for s in clause.spans)


def test_quote_with_speaker_from_context():
    p = decide(ev(quote=(0, 60), quote_clause=True, quote_speaker=SAYS, quote_from_context=True))
    assert p.label == "official_quote"
    assert "earlier sentence" in p.explanation
    assert p.score < RULE_PRECISION["quote-clause"]


def test_opinion_and_other_from_part_b():
    assert decide(ev(opinion=OPINION)).label == "opinion"
    assert decide(ev(other=OTHER)).label == "other"
    # The stronger of the two wins.
    assert decide(ev(opinion=OPINION, other=OTHER)).label == "other"
    p = decide(ev(opinion=OPINION))
    assert p.score == pytest.approx(0.8)
    assert p.explanation == OPINION.reason


def test_headings_and_verbless_fragments_are_other():
    assert decide(ev(paragraph_kind="heading")).label == "other"
    assert decide(ev(has_verb=False)).label == "other"


def test_scores_are_probabilities_and_ordered_by_strength():
    assert all(0.0 < v <= 1.0 for v in RULE_PRECISION.values())
    assert RULE_PRECISION["block"] > RULE_PRECISION["attribution"] > RULE_PRECISION["default-claim"]


# "Moscow probably wants a deal": 'probably' (0-8) right before the stance 'wants'.
MOSCOW_WANTS = Speaker("Moscow", "official", (0, 6), (16, 21), "wants", "attr-verb-stance")
PROBABLY = FakeEvidence(
    0.8, (DocSpan("CUE", 7, 15),), ("opinion.speculation.probably",), "speculation"
)


def test_stance_the_author_hedges_is_the_authors():
    # Rule 4 for stances: the author guesses at a mind ("Perhaps they feared ...").
    from annotator.rules.decide import HEDGED_STANCE

    p = decide(ev(attribution=MOSCOW_WANTS, opinion=PROBABLY))
    assert p.label == "opinion" and p.source is None
    assert HEDGED_STANCE in p.rule_ids
    assert "speculates" in p.explanation


def test_stance_stays_sourced_without_a_hedge_right_before_it():
    from dataclasses import replace

    from annotator.rules.decide import HEDGED_STANCE

    far = replace(PROBABLY, cues=(DocSpan("CUE", 100, 108),))  # elsewhere in the sentence
    emphatic = replace(PROBABLY, rule_ids=("opinion.speculation.needless_to_say",))
    cases = [
        ev(attribution=MOSCOW_WANTS),  # no opinion evidence
        ev(attribution=MOSCOW_WANTS, opinion=OPINION),  # an opinion cue, not a hedge
        ev(attribution=MOSCOW_WANTS, opinion=far),
        ev(attribution=MOSCOW_WANTS, opinion=emphatic),
        ev(attribution=replace(MOSCOW_WANTS, rule_id="attr-verb-speech"), opinion=PROBABLY),
    ]
    for e in cases:
        p = decide(e)
        assert p.label == "sourced_fact" and p.source == "Moscow", e
        assert HEDGED_STANCE not in p.rule_ids


def test_stance_after_an_inference_phrase_is_the_authors():
    # "It stands to reason that Moscow wants ...": the author's inference about a mind
    from dataclasses import replace

    from annotator.rules.decide import HEDGED_STANCE

    reason = replace(PROBABLY, rule_ids=("opinion.speculation.stands_to_reason",))
    p = decide(ev(attribution=MOSCOW_WANTS, opinion=reason))
    assert p.label == "opinion" and HEDGED_STANCE in p.rule_ids
