"""CLI behaviour: help everywhere, exit codes and messages, a mixed batch."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotator.cli import cli

LABELS = {"sourced_fact", "official_quote", "opinion", "unsourced_claim", "other"}


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    return sorted(group.commands.items())


def test_every_command_has_help_text_with_examples() -> None:
    names = [name for name, _ in _commands(cli)]
    expected = {"prelabel", "evaluate", "serve", "push", "export", "render", "worksheet", "grade"}
    assert expected <= set(names)
    runner = CliRunner()
    for name, command in _commands(cli):
        assert command.help and len(command.help.strip()) > 40, f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help shows no examples"


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "annotator" in result.output


def test_prelabel_without_inputs_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["prelabel", "--out", "x.jsonl"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.output


def test_prelabel_missing_path_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["prelabel", str(tmp_path / "nope"), "--out",
                                      str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "[E001] No input files found under" in result.output
    assert "Traceback" not in result.output


def test_prelabel_bad_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the talks went well.\n")
    result = CliRunner().invoke(cli, ["prelabel", str(tmp_path / "a.txt"), "--out",
                                      str(tmp_path / "o.xlsx")])
    assert result.exit_code == 1
    assert "Error: [E009] Unsupported output extension '.xlsx'" in result.output


@pytest.mark.slow
def test_mixed_batch_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(
        "Talks in Sochi\n\nThe minister said the talks were useful. Prices rose by 3%.\n",
        encoding="utf-8",
    )
    (src / "empty.txt").write_text("")
    (src / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (src / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Reuters reported that the deal was signed."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "j2", "text": "It will probably fail."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["prelabel", str(src), "--out", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "3 documents" in result.output and "3 inputs skipped" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["doc_id"] for r in rows} == {"good", "j1", "j2"}
    doc_lines = (tmp_path / "out.documents.jsonl").read_text().splitlines()
    docs = [json.loads(line) for line in doc_lines]
    for row in rows:
        text = next(d["text"] for d in docs if d["doc_id"] == row["doc_id"])
        assert text[row["start"]:row["end"]].strip() != ""
        assert row["label"] in LABELS


@pytest.mark.slow
def test_outputs_inside_the_input_directory_are_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministry said the plant had closed.\n", encoding="utf-8")
    out = tmp_path / "out" / "x.jsonl"
    runner = CliRunner()
    for _ in range(2):  # the second run finds the first run's outputs in the tree
        result = runner.invoke(cli, ["prelabel", str(tmp_path), "--out", str(out), "-q"])
        assert result.exit_code == 0, result.output
        assert "1 documents" in result.output and "0 inputs skipped" in result.output


def test_prelabel_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Records are the same in every process: Python salts str hashes per process, so
    any output that followed a set's iteration order would change from run to run."""
    import os
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = "from annotator.cli import main; main()"
        args = [sys.executable, "-c", code, "prelabel", str(seeds), "--out", str(out), "-q"]
        subprocess.run(args, env=env, check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] and outs[0] == outs[1]
