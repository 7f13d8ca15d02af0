"""When does a predicted source mention count as the gold source?

Gold lists every acceptable mention of a sentence's source (``sources``); the
pre-labeler gives one string. The rule is lenient about form and strict about who:

1. Normalise: markdown links ``[x](url)`` become ``x``; ``**``, ``*``, ``_``, ``#``
   and all other punctuation go; curly apostrophes become straight; a leading
   determiner (the, a, an) is dropped; comparison ignores case.
2. The *core* of a mention is its name part: cut at the first preposition or
   relative word (``the Kremlin's summary of Putin's conversation with Trump`` ->
   ``the Kremlin's summary``), except ``of`` between two capitalised words
   (``Secretary of State Rex Tillerson`` stays whole); then drop a possessor
   (``the Kremlin's summary`` -> ``summary``, ``Putin's aide Ushakov`` ->
   ``aide Ushakov``), because the possessor is not the source.
3. The *head* is the last core token (``Russian President Vladimir Putin`` ->
   ``putin``).
4. Match when the cores are equal, or the heads are equal, or one mention is a
   contiguous token run inside the other that has two or more tokens, or is one
   capitalised word that is not a title inside the other's core, and that is not a
   possessor in the longer mention (``Tillerson`` inside ``Tillerson and Lavrov``;
   ``A US investment banker`` inside ``A US investment banker doing business in
   Russia``; but ``State`` inside ``Secretary of State Rex Tillerson`` does not
   count, nor ``Donald Trump`` inside ``Donald Trump's lawyer``).

So ``Putin`` matches ``Russian President Vladimir Putin``, ``Lavrov`` matches
``Tillerson and Lavrov``, ``The Kremlin`` does not match ``the Kremlin's summary of
...``, and a pronoun never matches a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TOKEN = re.compile(r"[^\W_]+(?:'s\b)?")
_DETERMINERS = frozenset({"the", "a", "an"})
# Words that end the name part of a mention.
_CUT = frozenset(
    [
        "of",
        "with",
        "for",
        "from",
        "at",
        "in",
        "on",
        "to",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "about",
        "during",
        "after",
        "before",
        "by",
        "into",
        "over",
        "under",
        "than",
        "as",
        "via",
    ]
)
# Capitalised words that are titles or generic, not names (for rule 4).
_TITLES = frozenset(
    [
        "president",
        "secretary",
        "minister",
        "state",
        "foreign",
        "prime",
        "general",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "director",
        "ceo",
        "chairman",
        "chair",
        "house",
        "department",
        "ministry",
        "office",
        "official",
        "officials",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "vice",
        "deputy",
    ]
)


@dataclass(frozen=True)
class Token:
    text: str  # lowercased
    capitalised: bool
    possessive: bool


def tokens(mention: str) -> tuple[Token, ...]:
    """Normalised tokens of a mention (rule 1)."""
    text = _LINK.sub(r"\1", mention).replace("’", "'").replace("‘", "'")
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        possessive = word.endswith("'s")
        if possessive:
            word = word[:-2]
        out.append(Token(word.lower(), word[:1].isupper(), possessive))
    while out and out[0].text in _DETERMINERS:
        out.pop(0)
    return tuple(out)


def core(mention: str) -> tuple[Token, ...]:
    """The name part of a mention (rule 2)."""
    toks = tokens(mention)
    cut = len(toks)
    for i, tok in enumerate(toks):
        if tok.text in _CUT and i > 0:
            if (
                tok.text == "of"
                and toks[i - 1].capitalised
                and i + 1 < len(toks)
                and toks[i + 1].capitalised
            ):
                continue
            cut = i
            break
    part = toks[:cut]
    owners = [i for i, t in enumerate(part) if t.possessive and i < len(part) - 1]
    if owners:
        part = part[owners[-1] + 1 :]
    while part and part[0].text in _DETERMINERS:
        part = part[1:]
    return part


def _inside(short: tuple[Token, ...], long: tuple[Token, ...], *, single: bool) -> bool:
    """Rule 4: ``short`` is a telling run of tokens inside ``long``, not its possessor.

    A one-token run (``single``) must be a name; it is only looked for inside cores,
    so ``Trump`` is not found in ``the Kremlin's summary of ... with Trump``.
    """
    n = len(short)
    if n == 0 or n > len(long):
        return False
    last = short[-1]
    if n < 2 and (not single or not last.capitalised or last.text in _TITLES):
        return False
    words = [t.text for t in short]
    for i in range(len(long) - n + 1):
        run = long[i : i + n]
        if [t.text for t in run] == words and not (run[-1].possessive and i + n < len(long)):
            return True
    return False


def source_matches(predicted: str | None, gold: Iterable[str]) -> bool:
    """True when ``predicted`` names the same source as one of the ``gold`` mentions."""
    if not predicted:
        return False
    cp = core(predicted)
    if not cp:
        return False
    words_p = [t.text for t in cp]
    for mention in gold:
        cg = core(mention)
        if not cg:
            continue
        words_g = [t.text for t in cg]
        if words_p == words_g or words_p[-1] == words_g[-1]:
            return True
        if _inside(cp, cg, single=True) or _inside(cg, cp, single=True):
            return True
        tp, tg = tokens(predicted), tokens(mention)
        if _inside(tp, tg, single=False) or _inside(tg, tp, single=False):
            return True
    return False
