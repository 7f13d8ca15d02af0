"""Every user-facing error in one table, with a code, as spaCy does.

Library code raises ``AnnotatorError`` subclasses with a message from ``E``; the CLI
turns them into ``click.ClickException`` so the user sees one line, never a traceback.
"""

from __future__ import annotations


class E:
    """Error messages. ``{}`` fields are filled with ``str.format``."""

    E001 = "[E001] No input files found under {path}. Give .txt, .md, .html/.htm or .jsonl files."
    E002 = "[E002] Cannot read {path}: {reason}"
    E003 = "[E003] {path} is empty."
    E004 = "[E004] {path} looks binary (not text); skipped. Convert it to text, HTML or JSONL."
    E005 = "[E005] {path} is {size} MB, over the {limit} MB limit; split it or raise --max-mb."
    E006 = "[E006] {path} line {line}: {reason}"
    E007 = "[E007] {path}: no article text left after boilerplate removal."
    E008 = "[E008] Cannot decode {path} as text in any known encoding."
    E009 = "[E009] Unsupported output extension {suffix!r}; use .jsonl, .csv or .parquet."
    E010 = "[E010] Cannot load spaCy model {model!r}: {reason}. Install it (make install) or set ANNOTATOR_MODEL."
    E011 = "[E011] {path} is not a records file written by `annotator prelabel`: {reason}"
    E012 = "[E012] Gold file {path}: {reason}"
    E013 = "[E013] Dataset not found at {path}. Point --polnear/--checkthat at ../shared/datasets/..."
    # Evaluate (E020-E039)
    E020 = (
        "[E020] Gold file {path} not found. "
        "Pass --gold ../shared/gold/seeds.jsonl (or your own seeds-format gold)."
    )
    E021 = (
        "[E021] Records file {path} not found. "
        "Write it first: annotator prelabel seeds/ --out {path}"
    )
    E022 = (
        "[E022] None of the {n} documents in {records} is in the gold file {gold}. Records' doc_id "
        "must equal gold 'doc' (the seed file name without extension): prelabel the seed files."
    )
    E023 = (
        "[E023] Nothing to evaluate. "
        "Give RECORDS with --gold, --polnear DIR or --checkthat DIR (see --help)."
    )
    E024 = (
        "[E024] --gold needs a RECORDS file (from `annotator prelabel`) to score; "
        "RECORDS needs --gold."
    )
    E025 = "[E025] {dataset} has no split {split!r}; use one of: {choices}."
    E026 = "[E026] {path} line {line}: {reason}"
    E027 = (
        "[E027] {path}: no {what} found. "
        "Is this the {dataset} directory (../shared/datasets/...)?"
    )
    E028 = "[E028] Cannot write {path}: {reason}. Check the directory exists and is writable."
    E029 = "[E029] --polnear-records needs --polnear DIR (the gold to score the records against)."
    E030 = (
        "[E030] No PolNeAR article had records in {records} (under {path}). Records' doc_id must "
        "be the text file name without .txt: annotator prelabel DIR/data/dev/text --keep-boilerplate"
    )
    E031 = (
        "[E031] {path} holds no sentence records. "
        "Write it with: annotator prelabel seeds/ --out {path}"
    )
    # Label Studio
    E101 = "[E101] Cannot reach Label Studio at {url}: {reason}. Start it with `annotator serve` or pass --url."
    E102 = (
        "[E102] Label Studio refused the API key: legacy token authentication has been disabled "
        "on that server. Use a personal access token (Account & Settings), or enable legacy "
        "tokens in Organization settings."
    )
    E103 = "[E103] Label Studio refused the API key (HTTP {status}). Check LABEL_STUDIO_API_KEY."
    E104 = "[E104] No API key. Set LABEL_STUDIO_API_KEY, pass --api-key, or run `annotator serve` first."
    E105 = "[E105] Invalid region in task {task}: {reason}"
    E106 = "[E106] Label Studio request failed (HTTP {status}): {reason}"
    E107 = "[E107] Project {project!r} not found on {url}."
    E108 = "[E108] Label Studio did not start within {seconds} s; see {log}."
    E109 = "[E109] Cannot read Label Studio export {path}: {reason}"
    E110 = "[E110] Label Studio is already running at {url} (pid {pid}); stop it with `annotator serve --stop`."
    E111 = "[E111] Port {port} on 127.0.0.1 is already in use; pick another with --port."
    E112 = "[E112] Unknown --unit {unit!r}; use 'article' or 'sentence'."
    E113 = "[E113] No records in {path}; run `annotator prelabel` first."
    E114 = "[E114] No documents file {path} beside the records; write records with `annotator prelabel`."
    E115 = "[E115] Label Studio exited with code {code} while starting; see {log}."
    # Classroom: render, worksheet, grade
    E150 = (
        "[E150] {path} not found. Give records from `annotator prelabel` "
        "(.jsonl/.csv/.parquet) or an export sentences.csv."
    )
    E151 = (
        "[E151] {path}: no sentences in it. Run `annotator prelabel` (or `annotator "
        "export`) first."
    )
    E152 = "[E152] {path} is not a records file or an export sentences.csv: {reason}"
    E153 = "[E153] {path} line {line}: unknown label {label!r}; use one of: {labels}."
    E154 = (
        "[E154] No sentence fits the worksheet: all are unlabeled, headings or under "
        "{words} words. Give labeled records."
    )
    E155 = "[E155] Answers file {path}: {reason}"
    E156 = (
        "[E156] {path} line {line}: sentence {ref!r} is not in the key (numbers 1..{n}, "
        "or a sentence_id from the key)."
    )
    E157 = (
        "[E157] Key {path} has no labeled sentences. Give the worksheet's .key.csv or "
        "reviewed records/export."
    )
    E158 = "[E158] Label Studio export {path}: {reason}"
    E159 = (
        "[E159] Give the students' answers, one way only: --answers FILE.csv, "
        "--from-labelstudio-export FILE.json or --from-labelstudio PROJECT."
    )
    E160 = (
        "[E160] No student answer matches a sentence of the key in {path}; check that it "
        "belongs to this key."
    )
    E161 = "[E161] Cannot write {path}: {reason}"


class AnnotatorError(Exception):
    """Base class: an error the user can act on. Its message says what to do."""


class InputError(AnnotatorError):
    """One input could not be read; the batch goes on."""


class ModelError(AnnotatorError):
    """The spaCy model cannot be loaded."""


class OutputError(AnnotatorError):
    """An output cannot be written."""


class GoldError(AnnotatorError):
    """Gold or evaluation data is missing or malformed."""


class LabelStudioError(AnnotatorError):
    """Label Studio is unreachable, refuses us, or answers unexpectedly."""


class ClassroomError(AnnotatorError):
    """Classroom input (records, key, answers) is missing or malformed."""
