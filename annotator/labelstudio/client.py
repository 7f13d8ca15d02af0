"""Connect to a Label Studio server and turn its failures into one-line errors.

The server is ``--url`` / ``LABEL_STUDIO_URL``, else the local one that
``annotator serve`` started (its credentials file). The key is ``--api-key`` /
``LABEL_STUDIO_API_KEY`` (a legacy token or a personal access token, which the SDK
refreshes itself), else the credentials file. The key never appears in a message:
the SDK's own exceptions carry request headers, so they are never shown as they are.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, LabelStudioError

DEFAULT_URL = "http://127.0.0.1:8080"
DEFAULT_DATA_DIR = Path(".labelstudio")
CREDENTIALS_FILE = "annotator-credentials.json"
# Imports of 1,000 article tasks take longer than the SDK's default 60 s on 2 cores.
TIMEOUT_S = 600.0


@dataclass(frozen=True)
class Target:
    url: str
    api_key: str | None

    def __repr__(self) -> str:  # never show the key, even in a debugger or a log line
        return f"Target(url={self.url!r}, api_key={'***' if self.api_key else None})"


def read_credentials(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / CREDENTIALS_FILE
    if not path.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data


def resolve(url: str | None, api_key: str | None, data_dir: Path | None = None) -> Target:
    """Where to connect and with which key: options, then environment, then a local serve."""
    url = url or os.environ.get("LABEL_STUDIO_URL")
    api_key = api_key or os.environ.get("LABEL_STUDIO_API_KEY")
    creds = read_credentials(data_dir or DEFAULT_DATA_DIR)
    if creds and (url is None or url.rstrip("/") == str(creds.get("url", "")).rstrip("/")):
        url = url or creds.get("url")
        api_key = api_key or creds.get("api_key")
    return Target(url=(url or DEFAULT_URL).rstrip("/"), api_key=api_key)


def _detail(body: Any) -> str:
    if isinstance(body, str) and body.lstrip().startswith("<"):
        return "an HTML page instead of the API answer"
    if isinstance(body, dict):
        for key in ("detail", "validation_errors", "error"):
            if body.get(key):
                return str(body[key])[:300]
        return json.dumps(body)[:300]
    return str(body)[:300] if body else "no details"


def translate(err: Exception, url: str) -> LabelStudioError:
    """One clear message for an SDK or httpx failure; never includes headers or the key."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    if isinstance(err, LabelStudioError):
        return err
    if isinstance(err, httpx.TimeoutException):
        return LabelStudioError(E.E101.format(url=url, reason="timed out"))
    if isinstance(err, httpx.HTTPError):
        reason = str(err).split("\n")[0] or type(err).__name__
        return LabelStudioError(E.E101.format(url=url, reason=reason))
    if isinstance(err, ApiError):
        status = err.status_code
        detail = _detail(err.body)
        if status == 401 and "legacy token" in detail.lower():
            return LabelStudioError(E.E102)
        if status in (401, 403):
            return LabelStudioError(E.E103.format(status=status))
        return LabelStudioError(E.E106.format(status=status, reason=detail))
    return LabelStudioError(E.E106.format(status="?", reason=type(err).__name__))


@contextmanager
def errors(url: str) -> Iterator[None]:
    """Translate SDK and network failures raised inside the block."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    try:
        yield
    except (httpx.HTTPError, ApiError) as err:
        raise translate(err, url) from None


def check_server(url: str, timeout: float = 10.0) -> dict[str, Any]:
    """GET /api/version (no auth needed): is a Label Studio answering at ``url``?"""
    import httpx

    try:
        response = httpx.get(f"{url}/api/version", timeout=timeout)
    except httpx.HTTPError as err:
        raise translate(err, url) from None
    try:
        data: dict[str, Any] = response.json()
    except ValueError:
        data = {}
    if response.status_code != 200 or "release" not in data:
        reason = f"HTTP {response.status_code} from /api/version, not a Label Studio server"
        raise LabelStudioError(E.E101.format(url=url, reason=reason))
    return data


def connect(
    url: str | None = None, api_key: str | None = None, data_dir: Path | None = None
) -> tuple[Any, Target]:
    """An authenticated ``LabelStudio`` client, checked with one cheap call."""
    target = resolve(url, api_key, data_dir)
    if not target.api_key:
        raise LabelStudioError(E.E104)
    check_server(target.url)
    from label_studio_sdk import LabelStudio
    from label_studio_sdk.core.api_error import ApiError

    client = LabelStudio(base_url=target.url, api_key=target.api_key, timeout=TIMEOUT_S)
    try:
        client.users.whoami()
    except ApiError as err:
        if err.status_code == 404:
            reason = "no Label Studio API under this URL (HTTP 404); give the base URL"
            raise LabelStudioError(E.E101.format(url=target.url, reason=reason)) from None
        raise translate(err, target.url) from None
    except Exception as err:  # noqa: BLE001 - httpx errors become E101, never a traceback
        raise translate(err, target.url) from None
    return client, target
