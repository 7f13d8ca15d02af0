"""Command-line interface: a thin click layer over the library.

Each concept has its own module of commands (``prelabel``, ``evaluate``,
``labelstudio``, ``classroom``); this one only builds the group and turns the
library's named errors into one-line ``ClickException`` messages.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import AnnotatorError


class AnnotatorGroup(click.Group):
    """A group whose commands report ``AnnotatorError`` as a clean message, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=AnnotatorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Pre-label claims and source attribution in news and opinion articles,
    review them in Label Studio, and export a tidy dataset.

    \b
    Typical session:
      annotator prelabel seeds/ --out exports/seeds.jsonl
      annotator serve --detach
      annotator push exports/seeds.jsonl --project "Seeds"
      annotator export --project "Seeds" --out exports/reviewed/
    """


def _register() -> None:
    from . import classroom, evaluate, labelstudio, prelabel

    for module in (prelabel, evaluate, labelstudio, classroom):
        module.register(cli)


_register()


def main() -> None:
    cli(prog_name="annotator")
