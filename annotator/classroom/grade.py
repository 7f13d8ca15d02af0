"""``annotator grade``: compare each student's labels with a key; class summary.

The key is the worksheet's ``.key.csv`` (every item counts: a blank is wrong) or
records / an export ``sentences.csv`` (then only sentences at least one student
answered count, so a class that labeled one article of five is graded on that
article; when the export has reviewed sentences, only those are in the key).
Answers come from a CSV (student, sentence number or sentence_id, label[, source]),
a Label Studio JSON export or a live project (one Label Studio user per student).

A student's source matches the key's when, after lower-casing and dropping
punctuation and the words "the", "a", "an", one's words are all among the other's:
"Lavrov" matches "Sergey Lavrov", "Reuters" matches "the Reuters agency".
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClassroomError, E
from ..recordio import iter_rows, write_rows
from .model import load_articles
from .page import esc, page, write_text
from .scheme import Scheme, load_scheme

_STOP = frozenset({"the", "a", "an", "s"})
STUDENT_COLUMNS = [
    "student", "answered", "correct", "total", "score",
    "source_correct", "source_total", "source_score",
]
SENTENCE_COLUMNS = [
    "number", "sentence_id", "key_label", "key_source", "answered", "correct",
    "p_correct", "top_wrong_label", "top_wrong_count", "text",
]
CONFUSION_COLUMNS = ["key_label", "given_label", "count", "share"]
# Label Studio control names (the labeling config in annotator.labelstudio.config).
LS_CLAIM = "claim"
LS_SPAN = "span"


@dataclass(frozen=True)
class KeyItem:
    number: int
    sentence_id: str
    doc_id: str
    label: str
    source: str | None
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Key:
    path: Path
    items: tuple[KeyItem, ...]
    complete: bool  # a worksheet key: every item is graded, answered or not


@dataclass(frozen=True)
class Answer:
    student: str
    sentence_id: str
    label: str
    source: str | None


@dataclass(frozen=True)
class StudentScore:
    student: str
    answered: int
    correct: int
    total: int
    source_correct: int
    source_total: int

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def source_score(self) -> float | None:
        return self.source_correct / self.source_total if self.source_total else None


@dataclass(frozen=True)
class SentenceStat:
    item: KeyItem
    answered: int
    correct: int
    students: int
    top_wrong: str | None
    top_wrong_count: int

    @property
    def p_correct(self) -> float:
        return self.correct / self.students if self.students else 0.0


@dataclass(frozen=True)
class GradeReport:
    items: tuple[KeyItem, ...]
    students: tuple[StudentScore, ...]
    sentences: tuple[SentenceStat, ...]
    confusions: dict[tuple[str, str], int]


def source_matches(given: str | None, key: str | None) -> bool:
    def words(text: str | None) -> set[str]:
        return {w for w in re.findall(r"\w+", (text or "").casefold()) if w not in _STOP}

    a, b = words(given), words(key)
    return bool(a) and bool(b) and (a <= b or b <= a)


def load_key(path: Path, scheme: Scheme | None = None) -> Key:
    scheme = scheme or load_scheme()
    if not path.is_file() and not path.is_dir():
        raise ClassroomError(E.E150.format(path=path))
    items: list[KeyItem] = []
    first = next(iter_rows(path), {}) if path.is_file() else {}
    if {"number", "sentence_id", "label"} <= set(first):
        for n, row in enumerate(iter_rows(path), 2):
            label = scheme.parse(str(row.get("label") or ""))
            if label is None:
                raise ClassroomError(
                    E.E153.format(path=path, line=n, label=row.get("label"),
                                  labels=", ".join(scheme.ids))
                )
            items.append(
                KeyItem(int(row["number"]), str(row["sentence_id"]), str(row.get("doc_id") or ""),
                        label, str(row.get("source") or "") or None, str(row.get("text") or ""))
            )
        complete = True
    else:
        number = 0
        articles = load_articles([path])
        # With a review, only the teacher's reviewed labels are a key, not pre-labels.
        reviewed_only = any(a.reviewed for a in articles)
        for article in articles:
            for sent in article.sentences:
                number += 1
                label = scheme.parse(sent.label)
                if label is not None and (sent.reviewed or not reviewed_only):
                    items.append(KeyItem(number, sent.sentence_id, sent.doc_id, label,
                                         sent.source, sent.text))
        complete = False
    if not items:
        raise ClassroomError(E.E157.format(path=path))
    return Key(path, tuple(items), complete)


def _ref_to_id(ref: str, key: Key, by_id: bool) -> str | None:
    """A sentence_id column holds ids (hex ids can be all digits); otherwise a number."""
    if ref.isdigit() and not by_id:
        found = next((i.sentence_id for i in key.items if i.number == int(ref)), None)
        if found:
            return found
    return next((i.sentence_id for i in key.items if i.sentence_id == ref), None)


def read_answers_csv(path: Path, key: Key, scheme: Scheme | None = None) -> list[Answer]:
    scheme = scheme or load_scheme()
    if not path.is_file():
        raise ClassroomError(E.E155.format(path=path, reason="file not found"))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
            refs = [fields[c] for c in ("sentence_id", "number", "sentence") if c in fields]
            ref_col = refs[0] if refs else None
            if "student" not in fields or "label" not in fields or ref_col is None:
                raise ClassroomError(E.E155.format(
                    path=path, reason="needs columns student, label and one of "
                    "sentence_id / number / sentence (found: "
                    + (", ".join(fields) or "none") + ")"))
            answers = []
            for line, row in enumerate(reader, 2):
                student = (row.get(fields["student"]) or "").strip()
                raw_label = (row.get(fields["label"]) or "").strip()
                if not student or not raw_label:
                    continue  # a blank answer: counted as not answered
                label = scheme.parse(raw_label)
                if label is None:
                    raise ClassroomError(E.E153.format(
                        path=path, line=line, label=raw_label, labels=", ".join(scheme.ids)))
                ref = (row.get(ref_col) or "").strip()
                sentence_id = _ref_to_id(ref, key, by_id=ref_col == fields.get("sentence_id"))
                if sentence_id is None:
                    raise ClassroomError(E.E156.format(
                        path=path, line=line, ref=ref, n=max(i.number for i in key.items)))
                source = (row.get(fields["source"]) or "").strip() if "source" in fields else ""
                answers.append(Answer(student, sentence_id, label, source or None))
    except UnicodeDecodeError as err:
        raise ClassroomError(E.E155.format(path=path, reason="not UTF-8 text")) from err
    except csv.Error as err:
        raise ClassroomError(E.E155.format(path=path, reason=err)) from err
    return answers


def _student_name(completed_by: Any) -> str:
    if isinstance(completed_by, dict):
        for field in ("email", "username", "id"):
            if completed_by.get(field):
                return str(completed_by[field])
    return f"user {completed_by}"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _task_answers(task: dict[str, Any], key_ids: set[str], scheme: Scheme) -> Iterable[Answer]:
    data = task.get("data") or {}
    skeleton = [
        (str(s["sentence_id"]), (int(s["start"]), int(s["end"])))
        for s in data.get("sentences") or []
        if "sentence_id" in s and "start" in s and "end" in s
    ]
    for annotation in task.get("annotations") or []:
        if annotation.get("was_cancelled"):
            continue
        student = _student_name(annotation.get("completed_by"))
        results = annotation.get("result") or []
        claims: dict[str, tuple[str, tuple[int, int]]] = {}
        sources: dict[str, tuple[str, tuple[int, int]]] = {}
        for item in results:
            value = item.get("value") or {}
            labels = value.get("labels") or []
            if item.get("type") != "labels" or not labels or "start" not in value:
                continue
            where = (int(value["start"]), int(value["end"]))
            if item.get("from_name") == LS_CLAIM:
                claims[str(item.get("id"))] = (str(labels[0]), where)
            elif item.get("from_name") == LS_SPAN and labels[0] == "SOURCE":
                sources[str(item.get("id"))] = (str(value.get("text") or ""), where)
        linked = {
            str(r.get("to_id")): str(r.get("from_id"))
            for r in results
            if r.get("type") == "relation" and str(r.get("from_id")) in sources
        }
        for rid, (raw_label, where) in claims.items():
            if rid in key_ids:
                sentence_id: str | None = rid
            elif "sentence_id" in data and len(skeleton) <= 1:
                sentence_id = str(data["sentence_id"])
            else:
                # A region the student drew anew: the sentence it overlaps most.
                best = max(skeleton, key=lambda s: _overlap(s[1], where), default=None)
                ok = best is not None and _overlap(best[1], where) > 0
                sentence_id = best[0] if best is not None and ok else None
            label = scheme.parse(raw_label)
            if sentence_id not in key_ids or label is None:
                continue
            source_id = linked.get(rid) or next(
                (s for s, (_t, w) in sources.items() if _overlap(w, where) > 0), None
            )
            source = sources[source_id][0] if source_id else None
            yield Answer(student, sentence_id, label, source or None)


def answers_from_tasks(
    tasks: Iterable[dict[str, Any]], key: Key, scheme: Scheme | None = None
) -> list[Answer]:
    """Answers in Label Studio tasks (export JSON or API task dicts): one user, one student."""
    scheme = scheme or load_scheme()
    key_ids = {i.sentence_id for i in key.items}
    return [a for task in tasks for a in _task_answers(task, key_ids, scheme)]


def read_answers_labelstudio(path: Path, key: Key, scheme: Scheme | None = None) -> list[Answer]:
    scheme = scheme or load_scheme()
    if not path.is_file():
        raise ClassroomError(E.E158.format(path=path, reason="file not found"))
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ClassroomError(E.E158.format(
            path=path, reason=f"not JSON ({err}); export the project as JSON")) from err
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise ClassroomError(E.E158.format(path=path, reason="expected a JSON list of tasks"))
    try:
        return answers_from_tasks(tasks, key, scheme)
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        reason = f"unexpected task layout: {err}"
        raise ClassroomError(E.E158.format(path=path, reason=reason)) from err


def grade(key: Key, answers: Sequence[Answer], answers_path: Path,
          scheme: Scheme | None = None) -> GradeReport:
    scheme = scheme or load_scheme()
    # A second answer for the same sentence replaces the first (a corrected line).
    given: dict[tuple[str, str], Answer] = {(a.student, a.sentence_id): a for a in answers}
    if not given:
        raise ClassroomError(E.E160.format(path=answers_path))
    answered_ids = {sid for _s, sid in given}
    items = tuple(i for i in key.items if key.complete or i.sentence_id in answered_ids)
    students = sorted({s for s, _sid in given})
    scores = []
    for student in students:
        correct = answered = src_ok = src_total = 0
        for item in items:
            ans = given.get((student, item.sentence_id))
            answered += ans is not None
            correct += ans is not None and ans.label == item.label
            if item.source and item.label in scheme.attributed:
                src_total += 1
                src_ok += ans is not None and source_matches(ans.source, item.source)
        scores.append(StudentScore(student, answered, correct, len(items), src_ok, src_total))
    order = {label: n for n, label in enumerate(scheme.ids)}
    confusions: Counter[tuple[str, str]] = Counter()
    stats = []
    for item in items:
        labels = [given[(s, item.sentence_id)].label for s in students
                  if (s, item.sentence_id) in given]
        for label in labels:
            confusions[(item.label, label)] += 1
        wrong = Counter(label for label in labels if label != item.label)
        top = min(wrong, key=lambda lab: (-wrong[lab], order.get(lab, 99)), default=None)
        stats.append(SentenceStat(item, len(labels), sum(lab == item.label for lab in labels),
                                  len(students), top, wrong[top] if top else 0))
    return GradeReport(items, tuple(scores), tuple(stats), dict(confusions))


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.0%}"


def summary_html(report: GradeReport, title: str, scheme: Scheme) -> str:
    n = len(report.students)
    mean = sum(s.score for s in report.students) / n if n else 0.0
    student_rows = "".join(
        f"<tr><td>{esc(s.student)}</td><td class=num>{s.correct} / {s.total}</td>"
        f"<td class=num><b>{_pct(s.score)}</b></td><td class=num>{s.answered}</td>"
        f"<td class=num>{s.source_correct} / {s.source_total}</td></tr>"
        for s in sorted(report.students, key=lambda s: (-s.score, s.student))
    )
    hardest = sorted(report.sentences, key=lambda s: (s.p_correct, s.item.number))
    sentence_rows = "".join(
        f"<tr><td class=num>{s.item.number}</td><td>{esc(s.item.text)}</td>"
        f'<td><span class="chip l-{esc(s.item.label)}">{esc(scheme.name(s.item.label))}</span></td>'
        f"<td class=num><b>{_pct(s.p_correct)}</b></td>"
        f"<td>{esc(scheme.name(s.top_wrong)) + f' ({s.top_wrong_count})' if s.top_wrong else '—'}"
        "</td></tr>"
        for s in hardest
    )
    used = [lab for lab in scheme.ids
            if any(lab in pair for pair in report.confusions)]
    head = "".join(f'<th class="num"><span class="chip l-{lab}">{esc(scheme.name(lab))}</span></th>'
                   for lab in used)
    matrix_rows = []
    for key_label in used:
        row_total = sum(c for (k, _g), c in report.confusions.items() if k == key_label)
        if not row_total:
            continue
        cells = []
        for given in used:
            count = report.confusions.get((key_label, given), 0)
            cls = "diag" if given == key_label else "heat"
            share = round(100 * count / row_total)
            cells.append(f'<td class="num {cls}" style="--h:{share}">{count or ""}</td>')
        matrix_rows.append(
            f'<tr><th><span class="chip l-{key_label}">{esc(scheme.name(key_label))}</span></th>'
            + "".join(cells) + "</tr>"
        )
    body = (
        f'<header class="page"><h1>{esc(title)}</h1>'
        f'<p class="hint">{n} student{"s" if n != 1 else ""}, {len(report.items)} sentences; '
        f"class average <b>{_pct(mean)}</b>.</p></header>"
        "<h2>Students</h2><div class=scroll><table><thead><tr><th>Student</th>"
        "<th class=num>Correct</th><th class=num>Score</th><th class=num>Answered</th>"
        f"<th class=num>Sources</th></tr></thead><tbody>{student_rows}</tbody></table></div>"
        "<h2>Sentences, hardest first</h2><div class=scroll><table><thead><tr>"
        "<th class=num>#</th><th>Sentence</th><th>Key</th><th class=num>Right</th>"
        "<th>Most common wrong answer</th></tr></thead>"
        f"<tbody>{sentence_rows}</tbody></table></div>"
        "<h2>Confusions</h2><p class=hint>Rows: the key's label; columns: what students "
        "answered. The darker a cell off the framed diagonal, the more common "
        "that mistake.</p>"
        "<div class=scroll><table class=matrix><thead><tr><th>Key \\ answer</th>"
        f"{head}</tr></thead>"
        f"<tbody>{''.join(matrix_rows)}</tbody></table></div>"
    )
    return page(title, body, "grades", scheme)


@dataclass(frozen=True)
class GradeOutputs:
    report: GradeReport
    students_csv: Path
    sentences_csv: Path
    confusions_csv: Path
    summary_html: Path


def write_report(report: GradeReport, out_dir: Path, title: str, scheme: Scheme) -> GradeOutputs:
    students = out_dir / "grade_students.csv"
    sentences = out_dir / "grade_sentences.csv"
    confusions = out_dir / "grade_confusions.csv"
    summary = out_dir / "class_summary.html"
    write_rows(students, (
        {"student": s.student, "answered": s.answered, "correct": s.correct, "total": s.total,
         "score": round(s.score, 4), "source_correct": s.source_correct,
         "source_total": s.source_total,
         "source_score": "" if s.source_score is None else round(s.source_score, 4)}
        for s in report.students), STUDENT_COLUMNS)
    write_rows(sentences, (
        {"number": s.item.number, "sentence_id": s.item.sentence_id, "key_label": s.item.label,
         "key_source": s.item.source or "", "answered": s.answered, "correct": s.correct,
         "p_correct": round(s.p_correct, 4), "top_wrong_label": s.top_wrong or "",
         "top_wrong_count": s.top_wrong_count, "text": s.item.text}
        for s in report.sentences), SENTENCE_COLUMNS)
    totals = Counter[str]()
    for (k, _g), c in report.confusions.items():
        totals[k] += c
    order = {label: n for n, label in enumerate(scheme.ids)}
    wrong = sorted(((k, g, c) for (k, g), c in report.confusions.items() if k != g),
                   key=lambda t: (-t[2], order.get(t[0], 99), order.get(t[1], 99)))
    write_rows(confusions, (
        {"key_label": k, "given_label": g, "count": c, "share": round(c / totals[k], 4)}
        for k, g, c in wrong), CONFUSION_COLUMNS)
    write_text(summary, summary_html(report, title, scheme))
    return GradeOutputs(report, students, sentences, confusions, summary)


def grade_class(
    key_path: Path,
    out_dir: Path,
    answers: Path | None = None,
    labelstudio_export: Path | None = None,
    title: str = "Class summary",
    tasks: Sequence[dict[str, Any]] | None = None,
    tasks_origin: str = "Label Studio",
) -> GradeOutputs:
    """Grade from exactly one of: a CSV, a Label Studio export file, pulled tasks."""
    if sum(x is not None for x in (answers, labelstudio_export, tasks)) != 1:
        raise ClassroomError(E.E159)
    scheme = load_scheme()
    key = load_key(key_path, scheme)
    if answers is not None:
        source = answers
        given = read_answers_csv(answers, key, scheme)
    elif labelstudio_export is not None:
        source = labelstudio_export
        given = read_answers_labelstudio(labelstudio_export, key, scheme)
    else:
        assert tasks is not None
        source = Path(tasks_origin)
        given = answers_from_tasks(tasks, key, scheme)
    report = grade(key, given, source, scheme)
    return write_report(report, out_dir, title, scheme)
