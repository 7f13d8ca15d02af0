"""Throughput of `annotator prelabel` against the bare spaCy pipeline it uses.

Both run in the same process, on the same text (the shown text of the same articles),
after a warm-up; the figure that matters is the ratio. Usage:

    .venv/bin/python benchmarks/prelabel_speed.py [--copies 20] [--input seeds/]

The input articles are copied ``--copies`` times into a temporary directory so the
run is long enough to time. With ``--repeat N`` the two pipelines run N times each,
alternating, and the fastest run of each counts (as ``timeit`` does): on a shared
machine a single pair of runs moves by several points with the load. Output: words/s
of each, every run's ratio, the ratio of the fastest runs, and the machine. The CPU
time of each run (``time.process_time``, this process only) is shown too: other
processes' load moves the wall-clock figures much more than it moves CPU time.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from machine import describe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=Path(__file__).parent.parent / "seeds")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    import spacy

    from annotator.ingest import Article, iter_articles
    from annotator.pipeline import prelabel_paths
    from annotator.segment import load_nlp, model_name

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        sources = sorted(p for p in args.input.rglob("*") if p.is_file())
        for k in range(args.copies):
            for src in sources:
                shutil.copy(src, corpus / f"{src.stem}_{k}{src.suffix}")
        articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
        texts = [a.shown for a in articles]
        words = sum(len(t.split()) for t in texts)

        nlp_full = load_nlp(args.model, prelabel=True)
        # The bare pipeline: the same model with the same spaCy components enabled,
        # none of ours (no segmenter, no pre-labeler).
        ours = {name for name in nlp_full.pipe_names if name.startswith("annotator")}
        theirs = [name for name in nlp_full.pipe_names if name not in ours]
        nlp_bare = spacy.load(model_name(args.model))
        for name in list(nlp_bare.pipe_names):
            if name not in theirs:
                nlp_bare.disable_pipe(name)
        warm = texts[: min(3, len(texts))]
        list(nlp_bare.pipe(warm))
        list(nlp_full.pipe(warm))

        bares: list[float] = []
        fulls: list[float] = []
        bare_cpus: list[float] = []
        full_cpus: list[float] = []
        for k in range(max(1, args.repeat)):
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in nlp_bare.pipe(texts, batch_size=8):
                pass
            bares.append(time.perf_counter() - t0)
            bare_cpus.append(time.process_time() - c0)

            out = Path(tmp) / f"out{k}.jsonl"
            c0, t0 = time.process_time(), time.perf_counter()
            summary = prelabel_paths([corpus], [out], nlp=nlp_full)
            fulls.append(time.perf_counter() - t0)
            full_cpus.append(time.process_time() - c0)
        bare, full = min(bares), min(fulls)

    bare_wps = words / bare
    full_wps = words / full
    print(f"machine: {describe()}")
    print(f"model: {model_name(args.model)}; bare components: {', '.join(theirs)}")
    print(f"input: {len(texts)} articles ({args.copies} copies of {args.input}), {words:,} words")
    print(f"bare spaCy pipeline:  {bare_wps:10,.0f} words/s ({bare:.2f} s)")
    print(f"annotator prelabel:   {full_wps:10,.0f} words/s ({full:.2f} s; "
          f"ingest + segment + rules + records + JSONL; {summary.sentences} sentences)")
    if len(bares) > 1:
        runs = ", ".join(f"{b / f:.3f}" for b, f in zip(bares, fulls, strict=True))
        print(f"ratio of each run:    {runs}")
    print(f"ratio prelabel/bare:  {full_wps / bare_wps:.3f}")
    print(
        f"CPU s (fastest):      bare {min(bare_cpus):.2f}, prelabel {min(full_cpus):.2f}; "
        f"CPU ratio {min(bare_cpus) / min(full_cpus):.3f}"
    )


if __name__ == "__main__":
    main()
