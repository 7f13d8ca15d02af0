"""Strip Markdown markup from one line while keeping a map back to the original.

Scraped articles (the seeds included) are plain text with Markdown sprinkled in:
``## heading``, ``[text](url)``, ``**bold**``, ``*italic*``, ``\\$`` escapes. A
reader does not see that markup, and the labeler should not either, but every
offset we hand out must point into the original text. So instead of rewriting
the string, these functions return the *indices* of the characters a reader
sees: ``shown = "".join(text[i] for i in kept)``.

Pure functions, no state; plain text without markup comes back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

# Leading block markers. Headings up to 3 spaces of indentation, as CommonMark says.
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_BULLET = re.compile(r"[ \t]{0,3}[-*+•][ \t]+(?=\S)")
# Thematic break: a line of only *, - or _ (3 or more), optionally spaced.
_RULE = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
# Reference-style link definition "[id]: http://..." is never shown; a footnote's
# ("[^1]: Interview with ...") is a note to read, shown without its label.
_LINK_DEF = re.compile(r"[ \t]{0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\s]{1,20}\](?::[ \t]*)?")
# Characters a reader never sees that split words ("willing\u200bness"): zero-width
# space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# A footnote number glued to the end of a sentence in text copied from a PDF or a
# print page ("... notice of withdrawal.1 Washington accuses", "since 2014.3 In"): it
# would hide the sentence boundary. After a word, or a year, and closing punctuation;
# before a capital, a quote or the line end (after , ; : before any word). Not a
# number after "No." or "p." ("the world's No.1 Sabalenka", "see p.3 The").
_NOTE_NUMBER = re.compile(
    r"(?:(?<=[^\W\d_][.!?\"”’)])|(?<=\b\d{4}\.))(?<!\b[Nn]o\.)(?<!\bp\.)"
    r"\d{1,2}(?=[ \t]+[A-Z\"“‘(]|[ \t]*$)"
    r"|(?<=[^\W\d_][,;:])\d{1,2}(?=[ \t]+\w)"
)

_IMAGE = re.compile(r"!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\)")
_LINK = re.compile(
    r"\[(?P<label>[^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*)\]"
    r"(?P<target>\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\))"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)([^`\n]+?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
# Emphasis runs: opening run needs a non-space after it, closing run a non-space before
# it; underscores only at word edges so snake_case and URLs keep theirs.
_EMPH_STAR = re.compile(r"\*{1,3}")
# A character every block or inline markup above needs somewhere in the line (a
# bullet or thematic break needs -, + or • first, checked apart: hyphens are common).
_MARKUP_CHAR = re.compile(r"[>#\[<`\\*_]")
# What every footnote number above has: a digit right after closing punctuation. A
# plain scan for it spares most lines the lookbehinds of ``_NOTE_NUMBER``.
_NOTE_HINT = re.compile(r"[.!?\"”’),;:]\d")
_EMPH_UNDER = re.compile(r"_{1,3}")


@dataclass(frozen=True)
class Line:
    """One line after markup removal: the indices (into the text) of its shown chars."""

    kept: tuple[int, ...]
    heading: bool
    rule: bool  # a thematic break (---): nothing shown
    quote: bool = False  # a blockquote line ("> ..."): a passage the author reproduces

    def shown(self, text: str) -> str:
        return gather(text, self.kept)


def gather(source: str, kept: Sequence[int]) -> str:
    """The characters of ``source`` at the increasing indices ``kept``; -1 (a line
    break shown as a space) reads ``source[-1]``. A run with no gap, as most lines
    are, is one slice."""
    if kept and kept[0] >= 0 and kept[-1] - kept[0] + 1 == len(kept) and -1 not in kept:
        return source[kept[0] : kept[-1] + 1]
    return "".join(map(source.__getitem__, kept))


def strip_line(text: str, start: int, end: int, *, markdown: bool = True) -> Line:
    """Shown characters of ``text[start:end]`` (one line, no newline in it).

    With ``markdown=False`` only surrounding whitespace is dropped.
    """
    line = text[start:end]
    if not markdown or (
        not _MARKUP_CHAR.search(line) and line.lstrip(" \t")[:1] not in ("-", "+", "•")
    ):
        # No character any markup here needs (most lines of prose): nothing to drop.
        kept_range = range(start, end)
        if _INVISIBLE.search(line) or (_NOTE_HINT.search(line) and _NOTE_NUMBER.search(line)):
            keep = [True] * len(line)
            _drop_marks(line, keep, markdown=False)
            kept_range = compress(kept_range, keep)  # type: ignore[assignment]
        return Line(tuple(_trim(list(kept_range), text)), heading=False, rule=False)
    if _RULE.match(line) or _LINK_DEF.match(line):
        return Line((), heading=False, rule=bool(_RULE.match(line)))
    keep = [True] * len(line)
    pos = 0
    heading = False
    m = _QUOTE.match(line, pos)
    quote = bool(m and ">" in m.group())
    while m and m.end() > pos:
        _drop(keep, m.start(), m.end())
        pos = m.end()
        m = _QUOTE.match(line, pos)
    m = _HEADING.match(line, pos)
    if m:
        heading = True
        _drop(keep, m.start(), m.end())
        pos = m.end()
        close = _HEADING_CLOSE.search(line, pos)
        if close:
            _drop(keep, close.start(), close.end())
    else:
        m = _BULLET.match(line, pos)
        if m:
            _drop(keep, m.start(), m.end())
            pos = m.end()
    _strip_inline(line, keep, pos)
    _drop_marks(line, keep, markdown=True)
    kept = list(compress(range(start, start + len(keep)), keep))
    return Line(tuple(_trim(kept, text)), heading=heading, rule=False, quote=quote)


def _strip_inline(line: str, keep: list[bool], pos: int) -> None:
    """Mark inline markup in ``line[pos:]`` as not shown."""
    for m in _IMAGE.finditer(line, pos):
        _drop(keep, m.start(), m.end())
    for m in _LINK.finditer(line, pos):
        if not keep[m.start()]:
            continue  # inside an image already dropped
        _drop(keep, m.start(), m.start() + 1)  # "["
        _drop(keep, m.start("target") - 1, m.end())  # "](url)"
    for m in _AUTOLINK.finditer(line, pos):
        _drop(keep, m.start(), m.start() + 1)
        _drop(keep, m.end() - 1, m.end())
    for m in _HTML_TAG.finditer(line, pos):
        _drop(keep, m.start(), m.end())
    for m in _CODE.finditer(line, pos):
        _drop(keep, m.start(1), m.end(1))
        _drop(keep, m.end() - len(m.group(1)), m.end())
    for m in _ESCAPE.finditer(line, pos):
        if keep[m.start()]:
            _drop(keep, m.start(), m.start() + 1)
    for m in _EMPH_STAR.finditer(line, pos):
        if _is_emphasis(line, m.start(), m.end(), intraword=True):
            _drop(keep, m.start(), m.end())
    for m in _EMPH_UNDER.finditer(line, pos):
        if _is_emphasis(line, m.start(), m.end(), intraword=False):
            _drop(keep, m.start(), m.end())


def _drop_marks(line: str, keep: list[bool], *, markdown: bool) -> None:
    """Mark invisible characters and footnote references in ``line`` as not shown."""
    for m in _INVISIBLE.finditer(line):
        keep[m.start()] = False
    for m in _NOTE_NUMBER.finditer(line):
        _drop(keep, m.start(), m.end())
    if markdown:
        for m in _FOOTNOTE_LABEL.finditer(line):
            _drop(keep, m.start(), m.end())


def _is_emphasis(line: str, s: int, e: int, *, intraword: bool) -> bool:
    """Is the marker run ``line[s:e]`` a left- or right-flanking emphasis delimiter?"""
    before = line[s - 1] if s > 0 else " "
    after = line[e] if e < len(line) else " "
    opening = not after.isspace() and (before.isspace() or _is_punct(before) or intraword)
    closing = not before.isspace() and (after.isspace() or _is_punct(after) or intraword)
    if not intraword:
        # "_" inside a word (snake_case, URLs) is literal.
        opening = opening and not before.isalnum()
        closing = closing and not after.isalnum()
    if before.isspace() and after.isspace():
        return False  # "5 * 3": an operator, not markup
    return opening or closing


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _drop(keep: list[bool], s: int, e: int) -> None:
    for i in range(max(s, 0), min(e, len(keep))):
        keep[i] = False


def _trim(indices: list[int] | range, text: str) -> list[int]:
    """Drop whitespace at both ends of a line's shown characters."""
    idx = list(indices)
    a, b = 0, len(idx)
    while a < b and text[idx[a]].isspace():
        a += 1
    while b > a and text[idx[b - 1]].isspace():
        b -= 1
    return idx[a:b]
