"""Author opinion / speculation and "other" (no claim) evidence for one sentence.

Two pure functions over a sentence ``Span`` that the decision step
(``annotator.rules.decide``) calls:

* ``opinion_evidence(sent)``: the author's own judgment, evaluation, prediction,
  speculation or hedged inference (codebook ``opinion``).
* ``other_evidence(sent, paragraph_kind=...)``: sentences that make no claim
  (headings, bylines, datelines, captions, credits, genuine questions, lead-ins,
  calls to action).

The words and patterns are data in ``schemas/``: ``lexicons/opinion.json`` (phrase
classes), ``lexicons/subjectivity_en.tsv`` (Pattern's public-domain adjective
subjectivity lexicon), ``lexicons/valence_en.tsv`` (VADER's word valences, MIT),
``patterns/opinion.jsonl`` and ``patterns/other.jsonl``
(spaCy ``Matcher`` patterns). Every hit carries a rule id such as
``opinion.speculation.probably`` so a pre-label can say which rule fired.

Words inside quotation marks belong to the quoted speaker, not the author, so they
are masked before scoring; a short quoted phrase with no verb is read as scare
quotes (codebook rule 3), which is itself a sign of the author's voice.

Matchers are built once per ``Vocab`` on first use (no model loading at import).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from spacy.attrs import LEMMA, LOWER, NORM
from spacy.matcher import Matcher, PhraseMatcher
from spacy.parts_of_speech import ADV, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from annotator.rules import DocSpan
from annotator.rules.matching import (
    LITERAL_ATTRS,
    cached_matcher,
    fast_set_predicates,
    lowercase_norms,
    max_length,
    required_words,
)
from annotator.schemas import SCHEMAS_DIR

SCHEMAS = SCHEMAS_DIR
LEXICON_PATH = SCHEMAS / "lexicons" / "opinion.json"
OPINION_PATTERNS_PATH = SCHEMAS / "patterns" / "opinion.jsonl"
OTHER_PATTERNS_PATH = SCHEMAS / "patterns" / "other.jsonl"
IDIOMS_PATH = SCHEMAS / "lexicons" / "idioms_en.json"

#: ``opinion_evidence`` returns None below this score (by default).
OPINION_THRESHOLD = 0.5
#: Evidence from here up to ``OPINION_THRESHOLD`` is too weak to label a sentence an
#: opinion ("only", "still", one mild evaluative word), but a claim that carries it is
#: less often a plain checkable claim: on the seeds and probe sets, default claims
#: with such cues were right about half the time, those without about four in five
#: (CheckThat! train and dev: 77% vs 88% OBJ). The pipeline lowers their score.
OPINION_WEAK = 0.3
#: Opinion scores are capped here: rules are never certain, and a structural
#: "other" (below) must outrank any pile of opinion cues.
OPINION_MAX = 0.9
#: ``OtherEvidence`` at or above this is structural (heading, byline, dateline,
#: caption, credit, editorial note, "Here is ..."): it wins over opinion cues, since
#: a heading with a loaded word is still a heading. Always > ``OPINION_MAX``.
OTHER_STRUCTURAL = 0.92


@dataclass(frozen=True)
class OpinionEvidence:
    """Why a sentence reads as the author's opinion; ``score`` is the confidence."""

    score: float
    cues: tuple[DocSpan, ...]
    rule_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class OtherEvidence:
    """Why a sentence makes no claim; ``score`` >= ``OTHER_STRUCTURAL`` is structural."""

    score: float
    cues: tuple[DocSpan, ...]
    rule_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class _Rule:
    id: str
    weight: float
    reason: str
    anchor: str | None = None
    max_tokens: int | None = None
    # The token of a match that is the cue, when the pattern also checks its
    # neighbours ("right" in "the right person", not "far-right"); None: the match.
    focus: int | None = None
    # The match holds only when no verb follows it in the sentence: "By Jane Smith"
    # is a byline, "By March, the troops had retaken ..." is a claim.
    verbless: bool = False
    # The match holds only near the end of the document (``_TAIL_CHARS``): an author
    # bio closes an article, the same words in its body are a claim.
    tail: bool = False


@dataclass(frozen=True)
class _Hit:
    rule: _Rule
    start: int  # doc char offsets
    end: int
    text: str

    @property
    def reason(self) -> str:
        return self.rule.reason.replace("{text}", self.text)


# --------------------------------------------------------------------------- data


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _subjectivity() -> dict[str, float]:
    cfg = _lexicon()["subjectivity"]
    # Words the lexicon rates subjective in senses news rarely uses: "far" measures
    # distance or degree ("far-right", "so far"), "own" marks possession.
    skip = frozenset(cfg.get("skip_words", ()))
    table: dict[str, float] = {}
    for line in (LEXICON_PATH.parent / cfg["path"]).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        form, subj, pol = line.split("\t")
        # A word with no polarity at all ("only", "final", "entire", "really") grades
        # or locates; the lexicon calls it subjective, but it does not evaluate.
        if abs(float(pol)) < float(cfg.get("min_polarity", 0.0)):
            continue
        if form in skip:
            continue
        table[form] = float(subj)
    return table


@lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    """VADER's word valences (-4 .. +4), from ``lexicons/valence_en.tsv`` (MIT)."""
    cfg = _lexicon()["valence"]
    table: dict[str, float] = {}
    for line in (LEXICON_PATH.parent / cfg["path"]).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        form, value = line.split("\t")
        table[form] = float(value)
    return table


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def data_files() -> tuple[Path, ...]:
    """The data files this module reads, for ``model_version()`` hashing."""
    return (
        LEXICON_PATH,
        LEXICON_PATH.parent / _lexicon()["subjectivity"]["path"],
        LEXICON_PATH.parent / _lexicon()["valence"]["path"],
        OPINION_PATTERNS_PATH,
        OTHER_PATTERNS_PATH,
        IDIOMS_PATH,
    )


@lru_cache(maxsize=1)
def _phrase_tokenizer() -> Any:
    # A blank English tokenizer gives the same NORM values (e.g. "’s" -> "'s")
    # as the real pipeline's tokenizer; it loads no model.
    from spacy.lang.en import English

    return English().tokenizer




# A check over a sentence's tokens: (attribute, values) for TAG / POS, (attribute,
# compiled regex) for a REGEX on ORTH / TEXT / LOWER.
_TokenTest = tuple[str, Any]


def _token_tests(pattern: list[dict[str, Any]]) -> tuple[_TokenTest, ...]:
    """For each token that must occur (no ``OP``, or ``+``) but names no word: a test
    one token of the sentence must pass for ``pattern`` to match (its ``TAG`` or
    ``POS``, as a value or an ``IN`` list, or a ``REGEX`` on ``ORTH``/``TEXT``/``LOWER``)."""
    tests: list[_TokenTest] = []
    for tok in pattern:
        if tok.get("OP") not in (None, "+"):
            continue
        if any(
            isinstance(v, str) or (isinstance(v, dict) and set(v) == {"IN"})
            for v in (tok.get(a) for a in LITERAL_ATTRS)
        ):
            continue  # a word: ``required_words`` has it
        test: _TokenTest | None = None
        for attr in ("TAG", "POS"):
            value = tok.get(attr)
            if isinstance(value, str):
                test = (attr, frozenset([value]))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                test = (attr, frozenset(str(v) for v in value["IN"]))
            if test is not None:
                break
        if test is None:
            for attr in ("ORTH", "TEXT", "LOWER"):
                value = tok.get(attr)
                if isinstance(value, dict) and set(value) == {"REGEX"}:
                    test = (attr, re.compile(value["REGEX"]))
                    break
        if test is not None:
            tests.append(test)
    return tuple(tests)


def _passes(tokens: Sequence[Token], test: _TokenTest) -> bool:
    attr, value = test
    # TAG and POS values are string ids here (``_TriggeredMatcher.add``): ``Token.tag``
    # and ``Token.pos`` are ints, ``tag_`` and ``pos_`` a string lookup each.
    # (``map`` over an attribute getter: the same tests, in the same order, without
    # a generator frame per token; this runs for every sentence)
    if attr == "TAG":
        return not value.isdisjoint(map(_TAG_OF, tokens))
    if attr == "POS":
        return not value.isdisjoint(map(_POS_OF, tokens))
    if attr == "LOWER":
        return any(map(value.search, map(_LOWER_OF, tokens)))
    return any(map(value.search, map(_TEXT_OF, tokens)))  # ORTH / TEXT


_TAG_OF = attrgetter("tag")
_POS_OF = attrgetter("pos")
_LOWER_OF = attrgetter("lower_")
_TEXT_OF = attrgetter("text")


class _TriggeredMatcher:
    """Matcher patterns run only on sentences that contain one of their words.

    The spaCy Matcher tries every pattern at every token, and set predicates
    (``IN``) cost a Python call each time; a set lookup over the sentence's words
    is an order of magnitude cheaper, and most patterns' words are absent from
    most sentences. Same matches as one Matcher over all patterns.

    Every token of a pattern that must occur and names its word is a condition, not
    only the first one ("it ... clear": "it" is in half the sentences, "it" and
    "clear" together in few). A token that must occur with a given tag, part of
    speech or regex is a condition too, checked over the tokens once the words are
    there; a pattern with such tests and no words ("guarded", e.g. a superlative
    tag) runs right after the unconditional ones, as it did when it was one of them.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.always = Matcher(vocab)
        self.guarded: list[tuple[tuple[_TokenTest, ...], Matcher, int]] = []
        self.triggered: list[
            tuple[tuple[frozenset[str], ...], tuple[_TokenTest, ...], Matcher, int]
        ] = []
        # The patterns of each group of matches (0: the unconditional ones, then one
        # group per conditional pattern), the group of each rule id (its string
        # hash, a match's label), and one Matcher per set of groups that ran together.
        self._patterns: list[list[tuple[str, list[dict[str, Any]]]]] = [[]]
        self._group_of: dict[int, int] = {}
        self._shared = True  # False once a rule id is in two groups: no merging then
        self._merged: dict[tuple[int, ...], Matcher] = {}
        # Word -> positions in ``triggered`` of the patterns that have it in their
        # smallest set of words, and all those words: a sentence's words find the
        # few patterns worth checking (every pattern needs a word from that set).
        self._by_word: dict[str, list[int]] = {}
        self._index_words: frozenset[str] = frozenset()
        # Group -> (the most tokens a match spans, the words one of its tokens has):
        # its matches lie within that many tokens of a token with one of the words
        # (``_window``). Groups not here can match anywhere in the sentence.
        self._reach: dict[int, tuple[int, frozenset[str]]] = {}

    def add(self, rule_id: str, pattern: list[dict[str, Any]]) -> None:
        trigs = required_words(pattern)
        strings = self.vocab.strings
        tests = tuple(
            (attr, frozenset(strings.add(v) for v in value) if attr in ("TAG", "POS") else value)
            for attr, value in _token_tests(pattern)
        )
        key = strings.add(rule_id)
        if not trigs and not tests:
            self.always.add(rule_id, [pattern])
            fast_set_predicates(self.always)
            group = 0
        else:
            matcher = Matcher(self.vocab)
            matcher.add(rule_id, [pattern])
            fast_set_predicates(matcher)
            group = len(self._patterns)
            self._patterns.append([])
            if trigs:
                reach = max_length(pattern)
                if reach is not None and lowercase_norms(pattern):
                    self._reach[group] = (reach, min(trigs, key=len))
                for word in min(trigs, key=len):
                    self._by_word.setdefault(word, []).append(len(self.triggered))
                self._index_words = frozenset(self._by_word)
                self.triggered.append((trigs, tests, matcher, group))
            else:
                self.guarded.append((tests, matcher, group))
        self._patterns[group].append((rule_id, pattern))
        if self._group_of.setdefault(key, group) != group:
            self._shared = False
        self._merged.clear()

    def __call__(
        self,
        span: Span,
        words: frozenset[str] | set[str],
        tokens: Sequence[Token] | None = None,
        forms: Forms | None = None,
    ) -> list[Span]:
        """Matches in ``span`` (its ``words``, and ``tokens`` = ``tuple(span)`` and
        ``forms`` = its ``doc_forms`` if known).

        The groups whose conditions hold run as one Matcher (a Matcher call has a
        cost per token of the span, whatever its patterns), and the matches are put
        back in the order the group Matchers would give one after the other: one
        Matcher's matches of one pattern come in the same order whatever other
        patterns it holds (each pattern's states advance on their own). With
        ``forms``, the Matchers run on the part of ``span`` where the matches can
        be (``_window``).
        """
        active: list[tuple[int, Matcher]] = []
        if len(self.always):
            active.append((0, self.always))
        toks = tokens
        for tests, matcher, group in self.guarded:
            toks = toks if toks is not None else tuple(span)
            if all(_passes(toks, test) for test in tests):
                active.append((group, matcher))
        by_word = self._by_word
        candidates = {k for word in self._index_words.intersection(words) for k in by_word[word]}
        triggered = self.triggered
        for k in sorted(candidates):  # in the order the patterns were added
            trigs, tests, matcher, group = triggered[k]
            if not any(map(words.isdisjoint, trigs)):  # every set has a word in ``words``
                if tests:
                    toks = toks if toks is not None else tuple(span)
                    if not all(_passes(toks, test) for test in tests):
                        continue
                active.append((group, matcher))
        if not active:
            return []
        if forms is not None:
            span = self._window(span, active, forms)
        if len(active) == 1 or not self._shared:
            out: list[Span] = []
            for _, matcher in active:
                out.extend(matcher(span, as_spans=True))
            return out
        groups = tuple(g for g, _ in active)
        merged = cached_matcher(
            self._merged,
            groups,
            lambda: (row for g in groups for row in self._patterns[g]),
            self.vocab,
            limit=_MAX_MERGED,
        )
        rank = {g: k for k, g in enumerate(groups)}
        group_of = self._group_of
        spans = merged(span, as_spans=True)
        return sorted(spans, key=lambda sp: rank[group_of[sp.label]])

    def _window(self, span: Span, active: Sequence[tuple[int, Matcher]], forms: Forms) -> Span:
        """The part of ``span`` that holds every match of the ``active`` groups.

        A match of a group in ``_reach`` spans at most ``reach`` tokens, one of
        which has one of its words; so every match lies within ``reach - 1`` tokens
        of the first and the last token with such a word. A Matcher's cost is per
        token, and its matches in that part are the ones it finds in the whole span
        (a token pattern reads each token alone, not where the span starts or ends).
        """
        reach = 0
        words: set[str] = set()
        for group, _ in active:
            entry = self._reach.get(group)
            if entry is None:
                return span
            reach = max(reach, entry[0])
            words.update(entry[1])
        lowers, norms, lemmas = forms
        hits = [
            i
            for i, (low, norm, lemma) in enumerate(zip(lowers, norms, lemmas, strict=True))
            if low in words or norm in words or lemma in words
        ]
        if not hits:
            return span
        start = max(0, hits[0] - reach + 1)
        end = min(len(span), hits[-1] + reach)
        if start == 0 and end == len(span):
            return span
        return span.doc[span.start + start : span.start + end]


# Merged Matchers kept per _TriggeredMatcher (one per set of groups seen together).
_MAX_MERGED = 4096


def _words(tokens: Iterable[Token]) -> set[str]:
    """Every lower-cased form, norm and lemma in ``tokens``, for the triggers."""
    words: set[str] = set()
    for t in tokens:
        words.add(t.lower_)
        words.add(t.norm_)
        words.add(t.lemma_.lower())
    return words


@dataclass(frozen=True)
class SentenceView:
    """What both detectors read from one sentence, computed once per sentence.

    Iterating a ``Span`` builds a fresh ``Token`` for every position, and the text,
    the quotation regions and the trigger words were computed by each detector:
    together about a third of their time.
    """

    sent: Span
    tokens: tuple[Token, ...]
    text: str
    regions: tuple[tuple[int, int], ...]
    quoted: tuple[bool, ...]  # per token: inside quotation marks
    words: frozenset[str]
    # per token: its lower-cased form, norm and lower-cased lemma (``_words``)
    forms: tuple[Sequence[str], Sequence[str], Sequence[str]]
    # per token: its part of speech id (``Token.pos``), for the loops that look for
    # verbs, adjectives or adverbs without reading each token
    pos: Sequence[int]
    # the opinion and "other" pattern matches, found together once (``_sentence_matches``)
    matches: dict[str, list[Span]] = field(default_factory=dict, compare=False, repr=False)

    def words_in(self, start: int, end: int) -> set[str]:
        """``_words`` of ``tokens[start:end]``."""
        lowers, norms, lemmas = self.forms
        return {*lowers[start:end], *norms[start:end], *lemmas[start:end]}


Forms = tuple[Sequence[str], Sequence[str], Sequence[str]]


def doc_forms(doc: Doc) -> Forms:
    """Per token of ``doc``: ``lower_``, ``norm_`` and ``lemma_.lower()``, read from
    one attribute array (each distinct hash looked up once) instead of three string
    properties per token."""
    strings = doc.vocab.strings
    arr = doc.to_array([LOWER, NORM, LEMMA])
    if len(_FORM_OF) + len(_LOWER_FORM_OF) > _MAX_FORMS:
        _FORM_OF.clear()
        _LOWER_FORM_OF.clear()
    out: list[list[str]] = []
    for col, table in ((0, _FORM_OF), (1, _FORM_OF), (2, _LOWER_FORM_OF)):
        hashes = arr[:, col].tolist()
        try:
            out.append(list(map(table.__getitem__, hashes)))
        except KeyError:  # a hash not seen yet: look up each new one once
            lower = table is _LOWER_FORM_OF
            for h in set(hashes).difference(table):
                table[h] = strings[h].lower() if lower else strings[h]
            out.append(list(map(table.__getitem__, hashes)))
    return out[0], out[1], out[2]


# String of a hash, and its lower-cased form, for ``doc_forms``. A hash names one
# string whatever the vocab (it is the string's hash), so the tables are shared.
_FORM_OF: dict[int, str] = {}
_LOWER_FORM_OF: dict[int, str] = {}
_MAX_FORMS = 1_000_000


def sentence_view(
    sent: Span,
    *,
    tokens: tuple[Token, ...] | None = None,
    text: str | None = None,
    forms: Forms | None = None,
    pos: Sequence[int] | None = None,
) -> SentenceView:
    """The view of ``sent``; ``tokens`` (``tuple(sent)``), ``text`` (``sent.text``),
    ``forms`` (``doc_forms`` sliced to the sentence) and ``pos`` (the sentence's
    ``POS`` ids) if the caller has them already."""
    tokens = tuple(sent) if tokens is None else tokens
    text = sent.text if text is None else text
    if forms is None:
        forms = (
            [t.lower_ for t in tokens],
            [t.norm_ for t in tokens],
            [t.lemma_.lower() for t in tokens],
        )
    regions = tuple(quote_regions(text))
    return SentenceView(
        sent,
        tokens,
        text,
        regions,
        tuple(_masked_tokens(tokens, sent.start_char, regions)),
        frozenset(forms[0]).union(forms[1], forms[2]),
        forms,
        [t.pos for t in tokens] if pos is None else pos,
    )


class _Matchers:
    """The compiled patterns for one vocab."""

    def __init__(self, vocab: Vocab) -> None:
        # Lexicon phrases go to a PhraseMatcher (hash lookups: hundreds of phrases
        # cost about as much as one); token patterns with POS/TAG to Matchers.
        self.phrases = PhraseMatcher(vocab, attr="NORM")
        self.other_start = _TriggeredMatcher(vocab)  # anchored at the sentence start
        self.rules: dict[str, _Rule] = {}
        tok = _phrase_tokenizer()
        for cls in _lexicon()["classes"]:
            for phrase in cls["phrases"]:
                rid = f"{cls['id']}.{_slug(phrase)}"
                if rid in self.rules:
                    continue
                self.rules[rid] = _Rule(rid, float(cls["weight"]), str(cls["reason"]))
                self.phrases.add(rid, [tok(phrase)])
        # ``both``: the opinion patterns and the unanchored "other" ones, which run on
        # the same sentence; one Matcher call finds the matches of both, told apart by
        # rule id (ids are unique across pattern files: tests/test_schemas.py).
        self.both = _TriggeredMatcher(vocab)
        self.other_ids: set[int] = set()
        for row in _read_jsonl(OPINION_PATTERNS_PATH):
            self._add(self.both, row)
        for row in _read_jsonl(OTHER_PATTERNS_PATH):
            if row.get("anchor") == "start":
                self._add(self.other_start, row)
                continue
            self._add(self.both, row)
            self.other_ids.add(vocab.strings.add(str(row["id"])))
        cfg = _lexicon()["subjectivity"]
        self.subj_rule = _Rule(str(cfg["id"]), float(cfg["weight"]), str(cfg["reason"]))
        self.subj_pos = frozenset(cfg["pos"])
        self.subj_min = float(cfg["min"])
        mind = _lexicon()["mental_state"]
        self.mind_rule = _Rule(str(mind["id"]), float(mind["weight"]), str(mind["reason"]))
        self.mind_verbs = frozenset(mind["verbs"])
        self.mind_skip_subjects = frozenset(mind["skip_subjects"])
        self.mind_counted = frozenset(mind.get("counted_object_verbs", ()))
        val = _lexicon()["valence"]
        # Per part of speech: (minimum |valence|, rule, strong minimum, strong rule).
        self.val_tiers: dict[str, tuple[float, _Rule, float, _Rule]] = {}
        for tier in val["tiers"]:
            plain = _Rule(f"{val['id']}.{tier['name']}", float(tier["weight"]), str(val["reason"]))
            strong = _Rule(
                f"{val['id']}.{tier['name']}_strong",
                float(tier["strong_weight"]),
                str(val["reason"]),
            )
            for pos in tier["pos"]:
                self.val_tiers[pos] = (float(tier["min"]), plain, float(tier["strong"]), strong)
        # A valence word that is the predicate of the main clause's copula ("These
        # forces are thoughtless", "It's an impressive feat") is the author's verdict
        # on the subject: it weighs ``predicative_weight`` (``_predicative``).
        self.val_predicative = float(val.get("predicative_weight", 0.0))
        self.val_skip_tags = frozenset(val.get("skip_tags", ()))
        self.val_skip_words = frozenset(val.get("skip_words", ()))
        # The same parts of speech and tags as ids, for the loops over a sentence's
        # tokens: ``Token.pos`` and ``Token.tag`` are ints, ``pos_`` and ``tag_`` a
        # string lookup each.
        strings = vocab.strings
        self.subj_pos_ids = frozenset(strings.add(p) for p in self.subj_pos)
        self.val_tier_ids = {strings.add(p): tier for p, tier in self.val_tiers.items()}
        self.val_skip_tag_ids = frozenset(strings.add(t) for t in self.val_skip_tags)
        self.vbg = strings.add("VBG")

    def valence_rule(self, pos: int, tag: int, lower: str, lemma: str) -> _Rule | None:
        """The valence cue for a token (its ``pos`` and ``tag`` ids, lower-cased form
        and lower-cased lemma; one rule id per word), or None if it is mild.

        VADER's ratings say how positive or negative a word feels; a word that is
        strongly either way is the writer's evaluation ("a shameless ploy", "an
        impressive feat", "this wailing"), a neutral one describes. Adjectives and
        adverbs weigh more than nouns and verbs, which often name the event itself
        ("killed", "war").
        """
        tier = self.val_tier_ids.get(pos)
        if tier is None or tag in self.val_skip_tag_ids:
            return None
        table = _valence()
        form = lower
        value = table.get(form)
        if value is None:
            form = lemma
            value = table.get(form)
        if value is None and pos == ADV and form.endswith("ly"):
            value = _adverb_base_value(form, table)  # shamelessly -> shameless
        low, plain, high, strong = tier
        if value is None or abs(value) < low or form in self.val_skip_words:
            return None
        base = strong if abs(value) >= high else plain
        rid = f"{base.id}.{_slug(form)}"
        rule = self.rules.get(rid)
        if rule is None:
            rule = self.rules.setdefault(rid, _Rule(rid, base.weight, base.reason))
        return rule

    def predicative_rule(self, rule: _Rule) -> _Rule:
        """``rule`` (a valence cue) as the predicate of a verdict: the same word under
        ``opinion.valence.predicative``, weighing ``val_predicative``."""
        rid = f"opinion.valence.predicative.{rule.id.rsplit('.', 1)[-1]}"
        found = self.rules.get(rid)
        if found is None:
            found = self.rules.setdefault(rid, _Rule(rid, self.val_predicative, rule.reason))
        return found

    def _add(self, matcher: _TriggeredMatcher, row: dict[str, Any]) -> None:
        rid = str(row["id"])
        self.rules[rid] = _Rule(
            rid,
            float(row["weight"]),
            str(row["reason"]),
            row.get("anchor"),
            row.get("max_tokens"),
            row.get("focus"),
            bool(row.get("verbless", False)),
            bool(row.get("tail", False)),
        )
        matcher.add(rid, row["pattern"])


def _sentence_matches(view: SentenceView, m: _Matchers) -> dict[str, list[Span]]:
    """``m.opinion`` and ``m.other`` matches in ``view.sent`` (keys "opinion", "other"),
    from one run of ``m.both``, kept on the view for the second detector. Order: the
    opinion patterns' groups come before the "other" ones' in ``m.both``, so each
    list is in the order its own ``_TriggeredMatcher`` gives."""
    found = view.matches
    if not found:
        other_ids = m.other_ids
        spans = m.both(view.sent, view.words, view.tokens, view.forms)
        found["opinion"] = [sp for sp in spans if sp.label not in other_ids]
        found["other"] = [sp for sp in spans if sp.label in other_ids]
    return found


_CACHE: dict[int, tuple[Vocab, _Matchers]] = {}
_LOCK = threading.Lock()


def _matchers(vocab: Vocab) -> _Matchers:
    # Keyed by id(vocab); the vocab is stored alongside so the id cannot be reused.
    entry = _CACHE.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        with _LOCK:
            entry = _CACHE.get(id(vocab))
            if entry is None or entry[0] is not vocab:
                entry = (vocab, _Matchers(vocab))
                _CACHE[id(vocab)] = entry
    return entry[1]


# --------------------------------------------------------------------------- quotes

_OPEN_CLOSE = {"“": "”", "„": "”", "«": "»"}
_QUOTE_MARK = re.compile("[“„«\"‘'”»]")  # every mark quote_regions acts on
_SINGLE_CLOSE_MARK = re.compile("[’']")
_LETTER = re.compile(r"\w")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` (quote marks included) that are quoted.

    Pairs “ ”, « », straight double quotes in order, and ‘ ’ / ' ' when they are not
    apostrophes. An opening mark with no closing one quotes to the end of the text
    (the quote goes on in the next sentence); a closing mark with no opening one
    quotes from the start (it began in an earlier sentence).
    """
    regions: list[tuple[int, int]] = []
    i, n = 0, len(text)
    first_open: int | None = None
    while i < n:
        # Only quotation marks act: jump to the next one.
        found = _QUOTE_MARK.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        close: str | None = None
        if ch in _OPEN_CLOSE:
            close = _OPEN_CLOSE[ch]
        elif ch == '"':
            close = '"'
        elif ch in "‘'" and _is_single_open(text, i):
            close = "’'"
        elif ch in "”»" and not regions and first_open is None:
            # Closing mark before any opening one: the quote began earlier.
            regions.append((0, i + 1))
            i += 1
            continue
        if close is None:
            i += 1
            continue
        first_open = i if first_open is None else first_open
        if len(close) == 1:
            j = text.find(close, i + 1)
            j = n if j < 0 else j
        else:
            j = i + 1
            while True:
                found = _SINGLE_CLOSE_MARK.search(text, j)
                if found is None:
                    j = n
                    break
                j = found.start()
                if _is_single_close(text, j):
                    break
                j += 1
        regions.append((i, min(j + 1, n)))
        i = j + 1
    # A sentence that ends in punctuation + a closing mark whose opener is not in
    # the sentence ('Horrible choice.' / Lobster!") is the end of a quote that
    # began in an earlier sentence.
    stripped = text.rstrip()
    end = len(stripped)
    if end > 1 and stripped[-1] in "\"'’" and stripped[-2] in ".!?,…":
        covered = any(s < end - 1 < e for s, e in regions if e - s > 1)
        if not covered:
            regions = [(0, end)]
    return regions


def _is_single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _LETTER.match(before) and bool(_LETTER.match(after))


def _is_single_close(text: str, j: int) -> bool:
    after = text[j + 1] if j + 1 < len(text) else " "
    before = text[j - 1] if j else " "
    return not _LETTER.match(after) and not before.isspace()


_FIRST_PERSON = frozenset(("i", "we"))
#: Indefinite pronouns are no speaker (or a hypothetical one: "anyone claiming ..."),
#: so a speech verb with one as subject reports nobody's words.
_NOT_SPEAKERS = frozenset(
    ("something", "nothing", "anything", "everything", "anyone", "anybody", "whoever")
)


def _mask_subtree(node: Token, sent: Span, mask: list[bool]) -> None:
    """Mask ``node`` and everything it governs, within ``sent``."""
    for t in node.subtree:
        if sent.start <= t.i < sent.end:
            mask[t.i - sent.start] = True


# Modals of a source's refusal: "would not say", "could not confirm", "won't comment".
_REFUSALS = frozenset({"would", "could", "will", "wo", "'d"})


def _mask_reported_speech(view: SentenceView, mask: list[bool]) -> None:
    """Also mask what a third party is reported to have said (their hedges, not ours).

    The clause under a speech verb whose subject is not I/we ("Chappatte says it is
    probably wrong", "it is probably wrong, he added") and everything after
    "according to" belong to the source. The speech verbs are part A's lexicon.
    """
    from annotator.rules.lexicons import lexicons  # read once, cached there

    speech = lexicons().speech
    attitude = _attitude_verbs()
    as_verbs = _as_verbs()
    evidence_verbs, evidence_subjects = _evidence_verbs()
    sent, tokens = view.sent, view.tokens
    lowers, _, lemmas = view.forms
    for i, pos in enumerate(view.pos):
        if pos != VERB:
            continue
        lemma = lemmas[i]
        if lemma in as_verbs:
            _mask_as_view(tokens[i], sent, mask)
        if lemma in evidence_verbs:
            _mask_finding(tokens[i], sent, mask, evidence_subjects)
        if lemma not in speech and lemma not in attitude:
            continue
        tok = tokens[i]
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and tok.dep_ == "acl" and tok.tag_ == "VBD":
            # "the president, X, announced last month that ...": a finite past verb
            # read as a reduced relative of its own subject (a misparse)
            subjects = [tok.head]
        if not subjects:
            subjects = _participle_subjects(tok)
        if not subjects or any(c.lower_ in _FIRST_PERSON for c in subjects):
            continue
        if all(c.lower_ in _NOT_SPEAKERS for c in subjects):
            continue  # "something ... estimated": a misparse, nobody is reported
        if _negated_speech(tok, subjects):
            if any(c.dep_ == "aux" and c.lower_ in _REFUSALS for c in tok.children) and not any(
                c.lower_ in ("you", "one") for c in subjects
            ):  # not the reader ("you will not read about it anywhere")
                # "The spokesperson would not say whether ...": a refusal the author
                # reports, not the author's hypothesis; the question left open is
                # the one put to the source
                for c in tok.children:
                    if (c.dep_ == "aux" and c.lower_ in _REFUSALS) or c.dep_ == "ccomp":
                        _mask_subtree(c, sent, mask)
            continue  # "X did not say", "no word is said": nothing is reported
        for child in tok.children:
            if child.dep_ == "ccomp":
                _mask_subtree(child, sent, mask)
    _mask_noun_contents(view, mask)
    if "according" not in view.words:
        return  # no token is "according" (the words hold every lower-cased form)
    for i in range(len(tokens) - 1):
        if lowers[i] == "according" and lowers[i + 1] == "to":
            for j in range(len(mask)):
                mask[j] = True
            return


@lru_cache(maxsize=1)
def _evidence_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs by which a document or piece of evidence presents a finding, and the
    nouns of such subjects: ``lexicons/opinion.json`` ``evidence_verbs``."""
    cfg = _lexicon().get("evidence_verbs", {})
    return frozenset(cfg.get("verbs", ())), frozenset(cfg.get("subjects", ()))


def _mask_finding(verb: Token, sent: Span, mask: list[bool], subjects: frozenset[str]) -> None:
    """Mask the clause of "Chart B shows that ...", "the statistics show wages fell":
    the document's finding, not the author's view."""
    # the subject's head noun, or a compound before it ("Chart B", "poll data")
    if not any(
        w.lemma_.lower() in subjects
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for w in (c, *(x for x in c.children if x.dep_ == "compound"))
    ):
        return
    for child in verb.children:
        if child.dep_ == "ccomp":
            _mask_subtree(child, sent, mask)


@lru_cache(maxsize=1)
def _content_nouns() -> frozenset[str]:
    """Nouns whose that-clause is somebody's content ("fears that ...", "the idea
    that ..."): ``lexicons/opinion.json`` ``content_nouns``."""
    return frozenset(_lexicon().get("content_nouns", {}).get("nouns", ()))


_FIRST_PERSON_POSSESSIVE = frozenset(("my", "our"))


def _mask_noun_contents(view: SentenceView, mask: list[bool]) -> None:
    """Mask the that-clause of a content noun ("out of fears that protests would turn
    violent", "the idea that firms should serve society"): the holder's view, not
    the author's. Not with a first-person possessor ("my fear that ...")."""
    nouns = _content_nouns()
    lemmas = view.forms[2]
    if nouns.isdisjoint(lemmas):
        return
    sent = view.sent
    for i, tok in enumerate(view.tokens):
        if lemmas[i] not in nouns or tok.pos_ != "NOUN":
            continue
        if any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON_POSSESSIVE for c in tok.children):
            continue
        for clause in tok.children:
            if clause.dep_ not in ("acl", "ccomp") or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                continue
            _mask_subtree(clause, sent, mask)


@lru_cache(maxsize=1)
def _as_verbs() -> frozenset[str]:
    """Verbs whose 'as' phrase is someone's view of a thing ("which he portrays as
    proof of ...", "was seen as so important"): ``lexicons/opinion.json`` ``as_verbs``."""
    return frozenset(_lexicon().get("as_verbs", {}).get("verbs", ()))


def _mask_as_view(verb: Token, sent: Span, mask: list[bool]) -> None:
    """Mask the 'as' phrase of ``verb`` when the view is someone else's: its subject is
    not I/we, or it is passive ("was seen as": an unnamed holder). With no subject at
    all ("to view resources as absolutes") the view is the author's framing."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.lower_ in _FIRST_PERSON for c in subjects):
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return  # "nobody sees it as ...", "they do not see it as ...": the author's
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            _mask_subtree(child, sent, mask)


@lru_cache(maxsize=1)
def _cue_span_families() -> tuple[str, ...]:
    return tuple(_lexicon().get("cue_spans", {}).get("families", ()))


def is_cue_rule(rule_id: str) -> bool:
    """Whether a cue of rule ``rule_id`` is a CUE span: the codebook's CUE marks
    attribution or speculation (hedges, modals, predictions, epistemic and certainty
    phrases; the credits of an "other" line), not evaluative or loaded wording, lead-ins
    or calls to action (``lexicons/opinion.json`` ``cue_spans``). The other cues still
    decide the label and are named in ``rule_ids`` and the explanation."""
    if rule_id in _cue_span_exceptions():
        return False
    return any(
        rule_id == fam or rule_id.startswith(fam + ".") for fam in _cue_span_families()
    )


@lru_cache(maxsize=1)
def _cue_span_exceptions() -> frozenset[str]:
    """Rule ids inside a CUE family whose match names the source rather than the cue
    ("Getty/" of a photo credit; ``cue_spans.except``)."""
    return frozenset(_lexicon().get("cue_spans", {}).get("except", ()))


@lru_cache(maxsize=1)
def _cue_span_not_words() -> frozenset[str]:
    """Words whose one-word hit in a CUE family still counts for the label but is not a
    CUE span: they state a necessity or a consequence ("needs 67 delegates", "this
    means", "proved decisive"), not speculation (``cue_spans.not_words``)."""
    return frozenset(_lexicon().get("cue_spans", {}).get("not_words", ()))


@lru_cache(maxsize=1)
def _attitude_verbs() -> frozenset[str]:
    """Verbs of belief and feeling ("they fear that ...", "critics believe ...") whose
    clause, like a speech verb's, holds someone else's view (``lexicons/opinion.json``
    ``attitude_verbs``)."""
    return frozenset(_lexicon().get("attitude_verbs", {}).get("verbs", ()))


def _participle_subjects(verb: Token) -> list[Token]:
    """The subject a participial speech verb shares with the clause it hangs on
    ("McCarthy was recorded ..., agreeing that Trump should resign", "DeSantis sent
    them, arguing that ..."): what follows is that subject's, not the author's."""
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "acl", "conj", "xcomp"):
        return []
    for head in verb.ancestors:  # the nearest clause with a subject
        if head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects
    return []


def _negated_speech(verb: Token, subjects: Sequence[Token]) -> bool:
    """Whether ``verb`` reports that something was *not* said ("was not disclosed",
    "no word is said"): the clause around it is then the author's, not a source's."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(d.dep_ == "det" and d.lower_ == "no" for s in subjects for d in s.children)


def _masked_tokens(
    tokens: Sequence[Token], base: int, regions: Sequence[tuple[int, int]]
) -> list[bool]:
    """Per token: does it start inside one of ``regions`` (offsets relative to ``base``)?"""
    if not regions:
        return [False] * len(tokens)
    out = []
    for tok in tokens:
        rel = tok.idx - base
        out.append(any(s <= rel < e for s, e in regions))
    return out


# --------------------------------------------------------------------------- scoring


def _noisy_or(weights: Iterable[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - max(0.0, min(1.0, w))
    return 1.0 - p


def _best_per_rule(hits: Iterable[_Hit]) -> list[_Hit]:
    """One hit per rule id and none overlapping a stronger hit's span."""
    seen: set[str] = set()
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.rule.weight, h.start)):
        if hit.rule.id in seen:
            continue
        if any(h.start < hit.end and hit.start < h.end for h in kept):
            continue
        seen.add(hit.rule.id)
        kept.append(hit)
    return kept


def _rule_family(rule_id: str) -> str:
    return ".".join(rule_id.split(".")[:2])


def _score(hits: Sequence[_Hit], *, weak_factor: float = 1.0) -> float:
    # Several hits of one family (three intensifiers) say less than hits of three
    # families (hedge + loaded word + normative), so repeats in a family decay.
    # ``weak_factor`` scales the cues too weak to decide alone (``_FIGURES_WEAK``).
    by_family: dict[str, list[float]] = {}
    for h in hits:
        w = h.rule.weight
        if w < _FIGURES_WEAK:
            w *= weak_factor
        by_family.setdefault(_rule_family(h.rule.id), []).append(w)
    weights: list[float] = []
    for ws in by_family.values():
        ws.sort(reverse=True)
        weights.extend(w * (0.5**k) for k, w in enumerate(ws))
    return round(_noisy_or(weights), 4)


#: A sentence that reports figures (amounts, percentages, years, counts) is a
#: checkable account; the weak cues around figures ("only 4%", "still 10 days",
#: "even in 2019", "more than $5m") measure or narrate more than they judge, so
#: there the cues too weak to decide alone (below ``_FIGURES_WEAK``) count
#: ``_FIGURES_FACTOR`` of their weight. Measured on CheckThat! train and dev and
#: on the seeds: fewer false opinions on all three.
_FIGURES_WEAK = 0.5
_FIGURES_FACTOR = 0.5
#: Counts written out in words ("two ferries", "three of the nine depots",
#: "thousands of jobs": CARDINAL) are figures as much as digits are (CheckThat! train
#: .7487 -> .7532, dev .7830 -> .7808; PolNeAR dev/train unchanged).
_FIGURE_ENTS = frozenset(("PERCENT", "MONEY", "QUANTITY", "CARDINAL"))
#: "one" is mostly a pronoun ("one of the biggest challenges", "any one person"), not
#: a count.
_NOT_COUNTS = frozenset(("one",))
_DIGIT = re.compile(r"[0-9]")


def _has_figures(view: SentenceView) -> bool:
    """Whether the sentence, outside quotation marks, states a figure: a token with
    a digit, or an amount, percentage, quantity or count entity ("half", "a third",
    "two")."""
    # A token's text is part of the sentence's: no digit there, none in any token.
    digits = _DIGIT.search(view.text) is not None
    for tok, quoted in zip(view.tokens, view.quoted, strict=True):
        if quoted:
            continue
        if digits and _DIGIT.search(tok.text):
            return True
        # ``ent_type`` is 0 outside entities: the label's string only for entity tokens
        if tok.ent_type and tok.ent_type_ in _FIGURE_ENTS and tok.lower_ not in _NOT_COUNTS:
            return True
    return False


def _is_verb(tok: Token) -> bool:
    return tok.pos in (VERB, AUX)  # int POS: no string lookup


@lru_cache(maxsize=1)
def _mention_nouns() -> frozenset[str]:
    """Nouns after which quotation marks mention a word ("the word 'X'", "the slogan
    'X'"): ``lexicons/opinion.json`` ``mention_nouns``."""
    return frozenset(_lexicon().get("mention_nouns", {}).get("nouns", ()))


_ABBREVIATION = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9.&-]*[A-Z0-9]s?\s*\)")


def _scare_quote_hits(
    view: SentenceView, rule: _Rule, *, reported: Sequence[bool] = ()
) -> list[_Hit]:
    """Short quoted phrases without a verb (codebook rule 3). ``reported``: per token,
    whether it is in a third party's reported words (``_mask_reported_speech``)."""
    hits = []
    base = view.sent.start_char
    text = view.text
    tokens = view.tokens
    off = view.sent.start
    for s, e in view.regions:
        inner = text[s + 1 : e - 1].strip() if e - s >= 2 else ""
        if not inner or s == 0 and e == len(text):
            continue
        words = [t for t in tokens if s < t.idx - base < e - 1 and not t.is_punct]
        if not 1 <= len(words) <= 4 or any(_is_verb(t) for t in words):
            continue
        if len(words) > 1 and all(t.pos_ == "PROPN" for t in words):
            continue  # a quoted title or name, not irony
        if reported and all(reported[t.i - off] for t in words):
            continue  # inside someone's reported words ("warned that X is 'a disaster'")
        before = [t for t in tokens if t.idx - base < s and not t.is_punct]
        if before and before[-1].lemma_.lower() in _mention_nouns():
            continue  # the word mentioned, not used: "the word 'X'", "the slogan 'X'"
        if _ABBREVIATION.match(text, e):
            continue  # a term introduced with its abbreviation: "'fair trade rules' (FTR)"
        if (
            any(t.lemma_.lower() in _QUOTING_VERBS for t in before[-4:])
            or (before and before[-1].lower_ == "as")
            or any(a.lemma_.lower() in _QUOTING_VERBS for a in words[0].ancestors)
        ):
            continue  # "called it “absurd”", "said it was ‘a flop’": a speaker's words (rule 2)
        hits.append(_Hit(rule, base + s, base + e, text[s:e]))
    return hits


# Verbs that introduce a speaker's own words, so a short quote after them is a
# partial quote (codebook rule 2), not the author's scare quotes.
_QUOTING_VERBS = frozenset(
    (
        "say",
        "call",
        "describe",
        "term",
        "dub",
        "label",
        "brand",
        "admit",
        "warn",
        "promise",
        "vow",
        "deny",
        "insist",
        "tell",
        "write",
        "tweet",
        "add",
        "claim",
        "allege",
        "announce",
        "declare",
        "pledge",
        "praise",
        "slam",
    )
)
_SCARE = _Rule("opinion.scare_quotes", 0.35, "scare quotes around {text}")
_RHETORICAL = _Rule("opinion.question.rhetorical", 0.8, "rhetorical question ('{text}')")
_RHETORICAL_OPENERS = (
    ("is", "not"),
    ("are", "not"),
    ("was", "not"),
    ("were", "not"),
    ("do", "not"),
    ("does", "not"),
    ("did", "not"),
    ("can", "not"),
    ("could", "not"),
    ("should", "not"),
    ("would", "not"),
    ("will", "not"),
    ("have", "not"),
    ("has", "not"),
    ("is", "it", "any"),
    ("why", "would"),
    ("why", "should"),
    ("who", "would"),
    ("who", "could"),
    ("who", "can"),
    ("how", "can"),
    ("how", "could"),
    ("how", "dare"),
    ("what", "could"),
    ("could", "it", "be"),
    ("or", "is"),
    ("or", "was"),
    ("or", "did"),
    ("and", "who"),
    ("what", "else"),
    ("who", "cares"),
    ("so", "what"),
    ("really",),
    ("seriously",),
    ("or", "not"),
    # Exasperation and mock wonder plant the answer.
    ("why", "on", "earth"),
    ("what", "on", "earth"),
    ("how", "on", "earth"),
    ("who", "needs"),
    ("what", "kind", "of"),
    ("what", "sort", "of"),
    ("how", "many", "more"),
    # "Surely ...?" and "Does anyone ...?" expect one answer: they lead.
    ("surely",),
    ("does", "anyone"),
    ("is", "anyone"),
    ("can", "anyone"),
    ("do", "we", "really"),
    ("are", "we", "really"),
    # "Is it really in India's interest to ...?": doubt the author plants
    ("is", "it", "really"),
    ("is", "this", "really"),
    ("is", "that", "really"),
    ("was", "it", "really"),
    # "Is this what victory looks like?": the author holds up a result for judgment.
    ("is", "this", "what"),
    ("is", "that", "what"),
    ("was", "this", "what"),
    ("was", "that", "what"),
    # Openers that presuppose the answer: "Why else would ...?", "Since when does X
    # care ...?", "Who in their right mind ...?", "Need we say more?", "What is the
    # point of ...?", "Why is nobody talking about ...?", "How much longer ...?"
    ("why", "else"),
    ("since", "when"),
    ("who", "in", "their"),
    ("who", "in", "his"),
    ("need", "we"),
    ("need", "i"),
    ("what", "is", "the", "point"),
    ("what", "'s", "the", "point"),
    ("what", "was", "the", "point"),
    ("why", "is", "nobody"),
    ("why", "is", "no", "one"),
    ("why", "does", "nobody"),
    ("why", "did", "nobody"),
    ("why", "has", "nobody"),
    ("how", "much", "longer"),
    ("how", "many", "times"),
    # A one-word sarcastic question: "Coincidence?"
    ("coincidence",),
    # "Guess what?": the author teases an answer they hold.
    ("guess", "what"),
    ("and", "guess", "what"),
)
#: Inside any question, "any different / better / worse" as a predicate compares to
#: plant the answer ("How is this any different from what Russia is accused of?");
#: not as a noun's modifier ("Is there any better hotel?").
_RHETORICAL_ANY = frozenset(("different", "better", "worse"))
#: Adverbs of "always or never" that make a why-question presuppose its claim; so do
#: "everyone"/"nobody" ("Why does everyone keep pretending this is just X?": that all
#: do it is the author's claim).
_RHETORICAL_ALWAYS = frozenset(
    ("never", "always", "constantly", "continually", "everyone", "everybody", "nobody")
)
#: A yes/no question put to everyone or to every case ("Must every announcement come
#: with a cheque attached?", "Does anyone still believe the figures?", "Is anybody
#: surprised?") plants the answer no or yes for all: the author's claim. Not "all"
#: ("Are all the passengers safe?" asks), nor a wh-question ("Who else was there?").
_RHETORICAL_ALL_OF = frozenset(("every", "everyone", "everybody", "anyone", "anybody"))


def _content_indices(view: SentenceView) -> list[int]:
    """Positions of the tokens that are not punctuation, space or markup (a text in
    "*#_"). The lower-cased form is tested, not ``Token.text`` (a string lookup per
    token): those marks have no case, so it is in "*#_" exactly when the text is."""
    lowers = view.forms[0]
    return [
        i
        for i, t in enumerate(view.tokens)
        if not (t.is_punct or t.is_space or lowers[i] in "*#_")
    ]


def _question_mark_outside_quotes(tokens: Sequence[Token], mask: Sequence[bool]) -> bool:
    return any(t.text == "?" and not m for t, m in zip(tokens, mask, strict=True))


def _rhetorical_question(view: SentenceView, mask: Sequence[bool]) -> _Hit | None:
    # No "?" in the text, no "?" token: skip the token scan.
    if "?" not in view.text or not _question_mark_outside_quotes(view.tokens, mask):
        return None
    words = [t for t, m in zip(view.tokens, mask, strict=True) if not m and not t.is_punct]
    norms = [t.norm_ for t in words[:4]]
    for opener in _RHETORICAL_OPENERS:
        if tuple(norms[: len(opener)]) == opener:
            first, last = words[0], words[len(opener) - 1]
            return _Hit(
                _RHETORICAL,
                first.idx,
                last.idx + len(last.text),
                view.sent.doc[first.i : last.i + 1].text,
            )
    for a, b in zip(words, words[1:], strict=False):
        if a.norm_ == "any" and b.lower_ in _RHETORICAL_ANY and b.dep_ != "amod":
            return _Hit(_RHETORICAL, a.idx, b.idx + len(b.text), f"{a.text} {b.text}")
    # "Why does the BBC never report this?", "Why do they always ...?": a why-question
    # about what always or never happens presupposes it (the author's claim).
    if words and words[0].norm_ == "why":
        for t in words[1:6]:
            if t.norm_ in _RHETORICAL_ALWAYS:
                span = view.sent.doc[words[0].i : t.i + 1]
                return _Hit(_RHETORICAL, words[0].idx, t.idx + len(t.text), span.text)
    # Present or modal only: "Did everyone get a ticket?" mostly asks what happened.
    # Not when the author answers it in the same paragraph ("Will anyone be held
    # responsible? Don't count on it.": rule 13, other).
    if words and words[0].tag_ in ("VBZ", "VBP", "MD") and not _answered_at_once(view.sent):
        for t in words[1:3]:
            if t.norm_ in _RHETORICAL_ALL_OF:
                span = view.sent.doc[words[0].i : t.i + 1]
                return _Hit(_RHETORICAL, words[0].idx, t.idx + len(t.text), span.text)
    # A negated yes/no question ("Does this not show ...?") plants its answer.
    if (
        words
        and words[0].tag_ in ("VBZ", "VBP", "VBD", "MD")
        and any(t.norm_ == "not" for t in words[:4])
    ):
        return _Hit(_RHETORICAL, words[0].idx, words[0].idx + len(words[0].text), words[0].text)
    return None


# --------------------------------------------------------------------------- opinion


def _adjective_bases(adverb: str) -> list[str]:
    """Adjectives an ``-ly`` adverb may be derived from, most regular first.

    English derives these regularly: bold -> boldly, true -> truly, laughable ->
    laughably, gentle -> gently, happy -> happily, basic -> basically (critical ->
    critically is the plain case).
    """
    stem = adverb[:-2]
    candidates = [stem, adverb[:-3] + "e", adverb[:-1] + "e"]
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")
    if adverb.endswith("ally"):
        candidates.append(adverb[:-4])
    return candidates


def _adverb_base_value(adverb: str, subj: dict[str, float]) -> float | None:
    """Subjectivity of the adjective an ``-ly`` adverb is derived from: the first
    base (``_adjective_bases``) found in the lexicon counts."""
    for form in _adjective_bases(adverb):
        value = subj.get(form)
        if value is not None:
            return value
    return None


def _counted_object(verb: Token) -> bool:
    """Whether ``verb``'s direct object is counted ("needs 412 more votes", "needed
    half of the votes", "needs 53 percent")."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        if obj.like_num or any(c.dep_ == "nummod" or c.like_num for c in obj.children):
            return True
    return False


def _mental_state_hits(view: SentenceView, mask: Sequence[bool], m: _Matchers) -> list[_Hit]:
    """The author says what someone else knows, needs, hopes or wants ("They needed
    headlines", "Putin hopes to use this as a bridge"): with no source, that is the
    author's inference about a mind. First and second person are excluded (the
    author's own state, or the reader's); a reported clause is masked already.
    """
    hits = []
    lowers, _, lemmas = view.forms
    for i, pos in enumerate(view.pos):
        if pos != VERB or mask[i]:
            continue
        tok = view.tokens[i]
        # The form too: the lemmatizer reads "hopes" as "hop".
        if lemmas[i] not in m.mind_verbs and lowers[i] not in m.mind_verbs:
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in m.mind_skip_subjects:
            continue
        if lemmas[i] in m.mind_counted and _counted_object(tok):
            continue  # "she needs 412 more votes": arithmetic, not a state of mind
        hits.append(_Hit(m.mind_rule, tok.idx, tok.idx + len(tok.text), tok.text))
    return hits


@lru_cache(maxsize=1)
def _forecast_config() -> tuple[_Rule, frozenset[str], frozenset[str], frozenset[str]] | None:
    cfg = _lexicon().get("forecast")
    if not cfg:
        return None
    rule = _Rule(str(cfg["id"]), float(cfg["weight"]), str(cfg["reason"]))
    return (
        rule,
        frozenset(cfg.get("modals", ())),
        frozenset(cfg.get("outcome_verbs", ())),
        frozenset(cfg.get("skip_subjects", ())),
    )


#: Entity labels that date a future event ("on Tuesday", "in January", "next year").
_DATED = frozenset(("DATE", "TIME", "EVENT"))


def _forecast_hits(view: SentenceView, mask: Sequence[bool]) -> list[_Hit]:
    """'will' + a verb of winning, losing or paying, in a sentence with no date, time or
    figure ("Russia will win this war", "Europe will pay a heavy price", "Washington
    will come to regret it"): the author's forecast of an outcome (``lexicons/opinion.json``
    ``forecast``). Calendar futures ("will win the vote on Tuesday") and figures ("will
    lose 3 percent") are left to the weak opinion.prediction.will cue."""
    cfg = _forecast_config()
    if cfg is None:
        return []
    rule, modals, outcomes, skip_subjects = cfg
    lowers = view.forms[0]
    if modals.isdisjoint(lowers):
        return []
    tokens = view.tokens
    if any(t.ent_type_ in _DATED for t, m in zip(tokens, mask, strict=True) if not m):
        return []
    if _has_figures(view):
        return []  # "The plant will produce 300,000 tonnes a year": a plan in figures
    for i, tok in enumerate(tokens):
        if mask[i] or lowers[i] not in modals or tok.tag_ != "MD":
            continue
        verb = tok.head
        if verb.i == tok.i:
            continue
        if verb.lemma_.lower() == "come" and any(c.dep_ == "xcomp" for c in verb.children):
            verb = next(c for c in verb.children if c.dep_ == "xcomp")  # "come to regret"
        if verb.lemma_.lower() not in outcomes:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if any(c.lower_ in skip_subjects for c in subjects):
            continue
        return [_Hit(rule, tok.idx, verb.idx + len(verb.text), f"{tok.text} ... {verb.text}")]
    return []


@lru_cache(maxsize=1)
def _generalisation_config() -> (
    tuple[_Rule, frozenset[str], frozenset[str], frozenset[str], frozenset[str]] | None
):
    cfg = _lexicon().get("generalisation")
    if not cfg:
        return None
    rule = _Rule(str(cfg["id"]), float(cfg["weight"]), str(cfg["reason"]))
    return (
        rule,
        frozenset(cfg.get("determiners", ())),
        frozenset(cfg.get("pronouns", ())),
        frozenset(cfg.get("modals", ())),
        frozenset(cfg.get("ability_modals", ())),
    )


def _quantified(subject: Token, determiners: frozenset[str], pronouns: frozenset[str]) -> bool:
    """Whether ``subject`` ranges over everyone or no one: "nobody", "everything", a
    noun under "no"/"every"/"any" ("no government"), or "no one"."""
    lower = subject.lower_
    if lower in pronouns:
        return True
    return any(c.dep_ == "det" and c.lower_ in determiners for c in subject.children) or (
        lower == "one" and any(c.lower_ == "no" for c in subject.children)
    )


def _generalisation_hits(view: SentenceView, mask: Sequence[bool]) -> list[_Hit]:
    """A main clause with a quantified (active) subject in the timeless present or
    under a modal ("No government ever gives up power", "Nobody can fix this"):
    the author generalises (``lexicons/opinion.json`` ``generalisation``). Past and
    perfect tenses report events, passives and "will" state rules and plans,
    questions ask, figures count: skipped."""
    from annotator.rules.lexicons import lexicons  # read once, cached there

    cfg = _generalisation_config()
    if cfg is None:
        return []
    rule, determiners, pronouns, modals, ability = cfg
    lowers = view.forms[0]
    if pronouns.isdisjoint(lowers) and determiners.isdisjoint(lowers):
        return []
    tokens = view.tokens
    for i, tok in enumerate(tokens):
        if mask[i] or tok.dep_ != "nsubj":
            continue  # a passive subject states a rule: "No exceptions can be made"
        verb = tok.head
        if verb.dep_ != "ROOT" or not _quantified(tok, determiners, pronouns):
            continue
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        modal = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
        if auxes:
            if modal not in modals:
                continue  # "has been used", "was injured", "is trying"
        elif verb.tag_ not in ("VBZ", "VBP"):
            continue  # past tense: a report of what happened
        if modal not in ability and verb.lemma_.lower() in lexicons().speech:
            continue  # "No one would comment", "Everyone says ...": a report of speech
        if "?" in view.text and _question_mark_outside_quotes(tokens, mask):
            return []
        if _has_figures(view):
            return []
        first, last = (tok, verb) if tok.i < verb.i else (verb, tok)
        return [_Hit(rule, first.idx, last.idx + len(last.text), f"{first.text} ... {last.text}")]
    return []


def _one_word_entries(class_ids: Iterable[str]) -> dict[str, tuple[str, float, str]]:
    """One-word entries of the lexicon classes ``class_ids`` -> (class id, weight,
    reason); the first class listing a word keeps it."""
    wanted = set(class_ids)
    out: dict[str, tuple[str, float, str]] = {}
    for cls in _lexicon()["classes"]:
        if cls["id"] not in wanted:
            continue
        for phrase in cls["phrases"]:
            if " " not in phrase:
                out.setdefault(phrase, (cls["id"], float(cls["weight"]), str(cls["reason"])))
    return out


@lru_cache(maxsize=1)
def _adverb_bases() -> dict[str, tuple[str, float, str]]:
    """Entries of the ``derived_adverbs`` classes, so that "callously" counts as
    "callous" does."""
    return _one_word_entries(_lexicon().get("derived_adverbs", {}).get("classes", ()))


@lru_cache(maxsize=1)
def _lemma_entries() -> dict[str, tuple[str, float, str]]:
    """Entries of the ``lemma_match`` classes: the lexicons list some inflections,
    the lemma catches the rest."""
    return _one_word_entries(_lexicon().get("lemma_match", {}).get("classes", ()))


def _class_hit(m: _Matchers, entry: tuple[str, float, str], word: str, tok: Token) -> _Hit:
    """A hit on ``tok`` for a lexicon class ``entry`` (id, weight, reason); the rule
    id names the word ("opinion.loaded.smear"), made once and kept in ``m.rules``."""
    cls_id, weight, reason = entry
    rid = f"{cls_id}.{_slug(word)}"
    rule = m.rules.get(rid) or m.rules.setdefault(rid, _Rule(rid, weight, reason))
    return _Hit(rule, tok.idx, tok.idx + len(tok.text), tok.text)


def _lemma_hits(view: SentenceView, mask: Sequence[bool], m: _Matchers) -> list[_Hit]:
    """A verb (or gerund) whose lemma is a one-word entry of a ``lemma_match`` class
    ("smearing", "whitewashes"); the listed forms are found by the PhraseMatcher too,
    and overlapping hits are merged later."""
    entries = _lemma_entries()
    if not entries:
        return []
    hits = []
    lemmas, tokens = view.forms[2], view.tokens
    for i, pos in enumerate(view.pos):
        if mask[i] or not (pos == VERB or tokens[i].tag == m.vbg):
            continue
        tok = tokens[i]
        entry = entries.get(lemmas[i])
        if entry is None:
            continue
        if _neutral_sense(view, i):
            continue  # "the town boasts a museum": the word senses apply to lemmas too
        hits.append(_class_hit(m, entry, lemmas[i], tok))
    return hits


#: Idiom words that match any one token, and the article that also matches "an".
_IDIOM_SLOT = "*"
_IDIOM_SHORT_WORDS = frozenset(("a", "an", "the", "*", "'s", "of", "in", "on", "to", "be"))


@dataclass(frozen=True)
class _Idiom:
    words: tuple[str, ...]
    rule: _Rule
    needs: frozenset[str]  # its words but the slot and "a" (which also matches "an")


@lru_cache(maxsize=1)
def _idioms() -> dict[str, tuple[_Idiom, ...]]:
    """``lexicons/idioms_en.json``: each idiom under its longest word, which a
    sentence must contain for the idiom to be looked for (``_idiom_hits``)."""
    data = json.loads(IDIOMS_PATH.read_text(encoding="utf-8"))
    tok = _phrase_tokenizer()
    weight, reason = float(data["weight"]), str(data["reason"])
    out: dict[str, list[_Idiom]] = {}
    for entry in data["idioms"]:
        words = tuple(t.norm_.lower() for t in tok(entry))
        rule = _Rule(f"{data['id']}.{_slug(entry)}", weight, reason)
        key = max((w for w in words if w not in _IDIOM_SHORT_WORDS), key=len)
        needs = frozenset(words).difference((_IDIOM_SLOT, "a"))
        out.setdefault(key, []).append(_Idiom(words, rule, needs))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _idiom_keys() -> frozenset[str]:
    return frozenset(_idioms())


def _idiom_word_at(view: SentenceView, j: int, word: str) -> bool:
    lowers, norms, lemmas = view.forms
    if word == _IDIOM_SLOT:
        return True
    if word == "a":
        return lowers[j] in ("a", "an")
    return word in (lowers[j], norms[j], lemmas[j])


def _idiom_end(view: SentenceView, i: int, words: Sequence[str]) -> int | None:
    """The end of a match of ``words`` starting at token ``i``, or None. One adverb may
    stand between two words of the idiom ("the cat was well out of the bag", "has
    quickly gone out of the window"), never before its first word."""
    n, pos = len(view.tokens), view.pos
    j = i
    skipped = False
    for k, word in enumerate(words):
        if j >= n:
            return None
        if not _idiom_word_at(view, j, word):
            if k == 0 or skipped or pos[j] != ADV or j + 1 >= n:
                return None
            skipped = True
            j += 1
            if not _idiom_word_at(view, j, word):
                return None
        j += 1
    return j


def _idiom_hits(view: SentenceView, mask: Sequence[bool]) -> list[_Hit]:
    """Evaluative idioms ("spread like wildfire", "threw them under the bus"): each
    word matches a token's form or lemma, so any inflection of the verb counts."""
    words = view.words
    keys = words & _idiom_keys()
    if not keys:
        return []
    index = _idioms()
    hits = []
    tokens, n = view.tokens, len(view.tokens)
    # sorted: a set's order follows the process's string hashes, and when two idioms
    # match ("empty promise", "empty promises") the first hit names the rule
    for key in sorted(keys):
        for idiom in index[key]:
            if not idiom.needs <= words:
                continue
            for i in range(n - len(idiom.words) + 1):
                end = _idiom_end(view, i, idiom.words)
                if end is None:
                    continue
                if any(mask[i:end]) or _inside_name(tokens[i:end], i == 0):
                    continue
                last = tokens[end - 1]
                start, stop = tokens[i].idx, last.idx + len(last)
                # the sentence's own text (``doc.text`` would join every token of the doc)
                base = view.sent.start_char
                hits.append(_Hit(idiom.rule, start, stop, view.text[start - base : stop - base]))
                break  # one hit per idiom (``_best_per_rule`` keeps one anyway)
    return hits


def _derived_adverb_hits(view: SentenceView, mask: Sequence[bool], m: _Matchers) -> list[_Hit]:
    """An ``-ly`` adverb built on a judging adjective ("callously", "egregiously",
    "absurdly") carries the adjective's judgment; the lexicons list adjectives, so
    the adverb is derived here (``_adjective_bases``)."""
    bases = _adverb_bases()
    if not bases:
        return []
    hits = []
    lowers = view.forms[0]
    for i, pos in enumerate(view.pos):
        if pos != ADV or mask[i] or not lowers[i].endswith("ly"):
            continue
        tok = view.tokens[i]
        adverb = lowers[i]
        for form in _adjective_bases(adverb):
            entry = bases.get(form)
            if entry is None:
                continue
            hits.append(_class_hit(m, entry, adverb, tok))
            break
    return hits


def _ends_in_compound(tokens: Sequence[Token], end: int) -> bool:
    """Whether a lexicon phrase of several words ending before ``tokens[end]`` ends
    inside a hyphenated word: "by far" in "marred by far-right violence", "at least" in
    "at least-cost": the last word belongs to the compound, not to the phrase."""
    if end + 1 >= len(tokens) or tokens[end - 1].whitespace_:
        return False
    hyphen = tokens[end]
    return hyphen.text == "-" and not hyphen.whitespace_ and tokens[end + 1].is_alpha


def _inside_name(tokens: Sequence[Token], at_start: bool) -> bool:
    """A matched word (its ``tokens``) that is part of a capitalised name or title
    ("The Servile State", "Good Friday", "Great Lakes") names something; it does not
    judge. Not at the sentence start (``at_start``), where every word is capitalised."""
    if at_start:
        return False
    return all(t.pos == PROPN and t.is_title for t in tokens)


@dataclass(frozen=True)
class _Sense:
    """A use of a loaded word that judges nothing (``lexicons/opinion.json``
    ``word_senses``): every condition given must hold."""

    pos: frozenset[str] = frozenset()
    dep: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    prev: frozenset[str] = frozenset()
    next_number: frozenset[str] = frozenset()
    # also for the last word of a phrase hit ("the real" of "the real estate")
    in_phrases: bool = False


@lru_cache(maxsize=1)
def _word_senses() -> dict[str, tuple[_Sense, ...]]:
    out: dict[str, list[_Sense]] = {}
    for entry in _lexicon().get("word_senses", {}).get("entries", ()):
        pos, dep, nxt, prev, next_number = (
            frozenset(entry.get(k, ())) for k in ("pos", "dep", "next", "prev", "next_number")
        )
        sense = _Sense(
            pos, dep, nxt, prev, next_number, in_phrases=bool(entry.get("in_phrases", False))
        )
        for word in entry["words"]:
            out.setdefault(word, []).append(sense)
    return {w: tuple(v) for w, v in out.items()}


def _neutral_sense(view: SentenceView, i: int, *, in_phrase: bool = False) -> bool:
    """Whether token ``i``, a one-word opinion hit, is used in a sense that judges
    nothing ("The town lies on a road", "the establishment of a zone", "elite units",
    "the sanctions regime", "failed to agree"). ``in_phrase``: token ``i`` ends a phrase
    hit; only senses marked ``in_phrases`` apply ("the real estate")."""
    lowers = view.forms[0]
    senses = _word_senses().get(lowers[i])
    if not senses:
        return False
    tok = view.tokens[i]
    n = len(lowers)
    for sense in senses:
        if in_phrase and not sense.in_phrases:
            continue
        if sense.pos and tok.pos_ not in sense.pos:
            continue
        if sense.dep and tok.dep_ not in sense.dep:
            continue
        if sense.next and (i + 1 >= n or lowers[i + 1] not in sense.next):
            continue
        if sense.prev and (i == 0 or lowers[i - 1] not in sense.prev):
            continue
        if sense.next_number and not (
            i + 2 < n and lowers[i + 1] in sense.next_number and view.tokens[i + 2].like_num
        ):
            continue
        return True
    return False


def opinion_hits(sent: Span, *, view: SentenceView | None = None) -> list[_Hit]:
    """Every opinion cue in ``sent`` outside quotation marks (one per rule id)."""
    view = view or sentence_view(sent)
    m = _matchers(sent.doc.vocab)
    reported = [False] * len(view.tokens)
    _mask_reported_speech(view, reported)
    mask = [q or r for q, r in zip(view.quoted, reported, strict=True)]
    off = sent.start
    hits: list[_Hit] = []
    phrases = m.phrases(sent, as_spans=True)
    spans = [*phrases, *_sentence_matches(view, m)["opinion"]]
    for k, span in enumerate(spans):
        if any(mask[span.start - off : span.end - off]):
            continue
        if _inside_name(view.tokens[span.start - off : span.end - off], span.start == off):
            continue
        if span.end - span.start == 1 and _neutral_sense(view, span.start - off):
            continue
        if (
            k < len(phrases)
            and span.end - span.start > 1
            and _ends_in_compound(view.tokens, span.end - off)
        ):
            continue  # a lexicon phrase whose last word is half of a compound
        if span.end - span.start > 1 and _neutral_sense(
            view, span.end - off - 1, in_phrase=True
        ):
            continue  # a phrase whose last word is used in a neutral sense: "the real estate"
        rule = m.rules[span.label_]
        if rule.focus is not None:
            span = span[rule.focus : rule.focus + 1]
        hits.append(_Hit(rule, span.start_char, span.end_char, span.text))
    subj = _subjectivity()
    lowers, _, lemmas = view.forms
    subj_pos, val_pos = m.subj_pos_ids, m.val_tier_ids
    senses = _word_senses()
    tokens = view.tokens
    for i, pos in enumerate(view.pos):
        if mask[i] or (pos not in val_pos and pos not in subj_pos):
            continue  # masked, or neither cue reads this part of speech
        tok = tokens[i]
        if tok.ent_type:  # 0 outside entities (``ent_type_`` "")
            continue
        lower = lowers[i]
        if lower in senses and _neutral_sense(view, i):
            continue  # "natural gas": a kind of thing, no evaluation
        # Valence first: on a tie with the subjectivity cue it is the one kept.
        val_rule = m.valence_rule(pos, tok.tag, lower, lemmas[i])
        if val_rule is not None and val_rule.weight < m.val_predicative and _predicative(tok):
            val_rule = m.predicative_rule(val_rule)
        if val_rule is not None:
            hits.append(_Hit(val_rule, tok.idx, tok.idx + len(tok.text), tok.text))
        if pos in subj_pos:
            value = subj.get(lower)
            if value is None and pos == ADV and lower.endswith("ly"):
                value = _adverb_base_value(lower, subj)
            if value is not None and value >= m.subj_min:
                hits.append(_Hit(m.subj_rule, tok.idx, tok.idx + len(tok.text), tok.text))
    hits.extend(_mental_state_hits(view, mask, m))
    hits.extend(_forecast_hits(view, mask))
    hits.extend(_generalisation_hits(view, mask))
    hits.extend(_derived_adverb_hits(view, mask, m))
    hits.extend(_lemma_hits(view, mask, m))
    hits.extend(_idiom_hits(view, mask))
    hits.extend(_scare_quote_hits(view, _SCARE, reported=reported))
    rq = _rhetorical_question(view, mask)
    if rq is not None:
        hits.append(rq)
    # A question that plants no answer asks; its modal predicts nothing ("Will they
    # work?", "What will happen when ...?").
    asks = rq is None and "?" in view.text and _question_mark_outside_quotes(view.tokens, mask)
    return _best_per_rule(_outside_embedded_questions(view, hits, question=asks))


@lru_cache(maxsize=1)
def _embedded_question_config() -> tuple[tuple[str, ...], frozenset[str]]:
    cfg = _lexicon().get("embedded_question", {})
    return tuple(cfg.get("families", ())), frozenset(cfg.get("markers", ()))


#: Tags of wh-words ("what", "how", "which", "whose", "when").
_WH_TAGS = frozenset(("WDT", "WP", "WP$", "WRB"))
#: A complement clause that a wh-word opens is an embedded question. Not a relative
#: clause ("power that could infect" is the author's) nor a clausal subject ("What he
#: should have said is that ...": a pseudo-cleft, the author's verdict on what was
#: said); adverbial clauses and clausal subjects count only with "if"/"whether".
_EMBEDDED_DEPS = frozenset(("ccomp", "pcomp"))


def _in_embedded_question(tok: Token, markers: frozenset[str]) -> bool:
    """Whether ``tok`` (a modal, or the verb a modal cue starts on) belongs to the
    verb of an embedded question or condition: a complement or adverbial clause that
    opens with a wh-word or one of ``markers`` ("whether", "if")."""
    verb = _modal_verb(tok)
    first = verb.left_edge  # the clause opens with its wh-word or marker
    if first.i >= tok.i:
        return False
    if verb.dep_ in ("csubj", "advcl"):
        # "Whether pensions would be cheaper is a question ...", "if it should
        # continue": a condition or a question. Not "when"/"where": "They fought the
        # bill when they should have backed it" is the author's verdict.
        return first.lower_ in markers
    if verb.dep_ not in _EMBEDDED_DEPS:
        return False
    return (first.tag_ in _WH_TAGS and first.lower_ != "that") or first.lower_ in markers


def _modal_verb(tok: Token) -> Token:
    """The verb a modal cue belongs to: its head for an auxiliary, else itself."""
    return tok.head if tok.dep_ in ("aux", "auxpass", "neg") else tok


def _predicative(tok: Token) -> bool:
    """Whether ``tok`` is the predicate of the sentence's main copula, or a modifier of
    its predicate noun: "These forces are thoughtless", "It's an impressive feat"."""
    head = tok.head
    if tok.dep_ == "amod" and head.dep_ == "attr":
        head = head.head
    elif tok.dep_ not in ("acomp", "attr"):
        return False
    return head.dep_ == "ROOT" and (head.lemma_.lower() in _COPULAS or head.norm_ == "'s")


#: Verbs that link a subject to a verdict on it ("’s" is lemmatised as "’": its norm
#: is checked instead).
_COPULAS = frozenset(("be", "seem", "remain", "look", "sound"))


def _outside_embedded_questions(
    view: SentenceView, hits: list[_Hit], *, question: bool = False
) -> list[_Hit]:
    """``hits`` without the modal cues of an embedded question or condition
    ("deciding what should be developed", "whether a recession will happen", "if it
    should continue"): the author names a question there, asserts nothing
    (``lexicons/opinion.json`` ``embedded_question``). In a ``question`` that plants
    no answer, the modal of the main verb goes too ("Will they work?")."""
    families, markers = _embedded_question_config()
    if not families or not any(h.rule.id.startswith(families) for h in hits):
        return hits
    at = {t.idx: t for t in view.tokens}
    kept = []
    for h in hits:
        tok = at.get(h.start)
        if (
            tok is not None
            and h.rule.id.startswith(families)
            and (
                _in_embedded_question(tok, markers)
                or (question and _modal_verb(tok).dep_ == "ROOT")
            )
        ):
            continue
        kept.append(h)
    return kept


def opinion_evidence(
    sent: Span, *, min_score: float = OPINION_THRESHOLD, view: SentenceView | None = None
) -> OpinionEvidence | None:
    """Evidence that ``sent`` is the author's opinion, or None.

    ``score`` combines the cue weights by noisy-or (capped at ``OPINION_MAX``);
    evidence scoring below ``min_score`` is returned as None, so a single weak cue
    ("but", "would") does not make a checkable claim an opinion. Cues inside
    quotation marks are ignored (they are the speaker's, not the author's).
    """
    hits = opinion_hits(sent, view=view)
    if not hits:
        return None
    hits.sort(key=lambda h: -h.rule.weight)
    score = min(OPINION_MAX, _score(hits))
    if score < min_score:
        return None
    if any(h.rule.weight < _FIGURES_WEAK for h in hits):
        view = view or sentence_view(sent)
        if _has_figures(view):
            score = min(OPINION_MAX, _score(hits, weak_factor=_FIGURES_FACTOR))
            if score < min_score:
                return None
    not_cues = _cue_span_not_words()
    cues = tuple(
        DocSpan("CUE", h.start, h.end)
        for h in sorted(hits, key=lambda h: h.start)
        if is_cue_rule(h.rule.id) and h.text.lower() not in not_cues
    )
    reason = hits[0].reason
    if len(hits) > 1:
        reason += f" (+{len(hits) - 1} more cue{'s' if len(hits) > 2 else ''})"
    return OpinionEvidence(score, cues, tuple(h.rule.id for h in hits), reason)


# --------------------------------------------------------------------------- other

_HEADING = _Rule("other.heading", 0.95, "heading")
_FRAGMENT_TITLE = _Rule("other.fragment.title", 0.8, "title-like line with no verb")
_FRAGMENT = _Rule("other.fragment", 0.55, "fragment with no verb")
_QUESTION_ANSWERED = _Rule("other.question.answered", 0.7, "question the author goes on to answer")
_QUESTION = _Rule("other.question.genuine", 0.55, "genuine question")
_LEADIN_COLON = _Rule("other.leadin.colon", 0.5, "lead-in ending with a colon")
_IMPERATIVE = _Rule(
    "other.cta.imperative_mood", 0.55, "imperative addressed to the reader (call to action)"
)
_BARE_LINE = _Rule(
    "other.line.unpunctuated", 0.6, "a line with no final punctuation (title or label)"
)
_CAPTION = _Rule("other.caption.before_credit", 0.93, "photo caption (a photo credit follows)")
_CAPTION_DATED = _Rule("other.caption.dated", 0.93, "photo caption (present tense, place and date)")
# A photo credit at the start of the text after a sentence: "Sputnik/Sergei Bobylev/Pool
# via REUTERS", "(AP Photo/Libkos)", "Photo: ...", "© ...".
_CREDIT_START = re.compile(
    r"\s*\(?\s*(?:(?:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?|Sputnik|TASS|Xinhua"
    r"|Anadolu(?: Agency)?|RIA Novosti|Pool|Kremlin|Shutterstock)(?: Photo)?\s*/"
    r"|(?:AP|AFP) Photo\b|(?:Photo|Image|Picture)(?: credit)?\s*:|©)"
)
_MONTHS = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    )
)
_FINAL_PUNCT = tuple(".!?:;…”’\"')]")


def _first_content_index(tokens: Sequence[Token]) -> int:
    """Token index (span-relative) of the first token that is not markup or opening punct."""
    for i, tok in enumerate(tokens):
        if not (tok.is_space or tok.text in "*#_([“\"‘'-–—|>" or tok.is_bracket):
            return i
    return 0


# ``doc.text`` joins every token of the article, so these helpers look at the
# neighbouring tokens instead.


def _doc_length(doc: Doc) -> int:
    """``len(doc.text)``, from the last token (``doc.text`` joins every token)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def _next_sentence_text(sent: Span) -> str | None:
    """The text right after ``sent`` (up to 60 tokens), or None at the end of the doc."""
    if sent.end >= len(sent.doc):
        return None
    return sent.doc[sent.end : sent.end + 60].text


def _answered_at_once(sent: Span) -> bool:
    """Is ``sent`` followed by a line of prose that is no question ("Will anyone be
    held responsible? Don't count on it.")? A signature, a heading or a credit line
    after it (no final stop: "Linda Marchetti, Dover") or the end of the text is no
    answer."""
    nxt = _next_sentence_text(sent)
    if nxt is None:
        return False
    first = nxt.strip().split("\n", 1)[0].strip(" *_")
    return bool(first) and "?" not in first[:200] and first[-1] in ".!\"”'’…"


def _has_newline(tok: Token) -> bool:
    return "\n" in tok.text_with_ws


def _starts_paragraph(sent: Span) -> bool:
    doc = sent.doc
    return sent.start == 0 or _has_newline(doc[sent.start - 1]) or sent[0].is_space


def _ends_paragraph(sent: Span) -> bool:
    doc = sent.doc
    return (
        sent.end >= len(doc)
        or _has_newline(sent[-1])
        or (doc[sent.end].is_space and _has_newline(doc[sent.end]))
    )


_ANCHOR_WINDOW = 16
#: A ``tail`` rule fires only when at most this many characters follow the sentence.
_TAIL_CHARS = 300


def verb_read_as_noun(tokens: Sequence[Token]) -> bool:
    """ "The IMF projects growth of 2.4 percent.": a finished sentence whose reporting
    verb the tagger read as a plural noun right after its subject is a claim, not a
    verbless fragment."""
    from annotator.rules.lexicons import lexicons  # read once, cached there

    end = len(tokens)
    while end and tokens[end - 1].is_space:
        end -= 1  # the paragraph break a sentence ends with
    if not end or tokens[end - 1].text != ".":
        return False
    lex = lexicons()
    # a subject of its own before the word (not the sentence's first word: "Different
    # shifts for ...") and an object after it (not the end: "... percentage points.")
    for k in range(2, end - 2):
        prev, tok = tokens[k - 1], tokens[k]
        if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or prev.pos not in (PROPN, NOUN):
            continue
        if tokens[k + 1].is_punct:
            continue
        stem = tok.lower_[:-1]
        if stem in lex.speech or stem in lex.document_verbs:
            return True
    return False


def other_hits(
    sent: Span, *, paragraph_kind: str = "text", view: SentenceView | None = None
) -> list[_Hit]:
    """Every "no claim" cue in ``sent``."""
    view = view or sentence_view(sent)
    m = _matchers(sent.doc.vocab)
    text = view.text
    hits: list[_Hit] = []
    if paragraph_kind == "heading":
        hits.append(_Hit(_HEADING, sent.start_char, sent.end_char, text))
    first = _first_content_index(view.tokens)
    content = _content_indices(view)
    n_tokens = len(content)
    off = sent.start
    # Anchored patterns only need the first tokens; the rest run on the sentence.
    head = sent[first : first + _ANCHOR_WINDOW]
    head_tokens = view.tokens[first : first + _ANCHOR_WINDOW]
    candidates = [
        *m.other_start(head, view.words_in(first, first + _ANCHOR_WINDOW), head_tokens),
        *_sentence_matches(view, m)["other"],
    ]
    for span in candidates:
        rule = m.rules[span.label_]
        if rule.anchor == "start" and span.start - off != first:
            continue
        if rule.max_tokens is not None and n_tokens > rule.max_tokens:
            continue
        if rule.tail and _doc_length(sent.doc) - sent.end_char > _TAIL_CHARS:
            continue
        if rule.verbless and any(
            view.pos[i] in (VERB, AUX) for i in range(span.end - off, len(view.tokens))
        ):
            continue
        hits.append(_Hit(rule, span.start_char, span.end_char, span.text))
    if (
        content
        and n_tokens <= 12
        and not any(view.pos[i] in (VERB, AUX) for i in content)
        and not verb_read_as_noun(view.tokens)
    ):
        words = [view.tokens[i] for i in content]
        titled = all(t.is_title or not t.is_alpha or t.is_stop or t.is_upper for t in words)
        rule = _FRAGMENT_TITLE if titled and not text.rstrip().endswith(".") else _FRAGMENT
        hits.append(_Hit(rule, sent.start_char, sent.end_char, text))
    caption = _caption(sent, view, content)
    if caption is not None:
        hits.append(_Hit(caption, sent.start_char, sent.end_char, text))
    imperative = _imperative(view, content)
    if imperative is not None and "?" not in text:
        end = imperative.idx + len(imperative.text)
        hits.append(_Hit(_IMPERATIVE, imperative.idx, end, imperative.text))
    mask = view.quoted
    if (
        "?" in text
        and _question_mark_outside_quotes(view.tokens, mask)
        and _rhetorical_question(view, mask) is None
    ):
        nxt = _next_sentence_text(sent)
        answered = nxt is not None and "?" not in nxt.split("\n\n", 1)[0][:200]
        rule = _QUESTION_ANSWERED if answered else _QUESTION
        hits.append(_Hit(rule, sent.start_char, sent.end_char, text))
    stripped = text.rstrip(" *_\n")
    if (
        stripped
        and not stripped.endswith(_FINAL_PUNCT)
        and n_tokens <= 15
        and _ends_paragraph(sent)
        and _starts_paragraph(sent)
    ):
        hits.append(_Hit(_BARE_LINE, sent.start_char, sent.end_char, text))
    if stripped.endswith(":") and n_tokens <= 25:
        last = sent.start_char + len(stripped) - 1
        hits.append(_Hit(_LEADIN_COLON, last, last + 1, ":"))
    return _best_per_rule(hits)


def _caption(sent: Span, view: SentenceView, content: Sequence[int]) -> _Rule | None:
    """A wire photo caption: a present-tense sentence ("Putin attends a meeting ...",
    "Ukrainian servicemen fire a howitzer ...") that a photo credit follows in the same
    paragraph, or that ends with a place and a full date (", China, May 16, 2024.").
    Captions describe a picture; they are not the article's claims."""
    tokens = view.tokens
    root = next((tokens[i] for i in content if tokens[i].dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBZ", "VBP"):
        return None
    # The next 60 tokens' text is built only when the paragraph goes on after the
    # sentence (a credit in the same paragraph).
    if "\n" not in tokens[-1].text_with_ws:
        nxt = _next_sentence_text(sent)
        if nxt is not None and _CREDIT_START.match(nxt):
            return _CAPTION
    # ..., <Month> <day>, <year>. at the very end, after a comma (not inside a bracketed
    # link or citation: "[Poll: ..., May 3, 2021]")
    words = [tokens[i] for i in content]
    if (
        len(words) >= 5
        and view.text.rstrip().endswith(".")
        and words[-1].like_num
        and len(words[-1].text) == 4
        and words[-2].like_num
        and words[-3].lower_.rstrip(".") in _MONTHS
        and tokens[words[-3].i - sent.start - 1].text == ","
        and not any(t.text in "[](){}" for t in tokens)  # last: a scan of every token
    ):
        return _CAPTION_DATED
    return None


def _imperative(view: SentenceView, content: Sequence[int]) -> Token | None:
    """The verb of a sentence in the imperative mood ("Stock up on food and water.",
    "Don't count on the government to help you."): a bare verb at the start that heads
    the sentence with no subject. It tells the reader what to do and asserts nothing
    checkable (codebook: calls to action are ``other``); opinion cues in it can still
    make it an opinion ("Stop this senseless war."), since the rule is weak."""
    tokens = view.tokens
    # "And don't ...", "So stock up ...": a leading conjunction does not change the mood.
    k = 0
    while k < len(content) - 1 and (
        tokens[content[k]].pos_ == "CCONJ" or tokens[content[k]].lower_ in ("so", "then", "now")
    ):
        k += 1
    content = content[k:]
    if not content:
        return None
    first = tokens[content[0]]
    verb = first
    if first.lower_ == "do" and len(content) > 2 and tokens[content[1]].norm_ == "not":
        verb = tokens[content[2]]
    elif first.lower_ == "never" and len(content) > 1:
        verb = tokens[content[1]]
    # ("Let's be clear", "Let me explain" are the author's own statement; a warning
    # "Don't let them fool you again" is a call to action)
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or (verb.lower_ == "let" and verb.i == first.i):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    # "Remember that the treaty expired in 2019": the clause is a claim the author makes.
    # ("let them do this": the parser's ccomp is the small clause of "let", no claim)
    if verb.lower_ != "let" and any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return first


def other_wins(opinion: OpinionEvidence | None, other: OtherEvidence | None) -> bool:
    """Whether ``other`` should decide the label over ``opinion`` (codebook precedence aside).

    Structural evidence (heading, byline, caption, lead-in ...) wins: a heading with a
    loaded word is still a heading. Weaker "other" evidence (a genuine question, a
    verbless fragment) wins only over weaker opinion evidence.
    """
    if other is None:
        return False
    if other.score >= OTHER_STRUCTURAL or opinion is None:
        return True
    return other.score > opinion.score


def other_evidence(
    sent: Span, *, paragraph_kind: str = "text", view: SentenceView | None = None
) -> OtherEvidence | None:
    """Evidence that ``sent`` makes no claim, or None.

    ``paragraph_kind`` is the kind of the paragraph the sentence is in
    (``"heading"`` or ``"text"``). A score >= ``OTHER_STRUCTURAL`` marks a
    heading, byline, dateline, caption, credit or editorial note.
    """
    hits = other_hits(sent, paragraph_kind=paragraph_kind, view=view)
    if not hits:
        return None
    hits.sort(key=lambda h: -h.rule.weight)
    score = round(max(h.rule.weight for h in hits), 4)
    cues = tuple(
        DocSpan("CUE", h.start, h.end)
        for h in sorted(hits, key=lambda h: h.start)
        if h.end - h.start < sent.end_char - sent.start_char  # whole-sentence hits are not cues
        and is_cue_rule(h.rule.id)
    )
    return OtherEvidence(score, cues, tuple(h.rule.id for h in hits), hits[0].reason)
