"""Where the versioned data in ``schemas/`` lives: one place, so every module agrees.

In a checkout (and the editable install the Makefile makes) the files sit at the
repository root. A wheel carries the same files as ``annotator/_schemas`` (see
``pyproject.toml``), which wins when present. ``ANNOTATOR_SCHEMAS`` points
elsewhere, e.g. at an edited copy to try a lexicon change without touching the
installed one.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _default_dir() -> Path:
    bundled = _PACKAGE / "_schemas"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "schemas"


SCHEMAS_DIR = Path(os.environ.get("ANNOTATOR_SCHEMAS") or _default_dir())


def schema_path(*parts: str) -> Path:
    """Path of a file under ``schemas/``, e.g. ``schema_path("lexicons", "opinion.json")``."""
    return SCHEMAS_DIR.joinpath(*parts)
