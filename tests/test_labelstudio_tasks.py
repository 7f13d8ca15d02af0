"""Records -> tasks: deterministic ids, trimming, validation of every region, batches."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import gold_records

from annotator.errors import LabelStudioError
from annotator.labelstudio import tasks as t
from annotator.records import DocumentRecord, SentenceRecord, SpanRecord, content_hash


def _doc(text: str) -> DocumentRecord:
    return DocumentRecord("d", content_hash(text), text, "original")


def _sent(text: str, start: int, end: int, **kw: object) -> SentenceRecord:
    base = dict(doc_id="d", sentence_id=f"s{start}", index=0, paragraph=0, start=start,
                end=end, text=text[start:end], label="opinion", score=0.5, model_version="m1")
    base.update(kw)
    return SentenceRecord(**base)  # type: ignore[arg-type]


def test_region_ids_are_deterministic_and_sentence_ids_kept() -> None:
    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    first = list(t.build_tasks(docs, sents))
    again = list(t.build_tasks(docs, sents))
    assert first == again
    ids = [r["id"] for r in first[0].prediction["result"] if r.get("type") == "labels"]
    assert len(ids) == len(set(ids))
    claim_ids = [r["id"] for r in first[0].prediction["result"] if r.get("from_name") == "claim"]
    assert claim_ids == [s.sentence_id for s in sorted(sents, key=lambda s: s.start)]
    assert first[0].key == docs[0].content_hash
    assert first[0].data["content_hash"] == docs[0].content_hash


def test_leading_newline_and_spaces_are_trimmed() -> None:
    text = "Title\n\n   Body sentence here.  \n"
    doc = _doc(text)
    spec = t.article_task(doc, [_sent(text, 5, len(text))], "m1")
    region = spec.prediction["result"][0]["value"]
    assert region["text"] == "Body sentence here."
    assert text[region["start"]:region["end"]] == region["text"]


def test_emoji_and_curly_quotes_before_a_span_keep_code_point_offsets() -> None:
    text = "👍🏽 “Quoted” — ‘x’ 😀 Reuters said so."
    pos = text.index("Reuters")
    sent = _sent(text, 0, len(text), label="sourced_fact",
                 spans=(SpanRecord("SOURCE", pos, pos + 7, "Reuters"),))
    spec = t.article_task(_doc(text), [sent], "m1")
    span = next(r for r in spec.prediction["result"] if r.get("from_name") == "span")
    assert (span["value"]["start"], span["value"]["text"]) == (pos, "Reuters")
    assert pos == 20  # code points, not UTF-16 units (which would give 23)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "fact"}, "unknown label 'fact'"),
        ({"end": 999}, "outside the text"),
        ({"source_kind": "blog"}, "unknown source kind"),
    ],
)
def test_invalid_regions_are_refused_before_sending(change: dict[str, object],
                                                    message: str) -> None:
    text = "One sentence. Two sentence."
    sent = dataclasses.replace(_sent(text, 0, 13), **change)  # type: ignore[arg-type]
    with pytest.raises(LabelStudioError, match=r"\[E105\].*" + message):
        t.article_task(_doc(text), [sent], "m1")


def test_validate_catches_text_mismatch_whitespace_and_dangling_relations() -> None:
    text = "Hello world."
    region = {"id": "a", "from_name": "claim", "type": "labels",
              "value": {"start": 0, "end": 5, "text": "Hellx", "labels": ["other"]}}
    with pytest.raises(LabelStudioError, match="does not match"):
        t.validate_results("x", text, [region])
    region["value"] = {"start": 5, "end": 11, "text": " world", "labels": ["other"]}
    with pytest.raises(LabelStudioError, match="whitespace"):
        t.validate_results("x", text, [region])
    region["value"] = {"start": 0, "end": 5, "text": "Hello", "labels": ["other"]}
    relation = {"type": "relation", "from_id": "zz", "to_id": "a"}
    with pytest.raises(LabelStudioError, match="missing region"):
        t.validate_results("x", text, [region, relation])
    t.validate_results("x", text, [region])  # the valid one passes


def test_sentence_unit_uses_the_paragraph_as_context() -> None:
    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    specs = list(t.build_tasks(docs, sents, unit="sentence"))
    assert len(specs) == len(sents)
    assert len({s.key for s in specs}) == len(specs)
    for spec, sent in zip(specs, sorted(sents, key=lambda s: s.start), strict=True):
        claim = spec.prediction["result"][0]
        shift = spec.data["offset"]
        assert claim["value"]["text"] == sent.text.strip()
        assert spec.data["text"][claim["value"]["start"]:claim["value"]["end"]] == sent.text.strip()
        assert docs[0].text[shift:shift + len(spec.data["text"])] == spec.data["text"]


def test_batches_hold_at_most_a_thousand_tasks() -> None:
    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    spec = next(t.build_tasks(docs, sents))
    sizes = [len(b) for b in t.batched([spec] * 2501)]
    assert sizes == [1000, 1000, 501]
