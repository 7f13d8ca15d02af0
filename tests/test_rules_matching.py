"""``fast_set_predicates``: each replaced predicate answers as spaCy's own did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.matcher import Matcher

from annotator.rules.lexicons import load_patterns
from annotator.rules.matching import fast_set_predicates
from annotator.rules.opinion import OPINION_PATTERNS_PATH, OTHER_PATTERNS_PATH, _read_jsonl
from annotator.segment import load_nlp

SEEDS = Path(__file__).parent.parent / "seeds"


def _patterns() -> list[tuple[str, list[dict[str, object]]]]:
    rows = [*load_patterns("attribution"), *load_patterns("blocks")]
    rows += _read_jsonl(OPINION_PATTERNS_PATH) + _read_jsonl(OTHER_PATTERNS_PATH)
    return [(str(r["id"]), r["pattern"]) for r in rows]


def test_fast_predicates_agree_with_spacy() -> None:
    nlp = load_nlp()
    text = next(p for p in sorted(SEEDS.rglob("*")) if p.is_file()).read_text(encoding="utf-8")
    doc = nlp(text)
    slow = Matcher(nlp.vocab)
    fast = Matcher(nlp.vocab)
    for rid, pattern in _patterns():
        slow.add(rid, [pattern])
        fast.add(rid, [pattern])
    fast_set_predicates(fast)
    replaced = 0
    for old, new in zip(slow._extra_predicates, fast._extra_predicates, strict=True):
        if new is old:
            continue
        replaced += 1
        assert (new.key, new.i) == (old.key, old.i)
        assert [new(t) for t in doc] == [old(t) for t in doc]
    assert replaced > 10
    assert fast(doc) == slow(doc)


def _separate_matchers(vocab: Any, *, shared: bool) -> dict[str, Any]:
    """The opinion patterns and the unanchored "other" ones, each in its own
    ``_TriggeredMatcher``: the reference the merged ``both`` Matcher must agree with."""
    from annotator.rules.opinion import _TriggeredMatcher

    out = {"opinion": _TriggeredMatcher(vocab), "other": _TriggeredMatcher(vocab)}
    for key, path in (("opinion", OPINION_PATTERNS_PATH), ("other", OTHER_PATTERNS_PATH)):
        for row in _read_jsonl(path):
            if row.get("anchor") != "start":
                out[key].add(str(row["id"]), row["pattern"])
    for tm in out.values():
        tm._shared = shared
    return out


def test_merged_triggered_matchers_keep_order() -> None:
    """Conditional patterns that run together on a sentence run as one Matcher; the
    matches come back as the group Matchers one after the other gave them."""
    from annotator.rules.opinion import _Matchers, _sentence_matches, sentence_view

    nlp = load_nlp()
    merged, apart = _Matchers(nlp.vocab), _Matchers(nlp.vocab)
    apart.other_start._shared = False
    merged_sep = _separate_matchers(nlp.vocab, shared=True)
    apart_sep = _separate_matchers(nlp.vocab, shared=False)
    for path in sorted(p for p in SEEDS.rglob("*") if p.is_file()):
        doc = nlp(path.read_text(encoding="utf-8"))
        for sent in doc.sents:
            view = sentence_view(sent)
            for a, b in (
                (merged_sep["opinion"], apart_sep["opinion"]),
                (merged_sep["other"], apart_sep["other"]),
                (merged.other_start, apart.other_start),
            ):
                got = [(s.start, s.end, s.label) for s in a(sent, view.words, view.tokens)]
                want = [(s.start, s.end, s.label) for s in b(sent, view.words, view.tokens)]
                assert got == want
            both = _sentence_matches(view, merged)
            for key in ("opinion", "other"):
                b = apart_sep[key]
                got = [(s.start, s.end, s.label) for s in both[key]]
                want = [(s.start, s.end, s.label) for s in b(sent, view.words, view.tokens)]
                assert got == want
    assert merged_sep["opinion"]._merged  # some sentences ran several groups at once
    # the merged Matcher tells the two kinds apart by rule id: no id is in both
    assert not (set(merged_sep["opinion"]._group_of) & merged.other_ids)


def test_triggered_matchers_in_windows_find_the_same_matches() -> None:
    """With the sentence's forms, the Matchers run on the part of the sentence around
    the active patterns' words; the matches (and their order) are the whole span's."""
    from annotator.rules.matching import lowercase_norms
    from annotator.rules.opinion import _Matchers, sentence_view

    nlp = load_nlp()
    m = _Matchers(nlp.vocab)
    separate = _separate_matchers(nlp.vocab, shared=True)
    shorter = 0
    for path in sorted(p for p in SEEDS.rglob("*") if p.is_file()):
        doc = nlp(path.read_text(encoding="utf-8"))
        for sent in doc.sents:
            view = sentence_view(sent)
            for tm in (m.both, *separate.values()):
                windowed = tm(sent, view.words, view.tokens, view.forms)
                got = [(s.start, s.end, s.label) for s in windowed]
                want = [(s.start, s.end, s.label) for s in tm(sent, view.words, view.tokens)]
                assert got == want
            active = [(g, m.both.always) for g in m.both._reach]
            shorter += len(m.both._window(sent, active, view.forms)) < len(sent)
    assert shorter > 10
    assert not lowercase_norms([{"NORM": {"IN": ["U.S."]}}])
    assert lowercase_norms([{"NORM": "not"}, {"LOWER": "Us"}])

def test_doc_forms_are_the_token_strings() -> None:
    from annotator.rules.opinion import _words, doc_forms, sentence_view

    nlp = load_nlp()
    text = next(p for p in sorted(SEEDS.rglob("*")) if p.is_file()).read_text(encoding="utf-8")
    doc = nlp(text)
    lowers, norms, lemmas = doc_forms(doc)
    assert lowers == [t.lower_ for t in doc]
    assert norms == [t.norm_ for t in doc]
    assert lemmas == [t.lemma_.lower() for t in doc]
    for sent in doc.sents:
        view = sentence_view(sent)
        assert view.words == frozenset(_words(sent))
        assert view.words_in(2, 18) == _words(view.tokens[2:18])


def test_doc_matches_without_absent_patterns_are_the_full_matches() -> None:
    from annotator.rules.opinion import doc_forms

    nlp = load_nlp()
    pre = nlp.get_pipe("annotator_prelabeler")
    pruned = 0
    for path in sorted(p for p in SEEDS.rglob("*") if p.is_file()):
        doc = nlp(path.read_text(encoding="utf-8"))
        forms = doc_forms(doc)
        got = pre._doc_matches(doc, set(forms[0]).union(forms[1], forms[2]))
        assert got == list(pre.matcher(doc))
        pruned += len(pre.subset_matchers)
    assert pruned  # some seed lacks some pattern's words


# Paragraphs that open with a dialogue line, plain and quoted, in title case and in
# capitals, and lines that only look like one.
DIALOGUE_TEXT = (
    "Here is the exchange:\n\n"
    "Lavrov: I believe you do not represent the region, do you?\n\n"
    "Pompeo: We represent the entire hemisphere. Mike Pompeo: yes.\n\n"
    "WALLACE: Do you really think those two plans are the same?\n\n"
    "“PENCE: No, I do not.\n\n"
    "\"Senator Bob Smith: We will see.\n\n"
    "UPDATE: the road is closed.\n\n"
    "Biden\n\n"
    ": a colon alone.\n\n"
    "Chris Wallace Fox News Host: thank you."
)


def test_paragraph_heads_are_the_doc_matchers_dialogue_matches() -> None:
    """The DIALOGUE patterns left out of the doc-level Matcher and run at paragraph
    starts (``_paragraph_heads``) find what one Matcher over all the attribution and
    block patterns finds there, in its order; the others' matches are unchanged."""
    from annotator.rules.components import HEAD_LABELS, _paragraphs
    from annotator.rules.opinion import doc_forms

    nlp = load_nlp()
    pre = nlp.get_pipe("annotator_prelabeler")
    assert pre.head_rows  # the DIALOGUE patterns do run at paragraph starts
    full = Matcher(nlp.vocab)
    for row in [*load_patterns("attribution"), *load_patterns("blocks")]:
        full.add(row["id"], [row["pattern"]])
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*")) if p.is_file()]
    found = 0
    for text in [DIALOGUE_TEXT, *texts]:
        doc = nlp(text)
        expected = [
            (nlp.vocab.strings[key], start, end) for key, start, end in full(doc)
        ]
        head = [m for m in expected if pre.meta[m[0]][0] in HEAD_LABELS]
        forms = doc_forms(doc)
        got = pre._doc_matches(doc, set(forms[0]).union(forms[1], forms[2]))
        assert [(nlp.vocab.strings[k], s, e) for k, s, e in got] == [
            m for m in expected if m not in head
        ]
        sents = list(doc.sents)
        par_of_sent, _ = _paragraphs(doc, sents, doc.text)
        heads = pre._paragraph_heads(doc, sents, par_of_sent, forms)
        for k, s in enumerate(sents):
            if k > 0 and par_of_sent[k - 1] == par_of_sent[k]:
                continue
            want = [m for m in head if m[1] == s.start]
            assert [(m.rule_id, m.start, m.end) for m in heads.get(k, [])] == want
            found += len(want)
    assert found >= 4


def test_max_length_and_starts_sentence() -> None:
    from annotator.rules.matching import max_length, starts_sentence

    assert max_length([{"LOWER": "a"}, {"POS": "PROPN", "OP": "{0,2}"}, {"ORTH": ":"}]) == 4
    assert max_length([{"LOWER": "a"}, {"OP": "?"}, {"OP": "{3}"}, {"OP": "{,2}"}]) == 7
    assert max_length([{"LOWER": "a"}, {"OP": "*"}]) is None
    assert max_length([{"LOWER": "a"}, {"OP": "{2,}"}]) is None
    assert max_length([{"LOWER": "a", "OP": "!"}]) is None
    assert starts_sentence([{"IS_SENT_START": True, "LOWER": "in"}, {"LOWER": "a"}])
    assert not starts_sentence([{"IS_SENT_START": True, "OP": "?"}, {"LOWER": "a"}])
    assert not starts_sentence([{"LOWER": "in"}])
    assert not starts_sentence([])


def test_active_patterns_need_a_word_of_every_set() -> None:
    from annotator.rules.matching import active_patterns

    needs = [
        (frozenset({"said"}),),
        (frozenset({"told"}), frozenset({"reporters", "journalists"})),
        (),  # no words needed: always active
    ]
    assert active_patterns(needs, {"said", "journalists"}) == (0, 2)
    assert active_patterns(needs, frozenset({"told", "journalists"})) == (1, 2)
    assert active_patterns(needs, {"told", "said"}) == (0, 2)  # "told" alone is not enough
    assert active_patterns(needs, set()) == (2,)


def test_token_tests_of_triggered_patterns() -> None:
    import re

    from annotator.rules.opinion import _passes

    nlp = load_nlp()
    strings = nlp.vocab.strings
    toks = tuple(nlp("The biggest risk came in May 2024, officials said."))
    assert _passes(toks, ("TAG", frozenset({strings.add("JJS"), strings.add("RBS")})))
    assert not _passes(toks, ("TAG", frozenset({strings.add("RBS")})))
    assert _passes(toks, ("POS", frozenset({strings.add("VERB")})))
    assert not _passes(toks, ("POS", frozenset({strings.add("INTJ")})))
    assert _passes(toks, ("TEXT", re.compile(r"^\d{4}$")))
    assert not _passes(toks, ("ORTH", re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")))
    assert _passes(toks, ("LOWER", re.compile(r"^offic")))
    assert not _passes(toks, ("LOWER", re.compile(r"^The$")))  # lower-cased forms only
