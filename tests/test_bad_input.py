"""Bad inputs: each is a Skipped with a clear one-line reason; the batch goes on."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from annotator.ingest import Article, Skipped, iter_articles

GOOD = "A good article. It has two sentences, and it should come through."


def run(paths: list[Path], **kwargs) -> tuple[list[Article], list[Skipped]]:
    items = list(iter_articles(paths, **kwargs))
    return (
        [a for a in items if isinstance(a, Article)],
        [s for s in items if isinstance(s, Skipped)],
    )


def only_skip(path: Path, **kwargs) -> Skipped:
    articles, skipped = run([path], **kwargs)
    assert articles == []
    assert len(skipped) == 1
    reason = skipped[0].reason
    assert "\n" not in reason and "Traceback" not in reason
    return skipped[0]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert only_skip(path).reason == f"[E003] {path} is empty."


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n  \n")
    assert only_skip(path).reason.startswith("[E003]")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    skip = only_skip(path)
    assert skip.reason.startswith("[E004]") and "looks binary" in skip.reason


def test_gzip_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "packed.txt"
    path.write_bytes(gzip.compress(GOOD.encode() * 50))
    assert only_skip(path).reason.startswith("[E004]")


def test_latin1_text_is_decoded_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = (
        "Le président a déclaré que la réunion à Genève était très réussie. "
        "Les négociations reprendront après l'été, a-t-il précisé. "
        "Über die Zukunft der Beziehungen wollte er nichts sagen; Grüße an alle. "
    ) * 5
    path.write_bytes(text.encode("latin-1"))
    articles, skipped = run([path])
    assert skipped == []
    (article,) = articles
    assert article.encoding not in (None, "utf-8")
    assert "président a déclaré" in article.shown
    assert "Grüße" in article.text


def test_too_big_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"This line repeats to make the file very large indeed.\n"
    with path.open("wb") as fh:
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size > 50_000_000
    skip = only_skip(path)
    assert skip.reason.startswith(f"[E005] {path} is 50.0 MB, over the 20.0 MB limit")
    assert "--max-mb" in skip.reason


def test_max_mb_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(GOOD * 100)
    assert only_skip(path, max_mb=0.001).reason.startswith("[E005]")
    articles, _ = run([path], max_mb=1)
    assert len(articles) == 1


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>" + GOOD + " <b>Unclosed bold <i>and italic " + GOOD * 3
        + "</p></div>",
        "<p>" + GOOD * 4,
    ],
)
def test_malformed_html_extracts_what_it_can(tmp_path: Path, html: str) -> None:
    path = tmp_path / "broken.html"
    path.write_text(html)
    articles, skipped = run([path])
    assert skipped == []
    assert "A good article." in articles[0].shown
    assert articles[0].text_origin == "html-extracted"


@pytest.mark.parametrize("html", ["<html><body><div></div></body>", "<<<>>> </ >"])
def test_html_without_text_is_skipped(tmp_path: Path, html: str) -> None:
    path = tmp_path / "nothing.htm"
    path.write_text(html)
    reason = only_skip(path).reason
    assert reason == f"[E007] {path}: no article text left after boilerplate removal."


def test_dangling_symlink(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "does-not-exist.txt")
    skip = only_skip(path)
    assert skip.reason == f"[E002] Cannot read {path}: dangling symbolic link"


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.mkdir()
    skip = only_skip(path)
    assert skip.reason.startswith(f"[E002] Cannot read {path}: it is a directory")


def test_missing_path(tmp_path: Path) -> None:
    skip = only_skip(tmp_path / "nope.md")
    assert skip.reason.endswith("no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        assert only_skip(path).reason.startswith("[E002]")
    finally:
        path.chmod(0o644)


def test_jsonl_with_one_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "' + GOOD + '"}\n'
        '{"id": "bad", "text": "unterminated\n'
        "\n"
        '{"id": "ok2", "text": "' + GOOD + '"}\n'
    )
    articles, skipped = run([path])
    assert [a.doc_id for a in articles] == ["ok1", "ok2"]
    assert [s.source for s in skipped] == [f"{path}:2"]
    assert skipped[0].reason.startswith(f"[E006] {path} line 2: not valid JSON")


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "caf\xe9 society is here."}\n{"id": "b", "text": "' + GOOD.encode()
        + b'"}\n'
    )
    articles, skipped = run([path])
    assert [a.doc_id for a in articles] == ["b"]
    assert "not UTF-8" in skipped[0].reason


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c_dir.md").mkdir()
    (tmp_path / "d_link.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "e_good.txt").write_text(GOOD)
    (tmp_path / "f_broken.jsonl").write_text('{"id": 1}\n{"id": "g", "text": "' + GOOD + '"}\n')
    articles, skipped = run([tmp_path])
    assert [a.doc_id for a in articles] == ["e_good", "g"]
    codes = [s.reason[:6] for s in skipped]
    assert codes == ["[E003]", "[E004]", "[E002]", "[E002]", "[E006]"]


def test_cli_reports_skipped_inputs_and_writes_the_rest(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_empty.txt").write_bytes(b"")
    (inputs / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (inputs / "c_good.txt").write_text(GOOD)
    (inputs / "d_broken.jsonl").write_text('{"id": "x", "text": 5}\n')
    out = tmp_path / "out" / "records.jsonl"
    result = CliRunner().invoke(cli, ["prelabel", str(inputs), "--out", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # the partial-success exit, no crash
    assert "Traceback" not in result.output
    assert "1 documents, 2 sentences, 3 inputs skipped" in result.output
    assert out.exists() and len(out.read_text().splitlines()) == 2
