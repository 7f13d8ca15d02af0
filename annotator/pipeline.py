"""Ingest -> segment -> pre-label -> records, streaming.

This is the one place where a spaCy ``Doc`` becomes records: shown-text offsets are
mapped back to original-document offsets here and nowhere else.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__
from .records import (
    DocumentRecord,
    SentenceRecord,
    SpanRecord,
    content_hash,
    make_sentence_id,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .ingest import Article, Skipped

# Documents per nlp.pipe batch: whole articles are long, so small batches keep memory flat.
BATCH_SIZE = 8
# The youngest generation's collection threshold while a run lasts (CPython's default
# is 700 net allocations). See ``_quiet_collector``.
RUN_GC_THRESHOLD = 10_000


@dataclass(frozen=True)
class RunSummary:
    """What a ``prelabel`` run did, for the closing summary and the exit status."""

    documents: int
    sentences: int
    words: int
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)
    outputs: tuple[Path, ...] = field(default_factory=tuple)
    model_version: str = ""


def model_version() -> str:
    """The pre-labeler's version: changes with the code and with patterns/lexicons."""
    from . import rules

    version_fn = getattr(rules, "model_version", None)
    return version_fn() if callable(version_fn) else f"annotator-{__version__}"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends on whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceBounds(NamedTuple):
    """Where a sentence lies: its position in ``doc.sents``, shown and original range."""

    position: int
    shown_start: int
    shown_end: int
    start: int
    end: int


def sentence_bounds(
    doc: Doc, article: Article, shown: str | None = None
) -> Iterator[SentenceBounds]:
    """The sentences that become records: trimmed of edge whitespace, blank ones dropped,
    each mapped to its original-document range. ``shown`` is ``doc.text`` if the caller
    has it already (``Doc.text`` joins every token)."""
    if shown is None:
        shown = doc.text
    for i, sent in enumerate(doc.sents):
        s, e = _trim(shown, sent.start_char, sent.end_char)
        mapped = article.original_span(s, e) if s < e else None
        if mapped is not None:
            yield SentenceBounds(i, s, e, *mapped)


def doc_to_records(
    doc: Doc, article: Article, *, version: str
) -> tuple[DocumentRecord, list[SentenceRecord]]:
    """Convert a processed article ``Doc`` to its document and sentence records."""
    # The Doc was tokenized from ``article.shown`` and tokenization is lossless, so
    # that is its text; ``Doc.text`` would rebuild it from every token. Checked by
    # length (the end of the last token), in case a caller hands in some other Doc.
    shown = article.shown
    if len(doc) == 0 or doc[-1].idx + len(doc[-1].text_with_ws) != len(shown):
        shown = doc.text
    source_text = article.text
    doc_hash = content_hash(source_text)
    para_starts = [p.start for p in article.paragraphs]
    prelabels: list[Any] | None = getattr(doc._, "prelabels", None)
    sentences: list[SentenceRecord] = []
    for i, s, e, start, end in sentence_bounds(doc, article, shown):
        paragraph = max(bisect.bisect_right(para_starts, s) - 1, 0)
        fields: dict[str, Any] = {}
        if prelabels is not None and i < len(prelabels):
            pre = prelabels[i]
            spans = []
            for span in pre.spans:
                ss, se = _trim(shown, span.start, span.end)
                span_range = article.original_span(ss, se) if ss < se else None
                if span_range is not None:
                    a, b = span_range
                    spans.append(SpanRecord(span.type, a, b, source_text[a:b]))
            fields = {
                "label": pre.label,
                "score": round(float(pre.score), 4),
                "source": pre.source,
                "source_kind": pre.source_kind,
                "cue": pre.cue,
                "spans": tuple(spans),
                "explanation": pre.explanation,
                "rule_ids": tuple(pre.rule_ids),
                "model_version": version,
            }
        sentences.append(
            SentenceRecord(
                doc_id=article.doc_id,
                sentence_id=make_sentence_id(doc_hash, start, end),
                index=len(sentences),
                paragraph=paragraph,
                start=start,
                end=end,
                text=shown[s:e],
                **fields,
            )
        )
    document = DocumentRecord(
        doc_id=article.doc_id,
        content_hash=doc_hash,
        text=source_text,
        text_origin=article.text_origin,
        source_file=article.source_file,
        encoding=article.encoding,
        title=article.title,
        url=article.url,
        author=article.author,
        date=article.date,
        meta=dict(article.meta or {}),
        n_chars=len(source_text),
        boilerplate_chars=article.boilerplate_chars,
        n_sentences=len(sentences),
    )
    return document, sentences


@contextmanager
def _quiet_collector() -> Iterator[None]:
    """Keep Python's cyclic garbage collector from re-scanning what was alive before a
    run (the spaCy model, its vocab, the lexicons: over 100,000 objects) while the run
    lasts, and let it run less often; both restored afterwards.

    The rules allocate many short-lived containers per sentence, and each full
    collection walked the whole model (about 0.07 s each, two per 50 seed articles),
    with some 650 young collections on top: together about 8% of the time prelabel
    spends beyond the bare spaCy pipeline. ``gc.freeze`` moves the live objects to a
    generation the collector skips; garbage is still collected, only less often
    (``RUN_GC_THRESHOLD``). Left alone when the collector is off or something else
    froze objects already (unfreezing would undo that)."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], RUN_GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def prelabel_articles(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    prelabel: bool = True,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[DocumentRecord, list[SentenceRecord]]]:
    """Pre-label articles, one ``(document, sentences)`` pair per article, streaming."""
    from .segment import load_nlp, make_doc

    if nlp is None:
        nlp = load_nlp(model, prelabel=prelabel)
    version = model_version() if prelabel else ""
    pairs = ((make_doc(nlp, article), article) for article in articles)
    with _quiet_collector():
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield doc_to_records(doc, article, version=version)


def prelabel_paths(
    paths: Iterable[Path | str],
    outs: Sequence[Path],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    max_mb: float = 20.0,
    strip_boilerplate: bool = True,
    on_document: Callable[[DocumentRecord, int], None] | None = None,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> RunSummary:
    """Pre-label files and write sentence and document records to every path in ``outs``.

    Each ``x.EXT`` in ``outs`` gets the sentences, and ``x.documents.EXT`` the documents.
    Unreadable inputs are collected in ``RunSummary.skipped``; the rest is processed.
    """
    from .ingest import Skipped, iter_articles
    from .recordio import (
        DOCUMENT_COLUMNS,
        SENTENCE_COLUMNS,
        RecordWriter,
        documents_path,
        output_format,
    )

    for out in outs:
        output_format(out)  # fail before any work on a bad extension
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        # Outputs may sit inside an input directory: never read them back as articles.
        own = [p for out in outs for p in (out, documents_path(out))]
        for item in iter_articles(
            paths, max_mb=max_mb, strip_boilerplate=strip_boilerplate, exclude=own
        ):
            if isinstance(item, Skipped):
                skipped.append(item)
                if on_skipped is not None:
                    on_skipped(item)
            else:
                yield item

    n_docs = n_sents = n_words = 0
    with ExitStack() as stack:
        # One (sentences, documents) writer pair per output path.
        pairs = [
            (
                stack.enter_context(RecordWriter(out, SENTENCE_COLUMNS)),
                stack.enter_context(RecordWriter(documents_path(out), DOCUMENT_COLUMNS)),
            )
            for out in outs
        ]
        for document, sentences in prelabel_articles(articles(), model=model, nlp=nlp):
            n_docs += 1
            n_sents += len(sentences)
            n_words += sum(len(s.text.split()) for s in sentences)
            for sentence_writer, document_writer in pairs:
                for sentence in sentences:
                    sentence_writer.write(sentence.to_dict())
                document_writer.write(document.to_dict())
            if on_document is not None:
                on_document(document, len(sentences))
    return RunSummary(
        documents=n_docs,
        sentences=n_sents,
        words=n_words,
        skipped=tuple(skipped),
        outputs=tuple(outs),
        model_version=model_version(),
    )
