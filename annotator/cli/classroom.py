"""CLI commands: classroom views (render, worksheet, grade)."""

from __future__ import annotations

from pathlib import Path

import click

from ..classroom import grade as grading
from ..classroom import render as rendering
from ..classroom import worksheet as worksheets
from ..errors import ClassroomError, E
from .labelstudio import data_dir_option, key_option, url_option

_RECORDS = click.Path(path_type=Path)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=_RECORDS)
@click.option("--out", "-o", type=_RECORDS, default=Path("report.html"), show_default=True,
              help="HTML file to write.")
@click.option("--title", default=rendering.DEFAULT_TITLE, show_default=True)
def render(paths: tuple[Path, ...], out: Path, title: str) -> None:
    """Render articles as one self-contained HTML page, sentences coloured by label.

    PATHS are records from `annotator prelabel` (x.jsonl with x.documents.jsonl
    beside it) or a reviewed sentences.csv from `annotator export` (its reviewed
    labels are shown). Several articles get one section each and a contents list.

    \b
    Examples:
      annotator render exports/seeds.jsonl --out exports/seeds.html
      annotator render exports/reviewed/sentences.csv --out reviewed.html
    """
    result = rendering.render(list(paths), out, title)
    click.echo(f"Wrote {result.path}: {result.documents} article(s), {result.sentences} sentences.")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=_RECORDS)
@click.option("--out", "-o", type=_RECORDS, default=Path("worksheet.html"), show_default=True,
              help="Worksheet HTML to write.")
@click.option("--key", type=_RECORDS, default=None,
              help="Answer key HTML (default: <out>.key.html); a .csv for `grade` goes beside it.")
@click.option("--count", "-n", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many sentences.")
@click.option("--difficulty", type=click.Choice(worksheets.DIFFICULTIES), default="mixed",
              show_default=True,
              help="easy: confident pre-labels; hard: reviewer corrections and low confidence.")
@click.option("--title", default="Who says so? Sorting claims and sources", show_default=True)
def worksheet(paths: tuple[Path, ...], out: Path, key: Path | None, count: int,
              difficulty: str, title: str) -> None:
    """Make a printable worksheet and its answer key from labeled articles.

    Sentences are chosen deterministically by difficulty; the same input gives the
    same worksheet.

    \b
    Examples:
      annotator worksheet exports/seeds.jsonl -o ws.html -n 12 --difficulty mixed
      annotator worksheet exports/reviewed/sentences.csv -o ws.html --difficulty hard
    """
    result = worksheets.make_worksheet(list(paths), out, count, difficulty, key, title)
    click.echo(
        f"Wrote {result.worksheet} ({len(result.items)} sentences), answer key "
        f"{result.key_html} and {result.key_csv}."
    )
    if len(result.items) < count:
        click.echo(f"Only {len(result.items)} sentences qualify (asked for {count}).", err=True)


@click.command()
@click.option("--key", "key", type=_RECORDS, required=True,
              help="The worksheet's .key.csv, or reviewed records / export sentences.csv.")
@click.option("--answers", type=_RECORDS, default=None,
              help="Students' CSV: student, number or sentence_id, label[, source].")
@click.option("--from-labelstudio-export", "ls_export", type=_RECORDS, default=None,
              help="A Label Studio JSON export; each annotator is one student.")
@click.option("--from-labelstudio", "ls_project", default=None,
              help="Pull the annotations of this project (title or id) from a live server.")
@url_option
@key_option
@data_dir_option
@click.option("--out", "-o", type=_RECORDS, default=Path("grades"), show_default=True,
              help="Directory for grade_*.csv and class_summary.html.")
@click.option("--title", default="Class summary", show_default=True)
def grade(key: Path, answers: Path | None, ls_export: Path | None, ls_project: str | None,
          url: str | None, api_key: str | None, data_dir: Path, out: Path, title: str) -> None:
    """Grade a class against a key: scores, hardest sentences, confusions.

    Answers come from exactly one of --answers, --from-labelstudio-export or
    --from-labelstudio (each Label Studio user is one student).

    \b
    Examples:
      annotator grade --key ws.key.csv --answers answers.csv -o grades/
      annotator grade --key exports/reviewed/sentences.csv \\
          --from-labelstudio-export export.json -o grades/
    """
    tasks = None
    origin = "Label Studio"
    if ls_project is not None:
        if answers is not None or ls_export is not None:
            raise ClassroomError(E.E159)
        from ..labelstudio import pull
        from ..labelstudio.client import connect

        client, target = connect(url, api_key, data_dir)
        tasks = pull.pull(client, target.url, ls_project)
        origin = f"project {ls_project!r} on {target.url}"
    result = grading.grade_class(key, out, answers, ls_export, title, tasks, origin)
    report = result.report
    n = len(report.students)
    mean = sum(s.score for s in report.students) / n if n else 0.0
    click.echo(
        f"Graded {n} student(s) on {len(report.items)} sentences; class average {mean:.0%}. "
        f"Wrote {result.summary_html} and grade_*.csv in {out}."
    )


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    for command in (render, worksheet, grade):
        group.add_command(command)
