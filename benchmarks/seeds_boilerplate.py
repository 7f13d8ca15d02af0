"""Measure ingest + segment alone against the seed gold (issue 2 acceptance).

A gold ``boilerplate`` segment is *kept* when at least half of its characters lie
inside a produced sentence; a content segment is *lost* when less than half of its
characters are. Also counts content segments reproduced exactly as one sentence
(same text once Markdown is removed), leaving out those the gold marks
``seg_error``. Usage::

    .venv/bin/python benchmarks/seeds_boilerplate.py [SEEDS_DIR] [GOLD_JSONL] [-v]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from annotator.ingest import Article, iter_articles
from annotator.pipeline import sentence_bounds
from annotator.segment import load_nlp, make_doc


def sentence_ranges(nlp, article: Article) -> list[tuple[int, int, str]]:
    """Original-text ranges and shown text of the sentences the pipeline produces."""
    doc = nlp(make_doc(nlp, article))
    return [(b.start, b.end, article.shown[b.shown_start : b.shown_end])
            for b in sentence_bounds(doc, article)]


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\[\]]*)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(r"^#+\s*", "", text).replace("*", "").replace("\\", "")
    return " ".join(text.split())


def measure(seeds: Path, gold_path: Path, verbose: bool = False) -> dict[str, int]:
    gold: dict[str, list[dict]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold.setdefault(row["doc"], []).append(row)
    nlp = load_nlp(prelabel=False)
    counts = {"boilerplate": 0, "kept": 0, "content": 0, "lost": 0, "clean": 0, "exact": 0}
    for article in iter_articles([seeds]):
        if not isinstance(article, Article):
            print("skipped:", article)
            continue
        covered = bytearray(len(article.text))
        ranges = sentence_ranges(nlp, article)
        produced = {" ".join(text.split()) for _, _, text in ranges}
        for s, e, _ in ranges:
            covered[s:e] = b"\x01" * (e - s)
        for seg in gold.get(article.doc_id, []):
            n = seg["end"] - seg["start"]
            inside = sum(covered[seg["start"] : seg["end"]])
            is_bp = seg["label"] == "boilerplate"
            counts["boilerplate" if is_bp else "content"] += 1
            if is_bp and inside * 2 >= n:
                counts["kept"] += 1
                if verbose:
                    print("KEPT", article.doc_id[:3], seg["i"], repr(seg["text"][:80]))
            if not is_bp and not seg["seg_error"]:
                counts["clean"] += 1
                counts["exact"] += _plain(seg["text"]) in produced
            if not is_bp and inside * 2 < n:
                counts["lost"] += 1
                if verbose:
                    print("LOST", article.doc_id[:3], seg["i"], repr(seg["text"][:80]))
    return counts


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    seeds = Path(args[0]) if args else Path("seeds")
    gold = Path(args[1]) if len(args) > 1 else Path("/work/shared/gold/seeds.jsonl")
    c = measure(seeds, gold, verbose="-v" in sys.argv)
    print(
        f"boilerplate kept {c['kept']}/{c['boilerplate']} (max 5); "
        f"content lost {c['lost']}/{c['content']} (max 3); "
        f"content segments reproduced exactly {c['exact']}/{c['clean']} (seg_error ones left out)"
    )
