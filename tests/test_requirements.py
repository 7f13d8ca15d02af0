"""The lock that make install uses agrees with the hand-written pins it was made from."""

from __future__ import annotations

import re
from pathlib import Path

REQ = Path(__file__).resolve().parent.parent / "requirements"
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;#]+)")


def _pins(name: str) -> dict[str, str]:
    out = {}
    for line in (REQ / name).read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line.strip())
        if m:
            out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def test_lock_pins_what_constraints_and_model_pin() -> None:
    lock = _pins("lock.txt")
    wanted = {**_pins("constraints.txt"), **_pins("model.txt")}
    assert wanted
    assert {k: lock.get(k) for k in wanted} == wanted


def test_lock_covers_pip_and_setuptools() -> None:
    lock = _pins("lock.txt")
    assert {"pip", "setuptools", "wheel"} <= set(lock)
    assert int(lock["setuptools"].split(".")[0]) >= 83
