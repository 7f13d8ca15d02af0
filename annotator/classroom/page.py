"""The HTML page shell shared by the report, worksheet, answer key and class summary.

Self-contained on purpose: the CSS is inlined from package data and no font, script
or image is fetched, so a page opens offline, from a USB stick or an e-mail.
"""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

from ..errors import ClassroomError, E
from .scheme import Scheme, load_scheme


def esc(value: object) -> str:
    """Escape any text for HTML content and attribute values: articles are untrusted."""
    return html.escape("" if value is None else str(value), quote=True)


def stylesheet(scheme: Scheme | None = None) -> str:
    css = resources.files(__package__).joinpath("static/report.css").read_text(encoding="utf-8")
    return (scheme or load_scheme()).css() + "\n" + css


def page(title: str, body: str, kind: str, scheme: Scheme | None = None) -> str:
    """A complete HTML document; ``kind`` names the page class (report, worksheet...)."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>\n{stylesheet(scheme)}\n</style>\n</head>\n"
        f'<body class="{esc(kind)}">\n{body}\n</body>\n</html>\n'
    )


def legend(scheme: Scheme, with_descriptions: bool = True) -> str:
    items = []
    for lab in scheme.labels:
        desc = f'<span class="desc">{esc(lab.description)}</span>' if with_descriptions else ""
        items.append(
            f'<li class="l-{lab.id}"><span class="swatch"></span>'
            f"<b>{esc(lab.name)}</b>{desc}</li>"
        )
    return '<ul class="legend">' + "".join(items) + "</ul>"


def write_text(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ClassroomError(E.E161.format(path=path, reason=err.strerror or err)) from err
