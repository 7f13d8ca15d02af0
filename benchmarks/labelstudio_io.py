"""Label Studio I/O: `annotator push` against a raw SDK import of the same tasks, and
`annotator export` against Label Studio's own JSON export of the same project.

Starts its own Label Studio in a temporary data dir (or uses --url/--api-key), makes
``--copies`` distinct copies of each article of RECORDS (the text gets a suffix, so the
content hash and sentence ids differ), annotates every task from its prediction so
exports carry annotations, and prints articles/s, seconds and the machine. Usage:

    .venv/bin/python benchmarks/labelstudio_io.py [exports/seeds.jsonl] [--copies 40]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from machine import describe

from annotator.export import write_export
from annotator.labelstudio import client as ls_client
from annotator.labelstudio import server
from annotator.labelstudio.pull import pull
from annotator.labelstudio.push import load_records, push
from annotator.labelstudio.tasks import BATCH_SIZE, batched, build_tasks
from annotator.records import DocumentRecord, SentenceRecord, content_hash, make_sentence_id


def copies(docs: list[DocumentRecord], sents: list[SentenceRecord], n: int) -> tuple[
        list[DocumentRecord], list[SentenceRecord]]:
    out_docs, out_sents = [], []
    for i in range(n):
        for doc in docs:
            text = f"{doc.text}\n\n[benchmark copy {i}]\n"
            chash = content_hash(text)
            doc_id = f"{doc.doc_id}-c{i}"
            out_docs.append(dataclasses.replace(doc, doc_id=doc_id, text=text, content_hash=chash))
            out_sents += [dataclasses.replace(s, doc_id=doc_id,
                                              sentence_id=make_sentence_id(chash, s.start, s.end))
                          for s in sents if s.doc_id == doc.doc_id]
    return out_docs, out_sents


def write(path: Path, docs: list[DocumentRecord], sents: list[SentenceRecord]) -> Path:
    path.write_text("".join(json.dumps(s.to_dict()) + "\n" for s in sents))
    path.with_name(f"{path.stem}.documents.jsonl").write_text(
        "".join(json.dumps(d.to_dict()) + "\n" for d in docs))
    return path


def timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="?", default="exports/seeds.jsonl", type=Path)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--url")
    parser.add_argument("--api-key")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ls-bench-"))
    started = None
    if args.url:
        url, key = args.url, args.api_key or os.environ.get("LABEL_STUDIO_API_KEY")
    else:
        print("starting Label Studio ...", flush=True)
        started, _ = server.start(tmp / "ls", server.free_port())
        url, key = started.url, started.api_key
    try:
        client, target = ls_client.connect(url, key, tmp)
        docs, sents = load_records(args.records)
        docs, sents = copies(docs, sents, args.copies)
        records = write(tmp / "bench.jsonl", docs, sents)
        n = len(docs)
        stamp = int(time.time())

        t_push, summary = timed(lambda: push(client, target.url, records, f"bench push {stamp}"))
        assert summary.tasks_created == n, summary

        def raw_import() -> int:
            specs = list(build_tasks(docs, sents))
            project = client.projects.create(title=f"bench raw {stamp}",
                                             label_config=client.projects.get(
                                                 summary.project_id).label_config)
            for batch in batched(specs, BATCH_SIZE):
                client.projects.import_tasks(project.id, request=[
                    {"data": s.data, "predictions": [s.prediction]} for s in batch])
            return int(project.id)

        t_raw, _ = timed(raw_import)

        # Annotate every task from its prediction, so the exports carry annotations.
        tasks = pull(client, target.url, str(summary.project_id))
        for task in tasks:
            client.annotations.create(id=task["id"], result=task["predictions"][0]["result"],
                                      lead_time=10.0)

        pid = str(summary.project_id)
        t_pull_export, pulled = timed(lambda: pull(client, target.url, pid, method="export"))
        t_pull_tasks, by_pages = timed(lambda: pull(client, target.url, pid, method="tasks"))
        assert len(by_pages) == len(pulled)
        t_pull_snap, _ = timed(lambda: pull(client, target.url, pid, method="snapshot"))
        t_flat, _ = timed(lambda: write_export(pulled, tmp / "out"))
        t_ls_json, raw = timed(lambda: b"".join(client.projects.exports.download_sync(
            summary.project_id, export_type="JSON", download_all_tasks=True)))
        n_sent = len(sents)
        print(f"machine: {describe()}")
        print(f"Label Studio at {target.url}; {n} articles ({args.copies} copies of "
              f"{n // args.copies}), {n_sent} sentence regions")
        print(f"push (annotator push: build, validate, dedup lookup, import): "
              f"{t_push:.1f} s = {n / t_push:.1f} articles/s")
        print(f"raw SDK import of the same tasks (batches of {BATCH_SIZE}): "
              f"{t_raw:.1f} s = {n / t_raw:.1f} articles/s")
        print(f"export pull: JSON export + predictions list {t_pull_export:.1f} s; task pages "
              f"(fields=all) {t_pull_tasks:.1f} s; snapshot (full predictions) "
              f"{t_pull_snap:.1f} s")
        print(f"flatten + write CSV/Parquet/summaries: {t_flat:.1f} s; annotator export "
              f"total (default method): {t_pull_export + t_flat:.1f} s")
        print(f"Label Studio's own JSON export (download_sync): {t_ls_json:.1f} s "
              f"({len(raw) / 1e6:.1f} MB, predictions as ids only)")
    finally:
        if started is not None:
            server.stop(tmp / "ls")


if __name__ == "__main__":
    main()
