"""Boilerplate detection: which lines of a scraped page are not the article.

Pure functions over a page's lines. The line patterns are data, in
``schemas/boilerplate.jsonl`` (one JSON object a line, each with an ``id``):

- ``"pattern"``: a phrase that must be the whole line (case-insensitive, trailing
  ``.:!`` ignored), as in spaCy's phrase patterns; or ``"regex"``: a
  case-insensitive regular expression searched in the line as a reader sees it
  (markup stripped, whitespace trimmed), or as written with ``"raw": true`` (a
  menu whose items only runs of spaces or tabs separate);
- ``"action"``: ``drop`` (the line is boilerplate), ``end`` (boilerplate, and once
  the article body has started, everything after it is too: comment sections,
  "Related" teasers, disclaimers), ``nav`` (a site-section word such as "News":
  boilerplate at the top of the page or in a run of navigation lines, a section
  heading otherwise), ``keep`` (never boilerplate, wins over every other rule);
- optional ``"max_words"`` (the rule only applies to lines this short),
  ``"min_body"`` (an ``end`` cuts only after this many characters of prose were
  kept; default ``BODY_START_CHARS``; 1 for unmistakable markers such as a
  comment form) and ``"backtrack"`` (an ``end`` that also drops up to N short
  title-like lines before it: a teaser's headline and byline sit above its
  "Published" widget).

Structural rules that need the markup live here in code: a line made only of
links (``[Asia Times](#)``), and lines of CSS/JavaScript caught by their shape.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .schemas import schema_path

PATTERNS_PATH = schema_path("boilerplate.jsonl")
ACTIONS = ("drop", "end", "nav", "keep")

# The article body has started once this many characters, or this many lines, of
# prose were kept. Before that, "end" markers (a "Latest" nav item or a "Published"
# widget under a one-paragraph standfirst at the top) only drop their line.
BODY_START_CHARS = 400
BODY_START_LINES = 3
# A prose line has at least this many words (shorter lines are titles, bylines, nav).
PROSE_WORDS = 12

# (a list item's "- " or "• " bullet too: a "Sources" or "Read more" list of links)
_LINK_ONLY = re.compile(
    r"^[\s#>*_•-]*(?:!?\[[^\]\n]*\]\([^)\n]*\)[\s,;|/·•*_-]*)+$"
)
_CODE_CHARS = frozenset("{}();=<>[]|&$\\")
# CSS spread over lines: "selector {", "prop: value;", "}" (a period after "}" is a
# scraping artefact seen in the wild).
_CSS_OPEN = re.compile(r"^[@.#]?[\w\s.#:,>*()\[\]=\"'-]{0,200}\{\s*$")
_CSS_DECL = re.compile(r"^-?[a-z][a-z-]*\s*:\s*[^;{}]{1,200};\s*\}?\s*$")
_CSS_CLOSE = re.compile(r"^\}+[.;]?\s*$")
_HAS_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Pattern:
    id: str
    action: str
    regex: re.Pattern[str]
    max_words: int | None = None
    backtrack: int = 0
    min_body: int = BODY_START_CHARS
    raw: bool = False  # matched against the line as written, not its normalised text
    inline: bool = False  # an ``end`` teaser heading that may sit inside the article
    keep_line: bool = False  # an ``end`` marker that is itself a line of the article


@dataclass(frozen=True)
class PageLine:
    """One non-blank line of a page: the raw text (with markup) and what a reader sees."""

    raw: str
    shown: str
    heading: bool = False


def load_patterns(path: Path | str | None = None) -> tuple[Pattern, ...]:
    """Read boilerplate patterns (JSONL). Cached for the default path."""
    return _load(str(path or PATTERNS_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Pattern, ...]:
    patterns = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            action = row.get("action", "drop")
            if action not in ACTIONS or "id" not in row:
                raise ValueError(f"{path} line {n}: needs an id and an action in {ACTIONS}")
            if "regex" in row:
                rx = re.compile(row["regex"], re.IGNORECASE)
            else:
                rx = re.compile(r"^" + re.escape(row["pattern"]) + r"[.:!]?$", re.IGNORECASE)
            patterns.append(
                Pattern(
                    id=row["id"],
                    action=action,
                    regex=rx,
                    max_words=row.get("max_words"),
                    backtrack=int(row.get("backtrack", 0)),
                    min_body=int(row.get("min_body", BODY_START_CHARS)),
                    raw=bool(row.get("raw", False)),
                    inline=bool(row.get("inline", False)),
                    keep_line=bool(row.get("keep_line", False)),
                )
            )
    return tuple(patterns)


def patterns_version(path: Path | str | None = None) -> str:
    """A short hash of the pattern file, for model versions."""
    import hashlib

    data = Path(path or PATTERNS_PATH).read_bytes()
    return hashlib.blake2b(data, digest_size=4).hexdigest()


def match_line(shown: str, patterns: Sequence[Pattern]) -> Pattern | None:
    """The first pattern matching a line (``keep`` patterns are tried first)."""
    return _first_match(shown, _search_order(patterns))


# (word limit, bound ``regex.search``, pattern), in the order ``match_line`` tries them.
_Ordered = list[tuple[float, Callable[[str], object], Pattern]]


def _search_order(patterns: Sequence[Pattern]) -> _Ordered:
    """``patterns`` in the order ``match_line`` tries them (``keep`` ones first, each
    group in file order), with their word limits (``inf``: none) and bound search
    methods; worked out once per page, not per line."""
    return [
        (math.inf if p.max_words is None else p.max_words, p.regex.search, p)
        for group in (True, False)
        for p in patterns
        if (p.action == "keep") == group
    ]


def _first_match(shown: str, order: _Ordered, raw: str | None = None) -> Pattern | None:
    words = shown.split()
    text = " ".join(words)
    n_words = len(words)
    for max_words, search, p in order:
        if n_words <= max_words and search(text if not p.raw else raw or ""):
            return p
    return None


def is_link_only(raw: str) -> bool:
    """A line made only of Markdown links: a tag list, a bare source or site link."""
    return bool(_LINK_ONLY.match(raw))


def is_wordless_end(raw: str) -> bool:
    """A line with no words that is an ``end`` marker as written ("###" under a press
    release): Markdown strips it to nothing, so the page must still show it to
    ``find_boilerplate``."""
    text = raw.strip()
    if not text or _HAS_WORD.search(text):
        return False
    p = _first_match(text, _search_order(load_patterns()))
    return p is not None and p.action == "end"


def is_code_like(line: str) -> bool:
    """CSS or JavaScript that leaked into the text: many code characters, few words."""
    stripped = line.strip()
    if len(stripped) < 6:
        return False
    code = sum(map(stripped.count, _CODE_CHARS))  # _CODE_CHARS: single characters
    if "{" in stripped and "}" in stripped and ":" in stripped and ";" in stripped:
        return True
    return code / len(stripped) > 0.12 and code >= 4


def _is_css_line(shown: str) -> bool:
    text = shown.strip()
    return bool(_CSS_OPEN.match(text) or _CSS_DECL.match(text) or _CSS_CLOSE.match(text))


def is_prose(shown: str) -> bool:
    return len(shown.split()) >= PROSE_WORDS


def is_title_like(shown: str) -> bool:
    """Short and without closing punctuation: a headline, byline or date line."""
    return 0 < len(shown.split()) <= 15 and not _SENTENCE_END.search(shown.strip())


def find_boilerplate(
    lines: Sequence[PageLine],
    patterns: Sequence[Pattern] | None = None,
    *,
    chrome: frozenset[str] = frozenset(),
) -> list[str | None]:
    """For each line, the id of the rule that makes it boilerplate, or ``None`` to keep it.

    Rule ids: pattern ids from the data file, ``struct-link-only``, ``struct-code``,
    ``struct-tail`` (after an ``end`` marker), ``struct-teaser-head`` (lines before a
    teaser's date widget) and ``struct-second-article`` (a headline + byline + date
    block after the body, and everything after it); ``struct-teaser-list``
    (a teaser widget's headline under its "list 2 of 4" counter); ``struct-html-chrome``
    (a line the page's markup puts in a chrome element: ``chrome`` holds those lines).
    """
    pats = load_patterns() if patterns is None else patterns
    n = len(lines)
    reasons: list[str | None] = [None] * n
    order = _search_order(pats)
    # a line with no words is matched as written: the "###" that ends a press release
    # is an empty Markdown heading once the markup is stripped
    matched: list[Pattern | None] = [
        _first_match(
            line.shown if _HAS_WORD.search(line.shown) else line.raw.strip(),
            order,
            raw=line.raw.strip(),
        )
        for line in lines
    ]
    running = _running_heads(lines, matched)
    body_chars = body_lines = 0
    resume = 0  # lines before this index were marked as an inline teaser block
    body_at: int | None = None  # the line where the article body had started
    for i, line in enumerate(lines):
        if i < resume:
            continue
        p = matched[i]
        if p is not None and p.action == "keep":
            if is_prose(line.shown):
                body_chars += len(line.shown)
                body_lines += 1
            continue
        if p is not None and p.action == "end":
            if p.keep_line and _HAS_WORD.search(line.shown):
                # "ENDS": the release's own last line; a "Notes to editors" section
                # under it is the release's too, judged line by line
                if i + 1 < n and matched[i + 1] is not None and (
                    matched[i + 1].id == NOTES_ID  # type: ignore[union-attr]
                ):
                    continue
            else:
                reasons[i] = p.id
            if body_chars >= max(p.min_body, 1) or (
                body_lines >= BODY_START_LINES and p.min_body <= BODY_START_CHARS
            ):
                block_end = _inline_block_end(lines, matched, i) if p.inline else None
                if block_end is None and p.id in RELEASE_END_IDS:
                    block_end = _pasted_release_end(lines, matched, i)
                if block_end is not None:
                    # a teaser widget inside the article ("Up Next" / headlines /
                    # durations), the story's paragraphs after it: only the widget goes
                    tail = (
                        "struct-release-tail"
                        if p.id in RELEASE_END_IDS
                        else "struct-inline-teaser"
                    )
                    for j in range(i + 1, block_end):
                        reasons[j] = tail
                    resume = block_end
                    continue
                _backtrack(lines, reasons, matched, i, p.backtrack)
                for j in range(i + 1, n):
                    reasons[j] = "struct-tail"
                break
            continue
        if (
            p is None
            and (body_chars >= BODY_START_CHARS or body_lines >= BODY_START_LINES)
            and _second_article_head(lines, i)
        ):
            # A headline + byline + date block after the body: a teaser article.
            for j in range(i, n):
                reasons[j] = "struct-second-article"
            break
        if p is not None and p.action == "drop":
            reasons[i] = p.id
        elif chrome and " ".join(line.shown.split()) in chrome:
            reasons[i] = "struct-html-chrome"
        elif i in running:
            reasons[i] = "struct-running-head"
        elif p is not None and p.action == "nav":
            if (
                body_chars < BODY_START_CHARS and body_lines < BODY_START_LINES
            ) or _in_nav_run(lines, matched, i):
                reasons[i] = p.id
        elif is_link_only(line.raw) and not _linked_byline(lines, i):
            reasons[i] = "struct-link-only"
        elif is_code_like(line.shown) or _is_css_line(line.shown):
            reasons[i] = "struct-code"
        elif not _HAS_WORD.search(line.shown):
            reasons[i] = "struct-no-words"  # "·", "--", "* * *": separators, no sentence
        elif (
            body_chars < BODY_START_CHARS
            and body_lines < BODY_START_LINES
            and i > 0
            and _nav_item(line.shown)
            and _after_nav(matched[i - 1], reasons[i - 1])
        ):
            # "World / Business / Markets / Breakingviews" at the top of the page: the
            # words the nav patterns do not know carry on a run of ones they do
            reasons[i] = "struct-nav-run"
        if reasons[i] is None and is_prose(line.shown):
            body_chars += len(line.shown)
            body_lines += 1
            if body_at is None and (
                body_chars >= BODY_START_CHARS or body_lines >= BODY_START_LINES
            ):
                body_at = i
    if (
        n > 1
        and reasons[0] is None
        and _masthead(lines[0].shown)
        and reasons[1] is not None
        and (_after_nav(matched[1], reasons[1]) or "|" in lines[1].shown)
    ):
        # the outlet's name alone on the page's first line, right above its menu
        # ("The Hindu", "DAILY SABAH"): a masthead, whatever the outlet
        reasons[0] = "struct-masthead"
    for i in range(1, n):
        if reasons[i] is None and _LIST_ITEM_MARK.match(lines[i - 1].shown.strip()) and (
            is_title_like(lines[i].shown)
        ):
            # "list 2 of 4" / "Mapping the front lines": a teaser widget's item, the
            # headline under its counter (the widget may sit inside the article)
            reasons[i] = "struct-teaser-list"
    _masthead_block(lines, matched, reasons)
    _teaser_cards(lines, reasons)
    if body_at is not None:
        _widget_gaps(lines, matched, reasons, body_at)
    return reasons


# The pattern of a press release's "Notes to editors" heading (kept under its end mark).
NOTES_ID = "keep-notes-to-editors"
# the counter line above each item of a teaser-list widget ("list 2 of 4")
_LIST_ITEM_MARK = re.compile(r"^list \d{1,2} of \d{1,2}$", re.IGNORECASE)


# Menus that only a site's chrome prints: a bar of items on one line, a breadcrumb.
# (A lone section word such as "Analysis" can be a kicker under a headline.)
_MENU_IDS = frozenset(
    ("nav-pipe-run", "nav-space-run", "nav-account-bar", "bp-breadcrumb", "bp-breadcrumb-home",
     "bp-breadcrumb-gt")
)
# A bar of article tools ("Share | Print | Email") can sit under a headline and byline.
_SHARE_ITEM = re.compile(
    r"\b(share|print|e-?mail|tweet|facebook|twitter|whatsapp|telegram|linkedin|reddit|comments?"
    r"|save|pdf)\b",
    re.IGNORECASE,
)
# The site's name and tagline above its menu: at most this many lines of this many words.
MASTHEAD_LINES = 3
MASTHEAD_WORDS = 15


def _masthead_block(
    lines: Sequence[PageLine], matched: Sequence[Pattern | None], reasons: list[str | None]
) -> None:
    """The lines above the page's first menu are the site's masthead and tagline ("The
    Vineyard of the Saker" / "A bird's eye view" / "Home | About"; "Bloomberg" / "Sign In |
    Subscribe"): headlines sit under the menu, not above it. Only short lines, at most
    ``MASTHEAD_LINES`` of them, none a Markdown heading, before any prose; a date line
    among them is kept (the gold labels dates other wherever they stand)."""
    kept: list[int] = []
    for i, line in enumerate(lines):
        if reasons[i] is None:
            if line.heading or len(kept) == MASTHEAD_LINES:
                return
            if len(line.shown.split()) > MASTHEAD_WORDS:
                return
            if not _DATE.match(line.shown.strip()):  # a date line stays, as under a headline
                kept.append(i)
            continue
        menu_bar = reasons[i] in _MENU_IDS and not _SHARE_ITEM.search(line.shown)
        if menu_bar or (_nav_word(matched[i], reasons[i]) and i + 1 < len(lines)
                        and _nav_word(matched[i + 1], reasons[i + 1])):
            # a menu bar, or a run of two or more menu words
            for j in kept:
                reasons[j] = "struct-masthead"
            return


_BYLINE = re.compile(
    r"^(?i:by|written by|authored by|posted by)\s+[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){0,4}$"
)
_DATE = re.compile(
    r"^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?("
    r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b.{0,30}$",
    re.IGNORECASE,
)


# The pattern that finds page numbers ("Page 2 of 5", "14"): running heads sit next to them.
PAGE_NUMBER_ID = "bp-page-number"


def _running_heads(lines: Sequence[PageLine], matched: Sequence[Pattern | None]) -> set[int]:
    """A page's running header or footer in text copied from a PDF or a print view: a
    short line that recurs word for word right before or after page numbers, at least
    twice."""
    numbers = [i for i, p in enumerate(matched) if p is not None and p.id == PAGE_NUMBER_ID]
    if len(numbers) < 2:
        return set()
    near = {
        j
        for i in numbers
        for j in range(max(i - 1, 0), min(i + 2, len(lines)))
        if matched[j] is None and not is_prose(lines[j].shown)
    }
    key = {j: " ".join(lines[j].shown.split()) for j in near}
    counts = Counter(key.values())
    return {j for j in near if counts[key[j]] >= 2}


def _after_nav(prev: Pattern | None, reason: str | None) -> bool:
    """The line before was dropped as a nav word, or as a run of them."""
    if reason is None:
        return False
    return reason == "struct-nav-run" or (prev is not None and prev.action == "nav")


def _masthead(shown: str) -> bool:
    """Two to four capitalised words, letters only: a name, not a headline."""
    words = shown.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


# A teaser card's second line: a video's running time ("01:47", "1:02:13") or a reading
# time ("4 min read").
_CARD_META = re.compile(
    r"^(?:(?:\d{1,2}:)?\d{1,2}:\d{2}|\d{1,3}\s*(?:min|mins|minutes?)(?: read| watch| listen)?)$",
    re.IGNORECASE,
)
# An inline teaser block is at most this many lines; the story goes on after it when
# the next lines are this many finished sentences of at least this many words each.
INLINE_BLOCK_LINES = 12
INLINE_RESUME_LINES = 2
INLINE_RESUME_WORDS = 8


def _card_at(lines: Sequence[PageLine], i: int) -> bool:
    """Lines ``i`` and ``i + 1`` are a teaser card: a headline, then its running or
    reading time."""
    return (
        i + 1 < len(lines)
        and not lines[i].heading
        and is_title_like(lines[i].shown)
        and not lines[i].shown.lstrip().lower().startswith("by ")  # a byline over "3 min read"
        and not _DATE.match(lines[i].shown.strip())
        and bool(_CARD_META.match(lines[i + 1].shown.strip()))
    )


def _teaser_cards(lines: Sequence[PageLine], reasons: list[str | None]) -> None:
    """A video playlist or "more stories" list: headlines each followed by a running
    or reading time ("Crews clear debris" / "02:13" / "Volunteers fill sandbags" /
    "01:05"). Two cards in a row, or one under a dropped widget line ("Now Playing"),
    are a widget; a live blog's time stamp comes before its entry's headline, not
    after it, and a story's own headline has its byline between it and "3 min read"."""
    n = len(lines)
    cards = {i for i in range(n - 1) if _card_at(lines, i)}
    for i in sorted(cards):
        paired = (i + 2 in cards) or (i - 2 in cards)
        beside = i > 0 and reasons[i - 1] is not None
        if paired or beside:
            for j in (i, i + 1):
                if reasons[j] is None:
                    reasons[j] = "struct-teaser-card"


# Lines after a pasted release's tail in which the page's own text must show.
RESUME_LOOKAHEAD = 3
# A press release's own tail: its end mark and its media-contact block.
RELEASE_END_IDS = frozenset({"end-press-release-mark", "end-media-contact"})
# "Here is the department's release in full:", "The statement reads as follows:": the
# line that hands over to a pasted document (codebook rule 5)
_PASTE_LEAD_IN = re.compile(
    r"\b(release|statement|announcement|readout|communiqu[eé]|in full|as follows|"
    r"reads|full text|verbatim|below)\b[^:]{0,80}:\s*$",
    re.IGNORECASE,
)


def _pasted_release_end(
    lines: Sequence[PageLine], matched: Sequence[Pattern | None], i: int
) -> int | None:
    """After a release's end mark or contact block at ``i`` on a page that pasted the
    release after a lead-in: where the page's own text resumes (the blogger's comments
    on the release), past the short contact lines; ``None`` when nothing of the story
    follows or the page is the release itself (no lead-in: its tail is all chrome)."""
    if not any(_PASTE_LEAD_IN.search(lines[k].shown.strip()) for k in range(i)):
        return None
    n = len(lines)
    j = _block_end(lines, matched, i)
    # the page's own voice: finished sentences before any chrome line, one of them
    # prose ("(That's the whole thing.)" / "So, some thoughts." / "First, ...")
    finished = prose = 0
    for k in range(j, min(j + RESUME_LOOKAHEAD, n)):
        shown = lines[k].shown.strip()
        if matched[k] is not None or not _SENTENCE_END.search(shown):
            break
        finished += 1
        prose += len(shown.split()) >= INLINE_RESUME_WORDS
    return j if finished >= INLINE_RESUME_LINES and prose else None


def _inline_block_end(
    lines: Sequence[PageLine], matched: Sequence[Pattern | None], i: int
) -> int | None:
    """After a teaser heading at ``i``: the index where the story resumes when the
    heading opens a short widget of headline lines (no finished sentences) followed by
    more of the story's paragraphs; ``None`` when it is the page's tail."""
    n = len(lines)
    j = _block_end(lines, matched, i)
    if j == i + 1 or j + INLINE_RESUME_LINES > n:
        return None
    for k in range(j, j + INLINE_RESUME_LINES):
        shown = lines[k].shown.strip()
        if (
            matched[k] is not None
            or len(shown.split()) < INLINE_RESUME_WORDS
            or not _SENTENCE_END.search(shown)
            or _BULLET.match(lines[k].raw)
        ):
            return None
    return j


_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s")


def _block_end(lines: Sequence[PageLine], matched: Sequence[Pattern | None], i: int) -> int:
    """The index after the short block of widget lines (``_block_line``) under line ``i``,
    at most ``INLINE_BLOCK_LINES`` of them."""
    j = i + 1
    while j < len(lines) and j - i <= INLINE_BLOCK_LINES and _block_line(lines[j], matched[j]):
        j += 1
    return j


def _block_line(line: PageLine, p: Pattern | None) -> bool:
    """A line of a teaser widget: a headline, a time or date, a widget label."""
    if p is not None:
        return p.action != "keep"
    shown = line.shown.strip()
    return not _SENTENCE_END.search(shown) or bool(_CARD_META.match(shown) or _DATE.match(shown))


# A gap between widget lines is dropped with them when it has at most this many lines
# of at most this many words each (buttons: "Yes", "No", "Not now"); longer lines there
# are credits, captions and author notes ("Featured image is from X").
GAP_LINES = 2
GAP_WORDS = 3
# A reference as a citation box prints it: "Dvořák, M. (2027), 'Title', ...".
_REFERENCE = re.compile(r"^[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s?){1,3}.{0,120}\(\d{4}[a-z]?\)")


def _widget_gaps(
    lines: Sequence[PageLine],
    matched: Sequence[Pattern | None],
    reasons: list[str | None],
    body_at: int,
) -> None:
    """After the body has started, a line or two between two widget lines belong to the
    widget: a feedback box's "Yes" / "No", the reference in a citation box ("Citation"
    / "Lee, A. (2027) ..." / "Copy citation"). Only button-short lines that are not a
    heading, date, byline, credit or sentence, and only between lines a drop pattern
    matched (not an ad label, nor a menu word that may be a section heading)."""
    n = len(lines)

    def widget(k: int) -> bool:
        p = matched[k]
        return (
            p is not None
            and p.action == "drop"
            and reasons[k] == p.id
            and not _AD_LABEL.match(lines[k].shown.strip())
        )

    i = body_at + 1
    while i < n:
        if reasons[i] is not None or not widget(i - 1):
            i += 1
            continue
        j = i
        while j < n and reasons[j] is None and j - i < GAP_LINES:
            j += 1
        if j < n and widget(j) and all(_gap_line(lines[k]) for k in range(i, j)):
            for k in range(i, j):
                reasons[k] = "struct-widget-gap"
        i = j + 1


# An ad label: the story goes on on both sides of it, a subheading may sit between two.
_AD_LABEL = re.compile(
    r"^(advertisement|advert|ad|sponsored|sponsored content|story continues below)(\s.*)?$",
    re.IGNORECASE,
)


def _gap_line(line: PageLine) -> bool:
    shown = line.shown.strip()
    if _REFERENCE.match(shown):
        return True
    return not (
        line.heading
        or len(shown.split()) > GAP_WORDS
        or _DATE.match(shown)
        or _BYLINE.match(shown)
        or shown[:1] in "(["
        or shown.endswith(",")
        or _SENTENCE_END.search(shown)
    )


def _linked_byline(lines: Sequence[PageLine], i: int) -> bool:
    """A link-only line that is a name next to the date line is the author's byline,
    linked to their profile ("[Ann Lee](https://x.example/@ann)" / "Mar 2, 2024"): kept,
    as bylines are (a link-only tag or source line has no date beside it)."""
    if not _masthead(lines[i].shown):
        return False
    return any(0 <= j < len(lines) and _DATE.match(lines[j].shown.strip()) for j in (i - 1, i + 1))


def _nav_item(shown: str) -> bool:
    """One or two capitalised words with no digits or punctuation: a menu item."""
    words = shown.split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)


def _second_article_head(lines: Sequence[PageLine], i: int) -> bool:
    """Line ``i`` is a headline followed by a byline and a date line (either order)."""
    if i + 2 >= len(lines) or not is_title_like(lines[i].shown) or is_prose(lines[i].shown):
        return False
    if i > 0 and not _SENTENCE_END.search(lines[i - 1].shown.strip()):
        return False  # the headline follows a finished paragraph, not a fragment
    a, b = lines[i + 1].shown.strip(), lines[i + 2].shown.strip()
    return bool(
        (_BYLINE.match(a) and _DATE.match(b)) or (_DATE.match(a) and _BYLINE.match(b))
    )


def _in_nav_run(lines: Sequence[PageLine], matched: Sequence[Pattern | None], i: int) -> bool:
    """A nav word next to another nav word or widget line is navigation, not a heading."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines):
            p = matched[j]
            if p is not None and p.action in ("nav", "drop", "end"):
                return True
    return False


def _backtrack(
    lines: Sequence[PageLine],
    reasons: list[str | None],
    matched: Sequence[Pattern | None],
    i: int,
    limit: int,
) -> None:
    """Drop up to ``limit`` title-like lines right before a teaser's date widget."""
    j = i - 1
    while j >= 0 and limit > 0:
        p = matched[j]
        if reasons[j] is not None:
            j -= 1
            continue
        if (p is not None and p.action == "keep") or not is_title_like(lines[j].shown):
            break
        reasons[j] = "struct-teaser-head"
        limit -= 1
        j -= 1


def _nav_word(p: Pattern | None, reason: str | None) -> bool:
    """The line was dropped as a menu word (a nav pattern, or the run they start)."""
    return reason == "struct-nav-run" or (p is not None and p.action == "nav" and reason == p.id)
