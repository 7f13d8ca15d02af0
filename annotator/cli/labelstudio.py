"""CLI commands for the review loop: ``serve``, ``push``, ``export``."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import click

url_option = click.option("--url", help="Label Studio URL [env LABEL_STUDIO_URL; default: the "
                          "server `annotator serve` started].")
key_option = click.option("--api-key", help="Legacy token or personal access token "
                          "[env LABEL_STUDIO_API_KEY; default: the local serve's].")
data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), default=Path(".labelstudio"),
    show_default=True, help="Data dir of the local Label Studio (database, credentials).")


@click.command()
@data_dir_option
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--detach", is_flag=True, help="Leave it running in the background (pid file).")
@click.option("--stop", is_flag=True, help="Stop the server a --detach left running.")
@click.option("--show-token", is_flag=True, help="Print the API token of the local server.")
def serve(data_dir: Path, port: int, detach: bool, stop: bool, show_token: bool) -> None:
    """Start a local Label Studio on 127.0.0.1 and wait until it answers.

    The first start of a data dir creates an admin user and an API token, kept in
    DATA_DIR/annotator-credentials.json (0600); the other commands find them there.
    Ctrl-C stops the server; --detach leaves it running until `serve --stop`.

    \b
    Examples:
      annotator serve
      annotator serve --detach --port 8081
      annotator serve --show-token
      annotator serve --stop
    """
    from ..labelstudio import server
    from ..labelstudio.client import read_credentials

    if stop:
        stopped = server.stop(data_dir)
        click.echo(f"Stopped Label Studio (pid {stopped.pid})." if stopped
                   else f"No Label Studio running from {data_dir}.")
        return
    if show_token:
        creds = read_credentials(data_dir)
        if creds is None:
            raise click.ClickException(
                f"No credentials in {data_dir}; run `annotator serve` first.")
        click.echo(creds["api_key"])
        return
    running = server.status(data_dir.resolve())
    if running is not None and detach:
        # `make demo` run twice: the server it wants is already there.
        click.echo(f"Label Studio is already running at {running.url} (pid {running.pid}); "
                   "stop it with `annotator serve --stop`.")
        return
    click.echo(f"Starting Label Studio (data in {data_dir}; the first start takes ~35 s)...")
    srv, proc = server.start(data_dir, port)
    creds = read_credentials(srv.data_dir) or {}
    click.echo(f"Label Studio is up at {srv.url}")
    click.echo(f"Log in as {creds.get('username')} (password in "
               f"{srv.data_dir / 'annotator-credentials.json'}; token: "
               "`annotator serve --show-token`).")
    if detach:
        click.echo(f"Running in the background (pid {srv.pid}); stop it with "
                   "`annotator serve --stop`.")
        return
    click.echo("Press Ctrl-C to stop.")
    # A SIGTERM to `annotator serve` must stop Label Studio too, as Ctrl-C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        proc.wait()
    except KeyboardInterrupt:
        click.echo("Stopping Label Studio...")
    finally:
        server.terminate(srv.pid)
        (srv.data_dir / server.PID_FILE).unlink(missing_ok=True)


def _connect(url: str | None, api_key: str | None, data_dir: Path) -> tuple[Any, Any]:
    from ..labelstudio.client import connect

    return connect(url, api_key, data_dir)


@click.command()
@click.argument("records", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--project", required=True, help="Project title (created if missing).")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article",
              show_default=True, help="One task per article, or per sentence with its paragraph.")
@click.option("--model-version", help="Prediction model version [default: the records'].")
@url_option
@key_option
@data_dir_option
def push(records: Path, project: str, unit: str, model_version: str | None, url: str | None,
         api_key: str | None, data_dir: Path) -> None:
    """Send pre-labeled RECORDS to a Label Studio project as tasks with predictions.

    RECORDS is the sentence file of `annotator prelabel` (its documents file sits
    beside it). Each sentence becomes a pre-labeled region with its SOURCE/CUE/QUOTE
    spans, relations, reason and score. Pushing again adds no duplicates; a new
    --model-version adds predictions to known tasks and leaves annotations alone.

    \b
    Examples:
      annotator push exports/seeds.jsonl --project "annotator seeds"
      annotator push exports/seeds.jsonl --project "seeds by sentence" --unit sentence
      annotator push batch.jsonl --project Batch --url https://ls.example.org
    """
    from rich.progress import Progress

    from ..labelstudio import push as push_mod
    from ..labelstudio.tasks import build_tasks

    documents, sentences = push_mod.load_records(records)
    specs = list(build_tasks(documents, sentences, unit=unit, model_version=model_version))
    client, target = _connect(url, api_key, data_dir)
    with Progress(transient=True) as progress:
        bar = progress.add_task("Pushing tasks", total=len(specs))
        summary = push_mod.push(client, target.url, records, project, unit=unit,
                                progress=lambda n: progress.advance(bar, n), specs=specs)
    click.echo(f"Project {summary.project!r} (id {summary.project_id}"
               f"{', created' if summary.project_created else ''}) at {summary.url}")
    click.echo(f"tasks created: {summary.tasks_created}; skipped as duplicates: "
               f"{summary.duplicates_skipped}; predictions added: {summary.predictions_added} "
               f"(model version {summary.model_version})")


@click.command()
@click.option("--project", help="Project title or id to pull through the API.")
@click.option("--from-file", type=click.Path(dir_okay=False, path_type=Path),
              help="A Label Studio JSON export file instead of the API.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output directory.")
@click.option("--model-version", help="Use this prediction version [default: the latest].")
@click.option("--method", type=click.Choice(["export", "tasks", "snapshot"]),
              default="export", show_default=True,
              help="API pull: JSON export + predictions, task pages, or an export snapshot.")
@url_option
@key_option
@data_dir_option
def export(project: str | None, from_file: Path | None, out: Path, model_version: str | None,
           method: str, url: str | None, api_key: str | None, data_dir: Path) -> None:
    """Write the reviewed dataset (sentences, spans, agreement, acceptance) to --out.

    Reads the project through the API (--project) or a Label Studio JSON export file
    (--from-file). Writes sentences.csv and spans.csv with Parquet twins, acceptance
    and agreement tables, summary.json, the data dictionary and a dataset card.

    \b
    Examples:
      annotator export --project "annotator seeds" --out exports/reviewed/
      annotator export --from-file project-1-export.json --out exports/reviewed/
    """
    from rich.console import Console
    from rich.table import Table

    from ..export import write_export
    from ..labelstudio import pull

    if (project is None) == (from_file is None):
        raise click.UsageError("Give exactly one of --project or --from-file.")
    if from_file is not None:
        tasks = pull.read_export(from_file)
        source = f"the Label Studio export file {from_file.name}"
    else:
        client, target = _connect(url, api_key, data_dir)
        tasks = pull.pull(client, target.url, str(project), method=method)
        source = f"project {project!r} on {target.url}"
    summary = write_export(tasks, out, model_version=model_version, source=source)
    click.echo(f"{summary.tasks} tasks, {summary.sentences} sentences ({summary.reviewed} "
               f"reviewed, {summary.changed} changed), {summary.spans} spans -> {out}")
    table = Table(title="Pre-label acceptance")
    for col in ("group", "key", "reviewed", "accepted", "rate"):
        table.add_column(col)
    for row in summary.acceptance:
        table.add_row(row["group"], row["key"], str(row["n_reviewed"]),
                      str(row["n_accepted"]), f"{row['acceptance_rate']:.0%}")
    Console().print(table)
    if summary.agreement:
        click.echo("Agreement (Krippendorff's alpha / mean Cohen's kappa): " + ", ".join(
            f"{r['label']} {r['krippendorff_alpha']}/{r['cohen_kappa']}"
            for r in summary.agreement))


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    for command in (serve, push, export):
        group.add_command(command)
