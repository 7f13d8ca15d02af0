"""annotator render: content of the HTML report (sentences, labels, sources, escaping)."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.classroom.model import align, load_articles
from annotator.classroom.render import render_html, shares
from annotator.classroom.scheme import load_scheme
from annotator.cli import cli
from annotator.recordio import read_documents, read_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
RECORDS = FIXTURES / "article.jsonl"
EXPORT = FIXTURES / "sentences.csv"


class ReportParser(HTMLParser):
    """Collects each sentence (<span class="s ...">): label class, text, marks, tip, paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sentences: list[dict[str, object]] = []
        self.stack: list[tuple[str, str]] = []  # (tag, role)
        self.block = 0
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        for name in ("src", "href", "action", "poster", "data"):
            if re.match(r"\s*(https?:)?//", a.get(name, "")):
                self.external.append(f"{tag} {name}={a[name]}")
        classes = a.get("class", "").split()
        role = ""
        if tag in ("p", "h3") and self.stack and self.stack[-1][1] == "text":
            self.block += 1
        if tag == "div" and "text" in classes:
            role = "text"
        elif tag == "span" and "s" in classes:
            label = next(c[2:] for c in classes if c.startswith("l-"))
            self.sentences.append(
                {"label": label, "text": "", "marks": [], "tip": a.get("data-tip", ""),
                 "block": self.block}
            )
            role = "sentence"
        elif tag == "span" and "t" in classes:
            role = "t"
        elif tag == "mark" and self._inside("t"):
            self.sentences[-1]["marks"].append([a.get("class", ""), ""])  # type: ignore[union-attr]
            role = "mark"
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append((tag, role))

    def _inside(self, role: str) -> bool:
        return any(r == role for _t, r in self.stack)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, _r = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._inside("t"):
            self.sentences[-1]["text"] += data  # type: ignore[operator]
            if self._inside("mark"):
                self.sentences[-1]["marks"][-1][1] += data  # type: ignore[index]


def parse(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def records() -> list:
    return list(read_sentences(RECORDS))


@pytest.fixture(scope="module")
def report() -> str:
    return render_html(load_articles([RECORDS]))


def test_every_sentence_once_with_its_label(report: str, records: list) -> None:
    parsed = parse(report)
    assert len(parsed.sentences) == len(records)
    shown = [s["text"] for s in parsed.sentences]
    for rec in records:
        assert shown.count(rec.text) == 1, rec.text
    for rec, sent in zip(records, parsed.sentences, strict=True):
        assert sent["text"] == rec.text
        assert sent["label"] == rec.label
        assert load_scheme().name(rec.label) in str(sent["tip"])


def test_sources_and_cues_marked_inside_their_sentence(report: str, records: list) -> None:
    parsed = parse(report)
    by_text = {s["text"]: s for s in parsed.sentences}
    for rec in records:
        marks = by_text[rec.text]["marks"]
        wanted = sorted(
            (f"m-{sp.type}", sp.text) for sp in rec.spans if sp.type in ("SOURCE", "CUE")
        )
        assert sorted((c, t) for c, t in marks) == wanted, rec.text  # type: ignore[misc]
        if rec.source:
            assert f"source: {rec.source}" in str(by_text[rec.text]["tip"])
    # The SOURCE of sentence 4 sits inside **markdown** in the original text.
    reuters = by_text["According to Reuters, the talks lasted six hours."]
    assert ["m-SOURCE", "Reuters"] in reuters["marks"]  # type: ignore[operator]


def test_script_in_article_is_escaped(report: str) -> None:
    assert "<script" not in report.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in report
    assert "&lt;b&gt;found&lt;/b&gt;" in report  # the explanation is escaped as well
    assert "<b>found</b>" not in report


def test_self_contained_responsive_printable(report: str) -> None:
    parsed = parse(report)
    assert parsed.external == []
    assert not {"script", "link", "img", "iframe"} & parsed.tags
    assert not re.search(r"url\(|@import|@font-face", report)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in report
    assert "@media print" in report and "@media (max-width" in report
    for label in load_scheme().labels:  # colours come from the schema
        assert f"--{label.id}:{label.color}" in report


def test_paragraphs_and_heading_preserved(report: str, records: list) -> None:
    parsed = parse(report)
    blocks = [s["block"] for s in parsed.sentences]
    paragraphs = [r.paragraph for r in records]
    # Same paragraph <=> same HTML block.
    for i in range(len(records)):
        for j in range(len(records)):
            assert (blocks[i] == blocks[j]) == (paragraphs[i] == paragraphs[j])
    assert re.search(r'<h3 class="hd"><span class="s l-other" id="d1-s1"', report)


def test_summary_shares_match_sentence_lengths(records: list) -> None:
    (article,) = load_articles([RECORDS])
    got = {s.label: s for s in shares(article, load_scheme())}
    total = sum(len(r.text) for r in records)
    for label in {r.label for r in records}:
        chars = sum(len(r.text) for r in records if r.label == label)
        assert got[label].chars == chars
        assert got[label].fraction == pytest.approx(chars / total)
        assert got[label].sentences == sum(r.label == label for r in records)
    html = render_html([article])
    attributed = sum(len(r.text) for r in records if r.label in ("sourced_fact", "official_quote"))
    assert f"<b>{attributed / total:.0%}</b> of the text is attributed" in html


def test_reviewed_export_label_wins(records: list) -> None:
    (article,) = load_articles([EXPORT])
    parsed = parse(render_html([article]))
    by_text = {s["text"]: s for s in parsed.sentences}
    script = '<script>alert("x")</script> is what the site injected.'
    assert by_text[script]["label"] == "other"  # reviewed; the pre-label was unsourced_claim
    assert "pre-label said Unsourced claim" in str(by_text[script]["tip"])
    assert by_text["What happens next?"]["label"] == "opinion"
    assert "labels reviewed by a person" in render_html([article])


def test_real_export_from_label_studio_tasks(tmp_path: Path, records: list) -> None:
    """Tasks built by `annotator push`, one reviewer annotation, `annotator export`, render."""
    from annotator.export import write_export
    from annotator.labelstudio.tasks import build_tasks

    docs = list(read_documents(FIXTURES / "article.documents.jsonl"))
    (spec,) = list(build_tasks(docs, records))
    result = copy.deepcopy(spec.prediction["result"])
    for item in result:
        item.pop("origin", None)
        if item.get("from_name") == "claim" and item["id"] == records[2].sentence_id:
            item["value"]["labels"] = ["opinion"]
    task = {"id": 1, "data": spec.data, "predictions": [spec.prediction],
            "annotations": [{"id": 5, "completed_by": {"id": 3, "email": "t@school"},
                             "result": result, "was_cancelled": False}]}
    write_export([task], tmp_path / "export")
    (article,) = load_articles([tmp_path / "export"])
    assert [s.sentence_id for s in article.sentences] == [r.sentence_id for r in records]
    changed = article.sentences[2]
    assert (changed.label, changed.prelabel) == ("opinion", "unsourced_claim")
    assert changed.disagrees
    parsed = parse(render_html([article]))
    assert [s["label"] for s in parsed.sentences] == [
        "opinion" if i == 2 else r.label for i, r in enumerate(records)
    ]
    marked = [t for s in parsed.sentences for _c, t in s["marks"]]  # type: ignore[attr-defined]
    assert "Reuters" in marked and "Minister Anna Berg" in marked
    # The export's text is the raw slice "According to **Reuters**, ...": shown without markup.
    assert article.sentences[3].text == records[3].text == (
        "According to Reuters, the talks lasted six hours."
    )
    assert "**" not in render_html([article])


def test_several_documents_get_sections_and_contents(tmp_path: Path) -> None:
    out = tmp_path / "two.html"
    result = CliRunner().invoke(cli, ["render", str(RECORDS), str(EXPORT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="article"') == 2
    assert '<nav class="toc">' in html
    assert 'href="#doc-1"' in html and 'href="#doc-2"' in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # sentence anchors unique across documents


def test_align_maps_shown_text_through_markup() -> None:
    original = "By [Pepe Escobar](#), **Asia Times**"
    shown = "By Pepe Escobar, Asia Times"
    offsets = align(shown, original)
    assert offsets is not None
    assert "".join(original[i] for i in offsets) == shown
    assert align("not there", "abc") is None


def test_render_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        assert CliRunner().invoke(cli, ["render", str(RECORDS), "-o", str(out)]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "[E150]"),
        ("", "[E151]"),
        (json.dumps({"foo": 1}) + "\n", "[E152]"),
        ("\xff\xfe garbage", "[E152]"),
        ("{not json\n", "[E011]"),
    ],
)
def test_cli_bad_input_is_one_clear_line(tmp_path: Path, content: str | None, code: str) -> None:
    path = tmp_path / "in.jsonl"
    if content is not None:
        path.write_bytes(content.encode("latin-1" if "\xff" in content else "utf-8"))
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert code in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


@pytest.mark.slow
def test_render_real_prelabel_output(tmp_path: Path) -> None:
    """The pre-labeler's own records for a seed: markup in the original, spans on top."""
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_e12e3c0d2475ac3d.txt"
    records_path = tmp_path / "seed.jsonl"
    result = CliRunner().invoke(cli, ["prelabel", str(seed), "--out", str(records_path)])
    assert result.exit_code == 0, result.output
    records = list(read_sentences(records_path))
    parsed = parse(render_html(load_articles([records_path])))
    assert [s["text"] for s in parsed.sentences] == [r.text for r in records]
    assert [s["label"] for s in parsed.sentences] == [r.label for r in records]
    n_marks = 0
    for rec, sent in zip(records, parsed.sentences, strict=True):
        inside = [sp for sp in rec.spans if sp.type in ("SOURCE", "CUE")
                  and rec.start <= sp.start and sp.end <= rec.end]
        for cls, text in sent["marks"]:  # type: ignore[attr-defined]
            n_marks += 1
            # A mark shows a span of the sentence, markup (e.g. "**") removed.
            assert any(cls == f"m-{sp.type}" and text.replace(" ", "") ==
                       sp.text.replace("*", "").replace("[", "").replace(" ", "")
                       or text in sp.text for sp in inside), (text, rec.text)
    assert n_marks > 20


def test_cli_article_instead_of_records(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(article)])
    assert result.exit_code == 1
    assert "[E152]" in result.output and "annotator prelabel" in result.output
