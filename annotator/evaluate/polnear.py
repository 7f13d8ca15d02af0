"""PolNeAR (Newell, Margolin, Ruths 2018) as evaluation data for attribution.

Layout: ``<dir>/data/<split>/text/<article>.txt`` and
``<dir>/data/<split>/attributions/<article>_<annotator>.ann`` (brat standoff,
character offsets into the text). Some articles have files from several
annotators; we take **the first in sorted file-name order**, so runs are
reproducible.

What is scored (sentence records from the project's pipeline):

- *attributed sentences*: gold-attributed when at least half of the sentence's
  characters lie inside the Source, Cue or Content of an ``Attribution`` that has a
  ``Source`` (``Attribution-no-source`` does not count); predicted-attributed when
  the label is ``sourced_fact`` or ``official_quote``. Sentences at least half
  inside a ``Discard`` span are left out. The whole relation counts because the
  codebook labels the sentence that reports, not only its reported part: in
  "Senate Majority Leader Mitch McConnell told reporters on Tuesday that taxes
  will fall", Content is under half the characters, yet the sentence is
  ``sourced_fact``. The earlier, Content-only figure is still reported as
  ``attributed_content_only`` so runs stay comparable.
- *quote vs paraphrase* on sentences attributed in both: gold says quote when at
  least half of the sentence's characters are inside that Content **and** inside
  double quotation marks (“...” or "..." within a paragraph); predicted says quote
  when the label is ``official_quote``. Secondary: PolNeAR does not apply the
  codebook's "at least a clause" rule.
- *SOURCE and CUE spans*: gold Source and Cue entities of attribution relations
  (a discontinuous entity ``a b;c d`` is one span); predicted spans are the
  records' ``SOURCE``/``CUE`` spans. A predicted span matches a gold span of the same
  type when they share at least one character; P is over predicted spans, R over
  gold spans. PolNeAR has no speculation cues, so predicted CUE spans on opinion
  sentences count against precision; the ``CUE in attributed sentences`` row only
  counts predicted cues in sentences the pre-labeler called attributed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import E, GoldError
from ..records import SentenceRecord
from .metrics import PRF, Confusion, SpanMatch, confusion_matrix, covered, prf, span_overlap
from .seeds import ATTRIBUTED, Ratio

# dev and train: the test split is withheld. Rules are tuned on both, never trained.
SPLITS = ("dev", "train")
Fragments = tuple[tuple[int, int], ...]

# Curly pairs, straight pairs on one line, and the New York Times' doubled
# apostrophes (''like this'') that several PolNeAR sources use for both marks.
# An annotation line starts with its id: T1, E1, A1, R1, N1, #1, then a tab.
_ID_LINE = re.compile(r"[A-Z#]\d+\t")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|''(?:(?!'')[^\n])*''")


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    fragments: Fragments
    text: str


@dataclass(frozen=True)
class Attribution:
    id: str
    kind: str  # "Attribution" or "Attribution-no-source"
    source: Entity | None
    cue: Entity | None
    contents: tuple[Entity, ...]


@dataclass(frozen=True)
class BratDocument:
    entities: dict[str, Entity]
    attributions: tuple[Attribution, ...]

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]


def parse_fragments(offsets: str) -> Fragments:
    """``"12 20;25 30"`` -> ``((12, 20), (25, 30))``; ``ValueError`` when malformed."""
    frags = []
    for part in offsets.split(";"):
        bits = part.split()
        if len(bits) != 2:
            raise ValueError(f"bad offsets {offsets!r}")
        start, end = int(bits[0]), int(bits[1])
        if not 0 <= start <= end:
            raise ValueError(f"bad offsets {offsets!r}")
        frags.append((start, end))
    return tuple(frags)


def parse_brat(text: str, *, path: Path | str = "<string>") -> BratDocument:
    """Parse brat standoff: ``T`` entity lines and ``E`` event (relation) lines.

    Other line types (``A``, ``R``, ``#`` notes) and lines that do not start with an id
    (the rest of an entity text that crosses a line break) are ignored. A malformed line raises
    ``GoldError`` (E026) with the file and line number.
    """
    entities: dict[str, Entity] = {}
    events: list[tuple[int, str, str, list[tuple[str, str]]]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if not _ID_LINE.match(line):
            # the rest of a multi-line entity text: brat writes the covered text of a
            # span that crosses a line break as it is ("3.\n\nThe number of ...")
            continue
        try:
            cols = line.split("\t")
            if line.startswith("T"):
                if len(cols) < 2 or " " not in cols[1]:
                    raise ValueError("entity line needs 'T<n><TAB><Type> <start> <end>'")
                type_, offsets = cols[1].split(" ", 1)
                entities[cols[0]] = Entity(
                    cols[0], type_, parse_fragments(offsets), cols[2] if len(cols) > 2 else ""
                )
            elif line.startswith("E"):
                if len(cols) < 2 or ":" not in cols[1]:
                    raise ValueError("event line needs 'E<n><TAB><Type>:T<n> <Role>:T<n> ...'")
                args: list[tuple[str, str]] = []
                for arg in cols[1].split():
                    role, sep, ref = arg.partition(":")
                    if not sep or not role or not ref:
                        raise ValueError(f"event argument {arg!r} is not Role:Id")
                    args.append((role, ref))
                events.append((n, cols[0], args[0][0], args))
        except ValueError as err:
            raise GoldError(E.E026.format(path=path, line=n, reason=err)) from err

    attributions = []
    for n, eid, kind, roles in events:
        found: dict[str, list[Entity]] = {}
        for k, (role, ref) in enumerate(roles):
            if ref not in entities:
                raise GoldError(
                    E.E026.format(path=path, line=n, reason=f"{eid} refers to unknown {ref}")
                )
            if k == 0:
                continue  # the trigger: the Attribution entity, not a role
            # Content2, Content3 ...: further content of the same attribution.
            found.setdefault(role.rstrip("0123456789"), []).append(entities[ref])
        sources, cues = found.get("Source", []), found.get("Cue", [])
        attributions.append(
            Attribution(
                id=eid,
                kind=kind,
                source=sources[0] if sources else None,
                cue=cues[0] if cues else None,
                contents=tuple(found.get("Content", [])),
            )
        )
    return BratDocument(entities, tuple(attributions))


@dataclass(frozen=True)
class PolnearArticle:
    doc_id: str  # the text file's stem
    text: str
    annotation_file: Path

    def gold(self) -> BratDocument:
        raw = self.annotation_file.read_text(encoding="utf-8")
        return parse_brat(raw, path=self.annotation_file)


def split_dir(root: Path, split: str) -> Path:
    """``root`` may be the corpus directory, its ``data/`` or the split directory itself."""
    if split not in SPLITS:
        raise GoldError(
            E.E025.format(dataset="PolNeAR", split=split, choices=", ".join(SPLITS))
        )
    if not root.is_dir():
        raise GoldError(E.E013.format(path=root))
    for candidate in (root / "data" / split, root / split, root):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise GoldError(
        E.E027.format(path=root, what=f"data/{split}/text and attributions", dataset="PolNeAR")
    )


def iter_polnear(root: Path, split: str = "dev") -> Iterator[PolnearArticle]:
    """Articles of a split that have at least one annotation file, in file-name order."""
    base = split_dir(root, split)
    anns = sorted((base / "attributions").glob("*.ann"))
    n = 0
    for txt in sorted((base / "text").glob("*.txt")):
        mine = [a for a in anns if a.stem.rsplit("_", 1)[0] == txt.stem]
        if not mine:
            continue
        n += 1
        # newline="" keeps "\r\n" as two characters: brat offsets count them.
        with txt.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        yield PolnearArticle(txt.stem, text, mine[0])
    if n == 0:
        raise GoldError(E.E027.format(path=base, what="annotated articles", dataset="PolNeAR"))


def count_articles(root: Path, split: str = "dev") -> int:
    base = split_dir(root, split)
    stems = {a.stem.rsplit("_", 1)[0] for a in (base / "attributions").glob("*.ann")}
    return sum(1 for t in (base / "text").glob("*.txt") if t.stem in stems)


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks, marks included."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


@dataclass(frozen=True)
class ArticleCounts:
    """Per-article tallies; summed over the corpus by ``PolnearTally``."""

    sentences: int
    attributions: int
    gold_attr: int
    pred_attr: int
    both_attr: int
    gold_attr_content: int  # gold-attributed by Content alone (the earlier definition)
    both_attr_content: int
    quote_pairs: tuple[tuple[str, str], ...]  # (gold, predicted): "quote" / "paraphrase"
    spans: dict[str, SpanMatch]


def score_article(
    article_text: str, gold: BratDocument, sentences: Iterable[SentenceRecord]
) -> ArticleCounts:
    """Tally one article's sentences against its brat gold (see the module docstring)."""
    sourced = [a for a in gold.attributions if a.kind == "Attribution" and a.source is not None]
    content = [f for a in sourced for c in a.contents for f in c.fragments]
    relation = content + [
        f for a in sourced for e in (a.source, a.cue) if e is not None for f in e.fragments
    ]
    discard = [f for e in gold.of_type("Discard") for f in e.fragments]
    quoted = quoted_regions(article_text)
    quoted_content = [
        (max(q0, c0), min(q1, c1))
        for q0, q1 in quoted
        for c0, c1 in content
        if min(q1, c1) > max(q0, c0)
    ]

    n = gold_attr = pred_attr = both = gold_content = both_content = 0
    quote_pairs: list[tuple[str, str]] = []
    pred_spans: dict[str, list[Fragments]] = {"SOURCE": [], "CUE": [], "CUE_ATTR": []}
    for sent in sentences:
        length = sent.end - sent.start
        if length <= 0 or covered(sent.start, sent.end, discard) * 2 >= length:
            continue
        n += 1
        g = covered(sent.start, sent.end, relation) * 2 >= length
        g_content = covered(sent.start, sent.end, content) * 2 >= length
        p = sent.label in ATTRIBUTED
        gold_attr += g
        pred_attr += p
        both += g and p
        gold_content += g_content
        both_content += g_content and p
        if g and p:
            gold_quote = covered(sent.start, sent.end, quoted_content) * 2 >= length
            quote_pairs.append(
                (
                    "quote" if gold_quote else "paraphrase",
                    "quote" if sent.label == "official_quote" else "paraphrase",
                )
            )
        for span in sent.spans:
            if span.type in ("SOURCE", "CUE"):
                pred_spans[span.type].append(((span.start, span.end),))
            if span.type == "CUE" and p:
                pred_spans["CUE_ATTR"].append(((span.start, span.end),))

    with_relation = [a for a in gold.attributions if a.kind.startswith("Attribution")]
    gold_sources = [a.source.fragments for a in with_relation if a.source is not None]
    gold_cues = [a.cue.fragments for a in with_relation if a.cue is not None]
    spans = {
        "SOURCE": span_overlap(pred_spans["SOURCE"], gold_sources),
        "CUE": span_overlap(pred_spans["CUE"], gold_cues),
        "CUE in attributed sentences": span_overlap(pred_spans["CUE_ATTR"], gold_cues),
    }
    return ArticleCounts(
        n,
        len(sourced),
        gold_attr,
        pred_attr,
        both,
        gold_content,
        both_content,
        tuple(quote_pairs),
        spans,
    )


@dataclass(frozen=True)
class PolnearReport:
    path: str
    split: str
    annotator_note: str
    articles: int
    sentences: int
    attributions: int
    attributed: PRF
    attributed_content_only: PRF
    quote_vs_paraphrase: Ratio
    quote_confusion: Confusion
    spans: dict[str, SpanMatch]
    articles_without_records: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "split": self.split,
            "annotator": self.annotator_note,
            "articles": self.articles,
            "sentences": self.sentences,
            "attributions_with_source": self.attributions,
            "attributed": self.attributed.to_dict(),
            "attributed_content_only": self.attributed_content_only.to_dict(),
            "quote_vs_paraphrase": self.quote_vs_paraphrase.to_dict(),
            "quote_confusion": self.quote_confusion.to_dict(),
            "spans": {k: v.to_dict() for k, v in self.spans.items()},
            "articles_without_records": list(self.articles_without_records),
        }


ANNOTATOR_NOTE = "one annotation file per article: the first in sorted file-name order"


def score_polnear(
    root: Path,
    records: Callable[[Iterable[PolnearArticle]], Iterator[tuple[str, list[SentenceRecord]]]],
    *,
    split: str = "dev",
    on_article: Callable[[str], None] | None = None,
) -> PolnearReport:
    """Score a PolNeAR split, one article at a time.

    ``records`` turns the articles into ``(doc_id, sentences)`` pairs (the pipeline,
    or records read from an earlier run); articles it yields nothing for are
    listed in ``articles_without_records``.
    """
    articles: dict[str, PolnearArticle] = {}

    def feed() -> Iterator[PolnearArticle]:
        for art in iter_polnear(root, split):
            articles[art.doc_id] = art
            yield art

    tallies: list[ArticleCounts] = []
    seen: set[str] = set()
    for doc_id, sentences in records(feed()):
        art = articles.pop(doc_id, None)
        if art is None:
            continue
        seen.add(doc_id)
        tallies.append(score_article(art.text, art.gold(), sentences))
        if on_article is not None:
            on_article(doc_id)
    missing = tuple(sorted(articles))
    quotes = [pair for t in tallies for pair in t.quote_pairs]
    spans: dict[str, SpanMatch] = {}
    for t in tallies:
        for k, v in t.spans.items():
            spans[k] = spans.get(k, SpanMatch()) + v
    return PolnearReport(
        path=str(root),
        split=split,
        annotator_note=ANNOTATOR_NOTE,
        articles=len(tallies),
        sentences=sum(t.sentences for t in tallies),
        attributions=sum(t.attributions for t in tallies),
        attributed=prf(
            sum(t.both_attr for t in tallies),
            sum(t.pred_attr for t in tallies),
            sum(t.gold_attr for t in tallies),
        ),
        attributed_content_only=prf(
            sum(t.both_attr_content for t in tallies),
            sum(t.pred_attr for t in tallies),
            sum(t.gold_attr_content for t in tallies),
        ),
        quote_vs_paraphrase=Ratio(sum(g == p for g, p in quotes), len(quotes)),
        quote_confusion=confusion_matrix(quotes, ("quote", "paraphrase")),
        spans=spans,
        articles_without_records=missing,
    )
