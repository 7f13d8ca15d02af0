"""The wheel carries every package and every file of ``schemas/``.

``pyproject.toml`` lists its packages by hand because ``schemas/`` (at the
repository root) is mapped into the wheel as ``annotator/_schemas``; these tests
fail when a new subpackage or a new kind of schema file would be left out.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from pathlib import Path

import pytest

from annotator import schemas

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def _directory(package: str) -> Path:
    mapped = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        head = ".".join(parts[:n])
        if head in mapped:
            return ROOT / mapped[head] / Path(*parts[n:])
    return ROOT / Path(*parts)


def test_every_code_and_data_directory_is_a_listed_package() -> None:
    on_disk = {
        ".".join(d.relative_to(ROOT).parts)
        for d in (ROOT / "annotator").rglob("*")
        if d.is_dir() and d.name != "__pycache__" and any(f.is_file() for f in d.iterdir())
    } | {"annotator"}
    on_disk |= {
        "annotator._schemas" + "".join("." + p for p in d.relative_to(ROOT / "schemas").parts)
        for d in [ROOT / "schemas", *(ROOT / "schemas").rglob("*")]
        if d.is_dir()
    }
    assert set(SETUPTOOLS["packages"]) == on_disk


@pytest.mark.parametrize("package", SETUPTOOLS["packages"])
def test_listed_package_directory_exists(package: str) -> None:
    assert _directory(package).is_dir(), package


def test_every_schema_file_is_package_data() -> None:
    data = SETUPTOOLS["package-data"]
    missing = []
    for f in sorted((ROOT / "schemas").rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(ROOT / "schemas")
        package = "annotator._schemas" + "".join("." + p for p in rel.parts[:-1])
        if not any(fnmatch.fnmatch(rel.name, g) for g in data.get(package, [])):
            missing.append(str(rel))
    assert missing == []


def test_bundled_schemas_win_over_the_repository_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "annotator"
    (package / "_schemas").mkdir(parents=True)
    (tmp_path / "schemas").mkdir()
    monkeypatch.setattr(schemas, "_PACKAGE", package)
    assert schemas._default_dir() == package / "_schemas"
    (package / "_schemas").rmdir()
    assert schemas._default_dir() == tmp_path / "schemas"


@pytest.mark.skipif(
    bool(os.environ.get("ANNOTATOR_SCHEMAS")), reason="ANNOTATOR_SCHEMAS overrides the default"
)
def test_checkout_reads_the_repository_schemas() -> None:
    assert schemas.SCHEMAS_DIR == ROOT / "schemas"
