"""The pre-labeler as a spaCy component: ``annotator_prelabeler``.

Matchers are built once per component from ``schemas/patterns/*.jsonl``; the
component reads the parse, never re-parses, and writes ``doc._.prelabels``
(one ``Prelabel`` per sentence) in ``set_annotations``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from spacy.attrs import POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from . import Prelabel
from .attribution import Attribution, Match, find_attributions
from .blocks import find_blocks, find_repeats
from .decide import Evidence, Speaker, decide
from .lexicons import Lexicons, lexicons, load_patterns
from .matching import (
    active_patterns,
    cached_matcher,
    fast_set_predicates,
    lowercase_norms,
    max_length,
    required_words,
    starts_sentence,
)
from .opinion import (
    OPINION_THRESHOLD,
    OPINION_WEAK,
    Forms,
    doc_forms,
    opinion_evidence,
    other_evidence,
    sentence_view,
    verb_read_as_noun,
)
from .quotes import Quote, QuoteInSentence, find_quotes, quote_mask, quotes_in
from .sources import (
    MentionIndex,
    clean_text,
    fits_gender,
    gender_clash,
    is_personal_pronoun,
    mention_bounds,
    resolve_pronoun,
    source_kind,
)

# A quote borrows a speaker from this many sentences back (rule 2 context, "he added").
CONTEXT_SENTENCES = 2
# A quote that covers this share of its sentence, with a verb, carries the message (rule 2).
CLAUSE_COVERAGE = 0.2
# Matchers kept for subsets of the attribution patterns (one per subset seen).
MAX_SUBSET_MATCHERS = 1024
# Labels whose matches only ``_dialogue`` reads, and only those that start a
# paragraph's first sentence. Their patterns start at a sentence start and span a few
# tokens, so they run on those few tokens at each paragraph start, not at every token
# of the doc (a Matcher costs time per token and pattern). A label with a pattern that
# does not fit stays in the doc-level Matcher.
HEAD_LABELS = frozenset({"DIALOGUE"})

# Between a sentence edge and a quote that is the sentence's whole reported content:
# quotation marks, spaces and the punctuation that closes a quote ('"…," he said').
_EDGE = frozenset(" \t\n\"'“”‘’«»„.,!?:;–—-()")
_CLOSING = frozenset(",.!?:;…")


def _whole_content(text: str, sent: Span, q: QuoteInSentence) -> bool:
    """The quote opens its sentence ('"It works," said X, who ...'), or closes it after
    a colon or comma ('X, who ..., said: "It works."'): it is what the sentence
    reports, however long the speaker's description around it (rule 2)."""
    if all(ch in _EDGE for ch in text[sent.start_char : q.start]):
        # ... and closes as a reported utterance does ('"It works," said'), not as a
        # quoted name that is the subject of the sentence ('"Stay or pay" could ...').
        if q.end >= sent.end_char or text[q.start : q.end].rstrip()[-1:] in _CLOSING:
            return True
        return text[q.end : q.end + 4].lstrip("\"'”’»")[:1] in _CLOSING
    if not all(ch in _EDGE for ch in text[q.end : sent.end_char]):
        return False
    before = text[sent.start_char : q.start].rstrip(" \t\n\"'“‘«„")
    return before.endswith((":", ","))


def ensure_extensions() -> None:
    if not Doc.has_extension("prelabels"):
        Doc.set_extension("prelabels", default=None)
    if not Doc.has_extension("paragraphs"):
        Doc.set_extension("paragraphs", default=None)


def _sourced_speakers(
    doc: Doc,
    attrs: Sequence[Sequence[Attribution]],
    speakers: list[list[Speaker | None]],
) -> Iterator[tuple[int, int, Speaker, tuple[int, int], Token]]:
    """(sentence, position, speaker, source bounds, source head) of every
    attribution that has a speaker and a source head and is not an aside, in order:
    the mentions that later ones may take up."""
    for k, al in enumerate(attrs):
        for j, a in enumerate(al):
            sp = speakers[k][j]
            if sp is None or a.source is None or a.source_head is None or a.aside:
                continue
            yield k, j, sp, a.source, doc[a.source_head]


class Prelabeler:
    def __init__(self, nlp: Language, name: str, *, use_opinion: bool = True) -> None:
        ensure_extensions()
        self.name = name
        self.lex: Lexicons = lexicons()
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.meta: dict[str, tuple[str, str | None]] = {}
        # Each pattern, and the words a doc must have for it to match (one of each
        # set; see ``required_words``). A doc that lacks a pattern's words runs a
        # Matcher without it (``_doc_matches``).
        self.rows: list[tuple[str, list[dict[str, Any]]]] = []
        self.needs: list[tuple[frozenset[str], ...]] = []
        # The same for the patterns of HEAD_LABELS, run at paragraph starts
        # (``_paragraph_heads``) on windows of ``head_window`` tokens.
        self.head_rows: list[tuple[str, list[dict[str, Any]]]] = []
        self.head_needs: list[tuple[frozenset[str], ...]] = []
        rows = [row for file in ("attribution", "blocks") for row in load_patterns(file)]
        head_labels = {row["label"] for row in rows if row["label"] in HEAD_LABELS} - {
            row["label"]
            for row in rows
            if not starts_sentence(row["pattern"]) or max_length(row["pattern"]) is None
        }
        self.head_window = max(
            (max_length(row["pattern"]) or 0 for row in rows if row["label"] in head_labels),
            default=0,
        )
        for row in rows:
            self.meta[row["id"]] = (row["label"], row.get("kind"))
            # a NORM value with capitals is no lower-cased form of the token: never pruned
            pattern = row["pattern"]
            needs = required_words(pattern) if lowercase_norms(pattern) else ()
            if row["label"] in head_labels:
                self.head_rows.append((row["id"], row["pattern"]))
                self.head_needs.append(needs)
            else:
                self.matcher.add(row["id"], [row["pattern"]])
                self.rows.append((row["id"], row["pattern"]))
                self.needs.append(needs)
        fast_set_predicates(self.matcher)
        self.subset_matchers: dict[tuple[int, ...], Matcher] = {}
        self.head_matchers: dict[tuple[int, ...], Matcher] = {}
        self.use_opinion = use_opinion

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)

    # -- pure part ---------------------------------------------------------------
    def match(self, doc: Doc) -> list[Prelabel]:
        lex = self.lex
        sents = list(doc.sents)
        sent_of = [0] * len(doc)
        for k, s in enumerate(sents):
            sent_of[s.start : s.end] = [k] * (s.end - s.start)
        matches: list[list[Match]] = [[] for _ in sents]
        forms = doc_forms(doc)
        words = set(forms[0]).union(forms[1], forms[2])
        for key, start, end in self._doc_matches(doc, words):
            rid = doc.vocab.strings[key]
            label, kind = self.meta[rid]
            matches[sent_of[start]].append(Match(rid, label, start, end, kind))
        # One Token object per position, shared by every per-sentence loop below
        # (indexing or iterating a Doc or Span builds a new Token each time).
        toks = tuple(doc)
        sent_toks = [toks[s.start : s.end] for s in sents]
        text = "".join(t.text_with_ws for t in toks)  # = doc.text, read once
        # per token: is it a verb or auxiliary (from one POS array, not pos_ per token)
        pos_arr: Any = doc.to_array([POS])
        pos_ids: list[int] = pos_arr.tolist()
        verbal = [p in (VERB, AUX) for p in pos_ids]
        sent_texts = [text[s.start_char : s.end_char] for s in sents]  # = s.text
        quotes = find_quotes(text)
        qmask = quote_mask(doc, quotes)
        index = MentionIndex(doc, lemmas=forms[2], lex=lex)
        par_of_sent, par_kinds = _paragraphs(doc, sents, text)
        attrs = [
            find_attributions(
                s, lex=lex, matches=m, qmask=qmask, names=index.names, tokens=st
            )
            for s, m, st in zip(sents, matches, sent_toks, strict=True)
        ]
        heads = self._paragraph_heads(doc, sents, par_of_sent, forms)
        dialogue, datelines, interviewer = self._dialogue(
            doc, sents, heads, par_of_sent, index, par_kinds
        )
        hosts = _host_questions(dialogue, sent_texts, self.lex.interviewer_roles)
        for k in hosts:
            # "KESSLER: Why the delay?" where Kessler hosts the show: the host's question
            # asks for the guest's words and quotes none of his own, like a "Q:" line
            del dialogue[k]
        interviewer = interviewer | hosts
        for k in datelines | interviewer:
            # a dateline's place, or the interviewing outlet's name, before the colon is
            # no source
            attrs[k] = [a for a in attrs[k] if a.rule_id != "attr-name-colon"]
        for k in interviewer:
            if sent_texts[k].rstrip().endswith("?"):
                # "Question: Is the country considering sanctions?": the verb of an
                # interviewer's question asks, it reports nobody's words or stance
                attrs[k] = []
        hedge_sent = [any(m.label == "HEDGE" for m in ms) for ms in matches]
        blocks = find_blocks(
            doc,
            sents,
            par_of_sent,
            par_kinds,
            matches,
            attrs,
            hedge_sent,
            lex,
            index,
            sent_texts,
            qmask,
        )
        repeats = find_repeats(sents, blocks, sent_texts)
        speakers = [
            [self._speaker(doc, s, a, index, qmask) for a in al]
            for s, al in zip(sents, attrs, strict=True)
        ]
        self._definite_roles(doc, sents, attrs, speakers, index, qmask)
        self._unnamed_anaphora(doc, sents, attrs, speakers)
        self._pronoun_after_role(doc, sents, attrs, speakers)
        # A relative-clause speaker ("a contractor who said ...") never says the quote.
        main_speakers = [
            [None if a.aside else x for x, a in zip(sp, al, strict=True)]
            for sp, al in zip(speakers, attrs, strict=True)
        ]
        speech = self._speech(
            doc, sents, matches, main_speakers, par_of_sent, par_kinds, index, qmask
        )
        for k, who in speech.items():
            dialogue.setdefault(k, who)
        quote_speakers = self._quote_speakers(
            doc, text, sents, quotes, _lead_in_relatives(main_speakers, speakers, sent_texts),
            index, qmask, sent_toks, sent_texts,
        )
        out = []
        for k, s in enumerate(sents):
            sp = [x for x in main_speakers[k] if x is not None]  # asides are None there
            relative = [
                x
                for x, a in zip(speakers[k], attrs[k], strict=True)
                if x is not None and a.aside and not x.hedged
            ]
            plain = [x for x in sp if not x.hedged]
            hedged = [x for x in sp if x.hedged]
            extra = _outside_content(doc, speakers[k], attrs[k], plain)
            evidence = _not_nested(doc, speakers[k], attrs[k])
            qs = quotes_in(s, quotes, tokens=sent_toks[k], text=sent_texts[k])
            best = max(qs, key=lambda q: q.coverage) if qs else None
            qspeaker, from_ctx = (None, False)
            if best is not None:
                qspeaker, from_ctx = quote_speakers.get(best.quote, (None, False))
            # Rule 2: the verbatim part is a clause (has a verb) and carries the message
            # (all quotes together cover a fair share of the sentence).
            clause = (
                any(q.has_verb for q in qs) and sum(q.coverage for q in qs) >= CLAUSE_COVERAGE
            ) or any(q.has_verb and q.n_tokens >= 3 and _whole_content(text, s, q) for q in qs)
            block = blocks.members.get(k) or repeats.get(k)
            block_speaker = None
            if block is not None:
                block_speaker = Speaker(block.text, block.kind, None, None, None, block.rule_id)
            main_attr = plain[0] if plain else None
            sub = False
            if main_attr is not None and attrs[k]:
                first = next(a for a in attrs[k] if not a.hedged and not a.aside)
                sub = first.subordinate
            para_kind = par_kinds[par_of_sent[k]]
            opinion = other = weak = None
            if self.use_opinion:
                # shared by both detectors
                lo, hi = s.start, s.end
                view = sentence_view(
                    s,
                    tokens=sent_toks[k],
                    text=sent_texts[k],
                    forms=(forms[0][lo:hi], forms[1][lo:hi], forms[2][lo:hi]),
                    pos=pos_ids[lo:hi],
                )
                opinion = opinion_evidence(s, view=view, min_score=OPINION_WEAK)
                if opinion is not None and opinion.score < OPINION_THRESHOLD:
                    weak, opinion = opinion, None  # too weak to label: lowers a claim's score
                other = other_evidence(s, paragraph_kind=para_kind, view=view)
                if k in interviewer and other is not None and sent_texts[k].rstrip().endswith("?"):
                    # an interviewer's question asks ("What should Washington do?"): its
                    # modals and evaluative words assert nothing
                    opinion = weak = None
            intro = k in blocks.intros or (
                sent_texts[k].rstrip().endswith(":")
                and k + 1 < len(sents)
                and par_of_sent[k + 1] != par_of_sent[k]
            )
            ev = Evidence(
                start=s.start_char,
                end=s.end_char,
                has_verb=any(verbal[s.start : s.end]) or verb_read_as_noun(list(s)),
                paragraph_kind=para_kind,
                attribution=main_attr,
                hedged=hedged[0] if hedged else None,
                subordinate=sub,
                quote=(best.start, best.end) if best is not None else None,
                quote_clause=clause,
                quote_speaker=qspeaker,
                quote_from_context=from_ctx,
                block=block_speaker,
                block_rule="block" if k in blocks.members else "block-repeat",
                nested=main_attr if block is not None else None,
                closer=k in blocks.closers,
                intro=intro,
                hands_over=k in blocks.intros and sent_texts[k].rstrip().endswith(":"),
                bare_lead_in=_bare_lead_in(s, main_attr, intro, sent_texts[k], self.lex),
                dialogue=dialogue.get(k),
                opinion=opinion,
                other=other,
                weak_opinion=weak,
                others=tuple(x for x in plain[1:] if x in extra)
                + tuple(x for x in relative if x in extra and x in evidence),
                evidence=tuple(evidence),
            )
            out.append(decide(ev))
        return out

    def set_annotations(self, doc: Doc, prelabels: list[Prelabel]) -> None:
        doc._.prelabels = prelabels

    # -- helpers -----------------------------------------------------------------
    def _interview(
        self,
        doc: Doc,
        sents: Sequence[Span],
        par_of_sent: Sequence[int],
        out: dict[int, Speaker],
        outlet: set[int],
        lines: Mapping[int, tuple[bool, bool]],
        answers: Sequence[int],
        index: MentionIndex,
    ) -> None:
        """An interview's two sides, in place. Organisations that ask more questions
        than the people they talk to are the outlet interviewing ("GAR: Do you think
        ...?" between "Reed: ..." lines): their lines, and the lines of that
        paragraph, speak in the article's voice. "A:" lines are the interviewee's:
        the person with the most dialogue lines, else the first person named."""
        asks = {org: sum(q for o, q in lines.values() if o == org) for org in (True, False)}
        if asks[True] > asks[False]:
            for k in [k for k, (org, _) in lines.items() if org]:
                p = par_of_sent[k]
                for j in range(k, len(sents)):
                    if par_of_sent[j] != p:
                        break
                    out.pop(j, None)
                    outlet.add(j)
        if not answers:
            return
        named = [sp for k, sp in out.items() if k in lines]
        if named:
            top = max(named, key=lambda sp: sum(x.text == sp.text for x in named))
            text, kind = top.text, top.kind
        else:
            # no named line: the person the introduction says was interviewed, not
            # the first name of an explainer's "Q: What is ...? A: ..." (its author)
            first = sents[answers[0]].start
            person = _interviewee(doc, first)
            if (
                person is None
                or person.start > first
                or not any(t.lemma_.lower() in _INTERVIEW_WORDS for t in doc[:first])
            ):
                return
            text, kind = self._mention(doc, person.start, person.end, index, person.sent)
        for k in answers:
            out[k] = Speaker(text, kind, None, None, None, "attr-dialogue-answer")

    def _doc_matches(self, doc: Doc, words: set[str]) -> list[tuple[int, int, int]]:
        """``self.matcher(doc)``, run without the patterns whose words ``doc`` lacks
        (``words``: every lower-cased form, norm and lemma in it). A pattern that
        cannot match adds no match, and the others' matches come in the same order
        (each pattern's states advance on their own), so the result is the same."""
        active = active_patterns(self.needs, words)
        if len(active) == len(self.rows):
            return list(self.matcher(doc))
        matcher = cached_matcher(
            self.subset_matchers,
            active,
            lambda: (self.rows[k] for k in active),
            self.vocab,
            limit=MAX_SUBSET_MATCHERS,
        )
        return list(matcher(doc)) if active else []

    def _paragraph_heads(
        self, doc: Doc, sents: Sequence[Span], par_of_sent: Sequence[int], forms: Forms
    ) -> dict[int, list[Match]]:
        """For each paragraph's first sentence (by position in ``sents``), the
        HEAD_LABELS matches that start at its first token, in the order the doc-level
        Matcher would list them.

        Every head pattern starts at a sentence start and spans at most
        ``head_window`` tokens, so its matches from a sentence's first token are the
        ones a Matcher finds in the window of that many tokens there (the window may
        run into the next sentence, as the doc-level Matcher would). Patterns whose
        words the window lacks are left out, which changes no other pattern's matches
        or their order (see ``_doc_matches``)."""
        out: dict[int, list[Match]] = {}
        if not self.head_rows:
            return out
        lowers, norms, lemmas = forms
        n = len(doc)
        for k, s in enumerate(sents):
            if k > 0 and par_of_sent[k - 1] == par_of_sent[k]:
                continue
            lo, hi = s.start, min(s.start + self.head_window, n)
            words = {*lowers[lo:hi], *norms[lo:hi], *lemmas[lo:hi]}
            active = active_patterns(self.head_needs, words)
            if not active:
                continue
            matcher = cached_matcher(
                self.head_matchers,
                active,
                partial(map, self.head_rows.__getitem__, active),
                self.vocab,
                limit=MAX_SUBSET_MATCHERS,
            )
            for key, start, end in matcher(doc[lo:hi]):
                if start == 0:
                    rid = doc.vocab.strings[key]
                    label, kind = self.meta[rid]
                    out.setdefault(k, []).append(Match(rid, label, lo, lo + end, kind))
        return out

    def _speaker(
        self, doc: Doc, sent: Span, a: Attribution, index: MentionIndex, qmask: Sequence[bool]
    ) -> Speaker | None:
        cue_span = doc[a.cue[0] : a.cue[1]]
        cue = (cue_span.start_char, cue_span.end_char)
        cue_text = cue_span.text
        if a.source is None:
            kind = a.kind_hint or "vague"
            return Speaker("", kind, None, cue, cue_text, a.rule_id, a.hedged)
        s0, s1 = a.source
        span = (doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1]))
        if a.source_head is None:
            # An impersonal phrase is its own (vague) source; "in diplomatic circles"
            # narrows it to an unnamed but specific group.
            words = {t.lemma_.lower() for t in doc[s0:s1]}
            kind = "anonymous" if words & self.lex.anonymous_heads else (a.kind_hint or "vague")
            return Speaker(clean_text(doc[s0:s1]), kind, span, cue, cue_text, a.rule_id, a.hedged)
        head = doc[a.source_head]
        pronoun: str | None = None  # the he/she the source is resolved from
        if not s0 <= head.i < s1:
            # a relative pronoun's antecedent ("McConnell, who said"): name it in full
            s0, s1 = mention_bounds(head, with_prep=False)
        elif is_personal_pronoun(head):
            ante = resolve_pronoun(head, index.ents, qmask, self.lex, genders=index.genders)
            if ante is None:
                return Speaker(
                    clean_text(doc[s0:s1]),
                    "other",
                    span,
                    cue,
                    cue_text,
                    a.rule_id,
                    a.hedged,
                    resolved=False,
                )
            # a group named by a plural noun keeps its place or body ("critics in The
            # Hague"); a name does not take the phrase after it
            s0, s1 = mention_bounds(ante, with_prep=ante.tag_ == "NNS")
            pronoun = head.lower_
        text = index.fullest(doc, s0, s1, pronoun=pronoun)
        kind = source_kind(doc, s0, s1, text, self.lex, hint=a.kind_hint, sentence=sent)
        # the kind is the source's own ("a source close to the Kremlin" is anonymous)
        longer = _named_by_end(head, s1, self.lex) if s0 <= head.i < s1 else s1
        if longer > s1:
            text = clean_text(doc[s0:longer])
        return Speaker(text, kind, span, cue, cue_text, a.rule_id, a.hedged)

    def _speech(
        self,
        doc: Doc,
        sents: Sequence[Span],
        matches: Sequence[Sequence[Match]],
        speakers: Sequence[Sequence[Speaker | None]],
        par_of_sent: Sequence[int],
        par_kinds: Sequence[str],
        index: MentionIndex,
        qmask: Sequence[bool],
    ) -> dict[int, Speaker]:
        """The sentences of a speech page: after a note such as "Check against delivery"
        or "(Original script, may differ from delivered version)", every paragraph up to
        the next heading ("Notes to editors") is the speaker's own words (codebook rule
        5), first person, questions and all. The speaker is the one the page names
        before the note ("Ambassador X condemns ..."), else the last person named."""
        marker = next(
            (k for k, ms in enumerate(matches) if any(m.label == "SPEECH" for m in ms)), None
        )
        if marker is None:
            return {}
        found: Speaker | None = None
        for j in range(marker - 1, max(marker - 1 - _SPEECH_LOOKBACK, -1), -1):
            found = next((x for x in speakers[j] if x is not None and x.text), None)
            found = found or self._named_person(doc, sents[j], index, qmask)
            if found is not None:
                break
        if found is None:
            return {}
        who = Speaker(found.text, found.kind, None, None, None, "speech-delivery")
        out: dict[int, Speaker] = {}
        for k in range(marker + 1, len(sents)):
            if par_kinds[par_of_sent[k]] == "heading" or any(
                m.label == "SPEECH" for m in matches[k]
            ):
                break
            out[k] = who
        return out

    def _quote_speakers(
        self,
        doc: Doc,
        text: str,
        sents: Sequence[Span],
        quotes: Sequence[Quote],
        speakers: Sequence[Sequence[Speaker | None]],
        index: MentionIndex,
        qmask: Sequence[bool],
        sent_toks: Sequence[Sequence[Token]],
        sent_texts: Sequence[str],
    ) -> dict[Quote, tuple[Speaker | None, bool]]:
        """Who says each quote: a reporting verb in its sentences, an "X said:" lead-in
        before it, a short "he added." after it, or the last speaker just before.
        ``sent_toks`` and ``sent_texts``: each sentence's tokens and text."""
        starts = [s.start_char for s in sents]
        out: dict[Quote, tuple[Speaker | None, bool]] = {}
        last_ctx: tuple[int, Speaker] | None = None
        for q in quotes:
            first = max(bisect.bisect_right(starts, q.start) - 1, 0)
            last = max(bisect.bisect_right(starts, max(q.end - 1, q.start)) - 1, 0)
            found: tuple[Speaker | None, bool] = (None, False)
            for k in range(first, last + 1):
                sp = next(
                    (x for x in speakers[k] if x is not None and not x.hedged and x.text), None
                )
                if sp is not None:
                    found = (sp, False)
                    break
            if found[0] is None and first > 0 and sent_texts[first - 1].rstrip().endswith(":"):
                sp = next((x for x in speakers[first - 1] if x is not None and x.text), None)
                if sp is not None:
                    found = (Speaker(sp.text, sp.kind, None, None, sp.cue_text, sp.rule_id), False)
            if found[0] is None and last + 1 < len(sents) and len(sents[last + 1]) <= 8:
                sp = next((x for x in speakers[last + 1] if x is not None and x.text), None)
                if sp is not None:
                    found = (Speaker(sp.text, sp.kind, None, None, sp.cue_text, sp.rule_id), False)
            clause = any(
                qs.has_verb
                for k in range(first, last + 1)
                for qs in quotes_in(sents[k], [q], tokens=sent_toks[k], text=sent_texts[k])
            )
            single = q.start > 0 and text[q.start - 1] in "‘'"
            mention = found[0] is None and _mentioned(text, q, sents[first], self.lex)
            if (
                found[0] is None
                and last_ctx is not None
                and first - last_ctx[0] <= 1
                and not single
            ):
                # A run of quotes borrows one speaker: "Russia has “...”. And “...”."
                found = (last_ctx[1], True)
            # Rule 3: a short fragment borrows a speaker only from the sentence just before
            # it; otherwise it is a scare quote. A full clause may look further back.
            reach = CONTEXT_SENTENCES if clause else (0 if single else 1)
            if found[0] is None:
                for k in range(first - 1, max(first - 1 - reach, -1), -1):
                    sp = next(
                        (x for x in speakers[k] if x is not None and not x.hedged and x.text), None
                    )
                    if sp is None:
                        sp = _document_subject(doc, sents[k], self.lex, index)
                    if sp is not None:
                        found = (
                            Speaker(sp.text, sp.kind, None, None, sp.cue_text, "quote-context"),
                            True,
                        )
                        break
            if found[0] is None and first > 0 and clause:
                sp = self._named_person(doc, sents[first - 1], index, qmask)
                if sp is not None:
                    found = (sp, True)
            if found[1] and found[0] is not None:
                # 'Lavrov, speaking in Moscow, accused Kyiv of “state terrorism.”' (the
                # verb misparsed): the person the quote's own sentence names before it
                # says it, not the speaker of the sentences before.
                own = self._subject_person(doc, sents[first], q.start, index, qmask)
                if own is not None and not set(own.text.lower().split()) & set(
                    found[0].text.lower().split()
                ):
                    found = (own, True)
                elif mention and own is None:
                    # a wording mentioned ('the phrase "..."', '"X" is not proof'):
                    # nobody in its sentence uses it, so no speaker from the context
                    found = (None, False)
            out[q] = found
            if found[0] is not None:
                last_ctx = (
                    last,
                    Speaker(
                        found[0].text, found[0].kind, None, None, found[0].cue_text, "quote-context"
                    ),
                )
        return out

    def _named_person(
        self, doc: Doc, sent: Span, index: MentionIndex, qmask: Sequence[bool]
    ) -> Speaker | None:
        """The last person named (outside quotes) in the sentence before a quote that has
        no speaker of its own: news style introduces the speaker, then quotes them."""
        found = [_ent_at(doc, t.i) for t in sent if t.ent_type_ == "PERSON"]
        people = [e for e in found if e is not None and not qmask[e.start]]
        if not people:
            return None
        return self._context_person(doc, people[-1], index, sent)

    def _mention(
        self, doc: Doc, start: int, end: int, index: MentionIndex, sent: Span
    ) -> tuple[str, str]:
        """The fullest mention of the source at tokens ``start:end`` and its kind."""
        text = index.fullest(doc, start, end)
        return text, source_kind(doc, start, end, text, self.lex, sentence=sent)

    def _context_person(self, doc: Doc, e: Span, index: MentionIndex, sent: Span) -> Speaker:
        """A person named near a quote, as the quote's speaker."""
        text, kind = self._mention(doc, e.start, e.end, index, sent)
        return Speaker(text, kind, None, None, None, "quote-context-person")

    def _definite_roles(
        self,
        doc: Doc,
        sents: Sequence[Span],
        attrs: Sequence[Sequence[Attribution]],
        speakers: list[list[Speaker | None]],
        index: MentionIndex,
        qmask: Sequence[bool],
    ) -> None:
        """'Zakharova wrote ... "...," the diplomat stressed.': "the" + a role noun
        names the person who was the source just before (in this or the two previous
        sentences), when that source is a named person and the role noun is not used
        for anyone else in between. Replaces those speakers in place."""
        roles = self.lex.person_roles
        last: tuple[int, Token] | None = None  # (sentence, head token of a named person)
        for k, j, sp, (s0, s1), head in _sourced_speakers(doc, attrs, speakers):
            if (
                last is not None
                and k - last[0] <= CONTEXT_SENTENCES
                and s1 - s0 <= 4
                and doc[s0].lower_ == "the"
                and head.tag_ == "NN"
                and head.lemma_.lower() in roles
                and s0 <= head.i < s1
                and all(
                    t.pos_ in ("DET", "ADJ", "NOUN") and not t.ent_type_ for t in doc[s0:s1]
                )
                and not any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in head.children)
            ):
                ante = last[1]
                a0, a1 = mention_bounds(ante, with_prep=False)
                lemma = head.lemma_.lower()
                # "Lavrov met the US ambassador. The ambassador said": the role is
                # someone else's
                between = doc[sents[last[0]].start : s0]
                if not any(
                    t.lemma_.lower() == lemma and not a0 <= t.i < a1 for t in between
                ):
                    text, kind = self._mention(doc, a0, a1, index, sents[k])
                    low = f" {text.lower()} "
                    if kind not in ("anonymous", "vague") and any(
                        f" {w} " in low for w in roles[lemma]
                    ):
                        speakers[k][j] = replace(sp, text=text, kind=kind)
                        continue
            ante_tok: Token | None = head
            if is_personal_pronoun(head):
                ante_tok = resolve_pronoun(
                    head, index.ents, qmask, self.lex, genders=index.genders
                )
                if (
                    head.lower_ in ("he", "she")
                    and last is not None
                    and k - last[0] <= 1
                    and ante_tok is not None
                    and ante_tok.i != last[1].i
                    and ante_tok.ent_type_ == "PERSON"
                    and last[1].i < ante_tok.i
                    and not _named_speaker_between(doc, last[1], ante_tok, attrs, k, sents)
                    and fits_gender(head.lower_, last[1], index.genders)
                    and not gender_clash(
                        head.lower_,
                        index.fullest(doc, *mention_bounds(last[1], with_prep=False)).split(),
                        self.lex,
                    )
                ):
                    # 'Kuleba said Kyiv would only negotiate on ... "...," he told
                    # reporters.': "he" is the speaker just before, not the last
                    # name mentioned in what that speaker said
                    ante_tok = last[1]
                    a0, a1 = mention_bounds(ante_tok, with_prep=False)
                    text, kind = self._mention(doc, a0, a1, index, sents[k])
                    speakers[k][j] = replace(sp, text=text, kind=kind)
            if ante_tok is not None and ante_tok.ent_type_ == "PERSON" and not sp.hedged:
                last = (k, ante_tok)
            elif not (
                last is not None
                and last[0] == k
                and ante_tok is not None
                and ante_tok.ent_type_ == "GPE"
            ):
                # someone else spoke since ("a US official said"); a state's stance
                # in the person's own sentence ("Moscow expects ..., Deputy Minister
                # X told reporters") leaves the person the one a role names next
                last = None

    def _unnamed_anaphora(
        self,
        doc: Doc,
        sents: Sequence[Span],
        attrs: Sequence[Sequence[Attribution]],
        speakers: list[list[Speaker | None]],
    ) -> None:
        """'Two sources familiar with the matter said ... "...," one of the sources said.'
        / '... this person said.' / 'One said ...': a short mention that takes up an
        unnamed source just before ("the/this/that source", "one of the officials", a
        bare "One" or "Another") is that source's fullest mention (codebook: resolved to
        its nearest full mention), when the earlier one is anonymous or vague and has the
        same head noun (or the mention has none). Replaces the speakers in place."""
        last: tuple[int, Speaker, str] | None = None  # (sentence, speaker, head lemma)
        for k, j, sp, (s0, s1), head in _sourced_speakers(doc, attrs, speakers):
            lemma = _group_lemma(head)
            if (
                last is not None
                and k - last[0] <= CONTEXT_SENTENCES
                and s1 - s0 <= 4
                and _takes_up(doc[s0:s1], head)
                and (lemma is None or lemma == last[2])
            ):
                speakers[k][j] = replace(sp, text=last[1].text, kind=last[1].kind)
                continue
            if j > 0:
                continue  # only a sentence's main source is the one taken up next
            if sp.kind in ("anonymous", "vague") and lemma is not None and s1 - s0 >= 2:
                last = (k, sp, lemma)
            elif sp.kind not in ("anonymous", "vague"):
                last = None

    def _pronoun_after_role(
        self,
        doc: Doc,
        sents: Sequence[Span],
        attrs: Sequence[Sequence[Attribution]],
        speakers: list[list[Speaker | None]],
    ) -> None:
        """'The representative of Germany expressed regret. She said ...': a sentence
        that opens with "he"/"she" as its speaker goes on with the sentence just
        before, when that one's speaker is one person named by an office of a country
        or body ("the representative of X", "the ambassador of Y") or one unnamed person
        ("One midwife, who asked not to be named, said ...") rather than by name. The pronoun
        resolver only knows names, and would reach back to the last one (a briefer
        quoted earlier). Replaces those speakers in place."""
        titles = self.lex.official
        for k in range(1, len(sents)):
            sp = speakers[k][0] if attrs[k] else None
            if sp is None or not attrs[k - 1]:
                continue
            head_i = attrs[k][0].source_head
            prev_sp, prev = speakers[k - 1][0], attrs[k - 1][0]
            if head_i is None or prev_sp is None or prev.source_head is None or prev.aside:
                continue
            pron = doc[head_i]
            if pron.lower_ not in ("he", "she") or not (
                pron.i == sents[k].start or _tag_after_opening_quote(sents[k], pron)
            ):
                continue
            role = doc[prev.source_head]
            office = role.lemma_.lower() in titles and any(
                # an office of a country or body ("the representative of Germany"), not a
                # description of someone named before ("the Florida senator")
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(o.ent_type_ in ("GPE", "ORG", "NORP") for o in c.subtree)
                for c in role.children
            )
            # "One midwife, who asked not to be named, said ...": one person kept
            # anonymous on purpose, whom the next lines go on quoting (not "one
            # questioner claimed ...", after which a named speaker answers)
            low = sents[k - 1].text.lower()
            unnamed = (
                prev_sp.kind == "anonymous"
                and any(
                    c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one")
                    for c in role.children
                )
                and any(cue in low for cue in self.lex.off_record)
            )
            if (
                role.tag_ != "NN"
                or not (office or unnamed)
                or any(t.ent_type_ == "PERSON" for t in doc[sents[k - 1].start : pron.i])
                or gender_clash(pron.lower_, prev_sp.text.split(), self.lex)
            ):
                continue
            if sp.text != prev_sp.text:
                speakers[k][0] = replace(sp, text=prev_sp.text, kind=prev_sp.kind)

    def _subject_person(
        self, doc: Doc, sent: Span, before: int, index: MentionIndex, qmask: Sequence[bool]
    ) -> Speaker | None:
        """The person who is the subject of ``sent`` (or its root, when the parser reads
        "Lavrov, speaking ..., accused" as a noun phrase), named before character
        ``before`` and outside quotes."""
        root = sent.root
        cands = [root] + [c for c in root.children if c.dep_ == "nsubj"]
        for t in cands:
            if t.ent_type_ != "PERSON" or qmask[t.i] or t.idx >= before:
                continue
            b = t.i
            while b > sent.start and doc[b].ent_iob_ == "I":
                b -= 1
            e = _ent_at(doc, b)
            if e is None:
                continue
            return self._context_person(doc, e, index, sent)
        return None

    def _role_kind(self, label: Span, sents: Sequence[Span]) -> str | None:
        """The source kind a transcript label's role tells ("GNN CORRESPONDENT" media,
        "MAYOR" official, "ENERGY ANALYST" expert), or None: a named speaker is neither
        anonymous nor vague ("COUNCIL MEMBER"), and a role that tells nothing leaves
        the kind to the name."""
        name = _role_speaker(label)
        doc = label.doc
        start, end = name.end, label.end
        while start < end and doc[start].is_punct:
            start += 1
        cut = next((t.i for t in doc[start:end] if t.text == "("), end)
        if cut <= start:
            return None
        sent = next(s for s in sents if s.start <= start < s.end)
        role = doc[start:cut]
        kind = source_kind(doc, start, cut, role.text.lower(), self.lex, sentence=sent)
        return kind if kind in ("official", "expert", "media") else None

    def _dialogue(
        self,
        doc: Doc,
        sents: Sequence[Span],
        heads: Mapping[int, Sequence[Match]],
        par_of_sent: Sequence[int],
        index: MentionIndex,
        par_kinds: Sequence[str],
    ) -> tuple[dict[int, Speaker], frozenset[int], frozenset[int]]:
        """Speakers of dialogue lines, the lines that open with a dateline ("KARACHI:
        The index fell ...": the label is no speaker, nor a name-colon source), and the
        lines of an outlet that interviews
        someone ("Sputnik: Who benefits?" between "Klaus Hoffmann: ..." lines): those
        speak in the article's own voice. ``heads``: ``_paragraph_heads``, the DIALOGUE
        match opening each paragraph; ``par_kinds``: each paragraph's kind (a heading
        "Telegram Roundup: What ..." is a title, not a line of dialogue)."""
        out: dict[int, Speaker] = {}
        outlet: set[int] = set()
        # (paragraph, its speaker; None while an "A:" answer's speaker is unknown)
        current: tuple[int, Speaker | None] | None = None
        # distinct names that open lines: two or more make an exchange, where a one-word
        # name the NER calls a person speaks ("Lavrov: ..." / "Pompeo: ...") even if the
        # article names it nowhere else
        spans = [
            doc[m.start + 1 if doc[m.start].is_punct else m.start : m.end - 1]
            for ms in heads.values()
            for m in ms
            if m.label == "DIALOGUE" and m.rule_id != _BARE_CAPS
        ]
        openers = {
            n.text.lower()
            for n in spans
            if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.is_upper for t in n)
        }
        exchange = len(openers) >= 2
        # a press briefing or interview: "Question:" lines (or, once one is read, an
        # outlet's "Sputnik:" lines); a turn may run over several paragraphs (one
        # sentence a paragraph, as scraped), like a broadcast's
        asked = any(m.rule_id == "attr-dialogue-question" for ms in heads.values() for m in ms)
        # words of the names that transcript labels give with a role ("DANIEL OKORO,
        # GNN ANCHOR:"): the same speaker's later "OKORO:" lines are that person's
        role_names = {
            t.lower_
            for ms in heads.values()
            for m in ms
            if m.rule_id == _ROLE_LABEL
            for t in _role_speaker(doc[m.start : m.end - 1])
        }
        # the kind each role tells ("GNN CORRESPONDENT": media, "MAYOR": official), for
        # the label and for that speaker's later "OKORO:" lines
        role_kinds: dict[str, str] = {}
        for ms in heads.values():
            for rm in ms:
                if rm.rule_id == _ROLE_LABEL:
                    label = doc[rm.start + 1 if doc[rm.start].is_punct else rm.start : rm.end - 1]
                    kind = self._role_kind(label, sents)
                    if kind is not None:
                        for t in _role_speaker(label):
                            role_kinds.setdefault(t.lower_, kind)
        # lines of an interview: "Q:" lines are the outlet's, "A:" lines the
        # interviewee's (named once all lines are read); per line, whether an
        # organisation speaks it and whether it ends with a question
        answers: list[int] = []
        datelines: set[int] = set()
        lines: dict[int, tuple[bool, bool]] = {}
        # paragraphs that open with a speaker label: a paragraph with no label goes on
        # with the last speaker only while the transcript goes on after it
        label_pars = sorted(
            {par_of_sent[k] for k, ms in heads.items() if any(m.label == "DIALOGUE" for m in ms)}
        )
        # names the NER found elsewhere: "Global Affairs Review:" as a line's speaker
        # where the parser reads "Global" as an adjective
        entity_names = {e.text.lower(): e.label_ for e in index.ents if len(e) > 1}
        first_text_par = next((i for i, kind in enumerate(par_kinds) if kind == "text"), -1)
        for k, s in enumerate(sents):
            first_in_par = k == 0 or par_of_sent[k - 1] != par_of_sent[k]
            ms = [
                m
                for m in heads.get(k, ())
                if m.label == "DIALOGUE"
                and (
                    m.rule_id != _BARE_CAPS
                    or _role_named(doc[m.start : m.end - 1], role_names)
                    or (role_names and m.end - 1 - m.start > 1)  # "ANTON BILYK:"
                )
            ]
            m = next((m for m in ms if m.rule_id in _INTERVIEW_LINES), ms[0] if ms else None)
            if m is not None and first_in_par and m.rule_id in _INTERVIEW_LINES:
                if m.rule_id == "attr-dialogue-answer":
                    answers.append(k)
                    current = (par_of_sent[k], None)
                else:
                    outlet.add(k)
                    current = None
                continue
            if m is not None and first_in_par:
                # '"WALLACE: ...' (a transcript quoted whole): skip the opening quote
                first = m.start + 1 if doc[m.start].is_punct else m.start
                name = doc[first : m.end - 1]
                # the label's first bracket ("Mr X (Bristol East):", "... Xi (retranslated):")
                bracket = next((t.i for t in name if t.text == "("), None)
                if m.rule_id == _ROLE_LABEL:
                    name = _role_speaker(name)
                elif m.rule_id in _TITLED_LABELS:
                    # "President of Russia Vladimir Putin:": the name after the office
                    stop = name.end if bracket is None else bracket
                    name = doc[max(name.start, stop - 2) : stop]
                elif m.rule_id in _NOTED_LABELS:
                    name = doc[name.start : name.end if bracket is None else bracket]
                elif m.rule_id == _OFFICE_NAME_LABEL:
                    # "The Minister for Trade (Helen Castle):": the name in the brackets
                    opened = name.end - 1 if bracket is None else bracket
                    name = doc[opened + 1 : name.end - 1]
                text, kind = "", ""
                name_kind = ""
                if (
                    len(name) <= 3
                    and par_kinds[par_of_sent[k]] != "heading"
                    and (len(name) > 1 or _named_speaker(name[0], m.end, exchange=exchange))
                    and not _dialogue_label(name, doc[m.end : s.end])
                ):
                    text, kind = self._mention(doc, name.start, name.end, index, s)
                    name_kind = kind
                    if m.rule_id in _TITLED_LABELS or m.rule_id == _OFFICE_NAME_LABEL:
                        kind = "official"  # the office before the name ("President of ...")
                    if name[-1].lower_ in role_kinds and all(t.is_upper for t in name):
                        # "TOM REED, MAYOR:", and later "REED:": the role tells the kind
                        # (whether an outlet speaks the line still goes by the name)
                        kind = role_kinds[name[-1].lower_]
                if kind == "media" and name.text.lower() in self.lex.media:
                    # "Sputnik: Who benefits?": the outlet's own interviewer speaks in
                    # the article's voice; what the line reports is judged as usual
                    outlet.add(k)
                    current = None
                    asked = True
                    continue
                if (
                    m.rule_id == "attr-dialogue-line-caps"
                    and len(label_pars) == 1
                    and par_of_sent[k] == first_text_par
                    and not _in_person(s)
                ):
                    # "ISLAMABAD: Pakistan on Thursday rejected ...": the one capitalised
                    # label of the page, opening its first paragraph of text, in the
                    # third person, is a dateline (the place the story was filed from;
                    # the small model often tags such a place ORG), not a speaker
                    text = ""
                    datelines.add(k)
                if text and (any(
                    # a named speaker, or a capitalised name the article names elsewhere
                    # ("PENCE:" in a transcript of Mike Pence)
                    t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                    or (t.is_upper and (t.lower_ in index.names or t.lower_ in role_names))
                    for t in name
                ) or m.rule_id == _ROLE_LABEL or m.rule_id in _FORM_LABELS or (
                    # a full name in capitals in a transcript whose labels give roles
                    # ("OLEKSIY BONDAR:" between "NAGY:" lines)
                    role_names
                    and len(name) > 1
                    and all(t.is_upper and t.is_alpha for t in name)
                ) or (
                    # "Reed:" in an interview of Thomas Reed, "Global Affairs Review:"
                    # where the NER missed the name on the line: a name the NER found
                    # elsewhere, in an exchange, opening a clause (not a headline's
                    # source, not a label such as "Rubio: Finish second.")
                    exchange
                    and (
                        name.text.lower() in entity_names
                        if len(name) > 1
                        else name[0].is_title and name[0].lower_ in index.by_name
                    )
                    and _spoken_line(doc[m.end : s.end])
                )):
                    colon = doc[m.end - 1]
                    cue = (colon.idx, colon.idx + 1)
                    sp = Speaker(text, kind, (name.start_char, name.end_char), cue, ":", m.rule_id)
                    out[k] = sp
                    current = (par_of_sent[k], sp)
                    org = (
                        name_kind == "media"
                        or any(t.ent_type_ == "ORG" for t in name)
                        or entity_names.get(name.text.lower()) == "ORG"
                    )
                    lines[k] = (org, _par_asks(sents, par_of_sent, k))
                    continue
            if (
                (role_names or asked)
                and current is not None
                and current[1] is not None
                and first_in_par
                and par_of_sent[k] == current[0] + 1
                and par_kinds[par_of_sent[k]] == "text"
                and (
                    _label_ahead(
                        label_pars,
                        par_of_sent[k],
                        within=_TURN_PARAGRAPHS if role_names else _BRIEFING_TURN_PARAGRAPHS,
                    )
                    # an interview that ends the page: its last answer runs to the end
                    or (not role_names and _last_turn_goes_on(label_pars, par_of_sent, k, s))
                )
                # the author's aside about the speaker ("Reed, who served in Moscow,
                # now teaches ...") names him: a speaker never calls himself that
                and (role_names or not (
                    _names_speaker(s, current[1])
                    # a line with a label of its own that is no known speaker's
                    or any(m.label == "DIALOGUE" for m in heads.get(k, ()))
                ))
            ):
                # a broadcast transcript (its labels give roles): a paragraph with no
                # label of its own goes on with the speaker of the one before, while
                # another labelled line follows soon; after the transcript's last line
                # the article's own prose resumes ("The branch will close in March.")
                current = (par_of_sent[k], current[1])
            elif (
                current is not None
                and current[1] is None
                and first_in_par
                and par_of_sent[k] == current[0] + 1
                and par_kinds[par_of_sent[k]] == "text"
                and (
                    _label_ahead(label_pars, par_of_sent[k])
                    or _last_turn_goes_on(label_pars, par_of_sent, k, s)
                )
            ):
                # an "A:" answer that runs over several paragraphs goes on while the
                # next "Q:" line follows soon (or, after the last, in the first person)
                current = (par_of_sent[k], None)
            if current is not None and current[0] == par_of_sent[k]:
                said = current[1]
                if said is None:
                    answers.append(k)
                else:
                    out[k] = Speaker(said.text, said.kind, None, None, None, said.rule_id)
            else:
                current = None
        self._interview(doc, sents, par_of_sent, out, outlet, lines, answers, index)
        # an outlet's name alone before a colon may be a headline's source ("Reuters:
        # ..."); it interviews only where someone else has dialogue lines too
        interviewer = frozenset(outlet) if out else frozenset()
        return out, frozenset(datelines), interviewer


# how many sentences before a speech's "Check against delivery" note may name its speaker
_SPEECH_LOOKBACK = 8
# "Q:"/"A:" interview lines (patterns in schemas/patterns/attribution.jsonl)
_INTERVIEW_LINES = frozenset({"attr-dialogue-question", "attr-dialogue-answer"})
# a transcript's speaker label with a role ("SARAH LINDEN, GNN CORRESPONDENT:"): its
# form alone makes it a speaker (a role in capitals is no headline or field label)
_ROLE_LABEL = "attr-dialogue-line-caps-role"
# a label in capitals of any part of speech ("CRUZ:"): a speaker only when a role
# label named that person, or as a full name in a transcript with role labels
_BARE_CAPS = "attr-dialogue-line-caps-bare"
# an official transcript's label with the office before the name ("President of
# Russia Vladimir Putin:"): its form alone makes it a speaker, like a role label's
_TITLED_LABELS = frozenset({"attr-dialogue-line-titled", "attr-dialogue-line-titled-note"})
# Labels of parliamentary and UN records: a name with bracketed notes ("Mr Daniel Okoro
# (Bristol East) (Lab):"), whose speaker is the name before the first bracket, and an
# office with its holder in brackets ("The Minister for Trade (Helen Castle):").
_NOTED_LABELS = frozenset({"attr-dialogue-line-noted", "attr-dialogue-line-noted-twice"})
_OFFICE_NAME_LABEL = "attr-dialogue-line-office-name"
# Labels whose form alone makes their name a speaker.
_FORM_LABELS = _TITLED_LABELS | _NOTED_LABELS | {_OFFICE_NAME_LABEL}


# a quoted fragment that opens its sentence and is its subject: '"X" is not evidence'
_MENTION_SUBJECT = re.compile(r"^[”\"’']?[ \t]+(?:is|was|are|were|means|meant)\b")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_NAMED_BY_OF = re.compile(r"(\w+)\s+of\s*$", re.IGNORECASE)


def _mentioned(text: str, q: Quote, sent: Span, lex: Lexicons) -> bool:
    """Is a quoted fragment mentioned as a wording rather than quoted (rule 3): after a
    noun such as "phrase" or "slogan" that is the sentence's subject ('the phrase
    "Assad must go" had become ...'; not 'the senator used the phrase "..."', where
    the senator says it), or as the subject that opens its sentence ('"Highly likely"
    is not evidence.')?"""
    sent_start = sent.start_char
    before = text[max(sent_start, q.start - 30) : q.start].rstrip("“\"‘' ")
    word = _LAST_WORD.search(before)
    named = _NAMED_BY_OF.search(before)
    if named is not None and named.group(1).lower() in lex.named_by_of_nouns:
        return True  # 'under the principle of "one country, two systems"': a name
    if word is not None and word.group(1).lower() in lex.mention_nouns:
        at = sent_start + word.start(1) + max(0, q.start - 30 - sent_start)
        noun = next((t for t in sent if t.idx == at), None)
        return noun is not None and "subj" in noun.dep_
    opens = not text[sent_start : q.start].strip("“\"‘'*_ ")
    short = len(text[q.start : q.end].split()) <= 4  # a wording, not a quoted clause
    if opens and short and _MENTION_SUBJECT.match(text[q.end : q.end + 12]) is not None:
        return True
    # a short label inside the subject ('The "moderate rebels" the CIA armed turned out
    # to be ...'): the author's distance from a wording, not a report (a fragment a
    # source said sits in the predicate: 'Russia should expect a "strong recovery"')
    inside = [t for t in sent if q.start <= t.idx < q.end]
    if not short or not inside or any(t.pos_ in ("VERB", "AUX") for t in inside):
        return False
    if text[q.start : q.end].rstrip()[-1:] in ("!", "?", ","):
        return False  # an utterance ('"Nooooo!" the crowd cried'), not a label
    return _in_subject(inside[0])


def _in_subject(tok: Token | None) -> bool:
    """Is the token inside the subject of its sentence's main verb?"""
    while tok is not None and tok.dep_ != "ROOT":
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head.dep_ == "ROOT"
        if tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def _bare_lead_in(
    sent: Span, attr: Speaker | None, intro: bool, text: str, lex: Lexicons
) -> bool:
    """A block's lead-in whose verb of saying has no verb after it before the colon
    ("Foreign Secretary X tweeted:", "It said:") or ends it ("Asked whether ..., he
    said:"): it reports nothing itself (the block does)."""
    if attr is None or attr.cue is None or not intro or not text.rstrip().endswith(":"):
        return False
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if words and words[-1].dep_ == "ROOT" and words[-1].lemma_ in lex.speech:
        return True
    cue = [t for t in sent if attr.cue[0] <= t.idx < attr.cue[1]]
    if any(c.lower_ == "what" for t in cue for c in t.children) and not any(
        t.pos_ in ("VERB", "AUX") for t in sent if t.idx >= attr.cue[1]
    ):
        return True  # "Here is what he told reporters:": a free relative points at the block
    if not any(t.dep_ == "ROOT" for t in cue):
        return False  # "... four of them, according to the ministry:" asserts the rest
    # a participle or relative clause on a noun reports nothing ("said in a statement
    # published on Friday:"); a verb of a reported clause does ("said the deal was close")
    return not any(
        t.pos_ in ("VERB", "AUX") and t.dep_ not in _NOUN_MODIFIERS
        for t in sent
        if t.idx >= attr.cue[1]
    )


_NOUN_MODIFIERS = frozenset({"acl", "relcl", "amod"})


def _group_lemma(head: Token) -> str | None:
    """The noun a source mention is about: "officials" for "one of the officials",
    "person" for "this person"; None for a bare "One" or "Another"."""
    if head.lower_ in ("one", "another") or head.pos_ == "NUM":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                return None if pobj is None else _singular(pobj.lemma_.lower())
        return None
    return _singular(head.lemma_.lower())


def _singular(lemma: str) -> str:
    # "people" names the same unnamed group as "person" ("two people familiar with ...,
    # this person said")
    return "person" if lemma == "people" else lemma


# the entity types of a count ("one", "two"): no name
_COUNT_ENTS = frozenset({"", "CARDINAL", "ORDINAL", "QUANTITY"})


def _takes_up(span: Span, head: Token) -> bool:
    """Is the mention one that takes up a source named before: "the/this/that source",
    "one of the sources", a bare "One"/"Another" (no name, no modifier of its own)?"""
    if any(t.ent_type_ not in _COUNT_ENTS or t.pos_ == "PROPN" for t in span):
        return False
    first = span[0].lower_
    if head.lower_ in ("one", "another") and head.i == span.start:
        return len(span) == 1 or (first == "one" and span[1].lower_ == "of")
    return first in ("the", "this", "that") and len(span) == 2 and head.i == span.end - 1


def _lead_in_relatives(
    main: Sequence[Sequence[Speaker | None]],
    every: Sequence[Sequence[Speaker | None]],
    texts: Sequence[str],
) -> list[Sequence[Speaker | None]]:
    """Speakers that may say a quote: ``main`` (no relative-clause speaker), except in a
    lead-in that ends with a colon and has no other speaker ("We contacted the
    prosecutor's office, which told us:"), where the relative clause's speaker says what
    follows. The lead-in's own label does not change (it stays a lead-in)."""
    out: list[Sequence[Speaker | None]] = list(main)
    for k, text in enumerate(texts):
        if text.rstrip().endswith(":") and not any(x is not None for x in main[k]):
            out[k] = [x for x in every[k] if x is not None and not x.hedged]
    return out


# how many paragraphs a speaker's turn in a transcript may run past its label's
# paragraph before the next label: a longer run is the article's prose again
_TURN_PARAGRAPHS = 4


# the same for a briefing or interview with "Question:" lines, scraped one sentence
# a paragraph: a spokesman's opening statement runs longer than a broadcast's turn
_BRIEFING_TURN_PARAGRAPHS = 8
# ... and how many paragraphs the last answer of an interview that ends the page
# may have: more is the article's prose again after the interview
_LAST_TURN_PARAGRAPHS = 3
# ... on a transcript page, with this many labelled lines at least; after only a few
# lines, a paragraph goes on with the answer only when it speaks in the first or
# second person ("But we are not going to ..."): an article that quotes a few lines
# of a briefing goes back to its own prose after them
_TRANSCRIPT_LINES = 6
_IN_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})


def _in_person(sent: Span) -> bool:
    return any(t.lower_ in _IN_PERSON for t in sent)


def _last_turn_goes_on(
    label_pars: Sequence[int], par_of_sent: Sequence[int], k: int, sent: Span
) -> bool:
    """Does sentence ``k``, in a paragraph after the interview's last labelled line,
    go on with that line's answer: the page ends within ``_LAST_TURN_PARAGRAPHS``
    paragraphs of it, and the interview had ``_TRANSCRIPT_LINES`` lines or the
    paragraph speaks in the first or second person?"""
    return (
        label_pars[-1] < par_of_sent[k]
        and par_of_sent[-1] - label_pars[-1] <= _LAST_TURN_PARAGRAPHS
        and (len(label_pars) >= _TRANSCRIPT_LINES or _in_person(sent))
    )


def _label_ahead(
    label_pars: Sequence[int], par: int, *, within: int = _TURN_PARAGRAPHS
) -> bool:
    """Whether a paragraph opening with a speaker label follows paragraph ``par``
    within ``within`` paragraphs (``label_pars`` sorted)."""
    nxt = bisect.bisect_right(label_pars, par)
    return nxt < len(label_pars) and label_pars[nxt] - par <= within


def _role_speaker(label: Span) -> Span:
    """The speaker of a transcript label with a role: the name before its role or note
    ("SARAH LINDEN" of "SARAH LINDEN, GNN CORRESPONDENT (voice-over)")."""
    cut = next((t.i for t in label if t.text in (",", "(")), label.end)
    return label.doc[label.start : cut]


def _host_questions(
    dialogue: dict[int, Speaker], sent_texts: Sequence[str], roles: frozenset[str]
) -> frozenset[int]:
    """Questions in the turns of a transcript's host ("DAN KESSLER (HOST):", "HOST PETER
    NAGY:", or "KESSLER:" where the article calls him "host Dan Kessler")."""
    # the words of every label that gives a host role ("MARA QUINN (HOST):")
    host_words: set[str] = set()
    for text in sent_texts:
        label, colon, _ = text.partition(":")
        words = set(label.lower().replace("(", " ").replace(")", " ").split())
        if colon and len(words) <= 6 and roles.intersection(words):
            host_words |= words - roles
    hosts = set()
    for sp in dialogue.values():
        words = set(sp.text.lower().split())
        if sp.cue_text == ":" and (
            sp.text.split()[0].lower() in roles or (words and words <= host_words)
        ):
            hosts.add(sp.text)
    return frozenset(
        k
        for k, sp in dialogue.items()
        if sp.text in hosts and sent_texts[k].rstrip().endswith("?")
    )


def _role_named(name: Span, role_names: set[str]) -> bool:
    return bool(role_names) and all(t.lower_ in role_names for t in name)


# words by which an introduction tells of an interview ("X spoke to ...", "in an
# interview with ...", "sat down with ...", "the transcript", "Questions and answers
# have been edited"): "A:" lines are then the person it names, not the author
_INTERVIEW_WORDS = frozenset(
    {"interview", "speak", "talk", "sit", "discuss", "conversation", "transcript", "edit",
     # a spokesperson's press briefing given as "Question: ... Answer: ..." lines
     "briefing"}
)


def _spoken_line(rest: Span) -> bool:
    """The words after a speaker label make a clause with a subject, not in headline
    case ("Pence: Flowers Won't Be at Debate" names a headline's source)."""
    words = [t for t in rest if t.is_alpha and len(t) > 3]
    if len(words) >= 2 and sum(t.is_title for t in words) / len(words) >= 0.6:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest)


def _names_speaker(sent: Span, speaker: Speaker) -> bool:
    """Does ``sent`` name the speaker by a word of his label ("Reed" after "Tom Reed:";
    the label's words, not the office in his fullest mention: "China is ready" is Xi's)?"""
    label = sent.doc.text[speaker.span[0] : speaker.span[1]] if speaker.span else speaker.text
    words = {w.lower() for w in label.split() if w[:1].isupper() and len(w) > 2}
    return any(t.lower_ in words for t in sent if t.is_title or t.is_upper)


def _par_asks(sents: Sequence[Span], par_of_sent: Sequence[int], k: int) -> bool:
    """Does the paragraph of sentence ``k`` end with a question?"""
    j = k
    while j + 1 < len(sents) and par_of_sent[j + 1] == par_of_sent[k]:
        j += 1
    return sents[j].text.rstrip().rstrip("\"'”’*_").endswith("?")


# "a source close to the Kremlin", "people familiar with the talks": the adjective
# phrase says whose the unnamed source is (codebook: the fullest mention).
_CLOSE_TO = frozenset({"close", "familiar", "loyal", "near"})


def _named_by_end(head: Token, end: int, lex: Lexicons) -> int:
    """End of the source's fullest mention past its bounds: the name in apposition to
    a role ("the commander-in-chief, Valerii Zaluzhnyi,"), the author behind a document
    ("a study by the Kiel Institute") and what an unnamed source is close to ("a source
    close to the Kremlin"). Only the source's text grows, not its span."""
    doc = head.doc
    for child in head.rights:
        if child.i < end - 1:
            continue
        if (
            child.dep_ == "appos"
            and head.pos_ == "NOUN"
            and child.pos_ == "PROPN"
            and doc[end].text == ","
            and all(
                t.pos_ == "PROPN" and t.is_title for t in doc[child.left_edge.i : child.i + 1]
            )
            and child.ent_type_ not in ("GPE", "LOC", "DATE", "FAC")
        ):
            # "Ukraine's commander-in-chief, Valerii Zaluzhnyi, admitted": the role's name
            stop = child.i + 1
            return stop if stop - head.i <= 10 else end
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and head.lemma_.lower() in lex.documents
            and any(t.pos_ == "PROPN" for t in child.subtree)
        ) or (
            child.dep_ == "amod"
            and child.lower_ in _CLOSE_TO
            and head.lemma_.lower() in lex.anonymous_heads
            and any(c.dep_ == "prep" for c in child.children)
            # something named or definite: "close to the talks", not "close to tears"
            and any(t.pos_ in ("PROPN", "DET") for t in child.subtree)
        ):
            stop = child.right_edge.i + 1
            for t in child.subtree:
                if t.i > child.i and t.dep_ in ("relcl", "acl"):
                    stop = min(stop, t.left_edge.i)  # "... cited by Meduza" describes it
            while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
                stop -= 1
            return max(end, stop) if stop - head.i <= 14 else end
    return end


def _named_speaker(tok: Token, after: int, *, exchange: bool) -> bool:
    """A one-word dialogue speaker is in capitals ("PENCE:"), a person in an exchange
    of lines (``exchange``), or a name the article uses again outside its own label
    ("Lavrov:" ... "Lavrov said"); a lone field label ("Verdict: False.") is none of
    these, whatever the NER tags it (the small model reads "Verdict" as a person)."""
    if tok.is_upper or (exchange and tok.ent_type_ == "PERSON"):
        return True  # "PENCE:" in a transcript, "Lavrov:" answering "Pompeo:"
    return any(t.lower_ == tok.lower_ for t in tok.doc[after:]) or any(
        t.lower_ == tok.lower_ for t in tok.doc[: tok.i]
    )


def _tag_after_opening_quote(sent: Span, pron: Token) -> bool:
    """'"We are not against change," she said.': is the pronoun the subject of a tag
    right after a quotation that opens the sentence?"""
    before = sent.doc[pron.i - 1]
    return (
        before.i > sent.start
        and before.is_punct
        and before.text in _EDGE
        and sent.text[:1] in "\"“'‘«"
    )


def _interviewee(doc: Doc, first: int) -> Span | None:
    """The person an interview's "A:" lines belong to, named before the first answer
    at ``first``: the full name (two words or more) nearest the answers that is not
    the interviewer's byline ("Interview by X"); else the first person named. The
    introduction names the interviewee last, just before the questions start, and the
    small model can take a place for a person ("Rotterdam's water chief")."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= first]
    full = [
        e for e in people if len(e) > 1 and not (e.start > 0 and doc[e.start - 1].lower_ == "by")
    ]
    if full:
        return full[-1]
    return next((e for e in doc.ents if e.label_ == "PERSON"), None)


def _dialogue_label(name: Span, rest: Span) -> bool:
    """Is a "Name:" line a label rather than a speaker: a place ("New Hampshire: Ayotte
    48, Hassan 46"), or a name with only a figure after it, a tally ("Clinton: 547.")?"""
    if all(t.ent_type_ in ("GPE", "LOC") for t in name):
        return True
    return any(t.like_num for t in rest) and not any(t.is_alpha for t in rest)


def _reported_content(doc: Doc, attr: Attribution) -> set[int]:
    """Token positions of what ``attr``'s cue reports: its clausal complements."""
    cue = doc[attr.cue[0]]
    return {
        t.i for c in cue.children if c.dep_ in ("ccomp", "xcomp", "parataxis") for t in c.subtree
    }


def _closing_according(doc: Doc, attr: Attribution) -> bool:
    """ "The witness said the order was unusual, according to the report.": an
    "according to" set off by a comma that closes the sentence is the author's own
    attribution of the whole, even when the parser hangs it inside what the witness
    said; it is never part of the reported content."""
    if attr.rule_id != "attr-according-to" or attr.source is None or attr.cue[0] == 0:
        return False
    if doc[attr.cue[0] - 1].text != ",":
        return False
    end = attr.source[1]
    while end < len(doc) and not doc[end].is_punct and end - attr.source[1] < 8:
        end += 1  # the rest of the mention ("a tally by the Associated Press")
    return bool(end >= len(doc) or doc[end].text in (".", "!", "?") or doc[end].is_sent_start)


_PARALLEL_LINKS = frozenset({"and", "but", "while", "whereas", "although", "though"})


def _parallel_report(doc: Doc, main: Attribution, attr: Attribution) -> bool:
    """ "Most said ..., and a third said the same of the mayor", "70 percent
    said ..., while 22 percent said ...": the same reporting verb again, with its own
    subject, joined by "and"/"while"/"but": a second report beside the first, not part
    of what the first source said (the parser hangs it inside the first's clause)."""
    if attr.source is None or attr.cue[1] - attr.cue[0] != 1:
        return False
    cue, first = doc[attr.cue[0]], doc[main.cue[0]]
    if cue.lemma_.lower() != first.lemma_.lower() or cue.i <= first.i:
        return False
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > cue.i or not (attr.source[0] <= subj.i < attr.source[1]):
        return False
    k = subj.left_edge.i - 1
    return k > first.i and doc[k].lower_ in _PARALLEL_LINKS


def _after_sentence_end(doc: Doc, attr: Attribution) -> bool:
    """ 'Reid said that ... "... now." He added, "..."': a report whose subject follows
    a sentence's final mark (and a closing quotation mark) in a stretch the segmenter
    left as one sentence; the parser hangs it inside the first report's clause, but it
    starts a new sentence."""
    if attr.source is None or doc[attr.source[0]].is_sent_start:
        return False
    k = attr.source[0] - 1
    if k > 0 and doc[k].text in ("”", '"', "''") and not doc[k].is_left_punct:
        k -= 1
    return k > 0 and doc[k].text in (".", "?", "!")


def _outside_content(
    doc: Doc,
    speakers: Sequence[Speaker | None],
    attrs: Sequence[Attribution],
    plain: Sequence[Speaker],
) -> list[Speaker]:
    """Further attributions worth marking: not those inside the reported content of the
    main one ("Clinton said she thinks ...": "thinks" is part of what she said)."""
    if not plain:
        return []
    main = next((a for x, a in zip(speakers, attrs, strict=True) if x is plain[0]), None)
    if main is None:
        return list(plain[1:])
    if all(x is None or x is plain[0] for x in speakers):
        return []  # no further speaker to check: the reported content is not walked
    content = _reported_content(doc, main)
    return [
        x
        for x, a in zip(speakers, attrs, strict=True)
        if x is not None
        and x is not plain[0]
        and (
            a.cue[0] not in content
            or _closing_according(doc, a)
            or _parallel_report(doc, main, a)
            or _after_sentence_end(doc, a)
        )
    ]


def _not_nested(
    doc: Doc, speakers: Sequence[Speaker | None], attrs: Sequence[Attribution]
) -> list[Speaker]:
    """The speakers whose cue is not inside another attribution's reported content
    ("Clinton said she thinks ...": "thinks" is part of what she said)."""
    if len(attrs) < 2:
        # One attribution's cue is never inside its own reported content (a token is
        # in no subtree of its children), so every speaker is kept without the walk.
        return [x for x in speakers if x is not None]
    content: set[int] = set()
    for a in attrs:
        content |= _reported_content(doc, a)
    # a further cue of the same source ("said ... and warned that ...") is not nested
    return [
        x
        for x, a in zip(speakers, attrs, strict=True)
        if x is not None
        and (
            a.cue[0] not in content
            or a.rule_id == "attr-co-cue"
            or _closing_according(doc, a)
        )
    ]


def _named_speaker_between(
    doc: Doc,
    first: Token,
    second: Token,
    attrs: Sequence[Sequence[Attribution]],
    k: int,
    sents: Sequence[Span],
) -> bool:
    """Is ``second`` (a person named after the speaker ``first``) outside what ``first``
    is reported to say, i.e. a subject or a speaker of its own? Only a name inside the
    reported content (a clause or a quotation) is passed over for "he"."""
    if second.dep_ in ("nsubj", "nsubjpass") and second.head.dep_ == "ROOT":
        return True
    for kk in range(max(k - 1, 0), k + 1):
        for a in attrs[kk]:
            if a.source is not None and a.source[0] <= second.i < a.source[1]:
                return True
    return False


def _ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that starts at token ``i`` (tokens carry IOB tags; no scan of doc.ents)."""
    if doc[i].ent_iob_ != "B":
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[i:end]


def _document_subject(doc: Doc, sent: Span, lex: Lexicons, index: MentionIndex) -> Speaker | None:
    """A sentence whose subject is a document ("This exhaustive report sets the record
    straight") makes that document the speaker of quotes that follow it."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in lex.documents:
            s0, s1 = mention_bounds(child, with_conj=False)
            text = index.fullest(doc, s0, s1)
            kind = source_kind(doc, s0, s1, text, lex)
            return Speaker(text, kind, None, None, None, "quote-context-document")
    return None


def _paragraphs(doc: Doc, sents: Sequence[Span], text: str) -> tuple[list[int], list[str]]:
    """Paragraph index of each sentence and the kind of each paragraph (``text`` is
    ``doc.text``)."""
    pars = doc._.paragraphs
    if not pars:
        pars = []
        start = 0
        for chunk in text.split("\n\n"):
            pars.append((start, start + len(chunk), "text"))
            start += len(chunk) + 2
    starts = [p[0] for p in pars]
    par_of = [max(bisect.bisect_right(starts, s.start_char) - 1, 0) for s in sents]
    return par_of, [p[2] for p in pars]


@Language.factory("annotator_prelabeler", default_config={"use_opinion": True})
def make_prelabeler(nlp: Language, name: str, use_opinion: bool) -> Prelabeler:
    return Prelabeler(nlp, name, use_opinion=use_opinion)
