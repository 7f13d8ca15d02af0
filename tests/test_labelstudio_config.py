"""The labeling config and instructions come from schemas/ and agree with them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from annotator.labelstudio import config

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "labels.json")
                    .read_text(encoding="utf-8"))


def _controls() -> ET.Element:
    return ET.fromstring(config.labeling_config())


def test_config_lists_exactly_the_schema_labels_and_span_types() -> None:
    root = _controls()
    by_name = {el.get("name"): el for el in root.iter() if el.get("name")}
    claim = by_name[config.CLAIM]
    assert claim.tag == "Labels" and claim.get("toName") == config.TEXT
    labels = [(lab.get("value"), lab.get("background"), lab.get("hotkey"))
              for lab in claim.findall("Label")]
    assert labels == [(x["id"], x["color"], x["hotkey"]) for x in SCHEMA["labels"]]
    spans = [(s.get("value"), s.get("background"), s.get("hotkey"))
             for s in by_name[config.SPAN].findall("Label")]
    assert spans == [(x["id"], x["color"], x["hotkey"]) for x in SCHEMA["span_types"]]
    kinds = [c.get("value") for c in by_name[config.KIND].findall("Choice")]
    assert kinds == [k["id"] for k in SCHEMA["source_kinds"]]
    # Every label's description is the hint reviewers see.
    for lab in claim.findall("Label"):
        item = next(x for x in SCHEMA["labels"] if x["id"] == lab.get("value"))
        assert item["description"] in (lab.get("hint") or "")


def test_config_has_relations_and_per_region_reason() -> None:
    root = _controls()
    assert [r.get("value") for r in root.iter("Relation")] == [config.RELATION]
    reason = next(el for el in root.iter("TextArea") if el.get("name") == config.REASON)
    assert reason.get("perRegion") == "true"
    texts = [el for el in root.iter("Text")]
    assert [(t.get("name"), t.get("value")) for t in texts] == [(config.TEXT, "$text")]


def test_hotkeys_are_unique() -> None:
    keys = [x["hotkey"] for x in SCHEMA["labels"] + SCHEMA["span_types"]]
    assert len(keys) == len(set(keys))


def test_instructions_are_the_guidelines_with_every_label() -> None:
    html = config.instructions_html()
    assert html.startswith("<h2>Annotation guidelines")
    for item in SCHEMA["labels"] + SCHEMA["span_types"]:
        assert item["id"] in html
    assert "<table>" in html and "<script" not in html
    assert "&lt;" not in config.markdown_to_html("plain") and "&lt;b&gt;" in (
        config.markdown_to_html("<b>x</b>"))
