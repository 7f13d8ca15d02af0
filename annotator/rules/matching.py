"""Matcher plumbing shared by the rules: cheaper set predicates for spaCy ``Matcher``
objects (same results), the words a pattern needs before it can match
(``required_words``), a bounded cache of Matchers for subsets of patterns
(``cached_matcher``), and how far a pattern can reach (``max_length``,
``starts_sentence``).

A pattern token such as ``{"LOWER": {"IN": [...]}}`` compiles to a Python
predicate the Matcher calls once per token it is tried on. spaCy's generic
``_SetPredicate.__call__`` dispatches on its operator, attribute kind, regex and
fuzzy flags at every call; for the plain case (``IN`` on a token attribute that is
a string hash) that comes down to "is this token's value in the set". The
``Matcher`` keeps its predicates in a public list, so ``fast_set_predicates``
swaps each plain ``IN`` predicate for a closure that does only that check.

The closure reads the same value spaCy's matcher reads (``get_token_attr_for_matcher``
in ``spacy/tokens/doc.pyx``): ``Token.orth`` and ``Token.lower`` are the lexeme's,
``Token.norm`` is the token's norm or else the lexeme's, ``Token.lemma``,
``Token.pos`` and ``Token.tag`` are the token's. Any other predicate (``NOT_IN``,
regex or fuzzy sets, extension attributes, comparisons, ``REGEX``) is kept as is.
Call it after the last ``Matcher.add``; the closures keep the ``key`` and ``i`` an
``add`` reads, so a later ``add`` still works.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from spacy.attrs import LEMMA, LOWER, NORM, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.vocab import Vocab

# Token attributes that name a word in a pattern (a value or an ``IN`` list).
LITERAL_ATTRS = ("LOWER", "NORM", "ORTH", "TEXT", "LEMMA")

_GETTERS: dict[int, Callable[[Any], int]] = {
    ORTH: operator.attrgetter("orth"),
    LOWER: operator.attrgetter("lower"),
    NORM: operator.attrgetter("norm"),
    LEMMA: operator.attrgetter("lemma"),
    POS: operator.attrgetter("pos"),
    TAG: operator.attrgetter("tag"),
}


def _fast(pred: Any) -> Any:
    # getattr with defaults: a spaCy release that reshapes its predicates leaves them
    # untouched (slower, never wrong) instead of failing.
    if (
        type(pred).__name__ != "_SetPredicate"
        or getattr(pred, "predicate", None) != "IN"
        or getattr(pred, "is_extension", True)
        or getattr(pred, "regex", True)
        or getattr(pred, "fuzzy", 0) is not None
        or getattr(pred, "attr", None) not in _GETTERS
        or not hasattr(pred, "value")
    ):
        return pred
    get = _GETTERS[pred.attr]
    values = frozenset(pred.value)

    def check(token: Any) -> bool:
        return get(token) in values

    check.key = pred.key  # type: ignore[attr-defined]
    check.i = pred.i  # type: ignore[attr-defined]
    return check


def fast_set_predicates(matcher: Matcher) -> Matcher:
    """Replace ``matcher``'s plain ``IN`` predicates by cheaper equivalents (in place)."""
    preds = getattr(matcher, "_extra_predicates", None)  # public in matcher.pxd
    if isinstance(preds, list):
        preds[:] = [_fast(p) for p in preds]
    return matcher


def cached_matcher(
    cache: dict[Any, Matcher],
    key: Hashable,
    rows: Callable[[], Iterable[tuple[str, list[dict[str, Any]]]]],
    vocab: Vocab,
    *,
    limit: int,
) -> Matcher:
    """The Matcher of ``key`` in ``cache``, built from ``rows()`` (rule id, pattern)
    with fast set predicates the first time it is asked for. The cache is emptied when
    it holds ``limit`` Matchers, so an unusual corpus cannot grow it without bound."""
    matcher = cache.get(key)
    if matcher is None:
        if len(cache) >= limit:
            cache.clear()
        matcher = Matcher(vocab)
        for rule_id, pattern in rows():
            matcher.add(rule_id, [pattern])
        fast_set_predicates(matcher)
        cache[key] = matcher
    return matcher


def required_words(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """Lower-cased words a sentence must contain for ``pattern`` to match: one word
    from each set.

    One set per token that must occur (no ``OP``, or ``+``) and names its word
    (``LOWER``, ``NORM``, ``ORTH``, ``TEXT`` or ``LEMMA``, as a value or an ``IN``
    list). Empty when the pattern has no such token (it always runs).
    """
    out = []
    for tok in pattern:
        if tok.get("OP") not in (None, "+"):
            continue
        for attr in LITERAL_ATTRS:
            value = tok.get(attr)
            if isinstance(value, str):
                out.append(frozenset([value.lower()]))
                break
            if isinstance(value, dict) and set(value) == {"IN"}:
                out.append(frozenset(str(v).lower() for v in value["IN"]))
                break
    return tuple(out)


def lowercase_norms(pattern: list[dict[str, Any]]) -> bool:
    """Are the ``NORM`` values of ``pattern`` lower-cased? ``required_words`` lowers
    every value, and a token's forms hold its norm as it is: only then does a token
    that matches a required ``NORM`` show the word among its forms."""
    for tok in pattern:
        value = tok.get("NORM")
        values = value.get("IN", ()) if isinstance(value, dict) else (value,)
        if any(isinstance(v, str) and v != v.lower() for v in values):
            return False
    return True


def active_patterns(
    needs: Iterable[tuple[frozenset[str], ...]], words: frozenset[str] | set[str]
) -> tuple[int, ...]:
    """Positions of the patterns whose ``required_words`` (``needs``) all occur in
    ``words``: the only ones that can match there."""
    # ``not any(map(words.isdisjoint, need))``: every set of ``need`` has a word in
    # ``words`` (``all(not a.isdisjoint(words) ...)`` without a generator per pattern)
    return tuple(k for k, need in enumerate(needs) if not any(map(words.isdisjoint, need)))


def max_length(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a match of ``pattern`` can span, or None when unbounded (``*``,
    ``+``, ``{n,}``) or not worked out here (``!``, an operator spelled otherwise)."""
    total = 0
    for tok in pattern:
        op = tok.get("OP")
        if op is None or op == "?":
            total += 1
            continue
        m = _BOUNDED_OP.fullmatch(op) if isinstance(op, str) else None
        if m is None:
            return None
        total += int(m.group("max") if m.group("max") is not None else m.group("n"))
    return total


# "{n}", "{n,m}", "{,m}": spaCy's bounded quantifiers.
_BOUNDED_OP = re.compile(r"\{(?:(?P<n>\d+)|(?P<min>\d*),(?P<max>\d+))\}")


def starts_sentence(pattern: list[dict[str, Any]]) -> bool:
    """Can ``pattern`` match only from a sentence's first token (its first token must
    occur, once, with ``IS_SENT_START: true``)?"""
    first = pattern[0] if pattern else {}
    return first.get("OP") is None and first.get("IS_SENT_START") is True
