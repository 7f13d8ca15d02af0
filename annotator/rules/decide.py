"""The final decision for one sentence: codebook precedence, a score, an explanation.

Precedence (codebook rule 1): official_quote > sourced_fact > opinion >
unsourced_claim > other, except that a hedged attribution stays the author's
(rule 4). Scores are the precision of the deciding rule measured on the seed gold
(see ``RULE_PRECISION``), so a higher score means the label is more often right.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import DocSpan, Prelabel

# Measured precision of each deciding rule on the seed gold (benchmarks/rules_seeds.py),
# rounded and shrunk towards 0.5 where the rule fired fewer than ~5 times.
RULE_PRECISION: dict[str, float] = {
    # (right + 1) / (fired + 2) on the seeds with gold boundaries, 2026-11-22; the seeds
    # are small and the rules were developed on them, so these are optimistic.
    "closing-marker": 0.85,  # 4/4
    "block": 0.9,  # 30/30
    "block-repeat": 0.85,  # 6/6
    "dialogue": 0.85,  # 4/4
    "hedged-attribution": 0.75,  # 3/3
    "quote-clause": 0.9,  # 13/13
    "quote-anonymous": 0.75,  # 2/2
    "quote-fragment": 0.7,  # 4/5
    "quote-context": 0.7,
    "attribution": 0.85,  # speech verbs and phrases 22/23
    "attribution-stance": 0.6,  # 4/6
    "attribution-vague": 0.6,  # impersonal, agentless 3/4
    "lead-in": 0.6,  # 2/3
    "opinion": 0.7,
    "other": 0.75,
    "heading": 0.8,
    "no-verb": 0.5,  # 0/1
    # a claim with no opinion cue at all, and one with cues too weak to make it an
    # opinion (``Evidence.weak_opinion``): seeds and probe sets 92/117 and 21/40
    "default-claim": 0.55,
    "default-claim-cued": 0.35,
}


# An attribution in a subordinate clause ("..., where they called on ...", "as the
# Russians never tire of pointing out") gives the sentence to the author only when the
# author's own voice is clear: several opinion cues, not one evaluative word.
SUBORDINATE_OPINION_MIN = 0.72

#: Rule id of a stance held by an unresolved pronoun, read as the author's (below).
UNSOURCED_STANCE = "stance-unresolved-pronoun"
# the author's "seems"/"appears" marked by the attribution rules (evidence CUE only)
SEEMING = "attr-verb-seeming"


def _unsourced_stance(ev: Evidence) -> bool:
    """A stance verb ("want", "support", "oppose") whose subject is a pronoun with no
    earlier mention to resolve it to ("They only want to cash in on it"), in a sentence
    with opinion evidence: nobody named or identifiable holds the stance, so it is the
    author reading intentions into an unnamed group (opinion), not an attribution.
    Speech verbs ("they said") keep their attribution: a vague source (rule 6)."""
    a = ev.attribution
    return (
        a is not None
        and a.rule_id == "attr-verb-stance"
        and not a.resolved
        and ev.opinion is not None
    )


#: Rule id of a stance the author hedges ("Perhaps they feared ...", read as opinion).
HEDGED_STANCE = "rule4-hedged-stance"

#: Opinion rule ids that mark the author's guess (codebook rule 4): hedging adverbs
#: and phrases and speculative modals. Not the emphatic members of the speculation
#: class ("needless to say", "unsurprisingly"): those stress a report, they do not
#: doubt it ("Needless to say the Russians have rejected ..." is sourced).
_SPECULATION_RULES = frozenset(
    [
        *(
            f"opinion.speculation.{w}"
            for w in (
                "perhaps",
                "probably",
                "possibly",
                "maybe",
                "presumably",
                "conceivably",
                "plausibly",
                "no_doubt",
                "doubtless",
                "seemingly",
                "apparently",
                "supposedly",
                "in_all_likelihood",
                "in_all_probability",
                "stands_to_reason",
                "every_reason_to_believe",
                "good_reason_to_believe",
                "reason_to_believe_that",
                "little_doubt",
            )
        ),
        "opinion.modal.may_might",
        "opinion.modal.perfect",
        "opinion.modal.no_doubt",
    ]
)


#: Characters between the end of a hedge CUE and the stance verb it hedges.
_HEDGE_WINDOW = 25


def _hedged_stance(ev: Evidence) -> bool:
    """A stance verb ("fear", "want", "consider") the author speculates about
    ("Perhaps they feared that ...", "Moscow probably wants a deal", "Kyiv may have
    hoped to ..."): like a hedged report (rule 4), the author's guess about a mind,
    not an attribution. The opinion cues of a reported or believed clause are
    masked, so a speculation cue in the evidence is the author's, outside it."""
    a = ev.attribution
    if a is None or a.rule_id != "attr-verb-stance" or ev.opinion is None or a.cue is None:
        return False
    if not any(r in _SPECULATION_RULES for r in ev.opinion.rule_ids):
        return False
    # The hedge stands right before the stance verb ("Perhaps they feared", "Moscow
    # probably wants", "may have hoped"), not somewhere else in the sentence.
    start = a.cue[0]
    return any(
        c.end <= start and start - c.end <= _HEDGE_WINDOW for c in ev.opinion.cues
    )


@dataclass(frozen=True)
class Speaker:
    """A resolved source: fullest mention, kind, and where it and its cue are."""

    text: str
    kind: str
    span: tuple[int, int] | None  # SOURCE char span, if inside this sentence
    cue: tuple[int, int] | None  # CUE char span, if inside this sentence
    cue_text: str | None
    rule_id: str
    hedged: bool = False
    # False for a pronoun ("they") with no earlier mention to resolve it to: nobody
    # named or identifiable stands behind it.
    resolved: bool = True


@dataclass(frozen=True)
class Evidence:
    """Everything the rules found about one sentence."""

    start: int
    end: int
    has_verb: bool
    paragraph_kind: str
    attribution: Speaker | None = None  # main attribution in the sentence
    hedged: Speaker | None = None  # a hedged attribution (rule 4)
    subordinate: bool = False  # the attribution is in a subordinate clause
    quote: tuple[int, int] | None = None  # best QUOTE char span in the sentence
    quote_clause: bool = False
    quote_speaker: Speaker | None = None
    quote_from_context: bool = False
    block: Speaker | None = None
    block_rule: str = "block"
    nested: Speaker | None = None  # a speaker quoted inside a block (rule 10)
    closer: bool = False
    intro: bool = False
    # the sentence hands over to a reproduced block that follows it (a lead-in such as
    # "Clark has a second passage that I find even more unsettling:"): a lead-in makes
    # no claim, whatever it calls the passage (codebook: "other")
    hands_over: bool = False
    # the lead-in's verb of saying reports nothing of its own in the sentence ("He
    # tweeted:", "Asked about it, she said:"): what follows is the content, so the
    # lead-in makes no claim (codebook: "other"), its SOURCE/CUE stay marked
    bare_lead_in: bool = False
    dialogue: Speaker | None = None
    opinion: Any = None  # OpinionEvidence from rules.opinion (part B), or None
    other: Any = None  # OtherEvidence from rules.opinion (part B), or None
    # opinion evidence below the opinion threshold (rules.opinion.OPINION_WEAK): not an
    # opinion, but it lowers the score of a default claim
    weak_opinion: Any = None
    extra_rules: tuple[str, ...] = field(default_factory=tuple)
    # Every other plain attribution in the sentence ("X reports ..., according to Y"):
    # their SOURCE and CUE spans are marked too when the sentence is attributed.
    others: tuple[Speaker, ...] = field(default_factory=tuple)
    # Attributions found in the sentence that do not decide its label (a relative
    # clause, a report nested in another's content, one in a sentence the author's
    # voice governs): their SOURCE and CUE spans are marked whatever the label.
    evidence: tuple[Speaker, ...] = field(default_factory=tuple)


def _spans(sp: Speaker | None, quote: tuple[int, int] | None = None) -> list[DocSpan]:
    out: list[DocSpan] = []
    if sp is not None and sp.span is not None:
        out.append(DocSpan("SOURCE", *sp.span))
    if sp is not None and sp.cue is not None:
        out.append(DocSpan("CUE", *sp.cue))
    if quote is not None:
        out.append(DocSpan("QUOTE", *quote))
    return out


def _label(
    label: str,
    rule: str,
    ev: Evidence,
    *,
    speaker: Speaker | None = None,
    spans: list[DocSpan] | None = None,
    explanation: str,
    rule_ids: list[str],
) -> Prelabel:
    ids = tuple(dict.fromkeys([*rule_ids, *ev.extra_rules]))
    if label in ("sourced_fact", "official_quote") and ev.others:
        extra = [x for sp in ev.others for x in _spans(sp)]
        spans = list(dict.fromkeys([*(spans or []), *extra]))
    return Prelabel(
        label=label,
        score=RULE_PRECISION[rule],
        source=speaker.text if speaker else None,
        source_kind=speaker.kind if speaker else None,
        cue=speaker.cue_text if speaker else None,
        spans=tuple(sorted(spans or [], key=lambda s: (s.start, s.end, s.type))),
        explanation=explanation,
        rule_ids=ids,
    )


def _overlaps(a: DocSpan, b: DocSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _ev_spans(evidence: Any) -> list[DocSpan]:
    return list(getattr(evidence, "cues", ()) or ())


def decide(ev: Evidence) -> Prelabel:
    """One label for one sentence, following the codebook's precedence, with the
    SOURCE and CUE spans of every attribution found in it (``Evidence.evidence``)."""
    pl = _decide(ev)
    if ev.bare_lead_in and pl.label == "sourced_fact":
        pl = replace(
            pl,
            label="other",
            score=RULE_PRECISION["lead-in"],
            source=None,
            source_kind=None,
            cue=None,
            explanation=f"a lead-in that hands over to a quoted passage ({pl.explanation})",
            rule_ids=(*pl.rule_ids, "lead-in"),
        )
    if ev.paragraph_kind == "heading" and pl.label in ("sourced_fact", "official_quote"):
        # A headline or section heading makes no claim (codebook: "other"), even one
        # that names its source ("Turkey weighs halting talks, sources say"); who it
        # names stays marked as evidence.
        pl = replace(
            pl,
            label="other",
            score=RULE_PRECISION["heading"],
            source=None,
            source_kind=None,
            cue=None,
            explanation=f"a heading makes no claim ({pl.explanation})",
            rule_ids=(*pl.rule_ids, "heading"),
        )
    have = set(pl.spans)
    ids = list(pl.rule_ids)
    for sp in ev.evidence:
        new = [x for x in _spans(sp) if x not in have]
        if sp.rule_id == SEEMING:
            # "seemed" of "seemed to": already marked as the opinion's cue
            new = [x for x in new if not any(_overlaps(x, y) for y in have if y.type == x.type)]
        if new:
            have.update(new)
            ids.append(f"evidence:{sp.rule_id}")
    if len(have) == len(pl.spans):
        return pl
    return replace(
        pl,
        spans=tuple(sorted(have, key=lambda s: (s.start, s.end, s.type))),
        rule_ids=tuple(dict.fromkeys(ids)),
    )


# "no claim" evidence that holds inside a dialogue line too: a courtesy ("KOVALCHUK:
# Thank you.") and a presenter's hand-over ("OKORO: Joining me now is ..."). Not a
# question: a speaker's questions stay the speaker's quote (transcripts in the seeds
# and PolNeAR quote them as such)
_DIALOGUE_ASIDES = ("other.courtesy.", "other.handover.")


def _dialogue_aside(ev: Evidence) -> bool:
    ot, op = ev.other, ev.opinion
    if ot is None or not any(r.startswith(_DIALOGUE_ASIDES) for r in ot.rule_ids):
        return False
    return op is None or float(op.score) < float(ot.score)


def _asks(ev: Evidence) -> bool:
    """A question the "no claim" evidence reads as genuine or answered ("Will the
    Kremlin agree to outside monitors?"): its modal and reporting verb ask about a
    stance, they do not speculate about what anyone said (rule 13, not rule 4)."""
    ot = ev.other
    return ot is not None and any(r.startswith("other.question.") for r in ot.rule_ids)


def _decide(ev: Evidence) -> Prelabel:
    if ev.closer:
        return _label(
            "other",
            "closing-marker",
            ev,
            explanation=("a closing marker of a reproduced passage, not a claim"),
            rule_ids=["block-closing"],
        )
    if ev.block is not None:
        b = ev.block
        spans = _spans(ev.nested, ev.quote) if ev.nested else []
        return _label(
            "official_quote",
            ev.block_rule if ev.block_rule in RULE_PRECISION else "block",
            ev,
            speaker=Speaker(b.text, b.kind, None, None, None, b.rule_id),
            spans=spans,
            explanation=f"part of a passage reproduced from '{b.text}', introduced before it",
            rule_ids=[b.rule_id, ev.block_rule],
        )
    if ev.dialogue is not None and _dialogue_aside(ev):
        ot = ev.other
        return Prelabel(
            "other",
            float(ot.score),
            spans=tuple(_ev_spans(ot)),
            explanation=f"{ot.reason}: a dialogue line that makes no claim",
            rule_ids=tuple(dict.fromkeys([*ot.rule_ids, *ev.extra_rules])),
        )
    if ev.dialogue is not None:
        d = ev.dialogue
        return _label(
            "official_quote",
            "dialogue",
            ev,
            speaker=d,
            spans=_spans(d),
            explanation=f"a dialogue line spoken by '{d.text}'",
            rule_ids=[d.rule_id],
        )
    if ev.hedged is not None and ev.attribution is None and not _asks(ev):
        h = ev.hedged
        spans = _spans(Speaker(h.text, h.kind, None, h.cue, h.cue_text, h.rule_id))
        spans += _ev_spans(ev.opinion)
        return _label(
            "opinion",
            "hedged-attribution",
            ev,
            spans=spans,
            explanation=(
                f"the author speculates about what '{h.text}' said ('{h.cue_text}'): "
                "hedged attribution stays the author's"
            ),
            rule_ids=[h.rule_id, "rule4-hedged"],
        )
    if ev.quote is not None and ev.quote_speaker is not None:
        sp = ev.quote_speaker
        rid = [sp.rule_id, "quote-paired"]
        if ev.quote_clause and sp.kind == "anonymous":
            return _label(
                "sourced_fact",
                "quote-anonymous",
                ev,
                speaker=sp,
                spans=_spans(sp, ev.quote),
                explanation=f"verbatim quote of '{sp.text}', a source not on the record",
                rule_ids=[*rid, "rule8-anonymous"],
            )
        if ev.quote_clause:
            how = "in an earlier sentence" if ev.quote_from_context else f"by '{sp.cue_text}'"
            return _label(
                "official_quote",
                "quote-context" if ev.quote_from_context else "quote-clause",
                ev,
                speaker=sp,
                spans=_spans(sp, ev.quote),
                explanation=f"verbatim quote of '{sp.text}', introduced {how}",
                rule_ids=[*rid, "quote-clause"],
            )
        if ev.attribution is None:
            return _label(
                "sourced_fact",
                "quote-context" if ev.quote_from_context else "quote-fragment",
                ev,
                speaker=sp,
                spans=_spans(sp, ev.quote),
                explanation=f"quoted words of '{sp.text}' inside the author's account",
                rule_ids=[*rid, "quote-fragment"],
            )
    unsourced_stance = _unsourced_stance(ev)
    hedged_stance = not unsourced_stance and _hedged_stance(ev)
    if (
        ev.attribution is not None
        and not (
            ev.subordinate
            and ev.opinion is not None
            and float(ev.opinion.score) >= SUBORDINATE_OPINION_MIN
        )
        and not unsourced_stance
        and not hedged_stance
    ):
        a = ev.attribution
        spans = _spans(a, ev.quote if ev.quote_speaker is not None else None)
        vague = a.kind in ("vague", "anonymous")
        who = f"'{a.text}'" if a.span is not None or a.text else "an unnamed source"
        rule = "attribution-vague" if vague else "attribution"
        if a.rule_id == "attr-verb-stance":
            rule = "attribution-stance"
        return _label(
            "sourced_fact",
            rule,
            ev,
            speaker=a,
            spans=spans,
            explanation=f"attributed to {who} ({a.kind}) by '{a.cue_text}'",
            rule_ids=[a.rule_id],
        )
    if ev.intro and (ev.opinion is None or ev.hands_over):
        return _label(
            "other",
            "lead-in",
            ev,
            explanation="a lead-in that hands over to a quoted passage",
            rule_ids=["lead-in"],
        )
    op, ot = ev.opinion, ev.other
    if op is not None and (ot is None or op.score >= ot.score):
        reason, extra = op.reason, list(ev.extra_rules)
        if unsourced_stance:
            assert ev.attribution is not None
            reason += (
                f"; '{ev.attribution.text} {ev.attribution.cue_text}' names nobody: "
                "the author's reading of an unnamed group"
            )
            extra.append(UNSOURCED_STANCE)
        elif hedged_stance:
            assert ev.attribution is not None
            reason += (
                f"; the author speculates about '{ev.attribution.text} "
                f"{ev.attribution.cue_text}': a hedged stance stays the author's"
            )
            extra.append(HEDGED_STANCE)
        return Prelabel(
            "opinion",
            float(op.score),
            spans=tuple(_ev_spans(op)),
            explanation=reason,
            rule_ids=tuple(dict.fromkeys([*op.rule_ids, *extra])),
        )
    if ot is not None:
        return Prelabel(
            "other",
            float(ot.score),
            spans=tuple(_ev_spans(ot)),
            explanation=ot.reason,
            rule_ids=tuple(dict.fromkeys([*ot.rule_ids, *ev.extra_rules])),
        )
    if ev.paragraph_kind == "heading":
        return _label(
            "other", "heading", ev, explanation="a heading makes no claim", rule_ids=["heading"]
        )
    if ev.intro or (not ev.has_verb):
        return _label(
            "other",
            "no-verb" if not ev.has_verb else "lead-in",
            ev,
            explanation="no verb: a label, caption or fragment that makes no claim",
            rule_ids=["no-verb"],
        )
    if ev.weak_opinion is not None:
        return _label(
            "unsourced_claim",
            "default-claim-cued",
            ev,
            explanation=(
                f"no attribution: a claim in the author's own voice, but {ev.weak_opinion.reason}"
                " (too weak for an opinion; check whether the author judges)"
            ),
            rule_ids=["default-claim", "default-claim-cued"],
        )
    return _label(
        "unsourced_claim",
        "default-claim",
        ev,
        explanation="no attribution, no hedge: a claim in the author's own voice",
        rule_ids=["default-claim"],
    )
