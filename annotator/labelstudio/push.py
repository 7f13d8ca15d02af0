"""Create or update a project and send tasks and predictions, idempotently.

The de-duplication key is the document's content hash (``data.content_hash``; for the
sentence unit, with the sentence id). Pushing again skips known tasks; a new model
version adds a prediction to each known task and never touches annotations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import E, LabelStudioError
from ..recordio import documents_path, read_documents, read_sentences
from ..records import DocumentRecord, SentenceRecord
from . import config
from .tasks import BATCH_SIZE, UNITS, TaskSpec, batched, build_tasks, task_key


@dataclass
class PushSummary:
    project_id: int
    project: str
    url: str
    unit: str
    model_version: str
    tasks_created: int = 0
    duplicates_skipped: int = 0
    predictions_added: int = 0
    project_created: bool = False
    task_ids: list[int] = field(default_factory=list)


def load_records(path: Path) -> tuple[list[DocumentRecord], list[SentenceRecord]]:
    docs_path = documents_path(path)
    if not path.is_file():
        raise LabelStudioError(E.E113.format(path=path))
    if not docs_path.is_file():
        raise LabelStudioError(E.E114.format(path=docs_path))
    sentences = list(read_sentences(path))
    documents = list(read_documents(docs_path))
    if not sentences or not documents:
        raise LabelStudioError(E.E113.format(path=path))
    return documents, sentences


def find_project(client: Any, title: str) -> Any | None:
    for project in client.projects.list(title=title):
        if project.title == title:
            return project
    return None


def ensure_project(client: Any, title: str) -> tuple[Any, bool]:
    """The project called ``title`` with our current config and instructions."""
    label_config = config.labeling_config()
    instructions = config.instructions_html()
    project = find_project(client, title)
    settings = {"label_config": label_config, "expert_instruction": instructions,
                "show_instruction": True, "show_collab_predictions": True}
    if project is None:
        return client.projects.create(
            title=title, description="Claim types and source attribution, pre-labeled by "
            "annotator; review each sentence region.", **settings), True
    if (project.label_config != label_config or project.expert_instruction != instructions):
        client.projects.update(project.id, **settings)
    return project, False


def existing_tasks(client: Any, project_id: int) -> dict[str, tuple[int, set[str]]]:
    """Dedup key -> (task id, model versions that already have a prediction)."""
    known: dict[str, tuple[int, set[str]]] = {}
    for task in client.tasks.list(project=project_id, page_size=1000,
                                  include="id,data,predictions_model_versions"):
        data = task.data or {}
        if "content_hash" not in data:
            continue
        unit = data.get("unit", "article")
        key = task_key(data["content_hash"], unit, data.get("sentence_id"))
        raw = task.predictions_model_versions or ""
        versions = set(raw) if isinstance(raw, list) else {v.strip() for v in str(raw).split(",")}
        known[key] = (int(task.id), {v for v in versions if v})
    return known


def push(
    client: Any,
    target_url: str,
    records: Path,
    project: str,
    unit: str = "article",
    model_version: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    specs: Iterable[TaskSpec] | None = None,
) -> PushSummary:
    """Push records (or ready ``specs``) to ``project``; ``progress(n)`` after each batch."""
    from .client import errors

    if unit not in UNITS:
        raise LabelStudioError(E.E112.format(unit=unit))
    if specs is None:
        documents, sentences = load_records(records)
        specs = build_tasks(documents, sentences, unit=unit, model_version=model_version)
    with errors(target_url):
        proj, created = ensure_project(client, project)
        summary = PushSummary(proj.id, project, target_url, unit, model_version or "",
                              project_created=created)
        known = {} if created else existing_tasks(client, proj.id)
        seen: set[str] = set()
        versions: list[str] = []
        for batch in batched(specs, batch_size):
            new: list[dict[str, Any]] = []
            extra: list[dict[str, Any]] = []
            for spec in batch:
                version = spec.prediction["model_version"]
                if version not in versions:
                    versions.append(version)
                if spec.key in seen:
                    summary.duplicates_skipped += 1
                    continue
                seen.add(spec.key)
                if spec.key in known:
                    task_id, has = known[spec.key]
                    summary.duplicates_skipped += 1
                    if version not in has:
                        extra.append({"task": task_id, **spec.prediction})
                        has.add(version)
                else:
                    new.append({"data": spec.data, "predictions": [spec.prediction]})
            if new:
                response = client.projects.import_tasks(proj.id, request=new,
                                                        return_task_ids=True)
                summary.tasks_created += len(new)
                summary.predictions_added += len(new)
                summary.task_ids.extend(response.task_ids or [])
            if extra:
                client.projects.import_predictions(proj.id, request=extra)
                summary.predictions_added += len(extra)
            if progress is not None:
                progress(len(batch))
        if versions:
            # Predictions are not shown until the project's model version is selected.
            summary.model_version = versions[-1]
            client.projects.update(proj.id, model_version=versions[-1])
    return summary
