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
    # Classroom: render, worksheet, grade
    E150 = "[E150] {path} not found. Give records from `annotator prelabel` (.jsonl/.csv/.parquet) or an export sentences.csv."
    E151 = "[E151] {path}: no sentences in it. Run `annotator prelabel` (or `annotator export`) first."
    E152 = "[E152] {path} is not a records file or an export sentences.csv: {reason}"
    E153 = "[E153] {path} line {line}: unknown label {label!r}; use one of: {labels}."
    E154 = "[E154] No sentence fits the worksheet: all are unlabeled, headings or under {words} words. Give labeled records."
    E155 = "[E155] Answers file {path}: {reason}"
    E156 = "[E156] {path} line {line}: sentence {ref!r} is not in the key (numbers 1..{n}, or a sentence_id from the key)."
    E157 = "[E157] Key {path} has no labeled sentences. Give the worksheet's .key.csv or reviewed records/export."
    E158 = "[E158] Label Studio export {path}: {reason}"
    E159 = "[E159] Give the students' answers: --answers FILE.csv or --from-labelstudio-export FILE.json (one, not both)."
    E160 = "[E160] No student answer matches a sentence of the key in {path}; check that it belongs to this key."
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
