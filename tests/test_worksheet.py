"""annotator worksheet: selection by difficulty, determinism, worksheet/answer-key consistency."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.classroom.model import load_articles
from annotator.classroom.scheme import load_scheme
from annotator.classroom.worksheet import MIN_WORDS, difficulty, eligible, select
from annotator.cli import cli
from annotator.recordio import iter_rows, read_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
RECORDS = FIXTURES / "article.jsonl"
EXPORT = FIXTURES / "sentences.csv"


def run(tmp_path: Path, *args: str, src: Path = RECORDS) -> tuple[int, str, Path]:
    out = tmp_path / "ws.html"
    result = CliRunner().invoke(cli, ["worksheet", str(src), "--out", str(out), *args])
    return result.exit_code, result.output, out


def test_writes_worksheet_and_consistent_key(tmp_path: Path) -> None:
    code, output, out = run(tmp_path, "--count", "4")
    assert code == 0, output
    key_html = tmp_path / "ws.key.html"
    key_csv = tmp_path / "ws.key.csv"
    assert key_html.is_file() and key_csv.is_file()
    sheet = out.read_text(encoding="utf-8")
    key_page = key_html.read_text(encoding="utf-8")
    rows = list(iter_rows(key_csv))
    assert [int(r["number"]) for r in rows] == [1, 2, 3, 4]
    records = {r.sentence_id: r for r in read_sentences(RECORDS)}
    # Items appear in article order, and the key gives each one's label, cue and source.
    assert [records[r["sentence_id"]].index for r in rows] == sorted(
        records[r["sentence_id"]].index for r in rows
    )
    for row in rows:
        rec = records[row["sentence_id"]]
        assert row["label"] == rec.label
        assert row["source"] == (rec.source or "")
        assert row["cue"] == (rec.cue or "")
        assert row["text"] == rec.text
        escaped = html.escape(rec.text)
        assert sheet.count(f'<b class="num">{row["number"]}.</b>{escaped}</p>') == 1
        assert f'<td class="num">{row["number"]}</td><td>{escaped}</td>' in key_page
        assert load_scheme().name(rec.label) in key_page
    # One box per label per item; the worksheet itself gives no answers away.
    n_labels = len(load_scheme().labels)
    assert sheet.count('<li><span class="box"></span>') == 4 * n_labels
    assert sheet.count("Who is the source?") == 4
    assert 'class="chip' not in sheet
    assert "<script" not in sheet.lower() and "<script" not in key_page.lower()


def test_selection_is_deterministic(tmp_path: Path) -> None:
    first = run(tmp_path, "-n", "3", "--difficulty", "mixed")[2].read_bytes()
    second = run(tmp_path, "-n", "3", "--difficulty", "mixed")[2].read_bytes()
    assert first == second


def test_hard_items_are_harder_than_easy_ones() -> None:
    articles = load_articles([RECORDS])
    easy = select(articles, 3, "easy")
    hard = select(articles, 3, "hard")
    assert len(easy) == len(hard) == 3
    assert max(i.difficulty for i in easy) <= min(i.difficulty for i in hard)
    pool = [s for s in articles[0].sentences if eligible(s, load_scheme())]
    # "hard" is exactly the three least confident eligible sentences.
    expected = sorted(pool, key=lambda s: (s.score, s.sentence_id))[:3]
    assert {i.sentence.sentence_id for i in hard} == {s.sentence_id for s in expected}


def test_reviewer_corrections_rank_hardest() -> None:
    articles = load_articles([EXPORT])
    corrected = [s for s in articles[0].sentences if s.disagrees and eligible(s, load_scheme())]
    assert corrected, "the fixture has a corrected, eligible sentence"
    (item,) = select(articles, 1, "hard")
    assert item.sentence.sentence_id == corrected[0].sentence_id
    assert item.difficulty == difficulty(corrected[0]) > 0.5


def test_mixed_spreads_over_the_ranking() -> None:
    articles = load_articles([RECORDS])
    pool = [s for s in articles[0].sentences if eligible(s, load_scheme())]
    items = select(articles, 2, "mixed")
    ranked = sorted(pool, key=lambda s: (difficulty(s), s.sentence_id))
    assert {i.sentence.sentence_id for i in items} == {
        ranked[0].sentence_id, ranked[-1].sentence_id
    }


def test_headings_and_short_lines_are_left_out() -> None:
    items = select(load_articles([RECORDS]), 100, "mixed")
    texts = [i.sentence.text for i in items]
    assert "By Jane Doe" not in texts and "What happens next?" not in texts
    assert "Ministers meet in <Vienna> & agree" not in texts
    assert all(len(t.split()) >= MIN_WORDS for t in texts)
    assert [i.number for i in items] == list(range(1, len(items) + 1))


def test_count_larger_than_pool_warns(tmp_path: Path) -> None:
    code, output, out = run(tmp_path, "--count", "50")
    assert code == 0
    assert re.search(r"Only \d+ sentences qualify \(asked for 50\)", output)


@pytest.mark.parametrize("args", [["--count", "0"], ["--difficulty", "brutal"]])
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    code, output, _out = run(tmp_path, *args)
    assert code == 2
    assert "Traceback" not in output


def test_nothing_eligible_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "short.csv"
    src.write_text("doc_id,sentence_id,index,paragraph,start,end,text,label\n"
                   "d,s1,0,0,0,5,Hi there,other\n", encoding="utf-8")
    code, output, out = run(tmp_path, src=src)
    assert code == 1
    assert "[E154]" in output and "Traceback" not in output
    assert not out.exists()


def test_key_path_option(tmp_path: Path) -> None:
    key = tmp_path / "teacher" / "answers.html"
    code, output, out = run(tmp_path, "-n", "2", "--key", str(key))
    assert code == 0, output
    assert key.is_file() and key.with_suffix(".csv").is_file()
    assert not (tmp_path / "ws.key.html").exists()
    assert len(list(iter_rows(key.with_suffix(".csv")))) == 2
