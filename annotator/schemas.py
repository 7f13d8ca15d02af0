"""Where the versioned data in ``schemas/`` lives: one place, so every module agrees.

The files sit at the repository root (the package is installed editable by the
Makefile). ``ANNOTATOR_SCHEMAS`` points elsewhere, e.g. at a copy next to a
non-editable install.
"""

from __future__ import annotations

import os
from pathlib import Path

SCHEMAS_DIR = Path(
    os.environ.get("ANNOTATOR_SCHEMAS") or Path(__file__).resolve().parent.parent / "schemas"
)


def schema_path(*parts: str) -> Path:
    """Path of a file under ``schemas/``, e.g. ``schema_path("lexicons", "opinion.json")``."""
    return SCHEMAS_DIR.joinpath(*parts)
