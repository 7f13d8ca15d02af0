"""The versioned data in schemas/ agrees with itself, with the codebook and with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.records import SPAN_TYPES

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
LABELS = json.loads((SCHEMAS / "labels.json").read_text(encoding="utf-8"))


def test_labels_match_the_codebook_table() -> None:
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z_]+)` \| ([^|]+?) \|", codebook, flags=re.M)
    expected = [(lab["id"], lab["name"]) for lab in LABELS["labels"]]
    assert [(i, name.strip()) for i, name in table] == expected


def test_precedence_covers_every_label_once() -> None:
    ids = [lab["id"] for lab in LABELS["labels"]]
    assert sorted(LABELS["precedence"]) == sorted(ids)
    assert set(LABELS["attributed_labels"]) <= set(ids)


def test_span_types_match_the_records() -> None:
    assert tuple(s["id"] for s in LABELS["span_types"]) == SPAN_TYPES


def test_source_kinds_match_the_codebook() -> None:
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    for kind in LABELS["source_kinds"]:
        assert f"`{kind['id']}`" in codebook


def test_hotkeys_and_colours_are_unique() -> None:
    items = LABELS["labels"] + LABELS["span_types"]
    hotkeys = [i["hotkey"] for i in items]
    colours = [i["color"].lower() for i in items]
    assert len(set(hotkeys)) == len(hotkeys)
    assert len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-fA-F]{6}", c) for c in colours)


def test_every_pattern_has_a_unique_id() -> None:
    seen: dict[str, str] = {}
    files = sorted((SCHEMAS / "patterns").glob("*.jsonl"))
    assert files, "no pattern files"
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            assert isinstance(entry.get("id"), str) and entry["id"], f"{path.name}:{n} has no id"
            other = seen.get(entry["id"])
            assert other is None, f"{entry['id']} in {path.name} and {other}"
            seen[entry["id"]] = path.name
            assert isinstance(entry.get("pattern"), list) and entry["pattern"], f"{path.name}:{n}"


def test_every_cue_span_family_names_existing_rules() -> None:
    # A family misspelt in lexicons/opinion.json ``cue_spans`` would silently drop
    # its CUE spans; each must be the id, or the dotted prefix, of a rule that exists.
    lexicon = json.loads((SCHEMAS / "lexicons" / "opinion.json").read_text(encoding="utf-8"))
    ids = [c["id"] for c in lexicon["classes"]] + [lexicon["mental_state"]["id"]]
    for name in ("opinion.jsonl", "other.jsonl"):
        for line in (SCHEMAS / "patterns" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.append(json.loads(line)["id"])
    families = lexicon["cue_spans"]["families"]
    assert families
    for fam in families:
        assert any(i == fam or i.startswith(fam + ".") for i in ids), fam


def test_hedged_stance_rules_exist() -> None:
    # decide.py names the speculation rules that make a stance the author's guess
    # (rule 4); a phrase renamed in the lexicon would silently drop one of them.
    from annotator.rules.decide import _SPECULATION_RULES

    lexicon = json.loads((SCHEMAS / "lexicons" / "opinion.json").read_text(encoding="utf-8"))
    ids = {
        f"{c['id']}.{p.replace(' ', '_')}" for c in lexicon["classes"] for p in c["phrases"]
    }
    for line in (SCHEMAS / "patterns" / "opinion.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ids.add(json.loads(line)["id"])
    assert _SPECULATION_RULES
    assert sorted(_SPECULATION_RULES - ids) == []
