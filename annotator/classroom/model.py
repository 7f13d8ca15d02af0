"""Articles as the classroom views see them: sentences with the label to show.

Reads either pre-label records (``annotator prelabel``: ``x.jsonl`` plus
``x.documents.jsonl``) or a reviewed export ``sentences.csv`` (``annotator export``).
When a reviewed label is present it is the label shown, and the pre-label is kept to
measure disagreement.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AnnotatorError, ClassroomError, E
from ..markdown import strip_line
from ..recordio import FORMATS, documents_path, iter_rows
from ..records import DocumentRecord, SpanRecord

# Column names: records (``label``...) or the export (``prelabel_label``...; see
# schemas/export_columns.json), first non-empty wins. A reviewed label overrides.
REVIEWED_LABEL = ("reviewed_label",)
REVIEWED_SOURCE = ("reviewed_source",)
REVIEWED_KIND = ("reviewed_source_kind",)
PRE_LABEL = ("prelabel_label", "label")
PRE_SCORE = ("prelabel_score", "score")
PRE_SOURCE = ("prelabel_source", "source")
PRE_KIND = ("prelabel_source_kind", "source_kind")
PRE_EXPLANATION = ("prelabel_explanation", "explanation")
REMOVED = "removed"  # export review_status of a pre-labeled sentence the reviewer deleted
MARKED_SPANS = ("SOURCE", "CUE")
_HEADING_PREFIX = re.compile(r"[ \t]*#{1,6}[ \t]*")


@dataclass(frozen=True)
class Mark:
    """A SOURCE or CUE span, in offsets of the shown sentence text."""

    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    sentence_id: str
    index: int
    paragraph: int
    text: str
    label: str | None  # what the views show: the reviewed label when there is one
    prelabel: str | None
    reviewed: bool
    score: float | None
    source: str | None
    source_kind: str | None
    cue: str | None
    explanation: str | None
    marks: tuple[Mark, ...] = ()
    heading: bool = False

    @property
    def disagrees(self) -> bool:
        """Reviewer changed the pre-label: the machine found it hard, so may students."""
        return self.reviewed and self.prelabel != self.label


@dataclass(frozen=True)
class Article:
    doc_id: str
    title: str
    author: str | None
    date: str | None
    url: str | None
    sentences: tuple[Sentence, ...]

    @property
    def reviewed(self) -> bool:
        return any(s.reviewed for s in self.sentences)


def _first(row: dict[str, Any], names: Sequence[str]) -> str | None:
    for name in names:
        value = row.get(name)
        if value is not None and value == value and str(value).strip():
            return str(value).strip()
    return None


def _spans(value: Any) -> tuple[SpanRecord, ...]:
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    return tuple(SpanRecord.from_dict(s) for s in (value or ()))


def align(shown: str, original: str) -> list[int] | None:
    """Index in ``original`` of each char of ``shown``, or None when they do not align.

    ``shown`` is ``original`` with markup removed (``[x](url)``, ``**``) and maybe
    whitespace changed, so a greedy subsequence match recovers the offset map that
    ingest used; any whitespace matches any whitespace.
    """
    out: list[int] = []
    j = 0
    for ch in shown:
        while j < len(original) and not (
            original[j] == ch or (ch.isspace() and original[j].isspace())
        ):
            j += 1
        if j == len(original):
            return None
        out.append(j)
        j += 1
    return out


def marks_for(
    text: str, start: int, spans: Iterable[SpanRecord], original: str | None
) -> tuple[Mark, ...]:
    """SOURCE/CUE spans as shown-text offsets; overlapping ones keep the earlier span.

    ``original`` is the document text from ``start`` on (markup included), when known.
    """
    offsets = align(text, original) if original is not None else None
    found: list[Mark] = []
    for span in spans:
        if span.type not in MARKED_SPANS:
            continue
        lo = hi = -1
        if offsets is not None:
            inside = [i for i, o in enumerate(offsets) if span.start <= o + start < span.end]
            if inside:
                lo, hi = inside[0], inside[-1] + 1
        if lo < 0 and span.text:
            # No document text (export) or no alignment: find the span's words, nearest
            # to where its original offset says it is.
            hits = [m.start() for m in re.finditer(re.escape(span.text), text)]
            if hits:
                lo = min(hits, key=lambda h: abs(h - (span.start - start)))
                hi = lo + len(span.text)
        if lo >= 0:
            found.append(Mark(span.type, lo, hi))
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mark] = []
    for mark in found:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return tuple(kept)


def _is_heading(doc_text: str, start: int) -> bool:
    line_start = doc_text.rfind("\n", 0, start) + 1
    return bool(_HEADING_PREFIX.fullmatch(doc_text[line_start:start]))


def shown_text(raw: str) -> tuple[str, bool]:
    """What a reader sees of an export's raw sentence text (markdown markup removed)."""
    raw_lines = raw.split("\n")
    stripped = [strip_line(line, 0, len(line)) for line in raw_lines]
    parts = [s.shown(line) for s, line in zip(stripped, raw_lines, strict=True)]
    shown = " ".join(p for p in parts if p)
    return shown or raw.strip(), any(s.heading for s in stripped)


def _sentence(
    row: dict[str, Any], n: int, paragraph: int, doc_text: str | None,
    spans: tuple[SpanRecord, ...] | None,
) -> Sentence:
    reviewed_label = _first(row, REVIEWED_LABEL)
    prelabel = _first(row, PRE_LABEL)
    start = int(row["start"])
    text = str(row["text"])
    if doc_text is not None:
        original: str | None = doc_text[start : int(row.get("end") or len(doc_text))]
        heading = _is_heading(doc_text, start)
    elif "prelabel_label" in row:
        # The export's text is the raw slice (markup included); show it as a reader would.
        original = text
        text, heading = shown_text(text)
    else:
        original, heading = None, False
    score = _first(row, PRE_SCORE)
    if spans is None:
        spans = _spans(row.get("spans"))
    cue = _first(row, ("cue",)) or next((s.text for s in spans if s.type == "CUE"), None)
    return Sentence(
        doc_id=str(row["doc_id"]),
        sentence_id=str(row["sentence_id"]),
        index=int(row["index"]) if _first(row, ("index",)) else n,
        paragraph=paragraph,
        text=text,
        label=reviewed_label or prelabel,
        prelabel=prelabel,
        reviewed=reviewed_label is not None,
        score=float(score) if score is not None else None,
        source=_first(row, REVIEWED_SOURCE) if reviewed_label else _first(row, PRE_SOURCE),
        source_kind=_first(row, REVIEWED_KIND) if reviewed_label else _first(row, PRE_KIND),
        cue=cue,
        explanation=_first(row, PRE_EXPLANATION),
        marks=marks_for(text, start, spans, original),
        heading=heading,
    )


def _export_spans(path: Path, rows: list[dict[str, Any]]) -> dict[str, tuple[SpanRecord, ...]]:
    """Spans of an export (``spans.csv`` beside ``sentences.csv``) by sentence id.

    A reviewed sentence shows the reviewer's spans, an unreviewed one its pre-label's.
    """
    spans_file = path.with_name("spans" + path.suffix)
    if path.stem != "sentences" or not spans_file.is_file():
        return {}
    reviewed = {str(r["sentence_id"]) for r in rows if _first(r, REVIEWED_LABEL)}
    out: dict[str, list[SpanRecord]] = {}
    for row in iter_rows(spans_file):
        sid = str(row.get("sentence_id") or "")
        wanted = "review" if sid in reviewed else "prelabel"
        if row.get("origin") == wanted and row.get("status") != REMOVED:
            out.setdefault(sid, []).append(SpanRecord.from_dict(row))
    return {sid: tuple(spans) for sid, spans in out.items()}


def _resolve(path: Path) -> Path:
    if path.is_dir():
        # An export directory: its sentences.csv.
        path = path / "sentences.csv"
    if not path.is_file():
        raise ClassroomError(E.E150.format(path=path))
    if path.suffix.lower() not in FORMATS:
        # Most likely an article itself: it has to be pre-labeled first.
        reason = f"{path.suffix or 'no extension'}; run `annotator prelabel {path}` first"
        raise ClassroomError(E.E152.format(path=path, reason=reason))
    return path


def _documents(path: Path) -> dict[str, DocumentRecord]:
    for candidate in (documents_path(path), path.with_name("documents" + path.suffix)):
        if candidate.is_file() and candidate != path:
            rows = iter_rows(candidate)
            return {d.doc_id: d for d in (DocumentRecord.from_dict(r) for r in rows)}
    return {}


def load_articles(paths: Sequence[Path]) -> list[Article]:
    """Articles in input order, sentences in document order. Raises ClassroomError."""
    articles: list[Article] = []
    for raw in paths:
        path = _resolve(Path(raw))
        try:
            docs = _documents(path)
            rows = [r for r in iter_rows(path) if r.get("review_status") != REMOVED]
            export_spans = _export_spans(path, rows)
        except AnnotatorError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ClassroomError(E.E152.format(path=path, reason=err)) from err
        if not rows:
            raise ClassroomError(E.E151.format(path=path))
        missing = {"doc_id", "sentence_id", "start", "text"} - set(rows[0])
        if missing:
            raise ClassroomError(
                E.E152.format(path=path, reason=f"missing column(s) {', '.join(sorted(missing))}")
            )
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_doc.setdefault(str(row["doc_id"]), []).append(row)
        for doc_id, doc_rows in by_doc.items():
            doc = docs.get(doc_id)
            try:
                doc_rows.sort(key=lambda r: int(r["start"]))
                built = []
                paragraph = 0
                for n, r in enumerate(doc_rows):
                    # A sentence a reviewer drew has no paragraph: it joins the one before.
                    if _first(r, ("paragraph",)):
                        paragraph = int(r["paragraph"])
                    spans = export_spans.get(str(r["sentence_id"])) if export_spans else None
                    built.append(_sentence(r, n, paragraph, doc.text if doc else None, spans))
                sentences = tuple(built)
            except (ValueError, KeyError, TypeError) as err:
                raise ClassroomError(E.E152.format(path=path, reason=f"bad row: {err}")) from err
            articles.append(
                Article(
                    doc_id=doc_id,
                    title=_title(doc, sentences),
                    author=doc.author if doc else None,
                    date=doc.date if doc else None,
                    url=doc.url if doc else None,
                    sentences=sentences,
                )
            )
    return articles


def _title(doc: DocumentRecord | None, sentences: Sequence[Sentence]) -> str:
    if doc and doc.title:
        return doc.title
    heading = next((s.text for s in sentences if s.heading), None)
    return heading or (doc.doc_id if doc else sentences[0].doc_id)
