#!/bin/sh
# Install Debian chromium + chromium-driver for the `browser` tests (tests/test_browser.py).
# Idempotent and quiet: does nothing when both are already on PATH; apt output is
# kept in a log and shown only when the install fails.
set -eu

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-chromium.sh: need root (or sudo) to apt-get install chromium" >&2
        exit 1
    fi
fi

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
export DEBIAN_FRONTEND=noninteractive
# fonts-dejavu-core: without any font chromium renders boxes in the screenshot.
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends \
           chromium chromium-driver fonts-dejavu-core; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "install-chromium.sh: apt-get install chromium chromium-driver failed (log above)" >&2
    exit 1
fi
command -v chromium >/dev/null 2>&1 || { echo "install-chromium.sh: chromium still missing" >&2; exit 1; }
