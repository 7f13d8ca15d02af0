"""Reproduced blocks (codebook rules 5 and 10): passages pasted from a statement,
readout, resolution or article without quotation marks.

A block is recognised from its introduction, not from its content: the paragraph
before it names a document or speaker and hands over ("Here is the Kremlin's
summary", "... which reads as follows", a paragraph ending with a colon or with no
closing punctuation at all, "As Elsevier reports"). It runs over the following
paragraphs until a closing marker ("(bold italics added)") or until the author's
voice resumes: first person, a question or exclamation, a hedge, a heading.
Sentences that later repeat a block verbatim are quotes of the same source too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, Match
from .lexicons import Lexicons
from .sources import (
    MentionIndex,
    clean_text,
    document_of,
    is_personal_pronoun,
    mention_bounds,
    resolve_pronoun,
    source_kind,
)

# Without a closing marker a block is not allowed to run on for longer than this.
MAX_BLOCK_PARAGRAPHS = 15
_FIRST_PERSON = re.compile(r"\b(I|I’m|I'm|I’ve|I've|my|me|mine|myself)\b")
_MIN_REPEAT_WORDS = 6
_OPENING = ("“", '"', "«")
_CLOSING = ("”", '"', "»")
_DIALOGUE = re.compile(r"[A-Z][\w.’' -]{0,30}:\s")
_BRACKETED = re.compile(r"^[(\[][^()\[\]]{1,60}[)\]]\.?$|^[(\[][^()\[\]]{1,60}\.[)\]]$")


def _text(sents: Sequence[Span], texts: Sequence[str] | None, k: int) -> str:
    return sents[k].text if texts is None else texts[k]


@dataclass(frozen=True)
class BlockSource:
    text: str  # fullest mention of the source
    kind: str
    span: tuple[int, int] | None  # char offsets of the mention in the introducer
    intro: int  # sentence index of the introducer
    rule_id: str


@dataclass(frozen=True)
class Blocks:
    members: dict[int, BlockSource]  # sentence index -> source of the block it is in
    closers: frozenset[int]  # sentences that are closing markers
    intros: frozenset[int]  # sentences that introduce a block


def _ends_open(sent: Span, text: str | None = None) -> str:
    """How a sentence ends: ':' (hands over), '' (no closing punctuation), or '.'.
    ``text``: ``sent.text`` if the caller has it."""
    text = (sent.text if text is None else text).rstrip()
    if not text:
        return "."
    last = text[-1]
    if last == ":":
        return ":"
    if last.isalnum() or last in ")]’'\"”":
        return "" if last.isalnum() else "."
    return "."


def _possessor_source(
    sent: Span, lex: Lexicons, index: MentionIndex, qmask: Sequence[bool] | None
) -> tuple[int, int, str] | None:
    """"Here is his answer in full:", "Her reply was short:": a document or utterance
    noun owned by a personal pronoun hands over to the pronoun's antecedent."""
    doc = sent.doc
    nouns = lex.documents | lex.utterances
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or not is_personal_pronoun(poss):
            return None  # the first such noun names the source ("a summary of their answers")
        ante = resolve_pronoun(
            poss, index.ents, qmask or [False] * len(doc), lex, genders=index.genders
        )
        if ante is None:
            return None
        start, end = mention_bounds(ante, with_prep=False)
        return start, end, index.fullest(doc, start, end, pronoun=poss.lower_)
    return None


_TEXT_VERBS = frozenset({"read", "say", "state", "go", "run"})
_ISSUE = frozenset({"issue", "release", "publish", "post", "put", "send", "give", "provide"})


# Nouns for a document's wording rather than a kind of document: "Here is the full
# text:" after "The ministry published a statement." is the statement's text.
_WORDING = frozenset({"text", "document", "transcript"})


def _issuer(sent: Span, lemma: str, documents: frozenset[str] = frozenset()) -> Token | None:
    """The named subject that issued a document of this lemma (or of any lemma in
    ``documents``) in ``sent`` ("In Moscow, the Russian Embassy issued a statement ...")."""
    for t in sent:
        if t.dep_ != "dobj" or t.head.lemma_.lower() not in _ISSUE:
            continue
        if t.lemma_.lower() != lemma and t.lemma_.lower() not in documents:
            continue
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and (
            subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or subj.pos_ == "PROPN"
        ):
            return subj
    return None


def _narrates_issue(sent: Span, lex: Lexicons) -> bool:
    """A named body or person issued, released or published some document: the author
    narrates ("The Turkish presidency issued its own statement.")."""
    for t in sent:
        if (
            t.dep_ == "dobj"
            and t.lemma_.lower() in lex.documents
            and t.head.lemma_.lower() in _ISSUE
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in t.head.children)
        ):
            return True
    return False


def _points_to_text(sent: Span) -> bool:
    """ "Consider the following passage:", "It reads in part:": the lead-in points at a
    text without naming whose it is."""
    for t in sent:
        if t.lower_ == "following" and t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN":
            return True
        if t.lemma_.lower() in _TEXT_VERBS and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in t.children
        ):
            return True
    return False


def _own_content(sent: Span, m: Match) -> bool:
    """"As Lavrov put it, the talks failed.": the "As X put it" tag is followed by its
    own content in the sentence (a clause after a comma, colon or quotation mark), so it
    hands over nothing; "As Elsevier reports:" does."""
    doc = sent.doc
    for i in range(m.end, sent.end):
        if doc[i].text in (",", ":", "—", "–") or doc[i].text in ("“", '"', "``", "''"):
            words = sum(1 for t in doc[i + 1 : sent.end] if t.is_alpha)
            return words >= 3
    return False


def _intro_source(
    sent: Span,
    attrs: Sequence[Attribution],
    lex: Lexicons,
    index: MentionIndex,
    qmask: Sequence[bool] | None = None,
    earlier: Sequence[Span] = (),
) -> tuple[int, int, str] | None:
    """The document or speaker an introducer hands over to: (tok start, tok end, text);
    ``earlier``: up to three sentences before it in the same paragraph, nearest first;
    for a pronoun, the bounds of its antecedent, possibly in an earlier sentence."""
    doc = sent.doc
    owned = _possessor_source(sent, lex, index, qmask)
    if owned is not None:
        return owned
    # "TASS has provided a summary of ...": the outlet that provides the text is the
    # source of the pasted block (rule 10), not the document it summarises.
    for tok in sent:
        if (
            tok.dep_ == "nsubj"
            and tok.head.dep_ == "ROOT"
            and tok.ent_type_ in ("ORG", "PERSON")
            and tok.head.lemma_.lower() not in ("be",)
        ):
            start, end = mention_bounds(tok, with_conj=False)
            return start, end, index.fullest(doc, start, end)
    # A document noun names the source best ("the Kremlin's summary", "the preamble of R").
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.documents and tok.dep_ != "compound":
            if _venue(tok, attrs):
                continue  # "In a speech to soldiers, he said:": he is the speaker
            head = document_of(tok)
            start, end = mention_bounds(head, with_conj=False)
            mention = doc[start:end]
            if not any(t.pos_ == "PROPN" for t in mention):
                # "the summary ... provided by the Kremlin's website": find the mention of
                # this document that names its owner elsewhere in the article.
                owners = [
                    t
                    for t in sent
                    if t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") and t.pos_ == "PROPN"
                ]
                for owner in owners:
                    found = index.with_name(doc, head.lemma_.lower(), owner.lower_)
                    if found:
                        return start, end, clean_text(doc[found[0] : found[1]])
                if owners:
                    o = owners[0]
                    # the whole name ("the Example Monitoring Mission"), not its first word
                    ent = next((e for e in doc.ents if e.start <= o.i < e.end), None)
                    if ent is not None:
                        o = ent.root
                    os_, oe = mention_bounds(o, with_conj=False, with_prep=False)
                    return os_, oe, clean_text(doc[os_:oe])
                lemma = head.lemma_.lower()
                wording = lex.documents if lemma in _WORDING else frozenset()
                for e in earlier:
                    issuer = _issuer(e, lemma, wording)
                    if issuer is not None:
                        # "The embassy issued a statement. The statement said in full:",
                        # "The ministry published a statement. [...] Here is the text:"
                        is_, ie = mention_bounds(issuer, with_conj=False, with_prep=False)
                        return is_, ie, index.fullest(doc, is_, ie)
            return start, end, index.fullest(doc, start, end)
    for a in attrs:
        if a.source is not None and not a.hedged and not a.aside:
            start, end = a.source
            if end - start == 1 and is_personal_pronoun(doc[start]):
                # "He said:": the block is his, named in full
                ante = resolve_pronoun(
                    doc[start], index.ents, qmask or [False] * len(doc), lex, genders=index.genders
                )
                if ante is None:
                    return None
                s0, s1 = mention_bounds(ante, with_prep=False)
                return s0, s1, index.fullest(doc, s0, s1, pronoun=doc[start].lower_)
            return start, end, index.fullest(doc, start, end)
    return None


def _venue(tok: Token, attrs: Sequence[Attribution]) -> bool:
    """A document noun after "in", "during" or "at" ("In a speech to soldiers in April,
    he said:") where the sentence names another speaker: the occasion, not the source."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in ("in", "during", "at")
        and any(
            a.source is not None
            and not a.hedged
            and not a.aside
            and not a.source[0] <= tok.i < a.source[1]
            for a in attrs
        )
    )


def _voice_resumes(
    par_sents: Sequence[Span],
    close: set[int],
    idxs: Sequence[int],
    hedged: Sequence[bool],
    kinds: str,
) -> bool:
    if kinds == "heading":
        return True
    for k, s in zip(idxs, par_sents, strict=True):
        text = s.text
        if k in close or hedged[k]:
            return True
        if "?" in text or "!" in text or _FIRST_PERSON.search(text):
            return True
    return False


_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "'s", "’s"})


def _mentions_document(sent: Span, lemma: str) -> bool:
    """The sentence speaks of the block's document from outside ("the statement",
    "Moscow's readout"): a pasted text seldom names itself that way."""
    return any(
        t.lemma_.lower() == lemma
        and any(w.lower_ in _DEFINITE for w in sent.doc[max(t.i - 3, sent.start) : t.i])
        for t in sent
    )


def find_blocks(
    doc: Doc,
    sents: Sequence[Span],
    par_of_sent: Sequence[int],
    par_kinds: Sequence[str],
    matches: Sequence[Sequence[Match]],
    attrs: Sequence[Sequence[Attribution]],
    hedged: Sequence[bool],
    lex: Lexicons,
    index: MentionIndex,
    texts: Sequence[str] | None = None,
    qmask: Sequence[bool] | None = None,
) -> Blocks:
    """``texts``: each sentence's text (``Span.text`` joins its tokens), if known;
    ``qmask``: which tokens are inside quotation marks, if known."""
    close = {
        k
        for k, ms in enumerate(matches)
        if any(m.label == "CLOSE" for m in ms) and len(sents[k]) <= 8
    }
    by_par: dict[int, list[int]] = {}
    for k, p in enumerate(par_of_sent):
        by_par.setdefault(p, []).append(k)
    pars = sorted(by_par)
    members: dict[int, BlockSource] = {}
    intros: set[int] = set()
    for pi, p in enumerate(pars):
        last = by_par[p][-1]
        sent = sents[last]
        if last in members:
            continue
        ending = _ends_open(sent, None if texts is None else texts[last])
        intro_ids = [
            m.rule_id
            for m in matches[last]
            if m.label == "INTRO"
            and not (m.rule_id == "block-as-source-reports" and _own_content(sent, m))
        ]
        label_src = (
            _speaker_label(sent, index, lex) if len(by_par[p]) == 1 and ending == ":" else None
        )
        if label_src is None and (
            par_kinds[p] == "heading" or not any(t.pos_ in ("VERB", "AUX") for t in sent)
        ):
            continue  # a title ("X: summary and analysis") hands over to nothing
        if not intro_ids and ending != ":":
            continue  # without a colon only an explicit hand-over ("here is", "reads as follows")
        # "Here is the summary." with a full stop still hands over; other intros need
        # to end open or with a colon.
        if ending == "." and not any(
            r in ("block-as-source-reports", "block-here-is") for r in intro_ids
        ):
            continue
        earlier = [sents[j] for j in reversed(by_par[p][-4:-1])]
        src = label_src or _intro_source(sent, attrs[last], lex, index, qmask, earlier)
        if src is None and len(by_par[p]) > 1 and ending == ":" and _points_to_text(sent):
            # "The Kremlin has released a readout of the call. It reads in part:",
            # "... the Times concedes that ... Consider the following passage:": the
            # sentence before, in the same paragraph, names the source
            prev = by_par[p][-2]
            src = _intro_source(sents[prev], attrs[prev], lex, index, qmask)
        if src is None:
            continue
        start, end, text = src
        kind = source_kind(doc, start, end, text, lex, sentence=sent)
        rule_id = (
            intro_ids[0]
            if intro_ids
            else "block-speaker-label"
            if label_src is not None
            else ("block-colon-intro" if ending == ":" else "block-open-intro")
        )
        bsrc = BlockSource(
            text, kind, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), last, rule_id
        )
        head = doc[start:end].root
        doc_lemma = head.lemma_.lower() if head.pos_ == "NOUN" else ""
        # Extent: until a closing marker, or the author's voice resumes.
        taken: list[int] = []
        closed = False
        # None: the block is no quotation; True: it opened with a quotation mark that is
        # still open (the speaker's "I" or "?" does not end it); False: the quote closed.
        quoted: bool | None = None
        for q in pars[pi + 1 : pi + 1 + MAX_BLOCK_PARAGRAPHS]:
            ks = by_par[q]
            if quoted is False:
                break
            if any(k in close for k in ks):
                taken.extend(
                    k for k in ks if k not in close and k < min(c for c in ks if c in close)
                )
                closed = True
                break
            first_text = _text(sents, texts, ks[0]).lstrip()
            opens = first_text[:1] in _OPENING
            if not taken and opens and not _DIALOGUE.match(first_text[1:]):
                quoted = True  # (a quoted transcript's lines keep their own speakers)
            elif quoted and not opens:
                break  # a quote running over paragraphs reopens each of them
            if label_src is not None and not taken and _names_speaker(sents[ks[0]], start, end):
                break  # "Kadyrov posted a video ...": the author tells of the speaker
            if not quoted and len(ks) == 1 and _BRACKETED.match(first_text.rstrip()):
                continue  # "(BEGIN VIDEO CLIP)": a stage direction, nobody's words
            if not quoted and _DIALOGUE.match(first_text) and _own_speaker(sents[ks[0]], index):
                # "TRUMP: ..." in a pasted transcript keeps its own speaker; it still
                # counts as the paragraph a bare colon hands over
                if ending == ":" and not intro_ids and not _closer_ahead(pars, pi, by_par, close):
                    break
                continue
            if not quoted and taken and (
                _ends_open(sents[ks[-1]], _text(sents, texts, ks[-1])) == ":"
                or _narrates_issue(sents[ks[0]], lex)
            ):
                # "Key quotes:", "Peskov, on the deal:" (a new lead-in) or "The Turkish
                # presidency issued its own statement." (the author tells of a document):
                # the author is speaking again
                break
            if not quoted:
                if _voice_resumes([sents[k] for k in ks], close, ks, hedged, par_kinds[q]):
                    break
                if doc_lemma and _mentions_document(sents[ks[0]], doc_lemma):
                    break  # "The statement came hours after ...": the author speaks about it
            taken.extend(ks)
            if quoted and _text(sents, texts, ks[-1]).rstrip().endswith(_CLOSING):
                quoted = False
            if ending == ":" and not intro_ids and not _closer_ahead(pars, pi, by_par, close):
                break  # a bare colon lead-in hands over one paragraph, unless a marker closes later
        if not taken:
            continue
        intros.add(last)
        for k in taken:
            members[k] = bsrc
        del closed
    _embed_credits(doc, sents, par_of_sent, by_par, members, close, lex, index, texts)
    _quoted_passages(
        doc, sents, pars, by_par, par_kinds, members, close, intros, attrs, lex, index, qmask
    )
    return Blocks(members, frozenset(close), frozenset(intros))


def _quoted_passages(
    doc: Doc,
    sents: Sequence[Span],
    pars: Sequence[int],
    by_par: dict[int, list[int]],
    par_kinds: Sequence[str],
    members: dict[int, BlockSource],
    close: set[int],
    intros: set[int],
    attrs: Sequence[Sequence[Attribution]],
    lex: Lexicons,
    index: MentionIndex,
    qmask: Sequence[bool] | None,
) -> None:
    """A blockquote (Markdown "> ", an HTML <blockquote>) that no lead-in hands over to
    is still a passage the author reproduces: it is the words of the source the
    paragraph before it names ("Clark's argument is that nobody planned the war." and
    then a blockquote of his book). With no source there, nothing is quoted (codebook
    rule 11)."""
    pi = 0
    while pi < len(pars):
        p = pars[pi]
        run: list[int] = []
        while (
            pi + len(run) < len(pars)
            and par_kinds[pars[pi + len(run)]] == "quote"
            and len(run) < MAX_BLOCK_PARAGRAPHS
        ):
            run.append(pars[pi + len(run)])
        if not run:
            pi += 1
            continue
        pi += len(run)
        ks = [k for q in run for k in by_par[q] if k not in members and k not in close]
        if not ks or pars.index(p) == 0:
            continue
        before = pars[pars.index(p) - 1]
        if par_kinds[before] == "heading":
            continue
        src = None
        for j in reversed(by_par[before]):
            if j in close:
                break
            src = _intro_source(sents[j], attrs[j], lex, index, qmask) or _named_subject(
                sents[j], index
            )
            if src is not None:
                break
        if src is None:
            continue
        start, end, text = src
        kind = source_kind(doc, start, end, text, lex, sentence=sents[by_par[before][-1]])
        bsrc = BlockSource(
            text,
            kind,
            (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
            by_par[before][-1],
            "block-blockquote",
        )
        for k in ks:
            members[k] = bsrc


# The credit line under an embedded post: "— Dmytro Kuleba (@DmytroKuleba) December
# 12, 2023" (a dash, the author's name, the handle in brackets, the date).
# In a text scrape the credit follows the post's words and its picture link on one
# line ("... every inch of our land is free. pic.twitter.com/x — Dmytro Kuleba
# (@DmytroKuleba) December 12, 2023"): it ends the sentence.
_EMBED_CREDIT = re.compile(
    r"(?:^|\s)(?:pic\.twitter\.com/\S+\s*)?[—–-]{1,2}\s*([^\s()@—–][^()@\n]{0,60}?)"
    r"\s*\(@\w{1,30}\)[^()@\n]{0,40}$"
)


def _embed_credits(
    doc: Doc,
    sents: Sequence[Span],
    par_of_sent: Sequence[int],
    by_par: dict[int, list[int]],
    members: dict[int, BlockSource],
    close: set[int],
    lex: Lexicons,
    index: MentionIndex,
    texts: Sequence[str] | None,
) -> None:
    """An embedded post is the words of the author its credit line names, in place:
    the sentences before the credit line in its paragraph, or, when the credit line
    is a paragraph of its own, the paragraph before it. The credit line is a
    closing marker (a credit, codebook rule 14)."""
    for k in range(len(sents)):
        sent_text = _text(sents, texts, k).rstrip()
        if "(@" not in sent_text:
            continue
        m = _EMBED_CREDIT.search(sent_text)
        if m is None:
            continue
        name_start = sents[k].start_char + m.start(1)
        name = doc.char_span(name_start, name_start + len(m.group(1)), alignment_mode="expand")
        if name is None:
            continue
        p = par_of_sent[k]
        before = [j for j in by_par[p] if j < k]
        # the post's own words before the credit in this sentence: the sentence is
        # part of the post, and the credit closes nothing apart
        own = len(sent_text[: m.start()].split()) >= 3
        if own:
            before.append(k)
        elif not before and p - 1 in by_par:
            before = _post_paragraphs(p, by_par, sents, texts, close)
        before = [j for j in before if j not in members and j not in close]
        if not before:
            continue
        start, end = name.start, name.end
        text = index.fullest(doc, start, end)
        kind = source_kind(doc, start, end, text, lex, sentence=sents[k])
        bsrc = BlockSource(
            text, kind, (name.start_char, name.end_char), k, "block-embed-credit"
        )
        for j in before:
            members[j] = bsrc
        if not own:
            close.add(k)


# An embedded post with its credit line on a paragraph of its own runs back at most
# this many paragraphs to the colon lead-in that hands over to it.
MAX_POST_PARAGRAPHS = 4


def _post_paragraphs(
    p: int,
    by_par: dict[int, list[int]],
    sents: Sequence[Span],
    texts: Sequence[str] | None,
    close: set[int],
) -> list[int]:
    """The sentences of an embedded post whose credit line is paragraph ``p``: the
    paragraph before it, or, when a colon lead-in ("X was quick to react on Twitter:")
    opens the post a few one-line paragraphs earlier, all paragraphs after the lead-in."""
    run = list(by_par[p - 1])
    q = p - 1
    for _ in range(MAX_POST_PARAGRAPHS - 1):
        if _text(sents, texts, run[0]).rstrip().endswith(":"):
            break
        q -= 1
        if q not in by_par or any(k in close for k in by_par[q]):
            break
        if _text(sents, texts, by_par[q][-1]).rstrip().endswith(":"):
            return run
        run = by_par[q] + run
    return list(by_par[p - 1])


def _named_subject(sent: Span, index: MentionIndex) -> tuple[int, int, str] | None:
    """The named subject of a colon lead-in with no verb of saying ("The UN's Martin
    Griffiths was blunter:"): before a blockquote, the one whose words it holds."""
    if not sent.text.rstrip().endswith(":"):
        return None
    doc = sent.doc
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and tok.ent_type_ in (
            "PERSON",
            "ORG",
        ):
            start, end = mention_bounds(tok, with_conj=False)
            return start, end, index.fullest(doc, start, end)
    return None


def _speaker_label(sent: Span, index: MentionIndex, lex: Lexicons) -> tuple[int, int, str] | None:
    """A paragraph that is only a speaker's name, maybe with a role, and a colon
    ("Maria Zakharova (Foreign Ministry spokeswoman):", "Rybar, military blogger:"),
    as in a roundup of posts: the next paragraph is what that speaker wrote."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    # the tokenizer may glue the closing bracket to the colon ("):")
    if len(toks) < 2 or len(toks) > 24 or toks[-1].text not in (":", "):"):
        return None
    first = toks[0]
    if first.pos_ != "PROPN" or not first.is_title:
        return None
    end = first.i
    while end < sent.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end - first.i > 4:
        return None
    rest = doc[end : toks[-1].i]
    name = doc[first.i : end]
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "EVENT", "FAC") for t in name):
        return None  # "Syria:", "Monday:": a section label
    if any(t.lemma_.lower() in lex.documents for t in name):
        return None  # "Video Transcript:": a transcript's lines have their own speakers
    if not len(rest) and not any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return None  # a bare word is a speaker only if it is a name ("Update:" is not)
    if len(rest):
        opener = rest[0].text
        if opener == "(":
            if rest[-1].text != ")" and toks[-1].text != "):":
                return None
        elif opener not in (",", "–", "—", "-"):
            return None
    # the role in brackets may have verbs ("who heads the council"); outside them, none
    depth = 0
    for t in rest:
        depth += t.text == "("
        depth -= t.text == ")"
        if depth == 0 and t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN":
            return None
    return first.i, end, index.fullest(doc, first.i, end)


def _own_speaker(sent: Span, index: MentionIndex) -> bool:
    """Does the line open with a speaker of its own ("TRUMP:", "Sergei Lavrov:"), as
    the dialogue rule reads it? A field label ("Q:", "Voter participation:") is not."""
    doc = sent.doc
    colon = next((t.i for t in doc[sent.start : sent.start + 5] if t.text == ":"), None)
    if colon is None:
        return False
    return any(
        t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (t.is_upper and t.lower_ in index.names)
        for t in doc[sent.start : colon]
    )


def _names_speaker(sent: Span, start: int, end: int) -> bool:
    """Does ``sent`` name the speaker of tokens ``start:end`` (by the last word of the
    name) as someone spoken of? A speaker's own post seldom names its author."""
    doc = sent.doc
    name = doc[end - 1].lower_
    return any(t.lower_ == name and not (start <= t.i < end) for t in sent)


def _closer_ahead(
    pars: Sequence[int], pi: int, by_par: dict[int, list[int]], close: set[int]
) -> bool:
    for q in pars[pi + 1 : pi + 1 + MAX_BLOCK_PARAGRAPHS]:
        if any(k in close for k in by_par[q]):
            return True
    return False


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def find_repeats(
    sents: Sequence[Span], blocks: Blocks, texts: Sequence[str] | None = None
) -> dict[int, BlockSource]:
    """Sentences outside blocks that repeat a stretch of a block verbatim (the author
    quoting the pasted readout again further down). ``texts``: each sentence's text,
    if known."""
    if not blocks.members:
        return {}
    if texts is None:
        texts = [s.text for s in sents]
    block_text = {k: _norm(texts[k]) for k in blocks.members}
    out: dict[int, BlockSource] = {}
    for k in range(len(sents)):
        if k in blocks.members or k in blocks.intros:
            continue
        n = _norm(texts[k])
        if len(n.split()) < _MIN_REPEAT_WORDS:
            continue
        for b, bt in block_text.items():
            if n in bt:
                out[k] = blocks.members[b]
                break
    return out
