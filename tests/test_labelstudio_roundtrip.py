"""The review loop against a REAL Label Studio (one server per test session)."""

from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LabelStudioServer, gold_records, write_records

from annotator.cli import cli
from annotator.errors import E
from annotator.records import DocumentRecord, SentenceRecord, SpanRecord, content_hash
from annotator.records import make_sentence_id as sid_of

pytestmark = pytest.mark.labelstudio


def _run(args: list[str], server: LabelStudioServer | None = None, **env: str) -> Any:
    base = {"LABEL_STUDIO_URL": "", "LABEL_STUDIO_API_KEY": ""}
    if server is not None:
        base = {"LABEL_STUDIO_URL": server.url, "LABEL_STUDIO_API_KEY": server.api_key}
    base.update(env)
    return CliRunner().invoke(cli, args, env=base, catch_exceptions=False)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _tasks(client: Any, project_title: str) -> list[dict[str, Any]]:
    from annotator.labelstudio.pull import fetch_tasks
    from annotator.labelstudio.push import find_project

    project = find_project(client, project_title)
    return fetch_tasks(client, project.id)


def test_round_trip_repush_and_new_model_version(label_studio: LabelStudioServer,
                                                 tmp_path: Path) -> None:
    docs, sents = gold_records()
    records = write_records(tmp_path / "seeds.jsonl", docs, sents)
    result = _run(["push", str(records), "--project", "rt seeds"], label_studio)
    assert result.exit_code == 0, result.output
    assert "tasks created: 5; skipped as duplicates: 0; predictions added: 5" in result.output

    client = label_studio.client()
    tasks = {t["data"]["doc_id"]: t for t in _tasks(client, "rt seeds")}
    assert len(tasks) == 5
    task = tasks["000_e12e3c0d2475ac3d"]
    text = task["data"]["text"]
    result_items = copy.deepcopy(task["predictions"][0]["result"])
    claims = [r for r in result_items if r.get("from_name") == "claim"]
    # Reviewer changes the first opinion to unsourced_claim and accepts the rest.
    changed = next(r for r in claims if r["value"]["labels"] == ["opinion"])
    changed["value"]["labels"] = ["unsourced_claim"]
    # ...and marks a SOURCE (the first word) in a sentence that had no spans, linked to it.
    spanned = {r["to_id"] for r in result_items if r.get("type") == "relation"}
    target = next(r for r in claims if r["id"] not in spanned
                  and r["value"]["labels"] == ["sourced_fact"])
    t_start = target["value"]["start"]
    word_end = t_start + len(text[t_start:].split()[0])
    result_items.append({"id": "newsrc01", "from_name": "span", "to_name": "text",
                         "type": "labels", "value": {"start": t_start, "end": word_end,
                                                     "text": text[t_start:word_end],
                                                     "labels": ["SOURCE"]}})
    result_items.append({"type": "relation", "from_id": "newsrc01", "to_id": target["id"],
                         "direction": "right", "labels": ["source_of"]})
    ann = client.annotations.create(id=task["id"], result=result_items, lead_time=42.0)

    out = tmp_path / "out"
    result = _run(["export", "--project", "rt seeds", "--out", str(out)], label_studio)
    assert result.exit_code == 0, result.output
    rows = _rows(out / "sentences.csv")
    # Nothing lost: every pre-labeled sentence has exactly one row.
    assert sorted(r["sentence_id"] for r in rows) == sorted(s.sentence_id for s in sents)
    by_id = {r["sentence_id"]: r for r in rows}
    changed_rows = [r for r in rows if r["changed"] == "true"]
    assert [r["sentence_id"] for r in changed_rows] == [changed["id"]]
    assert changed_rows[0]["prelabel_label"] == "opinion"
    assert changed_rows[0]["reviewed_label"] == "unsourced_claim"
    reviewed = [r for r in rows if r["review_status"] == "reviewed"]
    assert {r["doc_id"] for r in reviewed} == {"000_e12e3c0d2475ac3d"}
    assert all(r["annotation_ids"] == str(ann.id) for r in reviewed)
    assert all(r["lead_time"] == "42.0" for r in reviewed)
    assert {r["review_status"] for r in rows if r["doc_id"] != "000_e12e3c0d2475ac3d"} == {
        "unreviewed"}
    assert by_id[target["id"]]["reviewed_source"] == text[t_start:word_end]
    # Pre-label data round-trips from the prediction.
    for sent in sents:
        row = by_id[sent.sentence_id]
        assert row["prelabel_label"] == sent.label
        assert float(row["prelabel_score"]) == pytest.approx(sent.score)
        assert row["prelabel_rule_ids"] == ";".join(sent.rule_ids)
        assert row["prelabel_explanation"] == sent.explanation
        assert (int(row["start"]), int(row["end"])) == (sent.start, sent.end)
    spans = _rows(out / "spans.csv")
    added = [s for s in spans if s["origin"] == "review" and s["status"] == "added"]
    assert [(s["span_id"], s["sentence_id"], s["type"]) for s in added] == [
        ("newsrc01", target["id"], "SOURCE")]
    # The three ways of pulling give the same dataset.
    for method in ("tasks", "snapshot"):
        other = tmp_path / f"out-{method}"
        result = _run(["export", "--project", "rt seeds", "--out", str(other),
                       "--method", method], label_studio)
        assert result.exit_code == 0, result.output
        for name in ("sentences.csv", "spans.csv"):
            assert (other / name).read_text() == (out / name).read_text()
    assert not any(label_studio.api_key in p.read_text(errors="ignore")
                   for p in out.iterdir() if p.suffix in (".csv", ".json", ".md"))

    # Re-push: no duplicates. New model version: predictions added, annotation intact.
    result = _run(["push", str(records), "--project", "rt seeds"], label_studio)
    assert "tasks created: 0; skipped as duplicates: 5; predictions added: 0" in result.output
    result = _run(["push", str(records), "--project", "rt seeds", "--model-version", "v2"],
                  label_studio)
    assert "tasks created: 0; skipped as duplicates: 5; predictions added: 5" in result.output
    after = {t["data"]["doc_id"]: t for t in _tasks(client, "rt seeds")}
    assert len(after) == 5
    assert all(len(t["predictions"]) == 2 for t in after.values())
    kept = after["000_e12e3c0d2475ac3d"]["annotations"]
    assert [a["id"] for a in kept] == [ann.id]
    assert kept[0]["result"] == client.annotations.get(ann.id).result


def test_offsets_survive_emoji_and_curly_quotes(label_studio: LabelStudioServer,
                                                tmp_path: Path) -> None:
    text = "Héllo 😀👍🏽 “scare” — ‘x’.\n\n  Reuters said “the talks went well” on Monday 🙂.\n"
    chash = content_hash(text)
    start = text.index("Reuters")
    end = text.index("🙂.") + 2
    q0 = text.index("“the")
    spans = (SpanRecord("SOURCE", start, start + 7, "Reuters"),
             SpanRecord("CUE", start + 8, start + 12, "said"),
             SpanRecord("QUOTE", q0, text.index("” on") + 1, text[q0:text.index("” on") + 1]))
    # Offsets deliberately include the paragraph's leading newline and spaces: push trims.
    sent = SentenceRecord("emoji", sid_of(chash, start - 3, end), 0, 1, start - 3, end,
                          text[start - 3:end], label="sourced_fact", score=0.9,
                          source="Reuters", source_kind="media", spans=spans,
                          rule_ids=("r1",), model_version="emoji-1")
    doc = DocumentRecord("emoji", chash, text, "original", n_chars=len(text))
    records = write_records(tmp_path / "emoji.jsonl", [doc], [sent])
    assert _run(["push", str(records), "--project", "emoji test"], label_studio).exit_code == 0
    client = label_studio.client()
    (task,) = _tasks(client, "emoji test")
    stored = [r for r in task["predictions"][0]["result"] if r.get("type") == "labels"]
    for region in stored:
        value = region["value"]
        assert text[value["start"]:value["end"]] == value["text"]
    assert sorted(r["value"]["text"] for r in stored) == sorted(
        [text[start:end]] + [s.text for s in spans])
    client.annotations.create(id=task["id"], result=task["predictions"][0]["result"])
    out = tmp_path / "out"
    assert _run(["export", "--project", "emoji test", "--out", str(out)],
                label_studio).exit_code == 0
    (row,) = _rows(out / "sentences.csv")
    assert (int(row["start"]), int(row["end"]), row["text"]) == (start, end, text[start:end])
    review = sorted((int(s["start"]), int(s["end"]), s["text"])
                    for s in _rows(out / "spans.csv") if s["origin"] == "review")
    assert review == sorted((s.start, s.end, s.text) for s in spans)


def test_clear_errors_without_traceback(label_studio: LabelStudioServer, tmp_path: Path) -> None:
    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    records = write_records(tmp_path / "one.jsonl", docs, sents)
    empty = str(tmp_path / "no-serve")
    push = ["push", str(records), "--project", "errors", "--data-dir", empty]

    from annotator.labelstudio.server import free_port

    down = f"http://127.0.0.1:{free_port()}"
    result = _run([*push, "--url", down, "--api-key", "abcdef"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: " + E.E101.format(
        url=down, reason="[Errno 111] Connection refused")

    result = _run([*push, "--url", label_studio.url, "--api-key", "not-the-token"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: " + E.E103.format(status=401)
    assert "not-the-token" not in result.output

    wrong = label_studio.url + "/wrong/prefix"
    result = _run([*push, "--url", wrong, "--api-key", label_studio.api_key])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: " + E.E101.format(
        url=wrong, reason="no Label Studio API under this URL (HTTP 404); give the base URL")

    result = _run([*push, "--url", label_studio.url])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: " + E.E104

    result = _run(["export", "--project", "no such project", "--out", str(tmp_path / "o"),
                   "--data-dir", empty], label_studio)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: " + E.E107.format(
        project="no such project", url=label_studio.url)


def test_serve_keeps_credentials_private_and_refuses_a_second_start(
        label_studio: LabelStudioServer) -> None:
    import stat

    from annotator.labelstudio import server

    creds = label_studio.data_dir / "annotator-credentials.json"
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600
    running = server.status(label_studio.data_dir)
    assert running is not None and running.url == label_studio.url
    data_dir = str(label_studio.data_dir)
    result = _run(["serve", "--show-token", "--data-dir", data_dir])
    assert result.exit_code == 0 and result.output.strip() == label_studio.api_key
    # Detached start again (make demo twice): says so, exit 0, same server.
    result = _run(["serve", "--detach", "--data-dir", data_dir])
    assert result.exit_code == 0
    assert f"already running at {label_studio.url} (pid {running.pid})" in result.output
    # A foreground start on the same data dir is refused.
    result = _run(["serve", "--data-dir", data_dir])
    assert result.exit_code == 1
    assert result.output.strip().endswith("Error: " + E.E110.format(
        url=label_studio.url, pid=running.pid))
    # The start message names the user but never prints the token.
    assert label_studio.api_key not in result.output


def test_legacy_token_disabled_message_and_personal_access_token(
        label_studio: LabelStudioServer, tmp_path: Path) -> None:
    import httpx
    from label_studio_sdk import LabelStudio

    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    records = write_records(tmp_path / "one.jsonl", docs, sents)
    push = ["push", str(records), "--project", "pat test", "--url", label_studio.url,
            "--data-dir", str(tmp_path / "none")]
    legacy = {"Authorization": f"Token {label_studio.api_key}"}
    pat = httpx.post(f"{label_studio.url}/api/token/", headers=legacy).json()["token"]
    settings = httpx.post(f"{label_studio.url}/api/jwt/settings", headers=legacy,
                          json={"api_tokens_enabled": True, "legacy_api_tokens_enabled": False})
    assert settings.status_code in (200, 201)
    try:
        result = _run([*push, "--api-key", label_studio.api_key])
        assert result.exit_code == 1
        assert result.output.strip() == "Error: " + E.E102
        result = _run([*push, "--api-key", pat])
        assert result.exit_code == 0, result.output
        assert "tasks created: 1" in result.output and pat not in result.output
    finally:
        client = LabelStudio(base_url=label_studio.url, api_key=pat)
        current = client.jwt_settings.get()
        client.jwt_settings.update(api_tokens_enabled=True, legacy_api_tokens_enabled=True,
                                   api_token_ttl_days=current.api_token_ttl_days)


def test_sentence_unit_round_trip(label_studio: LabelStudioServer, tmp_path: Path) -> None:
    docs, sents = gold_records(["004_4adb755bc2b36fd6"])
    records = write_records(tmp_path / "one.jsonl", docs, sents)
    result = _run(["push", str(records), "--project", "by sentence", "--unit", "sentence"],
                  label_studio)
    assert f"tasks created: {len(sents)}; skipped as duplicates: 0" in result.output
    result = _run(["push", str(records), "--project", "by sentence", "--unit", "sentence"],
                  label_studio)
    assert f"tasks created: 0; skipped as duplicates: {len(sents)}" in result.output
    out = tmp_path / "out"
    assert _run(["export", "--project", "by sentence", "--out", str(out)],
                label_studio).exit_code == 0
    rows = {r["sentence_id"]: r for r in _rows(out / "sentences.csv")}
    assert len(rows) == len(sents)
    text = docs[0].text
    for sent in sents:
        row = rows[sent.sentence_id]
        assert row["text"] == text[sent.start:sent.end].strip()
        assert text[int(row["start"]):int(row["end"])] == row["text"]
        assert row["prelabel_label"] == sent.label and row["review_status"] == "unreviewed"
