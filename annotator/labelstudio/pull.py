"""Pull a project's tasks with annotations and full predictions, as plain dicts.

The dicts have the shape of Label Studio's JSON export, so ``annotator export`` treats
``--project`` and ``--from-file`` alike. Two ways, both real API calls:
``export`` (default) downloads Label Studio's own JSON export (annotations in full,
predictions as ids) and fills in the predictions from one ``/api/predictions`` call;
``tasks`` pages through ``/api/tasks?fields=all``; ``snapshot`` makes an export
snapshot with full predictions (``only_id: False``) and downloads it. On 200 seeds-size
articles the first took about half the time of the other two
(benchmarks/labelstudio_io.py).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..errors import E, LabelStudioError
from .push import find_project

METHODS = ("export", "tasks", "snapshot")


def project_id(client: Any, project: str, url: str) -> int:
    if project.isdigit():
        return int(project)
    found = find_project(client, project)
    if found is None:
        raise LabelStudioError(E.E107.format(project=project, url=url))
    return int(found.id)


def _users(client: Any) -> dict[int, str]:
    try:
        return {int(u.id): str(u.email or u.username) for u in client.users.list()}
    except Exception:  # noqa: BLE001 - names are a convenience; ids still identify people
        return {}


def _name_users(tasks: list[dict[str, Any]], users: dict[int, str]) -> None:
    for task in tasks:
        for ann in task.get("annotations") or []:
            who = ann.get("completed_by")
            if isinstance(who, int) and who in users:
                ann["completed_by"] = {"id": who, "email": users[who]}


def fetch_tasks(client: Any, pid: int) -> list[dict[str, Any]]:
    tasks = []
    for task in client.tasks.list(project=pid, fields="all", page_size=500):
        tasks.append(task.model_dump(mode="json", exclude_none=True))
    return tasks


def fetch_export(client: Any, pid: int) -> list[dict[str, Any]]:
    from label_studio_sdk.core.api_error import ApiError

    try:
        raw = b"".join(client.projects.exports.download_sync(
            pid, export_type="JSON", download_all_tasks=True))
    except ApiError as err:
        if err.status_code == 404:  # Enterprise has no sync export: page through tasks
            return fetch_tasks(client, pid)
        raise
    tasks: list[dict[str, Any]] = json.loads(raw)
    by_task: dict[int, list[dict[str, Any]]] = {}
    for pred in client.predictions.list(project=pid):
        by_task.setdefault(int(pred.task), []).append(pred.model_dump(mode="json"))
    for task in tasks:
        task["predictions"] = by_task.get(int(task["id"]), [])
    return tasks


def fetch_snapshot(client: Any, pid: int, timeout: float = 600) -> list[dict[str, Any]]:
    snap = client.projects.exports.create(
        pid, title="annotator export",
        serialization_options={"predictions": {"only_id": False}},
    )
    deadline = time.monotonic() + timeout
    while snap.status not in ("completed", "failed"):
        if time.monotonic() > deadline:
            raise LabelStudioError(E.E106.format(status="-", reason="export snapshot timed out"))
        time.sleep(0.3)
        snap = client.projects.exports.get(pid, snap.id)
    if snap.status == "failed":
        raise LabelStudioError(E.E106.format(status="-", reason="export snapshot failed"))
    raw = b"".join(client.projects.exports.download(pid, snap.id, export_type="JSON"))
    client.projects.exports.delete(pid, snap.id)
    data: list[dict[str, Any]] = json.loads(raw)
    return data


def pull(client: Any, url: str, project: str, method: str = "export") -> list[dict[str, Any]]:
    from .client import errors

    fetch = {"export": fetch_export, "tasks": fetch_tasks, "snapshot": fetch_snapshot}[method]
    with errors(url):
        pid = project_id(client, project, url)
        tasks = fetch(client, pid)
        _name_users(tasks, _users(client))
    return tasks


def read_export(path: Path) -> list[dict[str, Any]]:
    """A Label Studio JSON export file (a list of tasks)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise LabelStudioError(E.E109.format(path=path, reason=err)) from None
    if not isinstance(data, list) or not all(isinstance(t, dict) and "data" in t for t in data):
        raise LabelStudioError(
            E.E109.format(path=path, reason="expected a JSON list of tasks (export type JSON)")
        )
    return data
