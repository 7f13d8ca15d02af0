"""annotator grade: figures on a hand-made class, the Label Studio path, bad input."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.classroom.grade import (
    grade,
    load_key,
    read_answers_csv,
    read_answers_labelstudio,
    source_matches,
)
from annotator.cli import cli
from annotator.recordio import iter_rows, read_documents, read_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
RECORDS = FIXTURES / "article.jsonl"

KEY = """number,doc_id,sentence_id,label,source,source_kind,cue,difficulty,text
1,d,s1,sourced_fact,Sergey Lavrov,official,said,0.2,Lavrov said the talks went well.
2,d,s2,opinion,,,probably,0.3,The deal will probably fail.
3,d,s3,official_quote,the Kremlin,official,,0.6,"'We agree,' the Kremlin said."
4,d,s4,unsourced_claim,,,,0.4,The meeting lasted two hours.
"""
# ann: all right, both sources right ("Lavrov" is within "Sergey Lavrov").
# bob: only 2 right (1/4); item 4 left blank; wrong source "Putin".
# cem: only 1 right (1/4); first wrote "other" for item 2, then corrected it.
ANSWERS = """student,number,label,source
ann,1,sourced_fact,Lavrov
ann,2,OPINION,
ann,3,Quoted official statement,Kremlin
ann,4,unsourced_claim,
bob,1,opinion,
bob,2,opinion,
bob,3,sourced_fact,Putin
bob,4,,
cem,1,sourced_fact,Sergey Lavrov
cem,2,other,
cem,3,opinion,
cem,4,opinion,
cem,2,unsourced_claim,
"""


@pytest.fixture()
def class_files(tmp_path: Path) -> tuple[Path, Path]:
    key = tmp_path / "ws.key.csv"
    answers = tmp_path / "answers.csv"
    key.write_text(KEY, encoding="utf-8")
    answers.write_text(ANSWERS, encoding="utf-8")
    return key, answers


def test_hand_computed_class(class_files: tuple[Path, Path], tmp_path: Path) -> None:
    key_path, answers_path = class_files
    result = CliRunner().invoke(
        cli, ["grade", "--key", str(key_path), "--answers", str(answers_path),
              "--out", str(tmp_path / "g")]
    )
    assert result.exit_code == 0, result.output
    assert "Graded 3 student(s) on 4 sentences; class average 50%" in result.output

    students = {r["student"]: r for r in iter_rows(tmp_path / "g" / "grade_students.csv")}
    assert {k: (students[k]["correct"], students[k]["answered"], students[k]["score"])
            for k in students} == {
        "ann": ("4", "4", "1.0"), "bob": ("1", "3", "0.25"), "cem": ("1", "4", "0.25")}
    assert {k: (students[k]["source_correct"], students[k]["source_total"]) for k in students} == {
        "ann": ("2", "2"), "bob": ("0", "2"), "cem": ("1", "2")}

    sentences = {r["number"]: r for r in iter_rows(tmp_path / "g" / "grade_sentences.csv")}
    # item 1: ann, cem right; bob said opinion. item 2: ann, bob right; cem unsourced_claim.
    # item 3: only ann; bob sourced_fact, cem opinion (tie -> codebook order). item 4: only
    # ann; cem opinion; bob blank.
    assert {n: (r["correct"], r["answered"], r["p_correct"], r["top_wrong_label"])
            for n, r in sentences.items()} == {
        "1": ("2", "3", "0.6667", "opinion"),
        "2": ("2", "3", "0.6667", "unsourced_claim"),
        "3": ("1", "3", "0.3333", "sourced_fact"),
        "4": ("1", "2", "0.3333", "opinion"),
    }
    confusions = [(r["key_label"], r["given_label"], r["count"], r["share"])
                  for r in iter_rows(tmp_path / "g" / "grade_confusions.csv")]
    assert sorted(confusions) == sorted([
        ("sourced_fact", "opinion", "1", "0.3333"),
        ("opinion", "unsourced_claim", "1", "0.3333"),
        ("official_quote", "sourced_fact", "1", "0.3333"),
        ("official_quote", "opinion", "1", "0.3333"),
        ("unsourced_claim", "opinion", "1", "0.5"),
    ])
    summary = (tmp_path / "g" / "class_summary.html").read_text(encoding="utf-8")
    assert "class average <b>50%</b>" in summary
    assert summary.index("<td>ann</td>") < summary.index("<td>bob</td>")  # best first
    assert "<script" not in summary.lower()


def test_source_matching_rule() -> None:
    assert source_matches("Lavrov", "Sergey Lavrov")
    assert source_matches("the Reuters agency", "Reuters")
    assert not source_matches("Putin", "the Kremlin")
    assert not source_matches("", "Reuters")
    assert not source_matches("the", "the Kremlin")


def _ls_export(tmp_path: Path) -> tuple[Path, list]:
    """A Label Studio export of the fixture task, annotated by two students."""
    from annotator.labelstudio.tasks import build_tasks

    records = list(read_sentences(RECORDS))
    docs = list(read_documents(FIXTURES / "article.documents.jsonl"))
    (spec,) = list(build_tasks(docs, records))
    base = copy.deepcopy(spec.prediction["result"])
    for item in base:
        item.pop("origin", None)
    # Student 1 accepts every pre-label but calls the <script> sentence (7th) "other".
    ann1 = copy.deepcopy(base)
    for item in ann1:
        if item.get("from_name") == "claim" and item["id"] == records[6].sentence_id:
            item["value"]["labels"] = ["other"]
    # Student 2 labels three sentences: keeps sentence 4 and its SOURCE relation,
    # redraws sentence 3 as a new region (fresh id), and calls sentence 6 sourced_fact.
    keep = {records[3].sentence_id}
    ann2 = [i for i in base if i.get("id") in keep and i.get("from_name") == "claim"]
    spans4 = [i for i in base if i.get("from_name") == "span"
              and i["value"]["text"] == "Reuters"]
    ann2 += spans4 + [{"type": "relation", "from_id": spans4[0]["id"],
                       "to_id": records[3].sentence_id, "labels": ["source_of"]}]
    s3 = records[2]
    ann2.append({"id": "fresh1", "from_name": "claim", "to_name": "text", "type": "labels",
                 "value": {"start": s3.start, "end": s3.end - 1, "text": s3.text[:-1],
                           "labels": ["unsourced_claim"]}})
    s6 = records[5]
    ann2.append({"id": s6.sentence_id, "from_name": "claim", "to_name": "text",
                 "type": "labels", "value": {"start": s6.start, "end": s6.end,
                                             "text": s6.text, "labels": ["sourced_fact"]}})
    task = {"id": 1, "data": spec.data, "predictions": [spec.prediction], "annotations": [
        {"id": 1, "completed_by": {"id": 11, "email": "ada@school"}, "result": ann1},
        {"id": 2, "completed_by": 12, "result": ann2},
        {"id": 3, "completed_by": 13, "result": [], "was_cancelled": True},
    ]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path, records


def test_label_studio_export(tmp_path: Path) -> None:
    path, records = _ls_export(tmp_path)
    key = load_key(RECORDS)  # the (pre-)labels of the records as key
    answers = read_answers_labelstudio(path, key)
    report = grade(key, answers, path)
    scores = {s.student: s for s in report.students}
    assert set(scores) == {"ada@school", "user 12"}  # the cancelled one is no student
    assert len(report.items) == len(records)  # ada answered every sentence
    ada, other = scores["ada@school"], scores["user 12"]
    assert (ada.correct, ada.answered, ada.total) == (len(records) - 1, len(records), 9)
    attributed = [r for r in records if r.label in ("sourced_fact", "official_quote")]
    assert (ada.source_correct, ada.source_total) == (len(attributed), len(attributed))
    # sentence 4 right (with Reuters via the relation), the redrawn 3 right, 6 wrong.
    assert (other.correct, other.answered, other.source_correct) == (2, 3, 1)
    assert report.confusions[("unsourced_claim", "other")] == 1
    assert report.confusions[("opinion", "sourced_fact")] == 1


def test_label_studio_export_via_cli(tmp_path: Path) -> None:
    path, _records = _ls_export(tmp_path)
    result = CliRunner().invoke(cli, ["grade", "--key", str(RECORDS),
                                      "--from-labelstudio-export", str(path),
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "class_summary.html").is_file()


@pytest.mark.parametrize(
    ("answers", "code", "hint"),
    [
        ("student,number,label\nann,1,gossip\n", "[E153]", "line 2"),
        ("student,number,label\nann,9,opinion\n", "[E156]", "1..4"),
        ("student,label\nann,opinion\n", "[E155]", "sentence_id / number"),
        ("student,number,label\nann,1,\n", "[E160]", ""),
    ],
)
def test_bad_answers(class_files: tuple[Path, Path], tmp_path: Path,
                     answers: str, code: str, hint: str) -> None:
    key, path = class_files
    path.write_text(answers, encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", "--key", str(key), "--answers", str(path),
                                      "-o", str(tmp_path / "g")])
    assert result.exit_code == 1
    assert code in result.output and hint in result.output
    assert "Traceback" not in result.output


def test_answers_source_needed_exactly_once(class_files: tuple[Path, Path], tmp_path: Path) -> None:
    key, answers = class_files
    for extra in ([], ["--answers", str(answers), "--from-labelstudio-export", str(answers)]):
        result = CliRunner().invoke(cli, ["grade", "--key", str(key), *extra])
        assert result.exit_code == 1
        assert "[E159]" in result.output


def test_bad_label_studio_file(class_files: tuple[Path, Path], tmp_path: Path) -> None:
    key, _answers = class_files
    bad = tmp_path / "bad.json"
    bad.write_text("<html>not json</html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", "--key", str(key),
                                      "--from-labelstudio-export", str(bad)])
    assert result.exit_code == 1
    assert "[E158]" in result.output and "export the project as JSON" in result.output


def test_missing_key(tmp_path: Path, class_files: tuple[Path, Path]) -> None:
    _key, answers = class_files
    result = CliRunner().invoke(cli, ["grade", "--key", str(tmp_path / "nope.csv"),
                                      "--answers", str(answers)])
    assert result.exit_code == 1
    assert "[E150]" in result.output and "Traceback" not in result.output


def test_answers_by_sentence_id(class_files: tuple[Path, Path], tmp_path: Path) -> None:
    key_path, _answers = class_files
    key = load_key(key_path)
    path = tmp_path / "by_id.csv"
    path.write_text("Student,Sentence_ID,Label\nann,s3,official_quote\nann,s4,opinion\n",
                    encoding="utf-8")
    answers = read_answers_csv(path, key)
    assert [(a.sentence_id, a.label) for a in answers] == [
        ("s3", "official_quote"), ("s4", "opinion")]
    report = grade(key, answers, path)
    (ann,) = report.students
    assert (ann.correct, ann.answered, ann.total) == (1, 2, 4)  # worksheet key: all 4 count


@pytest.mark.labelstudio
def test_live_label_studio_pull(label_studio, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Push the fixture, annotate it as the server's user, grade straight from the server."""
    env = {"LABEL_STUDIO_URL": label_studio.url, "LABEL_STUDIO_API_KEY": label_studio.api_key}
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", str(RECORDS), "--project", "classroom grade"], env=env)
    assert pushed.exit_code == 0, pushed.output
    records = list(read_sentences(RECORDS))
    client = label_studio.client()
    from annotator.labelstudio.pull import fetch_tasks, project_id

    (task,) = fetch_tasks(client, project_id(client, "classroom grade", label_studio.url))
    result = copy.deepcopy(task["predictions"][0]["result"])
    for item in result:
        if item.get("from_name") == "claim" and item["id"] == records[5].sentence_id:
            item["value"]["labels"] = ["unsourced_claim"]  # the key says opinion
    client.annotations.create(id=task["id"], result=result)
    out = tmp_path / "live"
    graded = runner.invoke(cli, ["grade", "--key", str(RECORDS), "--from-labelstudio",
                                 "classroom grade", "-o", str(out)], env=env)
    assert graded.exit_code == 0, graded.output
    (row,) = list(iter_rows(out / "grade_students.csv"))
    assert (row["correct"], row["total"]) == (str(len(records) - 1), str(len(records)))
    confusions = list(iter_rows(out / "grade_confusions.csv"))
    assert [(c["key_label"], c["given_label"], c["count"]) for c in confusions] == [
        ("opinion", "unsourced_claim", "1")]


def test_export_key_keeps_only_reviewed_sentences(tmp_path: Path) -> None:
    rows = list(iter_rows(FIXTURES / "sentences.csv"))
    rows[2]["reviewed_label"] = ""  # the teacher has not reviewed sentence 3
    from annotator.recordio import write_rows

    path = tmp_path / "sentences.csv"
    write_rows(path, rows, list(rows[0]))
    key = load_key(path)
    assert [i.sentence_id for i in key.items] == [
        r["sentence_id"] for n, r in enumerate(rows) if n != 2]
    assert {i.sentence_id: i.label for i in key.items}[rows[6]["sentence_id"]] == "other"
    assert not key.complete
