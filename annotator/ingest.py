"""Read articles from files: decode, extract, strip boilerplate and markup, map offsets.

``iter_articles(paths)`` streams one :class:`Article` (or a :class:`Skipped` saying
why not) per file, or per line of a JSONL file, one file in memory at a time.

Offsets. ``Article.text`` is what every offset points into: the decoded file (a
UTF-8 byte-order mark is removed first, so offsets count from the character after
it), or for HTML the main text trafilatura extracted. ``Article.shown`` is the body
as a reader sees it; ``Article.offsets[i]`` is the index in ``text`` of
``shown[i]``, or ``-1`` for separators we inserted (the ``"\\n\\n"`` between
paragraphs, the space that replaces a hard line wrap). Hence
``text[offsets[i]] == shown[i]`` whenever ``offsets[i] >= 0``.

Paragraphs. Scraped text puts one HTML paragraph per line, so every non-blank line
is a paragraph, unless the file is hard-wrapped (most lines of similar width, as in
e-mail or Project Gutenberg text): then blank lines separate paragraphs and line
breaks inside one become spaces.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .boilerplate import PageLine, find_boilerplate, is_title_like, is_wordless_end
from .errors import E
from .markdown import gather, strip_line
from .schemas import schema_path

SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
SEPARATOR = "\n\n"
# A paragraph-alone line this short and without closing punctuation is a heading.
# Plain-text lines (no Markdown "#") count as headings when they sit in the title
# position or are short, or title-cased, and do not end like a sentence.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 120
HEADING_SHORT_WORDS = 8
TITLE_CASE_SHARE = 0.6
# Share of the lines of hard-wrapped text that are 40-100 characters long.
WRAPPED_IN_BAND = 0.6
# Share of control characters above which decoded text is treated as binary.
BINARY_CONTROL_SHARE = 0.05

_WORD = re.compile(r"\w")
# A closing block tag: the text is HTML, not plain text with a stray tag in it.
_HTML_BODY = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|article|section)\s*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CLOSING = re.compile(r"[.!?,;:…][\"'”’)\]*_]*$")
# A line that is only a time of day, as a live blog stamps its entries ("14:20 GMT",
# "12.05 BST", "9:41 a.m. ET", "Updated 10:15").
_TIME_STAMP_LINE = re.compile(
    r"^[#*_ ]*(updated |posted )?\d{1,2}[:.]\d{2}( ?(am|pm|a\.m\.|p\.m\.))?"
    r"( ?[A-Z]{2,4}([+-]\d{1,2})?)?[*_ ]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in ``Article.shown`` offsets; ``kind`` is ``"heading"``, ``"text"`` or
    ``"quote"`` (a Markdown or HTML blockquote)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    text_origin: str  # "original" | "html-extracted" | "jsonl-text"
    shown: str
    offsets: array  # array('l'), len(shown); -1 for inserted separators
    paragraphs: tuple[Paragraph, ...]
    boilerplate_chars: int = 0
    source_file: str | None = None
    encoding: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def original_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Original ``[start, end)`` of shown chars ``[start, end)``, separators skipped."""
        first, last = start, end - 1
        while first <= last and self.offsets[first] < 0:
            first += 1
        while last >= first and self.offsets[last] < 0:
            last -= 1
        if first > last:
            return None
        return self.offsets[first], self.offsets[last] + 1


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read; ``reason`` is a message from ``errors.E``."""

    source: str
    reason: str


class _Skip(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# ---------------------------------------------------------------------------
# Building an Article from text


def article_from_text(
    doc_id: str,
    text: str,
    *,
    fmt: str = "txt",
    strip_boilerplate: bool = True,
    **meta: Any,
) -> Article:
    """An Article from in-memory text (``fmt``: txt, md, html or jsonl).

    Keyword arguments ``text_origin``, ``source_file``, ``encoding``, ``title``,
    ``url``, ``author``, ``date`` fill those fields; any other go into ``meta``.
    For ``fmt="html"`` the text is the page, and ``Article.text`` its extracted body.
    """
    fields_: dict[str, Any] = {
        k: meta.pop(k)
        for k in ("source_file", "encoding", "title", "url", "author", "date")
        if k in meta
    }
    extra_meta = dict(meta.pop("meta", None) or {})
    extra_meta.update(meta.pop("extra", None) or {})
    origin = meta.pop("text_origin", None)
    extra_meta.update(meta)
    chrome: frozenset[str] = frozenset()
    if fmt == "html":
        if strip_boilerplate:
            chrome = chrome_lines(text)
        text, html_meta = extract_html(text)
        origin = "html-extracted"
        for key, value in html_meta.items():
            fields_.setdefault(key, value)
    front_end, front = front_matter(text)
    for key, value in front.items():
        if key in ("title", "url", "author", "date"):
            fields_.setdefault(key, value)
    shown, offsets, paragraphs, bp_chars = build_shown(
        text, strip_boilerplate=strip_boilerplate, skip_to=front_end, chrome=chrome
    )
    if fields_.get("title") is None and paragraphs and paragraphs[0].kind == "heading":
        fields_["title"] = shown[paragraphs[0].start : paragraphs[0].end]
    return Article(
        doc_id=doc_id,
        text=text,
        text_origin=origin or ("jsonl-text" if fmt == "jsonl" else "original"),
        shown=shown,
        offsets=offsets,
        paragraphs=paragraphs,
        boilerplate_chars=bp_chars,
        meta=extra_meta,
        **fields_,
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_KEYS = frozenset(
    [
        "title", "author", "authors", "date", "url", "slug", "layout", "tags", "categories",
        "description", "draft", "permalink", "summary", "lang",
    ]
)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> tuple[int, dict[str, str]]:
    """Length and simple ``key: value`` fields of a YAML front-matter block, if any.

    Markdown articles from static-site generators start with one; it is metadata, so
    it is not shown. Only flat string fields are read (no YAML dependency).
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0, {}
    for line in m.group(1).splitlines():
        # Every line must look like YAML (key: value, list item, indented, comment).
        if line.strip() and not (
            _FRONT_FIELD.match(line) or line[:1] in " \t-#"
        ):
            return 0, {}
    fields = {}
    for key, value in _FRONT_FIELD.findall(m.group(1)):
        value = value.strip("\"'")
        if value:
            fields[key.lower()] = value
    if not fields.keys() & _FRONT_KEYS:
        return 0, {}  # "---" then prose: a thematic break, not front matter
    return m.end(), fields


def build_shown(
    text: str,
    *,
    strip_boilerplate: bool = True,
    markdown: bool = True,
    skip_to: int = 0,
    chrome: frozenset[str] = frozenset(),
) -> tuple[str, array, tuple[Paragraph, ...], int]:
    """Shown text, offset map, paragraphs and boilerplate char count for ``text``.

    Lines before ``skip_to`` (front matter) are not shown. ``chrome``: lines the page's
    markup puts in chrome elements (``chrome_lines``), boilerplate wherever they stand.
    """
    spans = [(s, e) for s, e in _line_spans(text) if s >= skip_to]
    stripped = [strip_line(text, s, e, markdown=markdown) for s, e in spans]
    # (line index, PageLine) for lines with something to show
    visible = [
        i
        for i, ln in enumerate(stripped)
        if ln.kept or (strip_boilerplate and is_wordless_end(text[spans[i][0] : spans[i][1]]))
    ]
    page = [
        PageLine(raw=text[spans[i][0] : spans[i][1]], shown=stripped[i].shown(text),
                 heading=stripped[i].heading)
        for i in visible
    ]
    reasons = find_boilerplate(page, chrome=chrome) if strip_boilerplate else [None] * len(page)
    bp_chars = sum(
        spans[i][1] - spans[i][0] for i, r in zip(visible, reasons, strict=True) if r
    ) + sum(e - s for (s, e), ln in zip(spans, stripped, strict=True) if ln.rule)
    dropped = {i for i, r in zip(visible, reasons, strict=True) if r is not None}
    wrapped = _is_hard_wrapped(text, spans, skip=dropped)
    width = _wrap_width(text, spans) if wrapped else 0

    # Group kept lines into paragraphs: (kept indices, kind)
    groups: list[tuple[list[int], str]] = []
    prev_line = -2
    for i, reason in zip(visible, reasons, strict=True):
        if reason is not None:
            continue
        kept = list(stripped[i].kept)
        heading = stripped[i].heading
        kind = "heading" if heading else "quote" if stripped[i].quote else "text"
        wrap_join = bool(
            width
            and prev_line >= 0
            and all(j in dropped for j in range(prev_line + 1, i))
            and _wrapped_on(text, spans[prev_line], spans[i], width)
        )
        joinable = (
            groups
            and groups[-1][1] == kind
            and not heading
            # a list item ("- limits on bank lending;") is a line of its own, even
            # after an item that ends in a semicolon
            and not _BULLET_START.match(text, spans[i][0], spans[i][1])
            and (wrap_join or _continues(text, groups[-1][0], kept))
        )
        if joinable:
            previous = groups[-1][0]
            if wrap_join and _hyphenated(text, previous, kept):
                # "... almost cert-" / "ainly be consumed": the word goes on, without
                # the hyphen when the line after starts in lower case (a word split by
                # the typesetter), with it before a capital ("Intermediate-" / "Range")
                if text[kept[0]].islower():
                    previous.pop()
            else:
                previous.append(-1)  # the line break shows as a space
            previous.extend(kept)
        else:
            groups.append((kept, kind))
        prev_line = i
    shown_parts: list[str] = []
    offsets = array("l")
    paragraphs: list[Paragraph] = []
    pos = 0
    # ``kept`` holds indices into ``text`` and -1 for a line break shown as a space:
    # ``padded[-1]`` is that space, so one C-level map builds the shown characters.
    padded = text + " "
    body_started = False
    after_stamp = False
    for kept, kind in groups:
        if paragraphs:
            shown_parts.append(SEPARATOR)
            offsets.extend([-1] * len(SEPARATOR))
            pos += len(SEPARATOR)
        chars = gather(padded, kept)
        shown_parts.append(chars)
        offsets.extend(kept)
        # the title position: no sentence of the body yet (a masthead or site name
        # above the headline is a short unpunctuated line too)
        if kind != "heading" and _looks_like_heading(
            chars, multiline=-1 in kept, first=not body_started or after_stamp
        ):
            kind = "heading"
        # a live blog's entry opens with its time, then the entry's headline: the
        # line after a bare time stamp is in the title position again
        after_stamp = bool(_TIME_STAMP_LINE.match(chars))
        body_started = body_started or (kind == "text" and bool(_CLOSING.search(chars)))
        paragraphs.append(Paragraph(pos, pos + len(chars), kind))
        pos += len(chars)
    return "".join(shown_parts), offsets, tuple(paragraphs), bp_chars


def _continues(text: str, previous: list[int], kept: list[int]) -> bool:
    """A line that carries on the sentence of the previous paragraph.

    Scraping sometimes breaks a paragraph mid-sentence (an ad or a stray blank line
    in between): the previous text has no closing punctuation and this line starts
    in lower case ("... forces around the capital; and" / "the Americans in ...").
    """
    if not previous or not kept:
        return False
    first = text[kept[0]]
    last = text[previous[-1]] if previous[-1] >= 0 else " "
    if not (first.islower() and (last.isalnum() or last in ",;–—-")):
        return False
    # ... but a byline under an unpunctuated headline starts in lower case too
    # ("by Andrei Volkonsky for the Saker Blog"): a name after "by" and no full stop.
    line = "".join(text[k] for k in kept[:200] if k >= 0)
    return _LOWER_BYLINE.match(line) is None


# "by Anna Weiss", "by J. R. Miller for the Example Blog", "by Anna Weiss and Tom Lee":
# a short byline line with no closing punctuation.
_LOWER_BYLINE = re.compile(
    r"by\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin|da|du|del|la|le))*"
    r"(?:,?\s+(?:for|of|at|in|from|special\s+to)\s+[^.!?]{0,60})?\s*$"
)


def _wrap_width(text: str, spans: list[tuple[int, int]]) -> int:
    """The width hard-wrapped text was filled to: the length most full lines reach
    (the 90th percentile of lines followed by another line)."""
    lengths = sorted(
        len(text[s:e].rstrip())
        for (s, e), (s2, e2) in zip(spans, spans[1:], strict=False)
        if text[s:e].strip() and text[s2:e2].strip()
    )
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


# A line in hard-wrapped text ends because the next word did not fit when it is at
# least this share of the fill width long, counting that word: a shorter line was
# ended on purpose (a title, a byline, a heading over its paragraph).
WRAP_FILL = 0.75
_BULLET_START = re.compile(r"[ \t]{0,3}[-*+•][ \t]+\S")
# A numbered note or list item, or a bullet, at the start of a line.
_ITEM_START = re.compile(r"[ \t]*(?:\d{1,3}[.)]?[ \t]+[A-Z\"“]|[-*•][ \t])")


def _wrapped_on(text: str, line: tuple[int, int], nxt: tuple[int, int], width: int) -> bool:
    """Does wrapped ``line`` go on in ``nxt``, i.e. was it broken only for width?
    Not when a sentence ends the line and the next is a numbered note or list item."""
    if _ITEM_START.match(text, nxt[0], nxt[1]) and _CLOSING.search(text, line[0], line[1]):
        return False
    words = text[nxt[0] : nxt[1]].split(None, 1)
    first = len(words[0]) if words else 0
    return len(text[line[0] : line[1]].rstrip()) + 1 + first >= WRAP_FILL * width


def _hyphenated(text: str, previous: list[int], kept: list[int]) -> bool:
    """A line ending in a letter and a hyphen, and the next starting with a letter."""
    if len(previous) < 2 or not kept or previous[-1] < 0 or previous[-2] < 0:
        return False
    return (
        text[previous[-1]] == "-"
        and text[previous[-2]].isalpha()
        and text[kept[0]].isalpha()
    )


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break (\\n, \\r\\n or \\r)."""
    spans = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == m.end() and m.start() == len(text):
            break
        line = m.group()
        stripped = line.rstrip("\r\n")
        spans.append((m.start(), m.start() + len(stripped)))
    return spans


def _is_hard_wrapped(
    text: str, spans: list[tuple[int, int]], *, skip: frozenset[int] | set[int] = frozenset()
) -> bool:
    """Lines break at a fixed width, mid-sentence, rather than at paragraph ends.

    Scraped pages put a paragraph on each line (long, uneven lines ending in
    punctuation); wrapped text has short lines of similar width, most of them
    ending mid-sentence. Lines in ``skip`` (boilerplate: a PDF's page numbers and
    running heads) are not counted; nor, for the share that ends mid-sentence, are
    the short lines of a title block or a list of notes.
    """
    inner = []  # lines followed by another non-blank line
    for n, ((s, e), (s2, e2)) in enumerate(zip(spans, spans[1:], strict=False)):
        if n not in skip and text[s:e].strip() and text[s2:e2].strip():
            inner.append(text[s:e].rstrip())
    if len(inner) < 3:
        return False
    longest = max(e - s for s, e in spans)
    band = [line for line in inner if 40 <= len(line) <= 100]
    open_ended = sum(not _CLOSING.search(line) for line in band)
    return (
        longest <= 120
        and len(band) >= 3
        and len(band) / len(inner) >= WRAPPED_IN_BAND
        and open_ended / len(band) >= 0.5
    )


def _looks_like_heading(shown: str, *, multiline: bool, first: bool) -> bool:
    """A headline, section heading, byline, dateline or credit line in plain text.

    No closing punctuation, at most ``HEADING_MAX_WORDS`` words, not starting in
    lower case (a line that does is a fragment of a quote or sentence), and one of:
    the first paragraph (the title position), at most ``HEADING_SHORT_WORDS`` words,
    or mostly capitalised words ("Russia and China: Challenging a Divided West").
    A long sentence-case line such as "The summary makes no effort to hide the
    disagreement" is text even without its full stop.
    """
    if multiline or not shown or shown[0].islower():
        return False
    # a dash or bullet between words is no word ("... in Oslo — but hopes are low")
    words = [w for w in shown.split() if _WORD.search(w)]
    if any(len(w) > 3 and w[-1] in ".!?" and w[:-1].isalpha() and w[:-1].islower()
           for w in words[:-1]):
        return False  # "One sentence. Two more words": sentences, not a heading
    if not (
        0 < len(words) <= HEADING_MAX_WORDS
        and len(shown) <= HEADING_MAX_CHARS
        and not _CLOSING.search(shown)
        and is_title_like(shown)
    ):
        return False
    if first or len(words) <= HEADING_SHORT_WORDS:
        return True
    content = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in content)
    return bool(content) and capitalised / len(content) >= TITLE_CASE_SHARE


# ---------------------------------------------------------------------------
# HTML


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Main text of an HTML page (paragraphs on their own lines) and its metadata.

    The body is Markdown (trafilatura's formatting output). The title is put first,
    as a heading line, when the extracted body does not start with it: the
    headline is a sentence to label too.
    """
    import logging

    import trafilatura

    # trafilatura logs broken markup at ERROR level, which Python's last-resort handler
    # would print on the user's terminal; the Skipped reason already says it.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    page = html
    html = _FOOTNOTE_REF.sub("", html)
    html = _mark_blockquotes(html)
    html = _loose_text_paragraphs(html)
    if not _PAGE_TAG.search(html):
        # A fragment (a feed's or an export's body HTML): no page around it to remove,
        # and trafilatura drops its first heading, so all its text is the article.
        return _html_fallback_text(html), {}
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            # Markdown headings and emphasis: headings become "heading" paragraphs and
            # the markup is stripped (with its offsets) like any Markdown.
            include_formatting=True,
            with_metadata=True,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many types on broken markup
        doc = None
    meta: dict[str, str] = {}
    body = ""
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        body = data.get("text") or ""
        for key in ("title", "author", "date", "url"):
            value = data.get(key)
            if value:
                meta[key] = str(value)
    if not body.strip():
        # A fragment or badly broken page: trafilatura gives up, so take all its text.
        body = _html_fallback_text(html)
    body, headline = restore_article_head(page, body)
    title = meta.get("title")
    if title and body.strip() and not headline and title not in body[: len(title) + 200]:
        body = f"# {title}\n\n{body}"
    return body, meta


# A footnote reference ("...in Western capitals.<sup><a href="#n1">1</a></sup> A year
# later"): its number would glue to the full stop ("capitals.1 A") and hide the
# sentence boundary; the notes themselves stay where the page has them.
# A number in <sup> counts as a reference when it is a link or follows punctuation
# (not the exponent of "10<sup>6</sup> km").
_FOOTNOTE_REF = re.compile(
    r"<sup\b[^>]*>\s*<a\b[^>]*>\s*\[?\d{1,3}\]?\s*</a>\s*</sup>"
    r"|(?<=[.,;:!?\"”’)\]])<sup\b[^>]*>\s*\[?\d{1,3}\]?\s*</sup>",
    re.IGNORECASE,
)
_BLOCKQUOTE = re.compile(r"(<blockquote\b[^>]*>)(.*?)(</blockquote\s*>)", re.IGNORECASE | re.DOTALL)
# a paragraph's start, past the inline tags that open its text ("<p><span>")
_BLOCK_START = re.compile(r"<p\b[^>]*>(?:\s*<(?:span|a)\b[^>]*>)*", re.IGNORECASE)
_INLINE_EMPHASIS = re.compile(r"</?(?:strong|b|em|i|u)\b[^>]*>", re.IGNORECASE)


def _mark_blockquotes(html: str) -> str:
    """Each paragraph of a <blockquote> starts with "> ", so that the extracted Markdown
    keeps the quotation (trafilatura drops the element): a passage the author
    reproduces, read like a Markdown blockquote."""
    if "<blockquote" not in html and "<BLOCKQUOTE" not in html:
        return html

    def mark(m: re.Match[str]) -> str:
        # bold or italics inside a blockquote make trafilatura glue its paragraphs
        # ("...sleepwalkers.They were") and words ("protagonistsof"): dropped there
        inner = _INLINE_EMPHASIS.sub("", m.group(2))
        # lines of a quotation set with <br> are lines of the quotation too
        inner = _BR.sub(lambda b: b.group() + "&gt; ", inner)
        if _BLOCK_START.search(inner):
            inner = _BLOCK_START.sub(lambda p: p.group() + "&gt; ", inner)
        else:
            inner = "&gt; " + inner.lstrip()
        return m.group(1) + inner + m.group(3)

    return _BLOCKQUOTE.sub(mark, html)


# An element named as chrome keeps its place when it holds more than this share of the
# page's text (a body wrapper whose class happens to say "share-enabled").
CHROME_MAX_SHARE = 0.25
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[0-9]+")


@lru_cache(maxsize=1)
def _chrome_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(schema_path("lexicons", "html_chrome.json").read_text(encoding="utf-8"))
    return frozenset(data["class_tokens"]), frozenset(data["roles"])


def chrome_lines(html: str) -> frozenset[str]:
    """The text lines of the elements a page's markup names as chrome: a paywall prompt,
    a video playlist, a share bar, a feedback box (class or id words in
    ``lexicons/html_chrome.json``, or an ARIA landmark role such as ``navigation``).
    trafilatura drops many such elements and leaves some in; ``build_shown`` drops the
    extracted lines that are one of these, so the extracted text (and every offset into
    it) stays as trafilatura gives it. An element holding the headline, or more than
    ``CHROME_MAX_SHARE`` of the page's text, names nothing."""
    if not _PAGE_TAG.search(html):
        return frozenset()
    tokens, roles = _chrome_lexicon()
    root = _page_root(html)
    if root is None:
        return frozenset()
    body = root.find("body")
    total = len(body.text_content()) if body is not None else 0
    title = " ".join((root.findtext(".//h1") or root.findtext(".//title") or "").split())
    found: set[str] = set()
    for el in root.iter(*_CHROME_TAGS):
        if not _names_chrome(el, total, tokens, roles):
            continue
        for block in el.iter(*_TEXT_BLOCKS):
            line = " ".join(block.text_content().split())
            if line and line != title:
                found.add(line)
    return frozenset(found)


def _names_chrome(el: Any, total: int, tokens: frozenset[str], roles: frozenset[str]) -> bool:
    """Does the element's class, id or ARIA role name it as chrome (``tokens``,
    ``roles``: ``_chrome_lexicon``)? Not when it holds the headline or more than
    ``CHROME_MAX_SHARE`` of the page's ``total`` text: that is a body wrapper."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    words = {w.lower() for w in _CLASS_WORD.findall(names)}
    if not (words & tokens or (el.get("role") or "").lower() in roles):
        return False
    return el.find(".//h1") is None and len(el.text_content()) <= CHROME_MAX_SHARE * total


@lru_cache(maxsize=1)
def _page_root(html: str) -> Any:
    """The page's parsed tree (None when lxml cannot read it), shared by the chrome
    marking and the headline restoring so that a page is parsed once; never modified."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


# The article's head: what a page sets around its headline before the body (kicker,
# headline, standfirst or dek, byline, date, lead picture's caption) and the captions
# of pictures inside the body. trafilatura keeps the body paragraphs and drops most of
# these, though the codebook labels headlines, bylines and captions, and a standfirst
# often makes the story's main claim.
_BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "header", "main", "h1", "h2", "h3", "h4", "h5",
        "h6", "li", "ul", "ol", "dl", "dd", "figure", "figcaption", "address",
        "summary", "details", "blockquote", "table", "tr", "td", "th", "pre", "hgroup",
    )
)
# never article text: controls, scripts, landmarks the page names as elsewhere
_SKIP_TAGS = frozenset(
    (
        "nav", "button", "form", "select", "label", "input", "textarea", "script", "style",
        "noscript", "template", "svg", "iframe", "aside", "footer",
    )
)
# a head holds a few short lines; more, or no body found near the headline, means the
# page is not laid out as headline-then-body and nothing is restored
HEAD_MAX_LINES = 12
HEAD_SEARCH_LINES = 40
_KICKER_MAX_WORDS = 4
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_LETTER = re.compile(r"[^\W\d_]")
_KEY_DROP = re.compile(r"[\W_]+")


def _line_key(text: str) -> str:
    return _KEY_DROP.sub("", text).lower()


def _page_lines(root: Any) -> list[tuple[str, Any, bool]]:
    """The visible text lines of a page body in order, each with the block element
    that holds it and whether it is a picture's caption; elements named as chrome (as
    in ``chrome_lines``) and controls are left out."""
    tokens, roles = _chrome_lexicon()
    lines: list[tuple[str, Any, bool]] = []
    parts: list[str] = []
    body = root.find("body")
    if body is None:
        return lines
    total = len(body.text_content())

    def flush(block: Any, caption: bool) -> None:
        line = " ".join("".join(parts).split())
        parts.clear()
        if line:
            lines.append((line, block, caption))

    def skipped(el: Any) -> bool:
        if el.tag in _SKIP_TAGS or el.get("hidden") is not None:
            return True
        return _names_chrome(el, total, tokens, roles)

    def visit(el: Any, block: Any, caption: bool, depth: int) -> None:
        if not isinstance(el.tag, str) or depth > 200 or skipped(el):
            return
        if el.tag in _BLOCK_TAGS:
            if el.tag != "dd":  # a term and its value are one line ('Published 8 May')
                flush(block, caption)
            block = el
            caption = caption or el.tag == "figcaption"
        parts.append(el.text or "")
        for child in el:
            visit(child, block, caption, depth + 1)
            # spans set side by side ('<span>Ann Lee</span><span>BBC News</span>') are
            # laid out apart by the page's style
            parts.append(child.tail or (" " if child.getnext() is not None else ""))
        if el.tag in _BLOCK_TAGS or el.tag == "br":
            flush(block, caption)

    visit(body, body, False, 0)
    return lines


def restore_article_head(html: str, body: str) -> tuple[str, bool]:
    """``body`` (trafilatura's text of ``html``) with the article head it dropped put
    back in page order: the lines between the headline and the first two body
    paragraphs in a row (standfirst, byline, date, caption), the kicker right above the
    headline, and captions between body paragraphs. Returns the text and whether the
    headline is now its first line. Lines of elements named as chrome stay out; a page
    without an <h1>, or whose body cannot be found under it, is returned as it was."""
    root = _page_root(html) if _PAGE_TAG.search(html) else None
    if root is None or root.find(".//h1") is None:
        return body, False
    page = _page_lines(root)
    at_h1 = next((i for i, (_, el, _) in enumerate(page) if el.tag == "h1"), None)
    if at_h1 is None:
        return body, False
    out = body.split("\n")
    where: dict[str, int] = {}
    for n, line in enumerate(out):
        where.setdefault(_line_key(line), n)
    where.pop("", None)
    found = [where.get(_line_key(line)) for line, _, _ in page]
    # the body starts at the first two paragraphs in a row that trafilatura kept
    para = [
        found[i] is not None and el.tag not in _HEADINGS and not caption
        for i, (_, el, caption) in enumerate(page)
    ]
    start = next(
        (
            i
            for i in range(at_h1, min(len(page) - 1, at_h1 + HEAD_SEARCH_LINES))
            if para[i] and para[i + 1]
        ),
        None,
    )
    if start is None:
        return body, False
    head = [i for i in range(at_h1, start) if found[i] is None and _head_line(page[i])]
    if len(head) > HEAD_MAX_LINES:
        return body, False
    if at_h1 > 0 and found[at_h1 - 1] is None and _is_kicker(page[at_h1 - 1], page[at_h1]):
        head.insert(0, at_h1 - 1)
    # captions of pictures between body paragraphs
    last = max((i for i, n in enumerate(found) if n is not None), default=start)
    head += [
        i
        for i in range(start, last)
        if found[i] is None and page[i][2]
    ]
    if not head:
        return body, False
    inserts: dict[int, list[str]] = {}
    for i in head:
        line, el, _ = page[i]
        # before the next line trafilatura kept
        kept = next((found[j] for j in range(i + 1, len(page)) if found[j] is not None), None)
        at = len(out) if kept is None else kept
        inserts.setdefault(at, []).append(f"# {line}" if el.tag == "h1" else line)
    text: list[str] = []
    for n, line in enumerate(out):
        for new in inserts.get(n, []):
            text += [new, ""]
        text.append(line)
    return "\n".join(text), at_h1 in head


def _head_line(line: tuple[str, Any, bool]) -> bool:
    """A line of the article head, not of a box set in it: a list item is a menu's or a
    key-events box's link, a short subheading a box's title ('Key events', 'Share this
    page'; a dek set as a subheading is a sentence), and a line without a letter a
    counter."""
    text, el, _ = line
    if el.tag == "li" or not _LETTER.search(text):
        return False
    return el.tag not in _HEADINGS or el.tag == "h1" or len(text.split()) > _KICKER_MAX_WORDS


# How far above the headline the kicker's and the headline's shared parent may sit.
_KICKER_MAX_LEVELS = 2


def _is_kicker(line: tuple[str, Any, bool], h1: tuple[str, Any, bool]) -> bool:
    """A section label set right above the headline, inside the same article head."""
    text, el, _ = line
    if len(text.split()) > _KICKER_MAX_WORDS or text[-1] in ".!?:":
        return False
    # the head both share sits close above the headline: a site header that only shares
    # the page's wrapper div with it ("div#root" four levels up) is no kicker
    h1_parents = {p: up for up, p in enumerate(h1[1].iterancestors())}
    for depth, parent in enumerate(el.iterancestors()):
        if parent in h1_parents:
            return (
                depth < 4
                and h1_parents[parent] < _KICKER_MAX_LEVELS
                and parent.tag not in ("body", "html", "main")
            )
    return False


_CHROME_TAGS = ("div", "section", "aside", "ul", "ol", "form", "header", "footer", "nav", "p")
_TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "a", "span", "button", "label", "div")


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PAGE_TAG = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
# Two or more <br> in a row: the page's paragraph break (blogs and old CMSs set whole
# articles as text with <br><br> between paragraphs). trafilatura reads such text as
# one block and repeats or drops parts of it next to real paragraphs.
_BR_RUN = re.compile(r"<br\s*/?>(?:\s|&nbsp;)*(?:<br\s*/?>(?:\s|&nbsp;)*)+", re.IGNORECASE)
# Text right after a list, quotation, table or figure (its "tail"): trafilatura glues it
# to the element's last line or drops it, so it gets a paragraph of its own.
_BLOCK_TAIL = re.compile(
    r"(</(?:blockquote|ul|ol|table|figure)\s*>)(\s*)(?=[^\s<])", re.IGNORECASE
)
def _loose_text_paragraphs(html: str) -> str:
    """Paragraphs for text the page sets without <p>: runs of <br>, block tails."""
    html = _BR_RUN.sub("</p><p>", html)
    return _BLOCK_TAIL.sub(lambda m: m.group(1) + m.group(2) + "<p>", html)


_HTML_DROP = re.compile(
    r"<(script|style|noscript|template|svg|nav|footer|aside)\b.*?(</\1\s*>|$)|<!--.*?(-->|$)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BLOCK = re.compile(
    r"</?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|blockquote|pre)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_ANY_TAG = re.compile(r"<[^<>]*>")


def _html_fallback_text(html: str) -> str:
    """All visible text of broken HTML: tags out, block tags become line breaks."""
    import html as html_lib

    text = _HTML_DROP.sub(" ", html)
    text = _HTML_BLOCK.sub("\n", text)
    text = _HTML_ANY_TAG.sub("", text)
    text = html_lib.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------
# Decoding


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name of file bytes; raises ``_Skip`` with a reason."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as err:
                raise _Skip(E.E008.format(path=path)) from err
    if b"\x00" in data[:65536]:
        raise _Skip(E.E004.format(path=path))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is None:
            raise _Skip(E.E004.format(path=path)) from None
        encoding = best.encoding
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise _Skip(E.E008.format(path=path)) from None
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE:
        raise _Skip(E.E004.format(path=path))
    return text, encoding


# ---------------------------------------------------------------------------
# Files


def iter_paths(
    paths: Iterable[Path | str], *, exclude: Iterable[Path | str] = ()
) -> Iterator[Path | Skipped]:
    """Input files under ``paths`` (recursive, sorted), or Skipped for unusable ones.

    Hidden files and directories (name starting with ".") are left out of walks.

    ``exclude``: files never to read, e.g. the run's own outputs when they are
    written inside an input directory.
    """
    skip = {os.path.abspath(p) for p in exclude}
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix.lower() not in SUFFIXES:
            for item in _walk(path):
                if isinstance(item, Skipped) or os.path.abspath(item) not in skip:
                    yield item
        elif os.path.abspath(path) not in skip:
            yield path


def _walk(root: Path) -> Iterator[Path | Skipped]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as err:
        yield Skipped(str(root), E.E002.format(path=root, reason=err.strerror or err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, editor swap files, macOS "._x.txt" resource forks
        path = Path(entry.path)
        try:
            # Real directories only: a symlinked directory could loop.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir and path.suffix.lower() not in SUFFIXES:
            yield from _walk(path)
        elif path.suffix.lower() in SUFFIXES:
            yield path


def iter_articles(
    paths: Iterable[Path | str],
    *,
    max_mb: float = 20.0,
    strip_boilerplate: bool = True,
    exclude: Iterable[Path | str] = (),
) -> Iterator[Article | Skipped]:
    """Articles from files and directories, streaming; unreadable inputs come as Skipped.

    For JSONL the size limit applies to each line (one article), not to the file.
    ``exclude`` lists files to leave out (the run's own output files).
    """
    for item in iter_paths(paths, exclude=exclude):
        if isinstance(item, Skipped):
            yield item
            continue
        path = item
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            fmt = "txt"  # an explicitly named file: read it as text
        try:
            if fmt == "jsonl":
                yield from _iter_jsonl(path, max_mb=max_mb, strip_boilerplate=strip_boilerplate)
            else:
                yield _read_file(path, fmt, max_mb=max_mb, strip_boilerplate=strip_boilerplate)
        except _Skip as skip:
            yield Skipped(str(path), skip.reason)


def _stat_file(path: Path, max_mb: float | None) -> int:
    try:
        if path.is_dir():
            raise _Skip(E.E002.format(path=path, reason="it is a directory, not a file"))
        size = path.stat().st_size
    except FileNotFoundError:
        reason = "dangling symbolic link" if path.is_symlink() else "no such file"
        raise _Skip(E.E002.format(path=path, reason=reason)) from None
    except OSError as err:
        raise _Skip(E.E002.format(path=path, reason=err.strerror or err)) from None
    if max_mb is not None and size > max_mb * 1_000_000:
        raise _Skip(E.E005.format(path=path, size=f"{size / 1_000_000:.1f}", limit=max_mb))
    return size


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise _Skip(E.E002.format(path=path, reason=err.strerror or err)) from None


def _read_file(path: Path, fmt: str, *, max_mb: float, strip_boilerplate: bool) -> Article:
    size = _stat_file(path, max_mb)
    if size == 0:
        raise _Skip(E.E003.format(path=path))
    text, encoding = decode(_read_bytes(path), str(path))
    if not text.strip():
        raise _Skip(E.E003.format(path=path))
    article = article_from_text(
        path.stem,
        text,
        fmt=fmt,
        strip_boilerplate=strip_boilerplate,
        source_file=str(path),
        encoding=encoding,
    )
    if not _WORD.search(article.shown):
        raise _Skip(E.E007.format(path=path))
    return article


def _iter_jsonl(
    path: Path, *, max_mb: float, strip_boilerplate: bool
) -> Iterator[Article | Skipped]:
    _stat_file(path, None)
    try:
        fh = path.open("rb")
    except OSError as err:
        raise _Skip(E.E002.format(path=path, reason=err.strerror or err)) from None
    seen_any = False
    with fh:
        for n, raw in enumerate(fh, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            seen_any = True
            where = f"{path}:{n}"
            if len(raw) > max_mb * 1_000_000:
                yield Skipped(where, E.E005.format(
                    path=where, size=f"{len(raw) / 1_000_000:.1f}", limit=max_mb))
                continue
            try:
                yield _jsonl_article(path, n, raw, strip_boilerplate=strip_boilerplate)
            except _Skip as skip:
                yield Skipped(where, skip.reason)
    if not seen_any:
        raise _Skip(E.E003.format(path=path))


def _jsonl_article(path: Path, n: int, raw: bytes, *, strip_boilerplate: bool) -> Article:
    def bad(reason: str) -> _Skip:
        return _Skip(E.E006.format(path=path, line=n, reason=reason))

    try:
        row = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise bad("not UTF-8; JSONL must be UTF-8") from None
    except json.JSONDecodeError as err:
        raise bad(f"not valid JSON ({err.msg}); fix or remove the line") from None
    if not isinstance(row, dict):
        raise bad('expected an object like {"id": ..., "text": ...}')
    text = row.get("text")
    if text is None:
        raise bad('no "text" field; each line needs {"id": ..., "text": ...}')
    if not isinstance(text, str):
        raise bad(f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        raise bad('"text" is empty')
    doc_id = row.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{n}"
    meta = row.get("meta")
    fields_ = {
        k: str(row[k]) for k in ("title", "url", "author", "date") if row.get(k) not in (None, "")
    }
    article = article_from_text(
        doc_id,
        text,
        # a feed or CMS export often puts the body's HTML in "text"
        fmt="html" if _HTML_BODY.search(text) else "jsonl",
        strip_boilerplate=strip_boilerplate,
        source_file=f"{path}:{n}",
        encoding="utf-8",
        meta=meta if isinstance(meta, dict) else ({"meta": meta} if meta is not None else {}),
        **fields_,
    )
    if not _WORD.search(article.shown):
        raise _Skip(E.E007.format(path=f"{path}:{n}"))
    return article
