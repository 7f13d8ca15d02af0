"""Export flattening, agreement and CSV safety, on a recorded real Label Studio export.

``fixtures/labelstudio/export_two_annotators.json`` was recorded from Label Studio
1.23.2 with ``fixtures/labelstudio/record_fixture.py``: two tasks (cut-down seeds 004
and 002); task 004 has two annotations: both relabel sentence 1 other->opinion;
annotator 2 relabels sentence 2 other->unsourced_claim and deletes sentence 3's
region; annotator 1 adds a CUE span. Expected values below are worked out by hand
from that script and the gold labels, not by running the code.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.export import (
    cohen_kappa,
    columns,
    flatten,
    krippendorff_alpha_nominal,
    majority,
    mean_pairwise_kappa,
    write_export,
)
from annotator.labelstudio.pull import read_export

FIXTURE = Path(__file__).parent / "fixtures" / "labelstudio" / "export_two_annotators.json"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "export_columns.json"


def test_krippendorff_alpha_matches_krippendorffs_worked_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal data:
    # 4 observers, 12 units, missing values; alpha = 0.743.
    matrix = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [[row[u] for row in matrix if row[u] is not None] for u in range(12)]
    alpha = krippendorff_alpha_nominal(units)
    assert alpha == pytest.approx(0.743, abs=5e-4)


def test_alpha_edge_cases() -> None:
    assert krippendorff_alpha_nominal([["a", "a"], ["b", "b"]]) == pytest.approx(1.0)
    assert krippendorff_alpha_nominal([["a", "a"], ["a", "a"]]) is None  # one value only
    assert krippendorff_alpha_nominal([["a"], ["b"]]) is None  # nothing pairable


def test_cohen_kappa_hand_computed() -> None:
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> po 0.7, pe 0.5, kappa 0.4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("a", "a")] * 3) is None
    units = [{"r1": a, "r2": b} for a, b in pairs]
    assert mean_pairwise_kappa(units) == pytest.approx(0.4)


def test_majority_breaks_ties_by_codebook_precedence() -> None:
    assert majority(["other", "opinion", "other"]) == "other"
    assert majority(["other", "unsourced_claim"]) == "unsourced_claim"
    assert majority(["sourced_fact", "official_quote"]) == "official_quote"
    assert majority([]) is None


def test_flatten_recorded_export_with_two_annotators() -> None:
    tasks = read_export(FIXTURE)
    flat = flatten(tasks)
    rows = {r["sentence_id"]: r for r in flat.sentences}
    doc004 = [r for r in flat.sentences if r["doc_id"] == "004_4adb755bc2b36fd6"]
    doc002 = [r for r in flat.sentences if r["doc_id"] == "002_8fae56004db64a7c"]
    assert len(doc004) == 11
    assert doc002 and {r["review_status"] for r in doc002} == {"unreviewed"}
    assert all(r["changed"] is None and r["reviewed_label"] is None for r in doc002)
    by_index = {r["index"]: r for r in doc004}
    assert (by_index[1]["prelabel_label"], by_index[1]["reviewed_label"]) == ("other", "opinion")
    assert by_index[1]["agreement"] == 1.0 and by_index[1]["changed"] is True
    # 1-1 tie between other and unsourced_claim: precedence picks unsourced_claim.
    assert by_index[2]["reviewed_label"] == "unsourced_claim"
    assert by_index[2]["agreement"] == 0.5 and by_index[2]["changed"] is True
    # Deleted by annotator 2 only: still reviewed, by annotator 1 alone.
    assert by_index[3]["annotators"] == "dev@example.com"
    assert by_index[3]["agreement"] is None and by_index[3]["changed"] is False
    assert sum(1 for r in doc004 if r["changed"]) == 2
    assert {r["n_annotations"] for r in doc004} == {2}
    assert {r["lead_time"] for r in doc004} == {21.25}
    added = [s for s in flat.spans if s["status"] == "added"]
    assert [(s["span_id"], s["type"], s["annotator"]) for s in added] == [
        ("added0001", "CUE", "dev@example.com")]
    assert len(rows) == len(flat.sentences)  # sentence ids are unique


def test_agreement_and_acceptance_hand_computed(tmp_path: Path) -> None:
    summary = write_export(read_export(FIXTURE), tmp_path)
    agreement = {r["label"]: r for r in summary.agreement}
    # 10 doubly-labeled sentences, 1 disagreement (other vs unsourced_claim):
    # alpha = 1 - 19*2/306, kappa = (0.9-0.23)/0.77; per label "other": 1 - 38/150,
    # (0.9-0.62)/0.38.
    assert agreement["all"]["n_units"] == 10
    assert agreement["all"]["krippendorff_alpha"] == pytest.approx(1 - 38 / 306, abs=1e-4)
    assert agreement["all"]["cohen_kappa"] == pytest.approx(0.67 / 0.77, abs=1e-4)
    assert agreement["other"]["krippendorff_alpha"] == pytest.approx(1 - 38 / 150, abs=1e-4)
    assert agreement["other"]["cohen_kappa"] == pytest.approx(0.28 / 0.38, abs=1e-4)
    assert agreement["sourced_fact"]["krippendorff_alpha"] == pytest.approx(1.0)
    acc = {(r["group"], r["key"]): r for r in summary.acceptance}
    # 11 reviewed sentences; 4 pre-labeled "other" (indexes 0, 1, 2, 4), 2 of them changed.
    assert (acc["all", "all"]["n_reviewed"], acc["all", "all"]["n_accepted"]) == (11, 9)
    assert (acc["label", "other"]["n_reviewed"], acc["label", "other"]["n_accepted"]) == (4, 2)
    assert acc["rule", "fixture.other"]["acceptance_rate"] == pytest.approx(0.5)
    assert acc["label", "opinion"]["acceptance_rate"] == 1.0


def test_csv_headers_equal_the_data_dictionary(tmp_path: Path) -> None:
    write_export(read_export(FIXTURE), tmp_path)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for resource in schema["resources"]:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == fields
        assert columns(resource["name"]) == fields
        import pyarrow.parquet as pq

        assert pq.read_schema(tmp_path / f"{resource['name']}.parquet").names == fields
    assert (tmp_path / "README.md").read_text().startswith("# Dataset card")


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    tasks = read_export(FIXTURE)
    task = next(t for t in tasks if not t.get("annotations"))
    region = next(r for r in task["predictions"][0]["result"] if r.get("from_name") == "claim")
    start, end = region["value"]["start"], region["value"]["end"]
    evil = "=HYPERLINK(\"x\")" + "-" * (end - start - 15)
    assert len(evil) == end - start
    task["data"]["text"] = task["data"]["text"][:start] + evil + task["data"]["text"][end:]
    region["value"]["text"] = evil
    write_export(tasks, tmp_path)
    with (tmp_path / "sentences.csv").open(encoding="utf-8", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)]
    assert "'" + evil in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    import pyarrow.parquet as pq

    assert evil in pq.read_table(tmp_path / "sentences.parquet").column("text").to_pylist()


def test_read_export_rejects_other_files(tmp_path: Path) -> None:
    from annotator.errors import LabelStudioError

    bad = tmp_path / "x.json"
    bad.write_text('{"not": "a list"}')
    with pytest.raises(LabelStudioError, match=r"\[E109\].*expected a JSON list of tasks"):
        read_export(bad)
