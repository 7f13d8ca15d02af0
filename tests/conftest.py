"""Shared fixtures. ``label_studio`` starts ONE real Label Studio per test session.

It runs the venv's ``label-studio`` on 127.0.0.1 and a free port, in a temporary data
dir, with a known user and legacy token (set on the data dir's first start), waits for
``/api/version`` (31-36 s on a fresh dir) and stops it at the end of the session. Tests
that use it are marked ``labelstudio``; any helper's tests may reuse it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language

from annotator.recordio import documents_path
from annotator.records import (
    DocumentRecord,
    SentenceRecord,
    SpanRecord,
    content_hash,
    make_sentence_id,
)
from annotator.rules import add_to_pipeline
from annotator.segment import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The spaCy pipeline with the rules but without the opinion cues (the rule tests of
    attribution, quotes and blocks); a test module may define its own ``nlp``."""
    nlp = load_nlp()
    if "annotator_prelabeler" in nlp.pipe_names:
        nlp.remove_pipe("annotator_prelabeler")
    add_to_pipeline(nlp, use_opinion=False)
    return nlp


ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@dataclass(frozen=True)
class LabelStudioServer:
    url: str
    api_key: str
    data_dir: Path
    username: str

    def client(self):  # type: ignore[no-untyped-def]
        from label_studio_sdk import LabelStudio

        return LabelStudio(base_url=self.url, api_key=self.api_key, timeout=600)


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabelStudioServer]:
    """Started and stopped through the CLI (`serve --detach` / `serve --stop`), as the
    Makefile's demo does, so the session also exercises those commands."""
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.labelstudio import client, server

    data_dir = tmp_path_factory.mktemp("labelstudio")
    port = server.free_port()
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--detach", "--data-dir", str(data_dir),
                                 "--port", str(port)])
    if result.exit_code != 0:
        server.stop(data_dir)
        pytest.fail(f"annotator serve --detach failed: {result.output}")
    creds = client.read_credentials(data_dir)
    assert creds is not None
    try:
        yield LabelStudioServer(creds["url"], creds["api_key"], data_dir, creds["username"])
    finally:
        runner.invoke(cli, ["serve", "--stop", "--data-dir", str(data_dir)])
        server.stop(data_dir)  # no-op unless the CLI stop failed


def _quote_span(text: str, start: int) -> SpanRecord | None:
    match = re.search(r"“[^”]{3,}”|\"[^\"]{3,}\"", text)
    if not match:
        return None
    return SpanRecord("QUOTE", start + match.start(), start + match.end(), match.group())


def gold_records(doc_stems: list[str] | None = None,
                 model_version: str = "gold-fixture-1") -> tuple[list[DocumentRecord],
                                                                 list[SentenceRecord]]:
    """Records built by hand from the seed files and the gold labels (no pipeline).

    Each non-boilerplate gold sentence becomes a pre-labeled sentence; a SOURCE span is
    the gold source's last word where the sentence contains it, a QUOTE the first
    quoted passage. Scores are a deterministic hash, not a model's.
    """
    if not GOLD.exists():
        # a checkout without ../shared beside it (CI has it): as test_segment does
        pytest.skip(f"shared gold not available ({GOLD})")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    docs: list[DocumentRecord] = []
    sents: list[SentenceRecord] = []
    for path in sorted(SEEDS.glob("*.txt")):
        if doc_stems is not None and path.stem not in doc_stems:
            continue
        text = path.read_text(encoding="utf-8")
        chash = content_hash(text)
        rows = [g for g in gold if g["doc"] == path.stem and g["label"] != "boilerplate"]
        paragraph = 0
        prev_end = 0
        for i, g in enumerate(rows):
            start, end = g["start"], g["end"]
            if "\n\n" in text[prev_end:start]:
                paragraph += 1
            prev_end = end
            spans = []
            for source in g["sources"][:1]:
                last = source.split()[-1]
                pos = text.find(last, start, end)
                if pos >= 0:
                    spans.append(SpanRecord("SOURCE", pos, pos + len(last), last))
            quote = _quote_span(text[start:end], start)
            if quote:
                spans.append(quote)
            score = int(hashlib.sha1(f"{path.stem}{i}".encode()).hexdigest()[:2], 16) / 255
            attributed = g["label"] in ("sourced_fact", "official_quote")
            sents.append(SentenceRecord(
                doc_id=path.stem, sentence_id=make_sentence_id(chash, start, end), index=i,
                paragraph=paragraph, start=start, end=end, text=text[start:end],
                label=g["label"], score=round(score, 3),
                source=g["sources"][0] if g["sources"] and attributed else None,
                source_kind=g["source_kind"] if attributed else None,
                spans=tuple(spans), explanation=f"gold fixture label {g['label']}",
                rule_ids=(f"fixture.{g['label']}", "fixture.any"), model_version=model_version,
            ))
        docs.append(DocumentRecord(doc_id=path.stem, content_hash=chash, text=text,
                                   text_origin="original", source_file=path.name,
                                   title=path.stem, n_chars=len(text), n_sentences=len(rows)))
    return docs, sents


def write_records(path: Path, docs: list[DocumentRecord], sents: list[SentenceRecord]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in sents),
                    encoding="utf-8")
    documents_path(path).write_text(
        "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs),
        encoding="utf-8")
    return path
