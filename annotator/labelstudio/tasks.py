"""Records -> Label Studio tasks and predictions, validated before anything is sent.

Article unit: one task per document, ``data.text`` is ``DocumentRecord.text`` so record
offsets are task offsets. Sentence unit: one task per sentence, ``data.text`` is its
paragraph (the sentences that share the paragraph index) and offsets are shifted by
``data.offset``. Region ids are deterministic: a sentence region's id is its
``sentence_id``; a span's id hashes the sentence id, type and offsets. Export relies on
both, and the pre-label snapshot stored in each region's ``meta``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import E, LabelStudioError
from ..records import DocumentRecord, SentenceRecord
from . import config

BATCH_SIZE = 1_000
UNITS = ("article", "sentence")


@dataclass(frozen=True)
class TaskSpec:
    """One task to create: its dedup key, the data, and the prediction for it."""

    key: str
    data: dict[str, Any]
    prediction: dict[str, Any]


def span_region_id(sentence_id: str, type_: str, start: int, end: int) -> str:
    raw = f"{sentence_id}:{type_}:{start}:{end}".encode()
    return hashlib.blake2b(raw, digest_size=5).hexdigest()


def task_key(content_hash: str, unit: str, sentence_id: str | None = None) -> str:
    return content_hash if unit == "article" else f"{content_hash}:{sentence_id}"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends on whitespace.

    Label Studio does not render a region that starts with a newline followed by
    whitespace (issue #6579), and such edges carry no meaning.
    """
    if not 0 <= start < end <= len(text):
        return start, end  # out of range: left for validate_results to report
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _region(
    rid: str, from_name: str, text: str, start: int, end: int, label: str, **extra: Any
) -> dict[str, Any]:
    return {
        "id": rid,
        "from_name": from_name,
        "to_name": config.TEXT,
        "type": "labels",
        "origin": "prediction",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
        **extra,
    }


def _reason_text(sent: SentenceRecord) -> str:
    score = "n/a" if sent.score is None else f"{sent.score:.2f}"
    rules = ", ".join(sent.rule_ids) or "none"
    parts = [f"score {score}; rules: {rules}"]
    if sent.source:
        parts.append(f"source: {sent.source} ({sent.source_kind or 'kind?'})")
    if sent.explanation:
        parts.append(sent.explanation)
    return "\n".join(parts)


def sentence_results(sent: SentenceRecord, text: str, shift: int = 0) -> list[dict[str, Any]]:
    """Result items for one sentence: its claim region, reason, kind, spans, relations."""
    start, end = trim(text, sent.start - shift, sent.end - shift)
    snapshot = {
        "sentence_id": sent.sentence_id,
        "index": sent.index,
        "paragraph": sent.paragraph,
        "label": sent.label,
        "score": sent.score,
        "source": sent.source,
        "source_kind": sent.source_kind,
        "explanation": sent.explanation,
        "rule_ids": list(sent.rule_ids),
        "model_version": sent.model_version,
    }
    reason = _reason_text(sent)
    results: list[dict[str, Any]] = []
    if sent.label is None:
        return results
    results.append(
        _region(
            sent.sentence_id, config.CLAIM, text, start, end, sent.label,
            score=sent.score, meta={"text": reason, "annotator": snapshot},
        )
    )
    value = {"start": start, "end": end, "text": [reason]}
    results.append(
        {"id": sent.sentence_id, "from_name": config.REASON, "to_name": config.TEXT,
         "type": "textarea", "origin": "prediction", "value": value}
    )
    if sent.source_kind:
        results.append(
            {"id": sent.sentence_id, "from_name": config.KIND, "to_name": config.TEXT,
             "type": "choices", "origin": "prediction",
             "value": {"start": start, "end": end, "choices": [sent.source_kind]}}
        )
    for span in sent.spans:
        s_start, s_end = trim(text, span.start - shift, span.end - shift)
        rid = span_region_id(sent.sentence_id, span.type, span.start, span.end)
        results.append(
            _region(rid, config.SPAN, text, s_start, s_end, span.type,
                    meta={"annotator": {"sentence_id": sent.sentence_id}})
        )
        if span.type == "SOURCE":
            results.append(
                {"type": "relation", "from_id": rid, "to_id": sent.sentence_id,
                 "direction": "right", "labels": [config.RELATION]}
            )
    return results


def validate_results(task: str, text: str, results: Sequence[dict[str, Any]]) -> None:
    """Raise E105 for any region Label Studio would store but show wrongly or not at all."""
    allowed = {config.CLAIM: set(config.label_ids()), config.SPAN: set(config.span_ids())}
    kinds = set(config.kind_ids())
    ids: set[str] = set()
    for item in results:
        if item.get("type") == "relation":
            continue
        value = item["value"]
        start, end = value["start"], value["end"]
        where = f"region {item['id']} [{start}:{end}]"
        if not (0 <= start < end <= len(text)):
            raise LabelStudioError(
                E.E105.format(task=task, reason=f"{where} is outside the text ({len(text)} chars)")
            )
        if text[start].isspace() or text[end - 1].isspace():
            raise LabelStudioError(
                E.E105.format(task=task, reason=f"{where} starts or ends on whitespace")
            )
        if item["type"] == "labels":
            if value["text"] != text[start:end]:
                raise LabelStudioError(
                    E.E105.format(task=task, reason=f"{where} text does not match the task text")
                )
            for label in value["labels"]:
                if label not in allowed[item["from_name"]]:
                    raise LabelStudioError(
                        E.E105.format(task=task, reason=f"{where} has unknown label {label!r}")
                    )
            ids.add(item["id"])
        elif item["type"] == "choices" and not set(value["choices"]) <= kinds:
            raise LabelStudioError(
                E.E105.format(task=task,
                              reason=f"{where} has unknown source kind {value['choices']}")
            )
    for item in results:
        if item.get("type") == "relation" and not {item["from_id"], item["to_id"]} <= ids:
            raise LabelStudioError(
                E.E105.format(task=task, reason=f"relation {item['from_id']}->{item['to_id']} "
                              "points at a missing region")
            )


def _prediction(
    results: list[dict[str, Any]], sentences: Sequence[SentenceRecord], model_version: str
) -> dict[str, Any]:
    scores = [s.score for s in sentences if s.score is not None]
    return {
        "model_version": model_version,
        "score": round(sum(scores) / len(scores), 4) if scores else 0.0,
        "result": results,
    }


def _skeleton(sent: SentenceRecord, shift: int) -> dict[str, Any]:
    return {"sentence_id": sent.sentence_id, "index": sent.index, "paragraph": sent.paragraph,
            "start": sent.start - shift, "end": sent.end - shift}


def _base_data(doc: DocumentRecord, unit: str) -> dict[str, Any]:
    return {
        "title": doc.title or doc.doc_id,
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "unit": unit,
        "url": doc.url or "",
        "source_file": doc.source_file or "",
    }


def article_task(
    doc: DocumentRecord, sentences: Sequence[SentenceRecord], model_version: str
) -> TaskSpec:
    results: list[dict[str, Any]] = []
    for sent in sentences:
        results.extend(sentence_results(sent, doc.text))
    validate_results(doc.doc_id, doc.text, results)
    data = {**_base_data(doc, "article"), "text": doc.text, "offset": 0,
            "sentences": [_skeleton(s, 0) for s in sentences]}
    return TaskSpec(task_key(doc.content_hash, "article"), data,
                    _prediction(results, sentences, model_version))


def sentence_tasks(
    doc: DocumentRecord, sentences: Sequence[SentenceRecord], model_version: str
) -> Iterator[TaskSpec]:
    """One task per sentence; its text is the paragraph the sentence belongs to."""
    bounds: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = bounds.get(s.paragraph, (s.start, s.end))
        bounds[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    for sent in sentences:
        lo, hi = bounds[sent.paragraph]
        text = doc.text[lo:hi]
        results = sentence_results(sent, text, shift=lo)
        where = f"{doc.doc_id}/{sent.sentence_id}"
        validate_results(where, text, results)
        data = {**_base_data(doc, "sentence"), "text": text, "offset": lo,
                "sentence_id": sent.sentence_id, "sentences": [_skeleton(sent, lo)]}
        yield TaskSpec(task_key(doc.content_hash, "sentence", sent.sentence_id), data,
                       _prediction(results, [sent], model_version))


def build_tasks(
    documents: Iterable[DocumentRecord],
    sentences: Iterable[SentenceRecord],
    unit: str = "article",
    model_version: str | None = None,
) -> Iterator[TaskSpec]:
    """Task specs in document order; ``model_version`` defaults to the records' own."""
    by_doc: dict[str, list[SentenceRecord]] = {}
    for sent in sentences:
        by_doc.setdefault(sent.doc_id, []).append(sent)
    for doc in documents:
        sents = sorted(by_doc.get(doc.doc_id, []), key=lambda s: s.start)
        version = model_version or next(
            (s.model_version for s in sents if s.model_version), "unknown"
        )
        if unit == "article":
            yield article_task(doc, sents, version)
        else:
            yield from sentence_tasks(doc, sents, version)


def batched(items: Iterable[TaskSpec], size: int = BATCH_SIZE) -> Iterator[list[TaskSpec]]:
    batch: list[TaskSpec] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
