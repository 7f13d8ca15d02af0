"""Tests for annotator.evaluate: metrics by hand, gold alignment, adapters, CLI errors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.errors import E, GoldError
from annotator.evaluate.checkthat import (
    CheckThatSentence,
    predicted_class,
    read_checkthat,
    score_checkthat,
    unwrap,
)
from annotator.evaluate.mentions import core, source_matches
from annotator.evaluate.metrics import (
    NO_PREDICTION,
    SpanMatch,
    accuracy,
    confusion_matrix,
    covered,
    macro_f1,
    overlap,
    per_label_prf,
    prf,
    score_bands,
    span_overlap,
)
from annotator.evaluate.polnear import (
    PolnearArticle,
    iter_polnear,
    parse_brat,
    quoted_regions,
    score_article,
    score_polnear,
)
from annotator.evaluate.seeds import LABELS, parse_gold_line, read_gold, score_seeds
from annotator.recordio import SENTENCE_COLUMNS, read_sentences, write_rows
from annotator.records import SentenceRecord

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
GOLD = FIXTURES / "gold.jsonl"
RECORDS = FIXTURES / "records.jsonl"


# --- metrics -------------------------------------------------------------------------


def test_prf_by_hand() -> None:
    s = prf(tp=2, n_pred=4, n_gold=3)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_prf_zero_denominators_are_zero_not_errors() -> None:
    s = prf(0, 0, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_prf_rejects_inconsistent_counts() -> None:
    with pytest.raises(ValueError):
        prf(tp=3, n_pred=2, n_gold=5)


def test_confusion_per_label_macro_and_accuracy() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b"), ("c", "a"), ("c", NO_PREDICTION)]
    conf = confusion_matrix(pairs, ["a", "b", "c"])
    assert conf.rows == ("a", "b", "c")
    assert conf.cols == ("a", "b", "c", NO_PREDICTION)
    assert conf.counts == ((1, 1, 0, 0), (0, 2, 0, 0), (1, 0, 0, 1))
    scores = per_label_prf(conf, ["a", "b", "c"])
    # a: tp 1, predicted 2 (rows a and c), gold 2
    assert (scores["a"].tp, scores["a"].n_pred, scores["a"].n_gold) == (1, 2, 2)
    # b: tp 2, predicted 3, gold 2 -> P 2/3, R 1, F1 0.8
    assert scores["b"].f1 == pytest.approx(0.8)
    assert scores["c"].f1 == 0.0
    assert macro_f1(scores) == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert accuracy(conf) == pytest.approx(3 / 6)


def test_macro_f1_skips_labels_absent_from_gold_and_predictions() -> None:
    conf = confusion_matrix([("a", "a"), ("b", "a")], ["a", "b", "z"])
    scores = per_label_prf(conf, ["a", "b", "z"])
    # a: P 1/2 R 1 F1 2/3; b: 0; z absent everywhere -> left out
    assert macro_f1(scores) == pytest.approx((2 / 3 + 0.0) / 2)


def test_score_bands_edges() -> None:
    bands = score_bands([(0.1, True), (0.5, False), (0.69, True), (0.85, True), (1.0, False),
                         (None, True)])
    assert [(b.n, b.correct) for b in bands] == [(1, 1), (2, 1), (0, 0), (2, 1)]
    assert bands[2].accuracy is None and bands[2].mean_score is None
    assert bands[1].mean_score == pytest.approx((0.5 + 0.69) / 2)
    assert bands[-1].name == "[0.85, 1.00]"


def test_overlap_and_covered() -> None:
    assert overlap(0, 10, 5, 20) == 5
    assert overlap(0, 5, 5, 10) == 0
    # union of [2,6) and [4,8) inside [0,10) is [2,8): 6 chars, counted once
    assert covered(0, 10, [(2, 6), (4, 8), (20, 30)]) == 6
    assert covered(3, 5, [(0, 100)]) == 2


def test_span_overlap_counts_each_side() -> None:
    # one long predicted span overlaps two gold spans; a second predicted span hits nothing
    m = span_overlap([[(0, 10)], [(50, 55)]], [[(2, 4)], [(8, 12)], [(30, 40)]])
    assert m == SpanMatch(pred_matched=1, n_pred=2, gold_matched=2, n_gold=3)
    assert m.precision == pytest.approx(0.5)
    assert m.recall == pytest.approx(2 / 3)
    total = m + SpanMatch(1, 1, 1, 1)
    assert (total.pred_matched, total.n_pred, total.gold_matched, total.n_gold) == (2, 3, 3, 4)


# --- source mentions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Putin", ["Russian President Vladimir Putin"], True),
        ("Vladimir Putin's", ["Putin"], True),
        ("Lavrov", ["Tillerson and Lavrov"], True),
        ("Secretary Tillerson", ["Secretary of State Rex Tillerson"], True),
        ("the report", ["This exhaustive [report](#)", "report"], True),
        ("**The Kremlin**", ["the Kremlin"], True),
        ("The Kremlin", ["the Kremlin’s summary of Putin’s conversation with Trump"], False),
        ("Trump", ["the Kremlin’s summary of Putin’s conversation with Trump"], False),
        ("Putin's aide Ushakov", ["Putin"], False),
        ("A US investment banker", ["A US investment banker doing business in Russia"], True),
        ("Donald Trump's lawyer", ["Donald Trump"], False),
        ("It’s no secret in Moscow’s top diplomatic circles", ["Moscow’s top diplomatic circles"],
         True),
        ("The spokesperson", ["Heather Nauert"], False),
        ("State", ["Secretary of State Rex Tillerson"], False),
        ("he", ["Rex Tillerson"], False),
        (None, ["Rex Tillerson"], False),
        ("", ["Rex Tillerson"], False),
    ],
)
def test_source_matches(predicted: str | None, gold: list[str], expected: bool) -> None:
    assert source_matches(predicted, gold) is expected


def test_core_keeps_titles_with_of_and_drops_possessor() -> None:
    assert [t.text for t in core("Secretary of State Rex Tillerson")] == [
        "secretary", "of", "state", "rex", "tillerson",
    ]
    assert [t.text for t in core("the Kremlin’s summary of Putin’s talk")] == ["summary"]


# --- seeds gold ----------------------------------------------------------------------


def test_read_gold_fixture() -> None:
    gold = read_gold(GOLD)
    assert len(gold) == 6
    assert gold[2].sources == ("President Vladimir Putin",)
    assert gold[1].label == "boilerplate" and not gold[1].is_content


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ({"doc": "d", "start": 0, "label": "other"}, "missing 'end'"),
        ({"doc": "d", "start": 5, "end": 5, "label": "other"}, "start < end"),
        ({"doc": "d", "start": 0, "end": 3, "label": "fact"}, "unknown label 'fact'"),
        ({"doc": "d", "start": 0, "end": 3, "label": "other", "text": "ab"}, "'text' has 2"),
        ({"doc": "d", "start": "0", "end": 3, "label": "other"}, "must be integers"),
        ({"doc": "d", "start": 0, "end": 3, "label": "other", "sources": "x"}, "list of strings"),
    ],
)
def test_parse_gold_line_errors(line: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_gold_line(line)
    assert fragment in str(info.value)


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    good = GOLD.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldError) as info:
        read_gold(bad)
    assert str(info.value).startswith(f"[E012] Gold file {bad}: line 2: not JSON")


def test_score_seeds_fixture_by_hand() -> None:
    # Fixture (doc d1): gold 0 other, 1 boilerplate, 2 sourced_fact (Putin),
    # 3 opinion (not agreed), 4 unsourced_claim; doc d2: 0 other.
    # Records: 0 other (1:1), 1 keeps the boilerplate, 2 merges gold 2+3 as
    # sourced_fact with source "Putin"; nothing covers gold 4 or d2; one record
    # belongs to a document not in gold and is ignored.
    report = score_seeds(read_sentences(RECORDS), read_gold(GOLD))
    assert report.docs_without_records == ("d2",)
    assert report.content_segments == 5
    assert report.boilerplate_segments == 1
    assert report.predicted_sentences == 3
    conf = report.confusion
    assert conf.get("other", "other") == 1
    assert conf.get("other", NO_PREDICTION) == 1
    assert conf.get("sourced_fact", "sourced_fact") == 1
    assert conf.get("opinion", "sourced_fact") == 1
    assert conf.get("unsourced_claim", NO_PREDICTION) == 1
    assert conf.total == 5
    assert report.accuracy == pytest.approx(2 / 5)
    assert report.per_label["sourced_fact"].precision == pytest.approx(0.5)
    assert report.per_label["sourced_fact"].recall == pytest.approx(1.0)
    assert report.per_label["other"].f1 == pytest.approx(2 / 3)  # P 1, R 1/2
    # official_quote is absent from gold and predictions: left out of the mean
    assert report.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4)
    assert (report.accuracy_agreed.correct, report.accuracy_agreed.n) == (2, 4)
    assert (report.source.correct, report.source.n) == (1, 1)
    assert (report.source_kind.correct, report.source_kind.n) == (1, 1)
    assert (report.boilerplate_kept.n, report.boilerplate_kept.of) == (1, 1)
    assert (report.content_lost.n, report.content_lost.of) == (2, 5)
    seg = report.segmentation
    assert (seg.matched, seg.gold, seg.predicted, seg.split, seg.merged) == (1, 5, 3, 0, 1)
    assert seg.scores.precision == pytest.approx(1 / 3)
    assert seg.scores.recall == pytest.approx(1 / 5)
    bands = {b.name: (b.n, b.correct) for b in report.bands}
    assert bands["[0.85, 1.00]"] == (1, 1)
    assert bands["[0.70, 0.85)"] == (2, 1)
    assert {(m.gold, m.predicted) for m in report.mistakes} == {
        ("opinion", "sourced_fact"),
        ("unsourced_claim", NO_PREDICTION),
        ("other", NO_PREDICTION),
    }
    assert report.source_mistakes == ()
    json.dumps(report.to_dict())  # JSON-serialisable


def test_score_seeds_lists_source_mistakes() -> None:
    records = [
        r if r.doc_id != "d1" or r.start != 25 else replace(r, source="Medvedev")
        for r in read_sentences(RECORDS)
    ]
    report = score_seeds(records, read_gold(GOLD))
    assert (report.source.correct, report.source.n) == (0, 1)
    (sm,) = report.source_mistakes
    assert (sm.gold_i, sm.predicted) == (2, "Medvedev")
    assert sm.gold_sources == ("President Vladimir Putin",)


def _rec(doc: str, start: int, end: int, text: str, label: str = "other") -> SentenceRecord:
    return SentenceRecord(doc, f"{doc}{start}", 0, 0, start, end, text, label=label, score=0.9)


def test_segmentation_tolerates_markup_and_whitespace() -> None:
    text = "By [Pepe Escobar](#)  Next one."
    gold = [
        parse_gold_line({"doc": "x", "start": 0, "end": 20, "label": "other", "text": text[:20]}),
        parse_gold_line(
            {"doc": "x", "start": 22, "end": 31, "label": "opinion", "text": text[22:31]}
        ),
    ]
    # first sentence stops before the link's markup; second starts on the separator space
    records = [_rec("x", 0, 16, text[0:16]), _rec("x", 21, 31, text[21:31], "opinion")]
    report = score_seeds(records, gold)
    assert report.segmentation.matched == 2
    assert report.content_lost.n == 0
    assert report.accuracy == 1.0


def test_segmentation_counts_a_split_segment() -> None:
    text = "One two. Three four."
    gold = [parse_gold_line({"doc": "x", "start": 0, "end": 20, "label": "other", "text": text})]
    records = [_rec("x", 0, 8, text[:8]), _rec("x", 9, 20, text[9:], "opinion")]
    report = score_seeds(records, gold)
    assert report.segmentation.matched == 0
    assert report.segmentation.split == 1
    # label from the sentence with the largest overlap (11 chars against 8)
    assert report.confusion.get("other", "opinion") == 1


def test_boilerplate_kept_needs_half_its_characters() -> None:
    text = "0123456789"
    gold = [
        parse_gold_line({"doc": "x", "start": 0, "end": 10, "label": "boilerplate", "text": text})
    ]
    assert score_seeds([_rec("x", 0, 4, text[:4])], gold).boilerplate_kept.n == 0
    assert score_seeds([_rec("x", 0, 5, text[:5])], gold).boilerplate_kept.n == 1


# --- CLI ------------------------------------------------------------------------------


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["evaluate", *args])
    return result.exit_code, result.output


def test_cli_seeds_prints_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    code, output = _run([str(RECORDS), "--gold", str(GOLD), "--json", str(out)])
    assert code == 0, output
    assert "macro-F1" in output and "boilerplate kept" in output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["seeds"]["accuracy"] == pytest.approx(2 / 5)
    assert figures["seeds"]["content_lost"] == {"n": 2, "of": 5, "target": 3, "ok": True}
    assert list(figures["seeds"]["per_label"]) == list(LABELS)


def test_cli_missing_gold(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    code, output = _run([str(RECORDS), "--gold", str(missing)])
    assert code == 1
    assert output.strip() == "Error: " + E.E020.format(path=missing)


def test_cli_missing_records(tmp_path: Path) -> None:
    missing = tmp_path / "none.jsonl"
    code, output = _run([str(missing), "--gold", str(GOLD)])
    assert code == 1
    assert output.strip() == "Error: " + E.E021.format(path=missing)


def test_cli_malformed_gold_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text(
        GOLD.read_text(encoding="utf-8") + '{"doc": "d", "start": 3, "end": 1, "label": "other"}\n',
        encoding="utf-8",
    )
    code, output = _run([str(RECORDS), "--gold", str(bad)])
    assert code == 1
    assert output.strip() == (
        "Error: "
        + E.E012.format(path=bad, reason="line 7: need 0 <= start < end, got start=3, end=1")
    )
    assert "Traceback" not in output


def test_cli_nothing_to_do_and_half_given() -> None:
    assert _run([]) == (1, "Error: " + E.E023 + "\n")
    assert _run([str(RECORDS)]) == (1, "Error: " + E.E024 + "\n")


def test_cli_records_of_other_documents(tmp_path: Path) -> None:
    other = tmp_path / "gold.jsonl"
    other.write_text('{"doc": "zzz", "start": 0, "end": 2, "label": "other"}\n', encoding="utf-8")
    code, output = _run([str(RECORDS), "--gold", str(other)])
    assert code == 1
    assert output.strip() == "Error: " + E.E022.format(n=2, records=RECORDS, gold=other)


# --- PolNeAR -------------------------------------------------------------------------

POLNEAR = FIXTURES / "polnear"
POLNEAR_RECORDS = FIXTURES / "polnear_records.jsonl"


def test_parse_brat_discontinuous_and_roles() -> None:
    text = (
        "T1\tSource 0 5\tSmith\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tfirst bit second\n"
        "T4\tContent 40 45\tmore!\n"
        "T5\tAttribution 6 10\tsaid\n"
        "A1\tNote T1 x\n"
        "E1\tAttribution:T5 Content:T3 Cue:T2 Source:T1 Content2:T4\n"
        "T6\tCue 50 53\tsay\n"
        "T7\tContent 54 60\tthings\n"
        "E2\tAttribution-no-source:T6 Content:T7 Cue:T6\n"
    )
    doc = parse_brat(text)
    assert doc.entities["T3"].fragments == ((11, 20), (25, 30))
    first, second = doc.attributions
    assert first.kind == "Attribution"
    assert first.source is not None and first.source.text == "Smith"
    assert [c.id for c in first.contents] == ["T3", "T4"]
    assert second.kind == "Attribution-no-source" and second.source is None
    assert second.cue is not None and second.cue.fragments == ((50, 53),)


def test_parse_brat_entity_text_across_lines() -> None:
    # brat writes a span's text as it is: a line break in it starts a new file line,
    # which may begin with "T" or "E" like an entity or event line
    text = (
        "T1\tSource 20 30\tThe Post\n"
        "T2\tContent 0 2;5 12\t3.\n\nThe number\n"
        "T3\tCue 31 39\treported\n"
        "E1\tAttribution:T3 Content:T2 Cue:T3 Source:T1\n"
    )
    doc = parse_brat(text)
    assert doc.entities["T2"].fragments == ((0, 2), (5, 12))
    assert [a.source.text for a in doc.attributions if a.source] == ["The Post"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("T1\tSource 0 5\tSmith\nT2\tCue 6\tsaid\n", "line 2: bad offsets '6'"),
        ("T1\tSource 0 5;7\tSmith\n", "line 1: bad offsets '0 5;7'"),
        ("T1\tSource 0 5\tx\nE1\tAttribution:T9 Source:T1\n", "line 2: E1 refers to unknown T9"),
        ("E1\tAttribution\n", "line 1: event line needs"),
        ("T1\tSource 5 2\tx\n", "line 1: bad offsets '5 2'"),
    ],
)
def test_parse_brat_errors_name_file_and_line(text: str, fragment: str) -> None:
    with pytest.raises(GoldError) as info:
        parse_brat(text, path="x.ann")
    message = str(info.value)
    assert message.startswith("[E026] x.ann ")
    assert fragment in message


def test_iter_polnear_picks_first_sorted_annotator_file() -> None:
    (article,) = list(iter_polnear(POLNEAR, "dev"))
    assert article.doc_id == "a1"
    assert article.annotation_file.name == "a1_aa.ann"
    assert len(article.gold().attributions) == 3


def test_quoted_regions() -> None:
    text = 'He said “yes, fine” and then "no".\nA stray " mark\nhere.'
    assert quoted_regions(text) == [(8, 19), (29, 33)]


def test_quoted_regions_doubled_apostrophes() -> None:
    text = "''It works,'' she said. It's Tom's ''plan.''\n''Unclosed line\nnext''"
    assert quoted_regions(text) == [(0, 13), (35, 44)]


def _polnear_from_file(
    arts: Iterable[PolnearArticle],
) -> Iterator[tuple[str, list[SentenceRecord]]]:
    records = list(read_sentences(POLNEAR_RECORDS))
    for art in arts:
        yield art.doc_id, [r for r in records if r.doc_id == art.doc_id]


def test_score_polnear_fixture_by_hand() -> None:
    # Sentences: 0 "Smith said the plan works." (content 14 of 26 chars: attributed),
    # 1 "“We will surely win this,” Jones said." (discontinuous quoted content, 25 of 38:
    # attributed, a quote), 2 "The sky is blue." (Attribution-no-source: not attributed),
    # 3 "Brown spoke." (no gold), 4 "Read more here." (Discard: left out).
    # Predicted: 0, 1 and 3 sourced_fact; 2 opinion with a CUE on "sky".
    report = score_polnear(POLNEAR, _polnear_from_file, split="dev")
    assert (report.articles, report.sentences, report.attributions) == (1, 4, 2)
    a = report.attributed
    assert (a.tp, a.n_pred, a.n_gold) == (2, 3, 2)
    assert a.f1 == pytest.approx(0.8)
    # sentence 0: paraphrase, predicted sourced_fact (right); sentence 1: quote (wrong)
    assert (report.quote_vs_paraphrase.correct, report.quote_vs_paraphrase.n) == (1, 2)
    assert report.quote_confusion.get("quote", "paraphrase") == 1
    assert report.quote_confusion.get("paraphrase", "paraphrase") == 1
    src = report.spans["SOURCE"]
    assert (src.pred_matched, src.n_pred, src.gold_matched, src.n_gold) == (2, 3, 2, 2)
    cue = report.spans["CUE"]
    assert (cue.pred_matched, cue.n_pred, cue.gold_matched, cue.n_gold) == (2, 3, 2, 3)
    cue_attr = report.spans["CUE in attributed sentences"]
    assert (cue_attr.pred_matched, cue_attr.n_pred) == (2, 2)
    json.dumps(report.to_dict())


def test_gold_attributed_counts_source_and_cue_with_content() -> None:
    # Content ("taxes fell", 10 chars) is under half of the 61-character sentence;
    # Source + Cue + Content cover 32: attributed, but not by Content alone.
    text = "Senator Jane Smith told reporters on Tuesday that taxes fell."
    ann = (
        "T1\tSource 0 18\tSenator Jane Smith\nT2\tCue 19 23\ttold\n"
        "T3\tContent 50 60\ttaxes fell\nT4\tAttribution 19 23\ttold\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    sent = SentenceRecord("d", "s0", 0, 0, 0, len(text), text, label="sourced_fact")
    counts = score_article(text, parse_brat(ann), [sent])
    assert (counts.gold_attr, counts.both_attr) == (1, 1)
    assert (counts.gold_attr_content, counts.both_attr_content) == (0, 0)
    other = replace(sent, label="unsourced_claim")
    counts = score_article(text, parse_brat(ann), [other])
    assert (counts.gold_attr, counts.pred_attr, counts.both_attr) == (1, 0, 0)


def test_cli_polnear_records(tmp_path: Path) -> None:
    out = tmp_path / "pn.json"
    code, output = _run(
        ["--polnear", str(POLNEAR), "--polnear-records", str(POLNEAR_RECORDS), "--json", str(out)]
    )
    assert code == 0, output
    figures = json.loads(out.read_text(encoding="utf-8"))["polnear"]
    assert figures["attributed"]["precision"] == pytest.approx(2 / 3)
    assert figures["spans"]["SOURCE"]["recall"] == 1.0


def test_cli_polnear_missing_dir(tmp_path: Path) -> None:
    missing = tmp_path / "polnear"
    code, output = _run(["--polnear", str(missing)])
    assert code == 1
    assert output.strip() == "Error: " + E.E013.format(path=missing)


def test_cli_polnear_wrong_split() -> None:
    code, output = _run(["--polnear", str(POLNEAR), "--split", "dev_test"])
    assert code == 1
    assert output.strip() == "Error: " + E.E025.format(
        dataset="PolNeAR", split="dev_test", choices="dev, train"
    )


def test_cli_polnear_records_of_other_articles(tmp_path: Path) -> None:
    code, output = _run(["--polnear", str(POLNEAR), "--polnear-records", str(RECORDS)])
    assert code == 1
    assert output.strip() == "Error: " + E.E030.format(records=RECORDS, path=POLNEAR)


def test_cli_polnear_records_without_polnear() -> None:
    assert _run(["--polnear-records", str(POLNEAR_RECORDS)]) == (1, "Error: " + E.E029 + "\n")


# --- CheckThat! ----------------------------------------------------------------------

CHECKTHAT = FIXTURES / "checkthat"


def test_read_checkthat_quotes_and_columns() -> None:
    rows = read_checkthat(CHECKTHAT / "dev_en.tsv")
    assert [r.sentence_id for r in rows] == ["s1", "s2", "s3", "s4"]
    # CSV-wrapped field with doubled quotes is unwrapped; a bare quote stays as it is
    assert rows[1].sentence == 'He called it a "hoax" on Monday.'
    assert rows[2].sentence == 'She said "no" twice.'
    assert [r.label for r in rows] == ["SUBJ", "OBJ", "OBJ", "SUBJ"]


def test_unwrap_leaves_unbalanced_fields() -> None:
    assert unwrap('"a ""b"" c"') == 'a "b" c'
    assert unwrap('"Yes," he said, "fine."') == '"Yes," he said, "fine."'
    assert unwrap('"') == '"'


def test_read_checkthat_bad_label_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "dev_en.tsv"
    bad.write_text("sentence_id\tsentence\tlabel\nx\tFine.\tOBJ\ny\tHm.\tMAYBE\n", encoding="utf-8")
    with pytest.raises(GoldError) as info:
        read_checkthat(bad)
    assert str(info.value) == E.E026.format(
        path=bad, line=3, reason="label 'MAYBE' is not SUBJ/OBJ"
    )


def test_predicted_class_uses_longest_piece() -> None:
    short = _rec("s", 0, 10, "x" * 10, "opinion")
    long = _rec("s", 11, 40, "y" * 29, "unsourced_claim")
    assert predicted_class([short, long]) == "OBJ"
    assert predicted_class([_rec("s", 0, 10, "x" * 10, "opinion"), short]) == "SUBJ"
    assert predicted_class([]) == "OBJ"


def test_score_checkthat_by_hand() -> None:
    # s1 SUBJ -> opinion (TP), s2 OBJ -> sourced_fact (TN), s3 OBJ -> opinion (FP),
    # s4 SUBJ split in two: short opinion, long unsourced_claim -> OBJ (FN)
    labels = {
        "s1": [("This is a disgrace.", "opinion")],
        "s2": [("He called it a hoax.", "sourced_fact")],
        "s3": [("She said no twice.", "opinion")],
        "s4": [("It rained.", "opinion"), ("What an awful day it was.", "unsourced_claim")],
    }

    def fake_pipeline(
        items: Iterable[CheckThatSentence],
    ) -> Iterator[tuple[str, list[SentenceRecord]]]:
        for item in items:
            pos, recs = 0, []
            for text, label in labels[item.sentence_id]:
                recs.append(_rec(item.sentence_id, pos, pos + len(text), text, label))
                pos += len(text) + 1
            yield item.sentence_id, recs

    report = score_checkthat(CHECKTHAT, fake_pipeline, split="dev")
    assert report.confusion.counts == ((1, 1), (1, 1))
    # SUBJ: P 1/2, R 1/2; OBJ: P 1/2, R 1/2
    assert report.per_class["SUBJ"].f1 == pytest.approx(0.5)
    assert report.macro_f1 == pytest.approx(0.5)
    assert report.accuracy == pytest.approx(0.5)
    assert report.split_sentences == 1


def test_cli_checkthat_missing_dir_and_split(tmp_path: Path) -> None:
    missing = tmp_path / "ct"
    assert _run(["--checkthat", str(missing)]) == (
        1, "Error: " + E.E013.format(path=missing) + "\n"
    )
    code, output = _run(["--checkthat", str(CHECKTHAT), "--split", "dev_test"])
    assert code == 1
    assert output.strip() == "Error: " + E.E027.format(
        path=CHECKTHAT, what="dev_test_en.tsv", dataset="CheckThat!"
    )


@pytest.mark.slow
def test_cli_checkthat_runs_the_real_pipeline(tmp_path: Path) -> None:
    out = tmp_path / "ct.json"
    code, output = _run(["--checkthat", str(CHECKTHAT), "--json", str(out), "-q"])
    assert code == 0, output
    figures = json.loads(out.read_text(encoding="utf-8"))["checkthat"]
    assert figures["sentences"] == 4
    assert sum(sum(row) for row in figures["confusion"]["counts"]) == 4


def test_cli_empty_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert _run([str(empty), "--gold", str(GOLD)]) == (
        1, "Error: " + E.E031.format(path=empty) + "\n"
    )


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_cli_reads_csv_and_parquet_records(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"records{suffix}"
    write_rows(path, (r.to_dict() for r in read_sentences(RECORDS)), SENTENCE_COLUMNS)
    out = tmp_path / "eval.json"
    code, output = _run([str(path), "--gold", str(GOLD), "--json", str(out), "-q"])
    assert code == 0, output
    seeds = json.loads(out.read_text(encoding="utf-8"))["seeds"]
    assert seeds["accuracy"] == pytest.approx(2 / 5)
    assert seeds["source"]["correct"] == 1


@pytest.mark.slow
def test_cli_polnear_runs_the_real_pipeline(tmp_path: Path) -> None:
    out = tmp_path / "pn.json"
    code, output = _run(["--polnear", str(POLNEAR), "--json", str(out), "-q"])
    assert code == 0, output
    figures = json.loads(out.read_text(encoding="utf-8"))["polnear"]
    assert figures["articles"] == 1
    assert figures["articles_without_records"] == []
    # gold side does not depend on the labels: the two sourced contents, in two sentences
    assert figures["attributed"]["n_gold"] == 2
    assert figures["spans"]["SOURCE"]["n_gold"] == 2


def test_segmentation_clean_figures_leave_out_gold_seg_errors() -> None:
    text = "Pres. Putin spoke. Rain."
    gold = [
        parse_gold_line(
            {"doc": "x", "start": 0, "end": 5, "label": "other", "text": text[:5],
             "seg_error": True}
        ),
        parse_gold_line(
            {"doc": "x", "start": 6, "end": 18, "label": "other", "text": text[6:18],
             "seg_error": True}
        ),
        parse_gold_line({"doc": "x", "start": 19, "end": 24, "label": "other", "text": text[19:]}),
    ]
    records = [_rec("x", 0, 18, text[:18]), _rec("x", 19, 24, text[19:])]
    seg = score_seeds(records, gold).segmentation
    assert (seg.matched, seg.gold, seg.merged) == (1, 3, 1)
    assert (seg.matched_clean, seg.gold_clean) == (1, 1)
