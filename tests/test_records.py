"""Records and record I/O: round trips through every format, CSV safety, ids."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from annotator.errors import OutputError
from annotator.recordio import (
    DOCUMENT_COLUMNS,
    SENTENCE_COLUMNS,
    csv_safe,
    documents_path,
    read_documents,
    read_sentences,
    write_rows,
)
from annotator.records import (
    DocumentRecord,
    SentenceRecord,
    SpanRecord,
    content_hash,
    make_sentence_id,
)

TEXT = "Putin said: “We agree.” =SUM(A1) is not a formula here."


def _sentence(**kw: object) -> SentenceRecord:
    base: dict[str, object] = dict(
        doc_id="d1",
        sentence_id=make_sentence_id(content_hash(TEXT), 0, 23),
        index=0,
        paragraph=0,
        start=0,
        end=23,
        text="Putin said: “We agree.”",
        label="official_quote",
        score=0.9,
        source="Putin",
        source_kind="official",
        cue="said",
        spans=(SpanRecord("SOURCE", 0, 5, "Putin"), SpanRecord("QUOTE", 13, 22, "We agree.")),
        explanation="verbatim quote of 'Putin', introduced by 'said'",
        rule_ids=("quote.colon_lead_in", "attr.verb.say"),
        model_version="rules-test",
    )
    base.update(kw)
    return SentenceRecord(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_sentence_round_trip(tmp_path: Path, suffix: str) -> None:
    records = [_sentence(), _sentence(index=1, text="=SUM(A1) is not a formula here.",
                                      label=None, score=None, spans=(), rule_ids=())]
    path = tmp_path / f"s{suffix}"
    assert write_rows(path, (r.to_dict() for r in records), SENTENCE_COLUMNS) == 2
    assert list(read_sentences(path)) == records


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_document_round_trip(tmp_path: Path, suffix: str) -> None:
    doc = DocumentRecord(doc_id="d1", content_hash=content_hash(TEXT), text=TEXT,
                         text_origin="original", meta={"k": "v"}, n_chars=len(TEXT))
    path = documents_path(tmp_path / f"s{suffix}")
    assert path.name == f"s.documents{suffix}"
    write_rows(path, [doc.to_dict()], DOCUMENT_COLUMNS)
    assert list(read_documents(path)) == [doc]


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    write_rows(path, [_sentence(text="=HYPERLINK(\"x\")", source="+1", cue="@me").to_dict()],
               SENTENCE_COLUMNS)
    frame = pd.read_csv(path)
    assert frame.loc[0, "text"] == "'=HYPERLINK(\"x\")"
    assert frame.loc[0, "source"] == "'+1"
    assert frame.loc[0, "cue"] == "'@me"
    assert csv_safe("-3") == "'-3" and csv_safe("ok") == "ok" and csv_safe(3) == 3


def test_csv_loads_in_pandas_with_one_row_per_sentence(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    write_rows(path, [_sentence(index=i).to_dict() for i in range(3)], SENTENCE_COLUMNS)
    frame = pd.read_csv(path)
    assert list(frame.columns) == SENTENCE_COLUMNS
    assert len(frame) == 3


def test_ids_are_deterministic_and_content_sensitive() -> None:
    h = content_hash(TEXT)
    assert make_sentence_id(h, 0, 5) == make_sentence_id(h, 0, 5)
    assert make_sentence_id(h, 0, 5) != make_sentence_id(h, 0, 6)
    assert make_sentence_id(content_hash(TEXT + " "), 0, 5) != make_sentence_id(h, 0, 5)


def test_unknown_extension_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"\[E009\] Unsupported output extension '\.xlsx'"):
        write_rows(tmp_path / "x.xlsx", [], SENTENCE_COLUMNS)


def test_malformed_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(_sentence().to_dict().__repr__().replace("'", '"')[:10] + "\n")
    with pytest.raises(OutputError, match=r"\[E011\].*line 1"):
        list(read_sentences(path))
