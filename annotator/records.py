"""Records that leave the pipeline: frozen dataclasses, plain data only.

Every offset here is a character offset (Python ``str`` index, i.e. Unicode code
point, the same unit Label Studio uses) into ``DocumentRecord.text``: the document
as decoded, with no newline normalisation. For HTML input that text is the
extracted main text (``DocumentRecord.text_origin == "html-extracted"``), since
offsets into markup would point at tags.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

SPAN_TYPES = ("SOURCE", "CUE", "QUOTE")


def content_hash(text: str) -> str:
    """Stable hash of a document's text: the key for de-duplication in Label Studio."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def make_sentence_id(doc_hash: str, start: int, end: int) -> str:
    """Deterministic sentence id: same document text and offsets give the same id."""
    raw = f"{doc_hash}:{start}:{end}".encode()
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


@dataclass(frozen=True)
class SpanRecord:
    """A SOURCE, CUE or QUOTE span, in original-document offsets."""

    type: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        # Written out: ``asdict`` deep-copies every field, a cost per span of a run.
        return {"type": self.type, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpanRecord:
        return cls(
            type=str(data["type"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
        )


@dataclass(frozen=True)
class SentenceRecord:
    """One sentence of an article's body, with its pre-label."""

    doc_id: str
    sentence_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    label: str | None = None
    score: float | None = None
    source: str | None = None
    source_kind: str | None = None
    cue: str | None = None
    spans: tuple[SpanRecord, ...] = field(default_factory=tuple)
    explanation: str | None = None
    rule_ids: tuple[str, ...] = field(default_factory=tuple)
    model_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _SENTENCE_FIELDS}
        data["spans"] = [s.to_dict() for s in self.spans]
        data["rule_ids"] = list(self.rule_ids)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SentenceRecord:
        spans = data.get("spans") or ()
        if isinstance(spans, str):
            spans = json.loads(spans) if spans else []
        rule_ids = data.get("rule_ids") or ()
        if isinstance(rule_ids, str):
            rule_ids = json.loads(rule_ids) if rule_ids.startswith("[") else rule_ids.split(";")
        score = data.get("score")
        return cls(
            doc_id=str(data["doc_id"]),
            sentence_id=str(data["sentence_id"]),
            index=int(data["index"]),
            paragraph=int(data["paragraph"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            label=_opt_str(data.get("label")),
            score=None if _is_missing(score) else float(score),  # type: ignore[arg-type]
            source=_opt_str(data.get("source")),
            source_kind=_opt_str(data.get("source_kind")),
            cue=_opt_str(data.get("cue")),
            spans=tuple(SpanRecord.from_dict(s) for s in spans),
            explanation=_opt_str(data.get("explanation")),
            rule_ids=tuple(str(r) for r in rule_ids if str(r)),
            model_version=_opt_str(data.get("model_version")),
        )


@dataclass(frozen=True)
class DocumentRecord:
    """One article: its metadata and the text all sentence offsets point into."""

    doc_id: str
    content_hash: str
    text: str
    text_origin: str  # "original" | "html-extracted" | "jsonl-text"
    source_file: str | None = None
    encoding: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    n_chars: int = 0
    boilerplate_chars: int = 0
    n_sentences: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _DOCUMENT_FIELDS}
        data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentRecord:
        meta = data.get("meta") or {}
        if isinstance(meta, str):
            meta = json.loads(meta) if meta else {}
        return cls(
            doc_id=str(data["doc_id"]),
            content_hash=str(data["content_hash"]),
            text=str(data["text"]),
            text_origin=str(data.get("text_origin") or "original"),
            source_file=_opt_str(data.get("source_file")),
            encoding=_opt_str(data.get("encoding")),
            title=_opt_str(data.get("title")),
            url=_opt_str(data.get("url")),
            author=_opt_str(data.get("author")),
            date=_opt_str(data.get("date")),
            meta=dict(meta),
            n_chars=int(data.get("n_chars") or 0),
            boilerplate_chars=int(data.get("boilerplate_chars") or 0),
            n_sentences=int(data.get("n_sentences") or 0),
        )


# Field names in declaration order (the key order of ``to_dict``), read once:
# ``dataclasses.fields`` builds its tuple anew at every call.
_SENTENCE_FIELDS = tuple(f.name for f in fields(SentenceRecord))
_DOCUMENT_FIELDS = tuple(f.name for f in fields(DocumentRecord))


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value == ""


def _opt_str(value: object) -> str | None:
    return None if _is_missing(value) else str(value)
