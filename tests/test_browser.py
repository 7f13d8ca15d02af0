"""End to end: open the rendered report in real headless Chromium and check the screenshot.

Chromium comes from Debian (``scripts/install-chromium.sh``, run by ``make install``).
The PNG is decoded with the standard library so the test needs no imaging package.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from annotator.classroom.model import load_articles
from annotator.classroom.render import render_html
from annotator.classroom.scheme import load_scheme
from annotator.classroom.worksheet import make_worksheet

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    # Skip only on a developer machine: CI installs chromium (make test), so a missing
    # browser there is a failure, not a skip.
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="chromium not installed; run scripts/install-chromium.sh",
    ),
]


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    pixels = [
        (row[x], row[x + 1], row[x + 2]) for row in rows for x in range(0, stride, channels)
    ]
    return width, height, pixels


def screenshot(page: Path, png: Path, size: tuple[int, int], profile: Path) -> None:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        f"--user-data-dir={profile}", f"--screenshot={png}",
        f"--window-size={size[0]},{size[1]}", page.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0 and png.is_file(), proc.stderr[-2000:]


def hex_rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def near(p: tuple[int, int, int], q: tuple[int, int, int], tol: int = 3) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(p, q, strict=True))


def check_screenshot(png: Path, size: tuple[int, int], min_label_pixels: int) -> Counter:
    data = png.read_bytes()
    assert len(data) > 20_000, "suspiciously small screenshot"
    width, height, pixels = decode_png(data)
    assert (width, height) == size
    counts = Counter(pixels)
    assert len(counts) > 100, "too few colours: blank or unstyled page"
    white = sum(n for p, n in counts.items() if min(p) >= 250)
    assert white < 0.92 * len(pixels), "page is (almost) all white"
    for label in load_scheme().labels:
        rgb = hex_rgb(label.color)
        hits = sum(n for p, n in counts.items() if near(p, rgb))
        assert hits >= min_label_pixels, f"{label.id} colour {label.color} missing ({hits} px)"
    return counts


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    out.write_text(render_html(load_articles([FIXTURES / "article.jsonl"])), encoding="utf-8")
    return out


def test_report_screenshot_desktop(report: Path, tmp_path: Path) -> None:
    png = tmp_path / "desktop.png"
    screenshot(report, png, (1280, 1400), tmp_path / "profile")
    # The summary bar is a solid strip of each label colour, hundreds of pixels each.
    check_screenshot(png, (1280, 1400), min_label_pixels=300)


def test_report_screenshot_phone(report: Path, tmp_path: Path) -> None:
    png = tmp_path / "phone.png"
    screenshot(report, png, (390, 1600), tmp_path / "profile")
    check_screenshot(png, (390, 1600), min_label_pixels=100)


def test_worksheet_screenshot(tmp_path: Path) -> None:
    result = make_worksheet([FIXTURES / "article.jsonl"], tmp_path / "ws.html", count=3)
    png = tmp_path / "ws.png"
    screenshot(result.worksheet, png, (1000, 1200), tmp_path / "profile")
    data = png.read_bytes()
    width, height, pixels = decode_png(data)
    assert (width, height) == (1000, 1200)
    # The legend's label colours show; the tick boxes are dark ink on white.
    assert len(Counter(pixels)) > 50
    dark = sum(1 for p in pixels if max(p) < 60)
    assert dark > 2_000
