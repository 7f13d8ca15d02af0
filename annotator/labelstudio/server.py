"""Start, wait for and stop a local Label Studio bound to 127.0.0.1.

The first start of a data dir bootstraps an admin user and a legacy API token (Label
Studio creates the user only on that first start, from environment variables); both
are kept in ``<data-dir>/annotator-credentials.json`` with 0600 permissions. A
detached server writes ``<data-dir>/annotator-serve.pid`` so ``--stop`` can end it.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import E, LabelStudioError
from .client import CREDENTIALS_FILE, read_credentials

PID_FILE = "annotator-serve.pid"
LOG_FILE = "label-studio.log"
DEFAULT_PORT = 8080
HOST = "127.0.0.1"
# A fresh data dir takes 31-36 s to answer on 2 idle cores (migrations), a restart ~5 s;
# a loaded machine took 172 s once, hence the margin.
START_TIMEOUT_S = 300


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    data_dir: Path
    username: str
    api_key: str
    log: Path

    def __repr__(self) -> str:
        return f"Server(url={self.url!r}, pid={self.pid}, data_dir={str(self.data_dir)!r})"


def executable() -> str:
    """The venv's ``label-studio`` script, next to the running Python."""
    path = Path(sys.executable).parent / "label-studio"
    if not path.exists():
        raise LabelStudioError(
            E.E106.format(status="-", reason=f"{path} not found; run `make install` "
                          "(pip install -e '.[labelstudio]')")
        )
    return str(path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


def bootstrap_credentials(data_dir: Path, port: int) -> dict[str, Any]:
    """The stored credentials, created (random password and token, 0600) on first use."""
    data_dir.mkdir(parents=True, exist_ok=True)
    creds = read_credentials(data_dir)
    if creds is None:
        creds = {
            "username": "admin@annotator.local",
            "password": secrets.token_urlsafe(18),
            "api_key": secrets.token_hex(20),
        }
    creds["url"] = f"http://{HOST}:{port}"
    path = data_dir / CREDENTIALS_FILE
    # Create with 0600 from the start: a chmod after writing leaves a window.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(creds, fh, indent=2)
    os.chmod(path, 0o600)
    return creds


def _env(data_dir: Path, creds: dict[str, Any]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           # Label Studio falls back to these bare names; a stray PORT or HOST would win.
           if k not in ("USERNAME", "PASSWORD", "PORT", "HOST", "LABEL_STUDIO_HOST")}
    env.update({
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir.resolve()),
        "LABEL_STUDIO_USERNAME": creds["username"],
        "LABEL_STUDIO_PASSWORD": creds["password"],
        "LABEL_STUDIO_USER_TOKEN": creds["api_key"],
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
    })
    return env


def wait_ready(url: str, proc: subprocess.Popen[bytes] | None, log: Path,
               timeout: float = START_TIMEOUT_S) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise LabelStudioError(E.E115.format(code=proc.returncode, log=log))
        try:
            if httpx.get(f"{url}/api/version", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise LabelStudioError(E.E108.format(seconds=int(timeout), log=log))


def start(data_dir: Path, port: int = DEFAULT_PORT, timeout: float = START_TIMEOUT_S) -> tuple[
        Server, subprocess.Popen[bytes]]:
    """Start Label Studio in its own process group and wait until it answers."""
    data_dir = data_dir.resolve()
    running = status(data_dir)
    if running is not None:
        raise LabelStudioError(E.E110.format(url=running.url, pid=running.pid))
    if port_in_use(port):
        raise LabelStudioError(E.E111.format(port=port))
    creds = bootstrap_credentials(data_dir, port)
    log = data_dir / LOG_FILE
    cmd = [executable(), "start", "--no-browser", "--internal-host", HOST, "--port", str(port),
           "--data-dir", str(data_dir)]
    with log.open("ab") as fh:
        # A new session: Ctrl-C in the terminal reaches us, and we stop the whole group.
        proc = subprocess.Popen(cmd, env=_env(data_dir, creds), stdout=fh,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    server = Server(creds["url"], proc.pid, data_dir, creds["username"], creds["api_key"], log)
    (data_dir / PID_FILE).write_text(json.dumps({"pid": proc.pid, "url": server.url}))
    try:
        wait_ready(server.url, proc, log, timeout)
    except BaseException:
        terminate(proc.pid)
        (data_dir / PID_FILE).unlink(missing_ok=True)
        raise
    return server, proc


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def terminate(pid: int, timeout: float = 20.0) -> None:
    """SIGTERM the process group we started, then SIGKILL it if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                # Reap it if it is our child, so it does not stay a zombie.
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return
            except ChildProcessError:
                if not _alive(pid):
                    return
            time.sleep(0.2)


def _is_label_studio(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS): trust the pid file
    return b"label-studio" in cmdline


def status(data_dir: Path) -> Server | None:
    """The server a detached ``serve`` left running in ``data_dir``, if it is alive."""
    pid_path = data_dir / PID_FILE
    if not pid_path.is_file():
        return None
    try:
        info = json.loads(pid_path.read_text())
        pid = int(info["pid"])
    except (ValueError, KeyError, OSError):
        return None
    if not _alive(pid) or not _is_label_studio(pid):
        # Stale: the server died, or the pid now belongs to another program.
        pid_path.unlink(missing_ok=True)
        return None
    creds = read_credentials(data_dir) or {}
    return Server(str(info.get("url")), pid, data_dir, str(creds.get("username", "")),
                  str(creds.get("api_key", "")), data_dir / LOG_FILE)


def stop(data_dir: Path) -> Server | None:
    """Stop the detached server of ``data_dir``; None if none was running."""
    data_dir = data_dir.resolve()
    server = status(data_dir)
    if server is not None:
        terminate(server.pid)
    (data_dir / PID_FILE).unlink(missing_ok=True)
    return server
