"""CLI command: ``annotator evaluate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import E, GoldError, InputError


@click.command()
@click.argument("records", required=False, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    help="Seeds-format gold (JSONL) to score RECORDS against, e.g. ../shared/gold/seeds.jsonl.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every figure as JSON to this file.",
)
@click.option(
    "--mistakes",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Print this many wrongly labeled gold segments (seeds gold).",
)
@click.option("-q", "--quiet", is_flag=True, help="No tables (use with --json).")
def evaluate(
    records: Path | None,
    gold: Path | None,
    json_out: Path | None,
    mistakes: int,
    quiet: bool,
) -> None:
    """Score pre-labels against gold.

    RECORDS are sentence records from `annotator prelabel` (.jsonl/.csv/.parquet)
    and --gold a seeds-format gold file: records are aligned to gold segments by
    character overlap within each document (doc_id == gold doc), and the command
    prints per-label P/R/F1, macro-F1, accuracy, the confusion matrix, source and
    source-kind accuracy, boilerplate kept, content lost, segmentation and accuracy
    per score band.

    \b
    Examples:
      annotator prelabel seeds/ --out exports/seeds.jsonl
      annotator evaluate exports/seeds.jsonl --gold ../shared/gold/seeds.jsonl
      annotator evaluate exports/seeds.jsonl --gold ../shared/gold/seeds.jsonl \\
          --json exports/eval.json --mistakes 20
    """
    from rich.console import Console

    from ..evaluate.report import print_seeds

    if records is None and gold is None:
        raise InputError(E.E023)
    if (records is None) != (gold is None):
        raise InputError(E.E024)
    console = Console(quiet=quiet, highlight=False)
    figures: dict[str, Any] = {}
    if records is not None and gold is not None:
        report = _score_seeds(records, gold)
        figures["seeds"] = report.to_dict()
        print_seeds(console, report, mistakes=mistakes)
    if json_out is not None:
        _write_json(json_out, figures)
        console.print(f"wrote {json_out}")


def _score_seeds(records: Path, gold: Path) -> Any:
    from ..evaluate.seeds import read_gold, score_seeds
    from ..recordio import read_sentences

    segments = read_gold(gold)
    if not records.is_file():
        raise InputError(E.E021.format(path=records))
    sentences = list(read_sentences(records))
    docs = {s.doc_id for s in sentences}
    if not docs & {g.doc for g in segments}:
        raise GoldError(E.E022.format(n=len(docs), records=records, gold=gold))
    return score_seeds(sentences, segments, gold_path=str(gold))


def _write_json(path: Path, figures: dict[str, Any]) -> None:
    from ..errors import OutputError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as err:
        raise OutputError(E.E028.format(path=path, reason=err.strerror or err)) from err


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(evaluate)
