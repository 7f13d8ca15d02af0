"""Write and read sentence and document records as JSONL, CSV or Parquet.

The format follows the extension of the output path. Writers stream: records are
written as they come, so a corpus is never held in memory (Parquet is written in
row groups of ``PARQUET_BATCH`` rows).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import E, OutputError
from .records import DocumentRecord, SentenceRecord

FORMATS = (".jsonl", ".csv", ".parquet")
PARQUET_BATCH = 5_000
# Cells starting with these run as formulas when a CSV is opened in a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# One encoder for every JSONL row: ``json.dumps`` with a non-default option builds a
# new JSONEncoder per call. Same settings, so the same bytes.
_JSONL_ENCODER = json.JSONEncoder(ensure_ascii=False)


def output_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(E.E009.format(suffix=suffix))
    return suffix


def documents_path(sentences_path: Path) -> Path:
    """Where document records go beside a sentence file: ``x.jsonl`` -> ``x.documents.jsonl``."""
    return sentences_path.with_name(f"{sentences_path.stem}.documents{sentences_path.suffix}")


def csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection) by prefixing a quote character."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _dict_as_json(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Lists and mappings become JSON strings for CSV cells."""
    out = {}
    for key, value in row.items():
        if isinstance(value, (list, tuple, dict)):
            value = json.dumps(value, ensure_ascii=False)
        out[key] = csv_safe(value)
    return out


class RecordWriter:
    """Streams dict rows to JSONL, CSV or Parquet. Use as a context manager."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.path = path
        self.format = output_format(path)
        self.columns = columns
        self.count = 0
        self._fh: Any = None
        self._csv: Any = None
        self._pq: Any = None
        self._batch: list[dict[str, Any]] = []

    def __enter__(self) -> RecordWriter:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.format == ".jsonl":
                self._fh = self.path.open("w", encoding="utf-8")
            elif self.format == ".csv":
                self._fh = self.path.open("w", encoding="utf-8", newline="")
                self._csv = csv.DictWriter(self._fh, fieldnames=self.columns)
                self._csv.writeheader()
        except OSError as err:
            raise OutputError(E.E002.format(path=self.path, reason=err.strerror or err)) from err
        return self

    def write(self, row: dict[str, Any]) -> None:
        self.count += 1
        if self.format == ".jsonl":
            self._fh.write(_JSONL_ENCODER.encode(row) + "\n")
        elif self.format == ".csv":
            self._csv.writerow(_flat(row))
        else:
            self._batch.append(row)
            if len(self._batch) >= PARQUET_BATCH:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._batch:
            return
        # Mappings (document meta) vary in shape from row to row: store them as JSON text.
        rows = [{k: _dict_as_json(v) for k, v in r.items()} for r in self._batch]
        table = pa.Table.from_pylist(rows)
        if self._pq is None:
            self._pq = pq.ParquetWriter(str(self.path), table.schema)
        else:
            table = table.cast(self._pq.schema)
        self._pq.write_table(table)
        self._batch = []

    def __exit__(self, *exc: object) -> None:
        if self.format == ".parquet":
            self._flush_parquet()
            if self._pq is not None:
                self._pq.close()
        if self._fh is not None:
            self._fh.close()


SENTENCE_COLUMNS = list(SentenceRecord.__dataclass_fields__)
DOCUMENT_COLUMNS = list(DocumentRecord.__dataclass_fields__)


def iter_rows(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL, CSV or Parquet file, streamed where the format allows."""
    fmt = output_format(path)
    if fmt == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise OutputError(
                            E.E011.format(path=path, reason=f"line {n}: {err.msg}")
                        ) from err
    elif fmt == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k: _unsafe(v) for k, v in row.items()}
    else:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(str(path))
        for batch in pf.iter_batches():
            yield from batch.to_pylist()


def _unsafe(value: str) -> str:
    """Undo ``csv_safe`` when reading our own CSV back."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def read_sentences(path: Path) -> Iterator[SentenceRecord]:
    for row in iter_rows(path):
        try:
            yield SentenceRecord.from_dict(row)
        except (KeyError, ValueError, TypeError) as err:
            raise OutputError(E.E011.format(path=path, reason=f"bad row: {err}")) from err


def read_documents(path: Path) -> Iterator[DocumentRecord]:
    for row in iter_rows(path):
        try:
            yield DocumentRecord.from_dict(row)
        except (KeyError, ValueError, TypeError) as err:
            raise OutputError(E.E011.format(path=path, reason=f"bad row: {err}")) from err


def write_rows(path: Path, rows: Iterable[dict[str, Any]], columns: list[str]) -> int:
    with RecordWriter(path, columns) as writer:
        for row in rows:
            writer.write(row)
    return writer.count
