"""Tidy dataset from reviewed Label Studio tasks: sentences, spans, agreement, acceptance.

Input is a list of tasks in Label Studio's JSON export shape (from the API or a file).
Pre-labels come from the task's prediction (full results, not ids) and from the
snapshot ``meta.annotator`` that ``annotator push`` stores on each sentence region;
the sentence skeleton in ``data.sentences`` makes sure every sentence has a row, even
when nobody reviewed it. Columns are those of ``schemas/export_columns.json``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from .errors import E, OutputError
from .labelstudio import config
from .labelstudio.tasks import trim
from .recordio import csv_safe
from .records import make_sentence_id

LIST_SEP = ";"


@lru_cache(maxsize=1)
def data_dictionary() -> dict[str, Any]:
    with (config.SCHEMAS / "export_columns.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def columns(resource: str) -> list[str]:
    for res in data_dictionary()["resources"]:
        if res["name"] == resource:
            return [f["name"] for f in res["schema"]["fields"]]
    raise KeyError(resource)


def _types(resource: str) -> dict[str, str]:
    for res in data_dictionary()["resources"]:
        if res["name"] == resource:
            return {f["name"]: f["type"] for f in res["schema"]["fields"]}
    raise KeyError(resource)


# ---------------------------------------------------------------- agreement


def krippendorff_alpha_nominal(units: Iterable[Sequence[Any]]) -> float | None:
    """Krippendorff's alpha for nominal data; each unit lists its (non-missing) values.

    Units with fewer than two values are not pairable and drop out. None when the
    expected disagreement is zero (only one value was ever used).
    """
    coincidence: dict[tuple[Any, Any], float] = defaultdict(float)
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] += 1.0 / (m - 1)
    totals: dict[Any, float] = defaultdict(float)
    for (a, _b), weight in coincidence.items():
        totals[a] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(w for (a, b), w in coincidence.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def cohen_kappa(pairs: Sequence[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa for two raters over the units both labeled."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def mean_pairwise_kappa(ratings: Sequence[dict[str, Any]]) -> float | None:
    """Light's kappa: mean Cohen's kappa over annotator pairs that share units.

    ``ratings`` has one mapping annotator -> label per unit.
    """
    raters = sorted({r for unit in ratings for r in unit})
    kappas = []
    for a, b in combinations(raters, 2):
        pairs = [(u[a], u[b]) for u in ratings if a in u and b in u]
        k = cohen_kappa(pairs)
        if k is not None:
            kappas.append(k)
    return sum(kappas) / len(kappas) if kappas else None


# ---------------------------------------------------------------- flattening


@dataclass
class _Region:
    id: str
    start: int
    end: int
    text: str
    label: str
    meta: dict[str, Any] = field(default_factory=dict)
    score: float | None = None


@dataclass
class _Result:
    """The regions of one prediction or annotation, by control."""

    claims: dict[str, _Region] = field(default_factory=dict)
    spans: dict[str, _Region] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    relations: list[tuple[str, str]] = field(default_factory=list)


def _parse(result: Sequence[dict[str, Any]]) -> _Result:
    out = _Result()
    for item in result or []:
        if item.get("type") == "relation":
            out.relations.append((str(item.get("from_id")), str(item.get("to_id"))))
            continue
        value = item.get("value") or {}
        rid = str(item.get("id"))
        name = item.get("from_name")
        if item.get("type") == "labels" and value.get("labels"):
            region = _Region(rid, int(value["start"]), int(value["end"]),
                             str(value.get("text", "")), str(value["labels"][0]),
                             dict(item.get("meta") or {}), item.get("score"))
            if name == config.CLAIM:
                out.claims[rid] = region
            elif name == config.SPAN:
                out.spans[rid] = region
        elif item.get("type") == "choices" and name == config.KIND and value.get("choices"):
            out.kinds[rid] = str(value["choices"][0])
    return out


def _pick_prediction(task: dict[str, Any], model_version: str | None) -> dict[str, Any] | None:
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if model_version:
        preds = [p for p in preds if p.get("model_version") == model_version]
    if not preds:
        return None
    return max(preds, key=lambda p: (str(p.get("created_at", "")), int(p.get("id") or 0)))


def _who(ann: dict[str, Any]) -> str:
    who = ann.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("username") or who.get("id"))
    return f"user {who}" if who is not None else "unknown"


_PRECEDENCE = {lab: i for i, lab in enumerate(config.load_schema()["precedence"])}


def majority(labels: Sequence[str]) -> str | None:
    """Most frequent label; ties go to the label earlier in the codebook's precedence."""
    if not labels:
        return None
    counts = Counter(labels)
    return min(counts, key=lambda lab: (-counts[lab], _PRECEDENCE.get(lab, 99), lab))


def _sources_for(sent_id: str, region: _Region, parsed: _Result) -> list[_Region]:
    linked = {src for src, dst in parsed.relations if dst == sent_id}
    spans = [s for s in parsed.spans.values() if s.label == "SOURCE" and s.id in linked]
    if not spans:  # no relation drawn: a SOURCE inside the sentence is its source
        spans = [s for s in parsed.spans.values() if s.label == "SOURCE"
                 and region.start <= s.start and s.end <= region.end]
    return sorted(spans, key=lambda s: s.start)


@dataclass
class Flat:
    sentences: list[dict[str, Any]]
    spans: list[dict[str, Any]]
    ratings: list[dict[str, str]]  # per multiply-annotated sentence: annotator -> label


def _span_owner(span: _Region, parsed: _Result, sentences: dict[str, _Region]) -> str | None:
    for src, dst in parsed.relations:
        if src == span.id and dst in sentences:
            return dst
    owner = span.meta.get("annotator", {}).get("sentence_id") if span.meta else None
    if owner:
        return str(owner)
    for sid, reg in sentences.items():
        if reg.start <= span.start and span.end <= reg.end:
            return sid
    return None


def flatten_task(task: dict[str, Any], model_version: str | None = None) -> Flat:
    data = task.get("data") or {}
    text = str(data.get("text", ""))
    shift = int(data.get("offset") or 0)
    doc_id = str(data.get("doc_id", task.get("id")))
    chash = str(data.get("content_hash", ""))
    task_id = task.get("id")
    prediction = _pick_prediction(task, model_version)
    pre = _parse(prediction["result"]) if prediction else _Result()
    version = str(prediction.get("model_version") or "") if prediction else ""

    # Sentence regions: the skeleton, then any pre-label region it lacks.
    regions: dict[str, _Region] = {}
    info: dict[str, dict[str, Any]] = {}
    for sk in data.get("sentences") or []:
        sid = str(sk["sentence_id"])
        start, end = int(sk["start"]), int(sk["end"])
        start, end = trim(text, start, end)
        regions[sid] = _Region(sid, start, end, text[start:end], "")
        info[sid] = {"index": sk.get("index"), "paragraph": sk.get("paragraph")}
    for sid, reg in pre.claims.items():
        regions.setdefault(sid, reg)
        info.setdefault(sid, {})
    by_offsets = {(r.start, r.end): sid for sid, r in regions.items()}

    annotations = [a for a in task.get("annotations") or []
                   if isinstance(a, dict) and not a.get("was_cancelled")]
    parsed_anns = [(a, _parse(a.get("result") or [])) for a in annotations]
    # Map each annotation's claim regions onto sentence ids.
    per_sentence: dict[str, list[tuple[dict[str, Any], _Result, _Region]]] = defaultdict(list)
    added: list[str] = []
    for ann, parsed in parsed_anns:
        for rid, reg in parsed.claims.items():
            found = rid if rid in regions else by_offsets.get((reg.start, reg.end))
            if found is not None:
                sid = found
            else:
                sid = make_sentence_id(chash, reg.start + shift, reg.end + shift)
                if sid not in regions:
                    regions[sid] = _Region(sid, reg.start, reg.end, reg.text, "")
                    info[sid] = {}
                    by_offsets[(reg.start, reg.end)] = sid
                    added.append(sid)
            per_sentence[sid].append((ann, parsed, reg))

    ann_ids = LIST_SEP.join(str(a.get("id")) for a in annotations)
    lead_times = [float(a["lead_time"]) for a in annotations if a.get("lead_time") is not None]
    updated = max((str(a.get("updated_at") or "") for a in annotations), default="")

    rows: list[dict[str, Any]] = []
    ratings: list[dict[str, str]] = []
    for sid, reg in sorted(regions.items(), key=lambda kv: (kv[1].start, kv[1].end)):
        pre_reg = pre.claims.get(sid)
        snap = dict((pre_reg.meta if pre_reg else {}).get("annotator") or {})
        votes = per_sentence.get(sid, [])
        labels = [r.label for _, _, r in votes]
        major = majority(labels)
        if not annotations:
            status = "unreviewed"
        elif sid in added:
            status = "added"
        elif not votes:
            status = "removed"
        else:
            status = "reviewed"
        source = kind = None
        if major is not None:
            # The latest annotation that voted for the majority speaks for the review.
            ann, parsed, areg = max((v for v in votes if v[2].label == major),
                                    key=lambda v: str(v[0].get("updated_at") or ""))
            source = "; ".join(s.text for s in _sources_for(areg.id, areg, parsed)) or None
            kind = parsed.kinds.get(areg.id)
        if len(votes) >= 2:
            ratings.append({_who(a): r.label for a, _, r in votes})
        pre_label = pre_reg.label if pre_reg else None
        rule_ids = snap.get("rule_ids") or []
        rows.append({
            "doc_id": doc_id, "content_hash": chash, "sentence_id": sid,
            "index": info.get(sid, {}).get("index", snap.get("index")),
            "paragraph": info.get(sid, {}).get("paragraph", snap.get("paragraph")),
            "start": reg.start + shift, "end": reg.end + shift, "text": reg.text,
            "prelabel_label": pre_label,
            "prelabel_score": pre_reg.score if pre_reg and pre_reg.score is not None
            else snap.get("score"),
            "prelabel_source": snap.get("source"),
            "prelabel_source_kind": pre.kinds.get(sid, snap.get("source_kind")),
            "prelabel_explanation": snap.get("explanation"),
            "prelabel_rule_ids": LIST_SEP.join(rule_ids) if rule_ids else None,
            "model_version": version or snap.get("model_version"),
            "review_status": status,
            "reviewed_label": major,
            "reviewed_source": source,
            "reviewed_source_kind": kind,
            "majority_label": major,
            "annotators": LIST_SEP.join(sorted({_who(a) for a, _, _ in votes})) or None,
            "n_annotations": len(annotations),
            "agreement": (sum(1 for lab in labels if lab == major) / len(labels))
            if len(labels) >= 2 else None,
            "changed": (major != pre_label) if status in ("reviewed", "added") else None,
            "task_id": task_id,
            "annotation_ids": ann_ids or None,
            "lead_time": round(sum(lead_times) / len(lead_times), 3) if lead_times else None,
            "updated_at": updated or None,
        })

    spans = _span_rows(doc_id, task_id, shift, version, pre, parsed_anns, regions, annotations)
    return Flat(rows, spans, ratings)


def _span_rows(doc_id: str, task_id: Any, shift: int, version: str, pre: _Result,
               parsed_anns: list[tuple[dict[str, Any], _Result]],
               regions: dict[str, _Region], annotations: list[dict[str, Any]]) -> list[
                   dict[str, Any]]:
    rows = []
    reviewed_keys = {(s.label, s.start, s.end) for _, p in parsed_anns for s in p.spans.values()}
    pre_keys = {(s.label, s.start, s.end) for s in pre.spans.values()}
    for span in pre.spans.values():
        status = ("unreviewed" if not annotations
                  else "kept" if (span.label, span.start, span.end) in reviewed_keys
                  else "removed")
        rows.append({"doc_id": doc_id, "sentence_id": _span_owner(span, pre, regions),
                     "span_id": span.id, "origin": "prelabel", "type": span.label,
                     "start": span.start + shift, "end": span.end + shift, "text": span.text,
                     "status": status, "annotator": None, "annotation_id": None,
                     "task_id": task_id, "model_version": version or None})
    for ann, parsed in parsed_anns:
        for span in parsed.spans.values():
            key = (span.label, span.start, span.end)
            rows.append({"doc_id": doc_id, "sentence_id": _span_owner(span, parsed, regions),
                         "span_id": span.id, "origin": "review", "type": span.label,
                         "start": span.start + shift, "end": span.end + shift,
                         "text": span.text, "status": "kept" if key in pre_keys else "added",
                         "annotator": _who(ann), "annotation_id": ann.get("id"),
                         "task_id": task_id, "model_version": None})
    rows.sort(key=lambda r: (r["start"], r["origin"], r["end"]))
    return rows


def flatten(tasks: Iterable[dict[str, Any]], model_version: str | None = None) -> Flat:
    out = Flat([], [], [])
    for task in sorted(tasks, key=lambda t: (str((t.get("data") or {}).get("doc_id", "")),
                                             int((t.get("data") or {}).get("offset") or 0))):
        flat = flatten_task(task, model_version)
        out.sentences.extend(flat.sentences)
        out.spans.extend(flat.spans)
        out.ratings.extend(flat.ratings)
    return out


# ---------------------------------------------------------------- summaries


def acceptance(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Share of pre-labels the review kept, per pre-label and per rule id."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row["review_status"] != "reviewed" or not row["prelabel_label"]:
            continue
        ok = int(row["reviewed_label"] == row["prelabel_label"])
        keys = [("label", row["prelabel_label"]), ("all", "all")]
        keys += [("rule", r) for r in (row["prelabel_rule_ids"] or "").split(LIST_SEP) if r]
        for key in keys:
            groups[key][0] += 1
            groups[key][1] += ok
    order = {"all": 0, "label": 1, "rule": 2}
    return [{"group": g, "key": k, "n_reviewed": n, "n_accepted": a,
             "acceptance_rate": round(a / n, 4)}
            for (g, k), (n, a) in sorted(groups.items(),
                                         key=lambda kv: (order[kv[0][0]], kv[0][1]))]


def agreement(ratings: Sequence[dict[str, str]]) -> list[dict[str, Any]]:
    """Overall and per-label (label vs not) alpha and kappa over multiply-annotated sentences."""
    if not ratings:
        return []

    def row(key: str, units: list[dict[str, Any]]) -> dict[str, Any]:
        alpha = krippendorff_alpha_nominal([list(u.values()) for u in units])
        kappa = mean_pairwise_kappa(units)
        return {"label": key, "n_units": len(units),
                "krippendorff_alpha": None if alpha is None else round(alpha, 4),
                "cohen_kappa": None if kappa is None else round(kappa, 4)}

    out = [row("all", list(ratings))]
    for label in config.label_ids():
        out.append(row(label, [{k: v == label for k, v in u.items()} for u in ratings]))
    return out


# ---------------------------------------------------------------- writing


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_safe(value)


def write_csv(path: Path, rows: Sequence[dict[str, Any]], cols: list[str]) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({c: _csv_cell(row.get(c)) for c in cols})
    except OSError as err:
        raise OutputError(E.E002.format(path=path, reason=err.strerror or err)) from err


_ARROW = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_"}


def write_parquet(path: Path, rows: Sequence[dict[str, Any]], resource: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = _types(resource)
    schema = pa.schema([(name, getattr(pa, _ARROW[t])()) for name, t in types.items()])
    table = pa.Table.from_pylist([{c: r.get(c) for c in types} for r in rows], schema=schema)
    pq.write_table(table, str(path))


@dataclass
class ExportSummary:
    out: Path
    tasks: int
    sentences: int
    reviewed: int
    changed: int
    spans: int
    acceptance: list[dict[str, Any]]
    agreement: list[dict[str, Any]]
    files: list[Path]


def _card(summary: ExportSummary, versions: list[str], source: str) -> str:
    lines = [
        "# Dataset card: reviewed claim types and source attribution", "",
        f"Exported by `annotator export` from {source}.", "",
        f"- tasks: {summary.tasks}; sentences: {summary.sentences} "
        f"({summary.reviewed} reviewed, {summary.changed} changed by the reviewer); "
        f"spans: {summary.spans}",
        f"- pre-labeler versions: {', '.join(versions) or 'none'}",
        "- labels and spans follow the codebook (`schemas/guidelines.md`); columns are "
        "described in `datapackage.json` (Frictionless Table Schema).", "",
        "## Files", "",
        "- `sentences.csv` / `sentences.parquet`: one row per sentence, unreviewed ones "
        "included (`review_status`).",
        "- `spans.csv` / `spans.parquet`: SOURCE, CUE and QUOTE spans, pre-labeled and reviewed.",
        "- `acceptance.csv`: share of pre-labels kept by the review, per label and rule id.",
        "- `agreement.csv`: Krippendorff's alpha (nominal) and mean pairwise Cohen's kappa "
        "over sentences with two or more annotations, overall and per label (label vs not).",
        "- `summary.json`: the counts and tables above.", "",
        "## Caveats", "",
        "- Pre-labels are machine output; only `reviewed` rows carry a human label.",
        "- CSV cells that would start with =, +, -, @ are prefixed with `'` so spreadsheets "
        "do not run them; Parquet keeps the raw text.",
        "- Text comes from the scraped articles; check the publishers' terms before "
        "redistributing it.", "",
    ]
    return "\n".join(lines)


def write_export(tasks: Sequence[dict[str, Any]], out: Path, model_version: str | None = None,
                 source: str = "Label Studio") -> ExportSummary:
    flat = flatten(tasks, model_version)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(E.E002.format(path=out, reason=err.strerror or err)) from err
    files = []
    for name, rows in (("sentences", flat.sentences), ("spans", flat.spans)):
        write_csv(out / f"{name}.csv", rows, columns(name))
        write_parquet(out / f"{name}.parquet", rows, name)
        files += [out / f"{name}.csv", out / f"{name}.parquet"]
    acc = acceptance(flat.sentences)
    agr = agreement(flat.ratings)
    write_csv(out / "acceptance.csv", acc,
              ["group", "key", "n_reviewed", "n_accepted", "acceptance_rate"])
    write_csv(out / "agreement.csv", agr,
              ["label", "n_units", "krippendorff_alpha", "cohen_kappa"])
    reviewed = [r for r in flat.sentences if r["review_status"] in ("reviewed", "added")]
    summary = ExportSummary(out, len(tasks), len(flat.sentences), len(reviewed),
                            sum(1 for r in reviewed if r["changed"]), len(flat.spans),
                            acc, agr, files)
    versions = sorted({r["model_version"] for r in flat.sentences if r["model_version"]})
    (out / "summary.json").write_text(json.dumps({
        "tasks": summary.tasks, "sentences": summary.sentences, "reviewed": summary.reviewed,
        "changed": summary.changed, "spans": summary.spans, "model_versions": versions,
        "acceptance": acc, "agreement": agr}, indent=2), encoding="utf-8")
    (out / "datapackage.json").write_text(
        json.dumps(data_dictionary(), indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "README.md").write_text(_card(summary, versions, source), encoding="utf-8")
    files += [out / n for n in ("acceptance.csv", "agreement.csv", "summary.json",
                                "datapackage.json", "README.md")]
    summary.files = files
    return summary
