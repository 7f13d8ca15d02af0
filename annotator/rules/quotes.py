"""Quotations: pair quotation marks over the whole article text and describe each quote.

Pairing works on characters, across sentences and paragraphs: a paragraph that opens
a quote without closing it continues into the next one (the typographic convention
for multi-paragraph quotes). Apostrophes (’ in "Russia’s") are told from closing
single quotes by the letters around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
# A quote left open runs on for at most this many paragraphs before we give up on it.
MAX_OPEN_PARAGRAPHS = 3
_DOUBLE_MARK = re.compile("[" + re.escape('"' + _DOUBLE_OPEN + _DOUBLE_CLOSE) + "]")
# sentence punctuation a closing straight mark follows ('... back." ')
_STOPS = ".!?,"
# The only characters ``find_quotes`` acts on; it jumps from one to the next.
_MARKS = re.compile(
    "[" + re.escape("\n\"'" + _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE) + "]"
)


@dataclass(frozen=True)
class Quote:
    """Verbatim content between quotation marks, in ``doc.text`` char offsets."""

    start: int  # first character of the content (after the opening mark)
    end: int  # end of the content (before the closing mark)
    closed: bool


def _paragraph_ends(text: str) -> list[int]:
    ends = []
    i = text.find("\n\n")
    while i != -1:
        ends.append(i)
        i = text.find("\n\n", i + 2)
    ends.append(len(text))
    return ends


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotes of ``text``; single quotes nested in double ones are inside."""
    quotes: list[Quote] = []
    n = len(text)
    open_at: int | None = None  # content start of the current double quote
    open_kind = ""
    open_par = 0
    low_open = False  # the open quote began with „ (German style, closed by “)
    par = 0
    i = 0
    marks = _MARKS.search
    while i < n:
        # Every other character leaves the state as it is: skip to the next mark.
        found = marks(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch == "\n" and text.startswith("\n\n", i):
            par += 1
            if open_at is not None and open_kind == "s":
                open_at = None  # a single quote never spans paragraphs: it was an apostrophe
            if (
                open_at is not None
                and par - open_par >= MAX_OPEN_PARAGRAPHS
                and not _closes_ahead(text, i + 2)
            ):
                quotes.append(Quote(open_at, i, closed=False))
                open_at = None
            i += 2
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if open_at is None:
            if ch == '"' and prev in _STOPS and (i + 1 == n or nxt.isspace()):
                pass  # '... back." ' with nothing open: a stray closing mark opens nothing
            elif ch in _DOUBLE_OPEN or (ch == '"' and not _is_word(prev)):
                open_at, open_kind, open_par = i + 1, "d", par
                low_open = ch == "„"
            elif ch in _DOUBLE_CLOSE and (i == 0 or prev.isspace()) and _is_word(nxt):
                # ' ”Fortunately, ...': a closing mark typed where an opening one belongs
                # (after a space or a line break, glued to the next word) opens a quote.
                open_at, open_kind, open_par = i + 1, "d", par
                low_open = False
            elif ch in _SINGLE_OPEN + "'" and not _is_word(prev) and _is_word(nxt):
                open_at, open_kind, open_par = i + 1, "s", par
                low_open = False
        else:
            if open_kind == "d":
                if low_open and ch == "“":
                    # German „...“: the raised mark closes what the low one opened
                    quotes.append(Quote(open_at, i, closed=True))
                    open_at = None
                elif ch == '"' and par > open_par and _starts_paragraph(text, i) and not (
                    nxt.isspace()
                ):
                    pass  # a straight mark reopening a multi-paragraph quote ('"First ...')
                elif ch in _DOUBLE_CLOSE or (ch == '"' and i > open_at):
                    quotes.append(Quote(open_at, i, closed=True))
                    open_at = None
                elif ch in _DOUBLE_OPEN and par > open_par and _starts_paragraph(text, i):
                    pass  # multi-paragraph quote: the new paragraph reopens it; keep going
                elif ch in _DOUBLE_OPEN:
                    # A second opening mark in the same run: the first was never closed
                    # (a typo in the source). Drop it rather than swallow the author's words.
                    open_at, open_par = i + 1, par
                    low_open = ch == "„"
            elif (ch in _SINGLE_CLOSE or ch == "'") and not (_is_word(prev) and _is_word(nxt)):
                if i > open_at:
                    quotes.append(Quote(open_at, i, closed=True))
                    open_at = None
            elif ch in _DOUBLE_OPEN and par == open_par:
                # An opening single mark that was an apostrophe after all: restart on the double.
                open_at, open_kind = i + 1, "d"
                low_open = ch == "„"
        i += 1
    if open_at is not None:
        ends = [e for e in _paragraph_ends(text) if e >= open_at]
        quotes.append(Quote(open_at, ends[0] if ends else n, closed=False))
    return [q for q in quotes if text[q.start : q.end].strip()]


def _closes_ahead(text: str, i: int) -> bool:
    """Whether the first double quotation mark from ``i`` on, within the next few
    paragraphs, closes a quote: a quote whose sentences stand one to a line (scraped
    text) is still open, not given up at MAX_OPEN_PARAGRAPHS."""
    end = i
    for _ in range(MAX_OPEN_PARAGRAPHS):
        nxt_end = text.find("\n\n", end + 1)
        end = len(text) if nxt_end == -1 else nxt_end
    found = _DOUBLE_MARK.search(text, i, end)
    if found is None:
        return False
    j = found.start()
    if text[j] in _DOUBLE_CLOSE:
        return True
    if text[j] != '"' or j == 0 or text[j - 1].isspace():
        return False
    return j + 1 == len(text) or not _is_word(text[j + 1])


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    return j < 0 or text[j] == "\n"


def quote_mask(doc: Doc, quotes: Sequence[Quote]) -> list[bool]:
    """Per token: is it inside a quotation (content or marks)?"""
    mask = [False] * len(doc)
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    for q in quotes:
        span = doc.char_span(max(q.start - 1, 0), min(q.end + 1, n_chars), alignment_mode="expand")
        if span is None:
            continue
        for k in range(span.start, span.end):
            mask[k] = True
    return mask


@dataclass(frozen=True)
class QuoteInSentence:
    """The part of a quote inside one sentence, and what it looks like there."""

    start: int
    end: int
    n_tokens: int
    has_verb: bool
    coverage: float  # share of the sentence's non-space characters inside the quote
    quote: Quote


# Participles used as prepositions ("given their service", "including two
# generals"): a quote that has only such a verb is a phrase, not a clause (rule 9).
_PREP_PARTICIPLES = frozenset(
    {"given", "including", "following", "regarding", "concerning", "considering",
     "excluding", "according", "barring", "pending", "notwithstanding"}
)


def _prepositional(tok: Token) -> bool:
    """``tok`` is a participle used as a preposition: no auxiliary, no subject."""
    return tok.lower_ in _PREP_PARTICIPLES and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children
    )


def quotes_in(
    sent: Span,
    quotes: Sequence[Quote],
    *,
    tokens: Sequence[Token] | None = None,
    text: str | None = None,
) -> list[QuoteInSentence]:
    """The quotes in ``sent``; ``tokens`` (``tuple(sent)``) and ``text`` (``sent.text``)
    if the caller has them already."""
    out: list[QuoteInSentence] = []
    s0, s1 = sent.start_char, sent.end_char
    hits = [q for q in quotes if q.start < s1 and q.end > s0]
    if not hits:
        return out
    sent_text = sent.text if text is None else text
    sent_toks = sent if tokens is None else tokens
    # Non-space characters: str.split() splits at exactly the characters isspace() names.
    sent_chars = sum(map(len, sent_text.split())) or 1
    for q in hits:
        a, b = max(q.start, s0), min(q.end, s1)
        toks = [
            t
            for t in sent_toks
            if t.idx >= a and t.idx + len(t) <= b and not t.is_punct and not t.is_space
        ]
        # Rule 9: any verb form counts (infinitives, participles); a copula counts too.
        # ("rules-based" is an adjective however it is tagged: amod verbs do not count.)
        # A partial quote opened by a prepositional participle ('prosecuted, "given
        # their service"') is a phrase; a quote that opens the sentence keeps its verbs.
        lead = toks[0].i if toks and q.start > s0 and _prepositional(toks[0]) else -1
        has_verb = any(
            (
                t.pos_ == "VERB"
                and t.dep_ not in ("amod", "compound")
                and t.i != lead
                and not _nominal_gerund(t)
            )
            or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass"))
            for t in toks
        )
        inside = bool(sent_text[: max(q.start - s0, 0)].strip(" \t\n\"“”‘’'*_"))
        if has_verb and _noun_phrase(toks, starts=inside):
            has_verb = False
        chars = sum(map(len, sent_text[a - s0 : b - s0].split()))
        out.append(QuoteInSentence(a, b, len(toks), has_verb, chars / sent_chars, q))
    return out


def _noun_phrase(toks: Sequence[Token], *, starts: bool) -> bool:
    """A partial quote that is a noun phrase whose only verbs are non-finite modifiers of
    its noun ('had "the votes to override anybody"', 'a "policy aimed at Moscow"'): a
    fragment under rule 9, not a clause. Only inside the sentence (``starts``: the quote
    does not open it), only when every token whose head lies outside the quote is a
    noun, and not with a finite verb inside ('"evidence that he is a fraud"')."""
    if not starts or not toks:
        return False
    if any(t.tag_ in _FINITE for t in toks):
        return False  # "evidence that he is a fraud": a clause of its own inside
    ids = {t.i for t in toks}
    tops = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return all(t.pos_ in ("NOUN", "PROPN") for t in tops)


# finite verb and modal tags: a quoted noun phrase with one of them holds a clause
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _nominal_gerund(tok: Token) -> bool:
    """A gerund used as a noun, with no object or clause of its own: the head of a
    quoted noun phrase ('described the pattern as "laundering by repetition"'), a
    fragment under rule 9, not a clause."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "pobj"
        and not any(
            c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp", "attr", "acomp", "dative")
            for c in tok.children
        )
    )
