#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/e2e).
# `playwright install` cannot download browsers here, so the tests drive the system one.
# Idempotent and silent when Chromium is already there; exits non-zero when it can't install it.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "ensure_chromium: $CHROMIUM is missing and installing it needs root (no sudo here)." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available to install it." >&2
  exit 1
fi

echo "==> installing chromium (for the browser tests)" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! as_root apt-get install -y --no-install-recommends chromium >"$log" 2>&1; then
  # The package lists may be missing or stale: refresh them once and try again.
  if ! { as_root apt-get update -qq && as_root apt-get install -y --no-install-recommends chromium; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "ensure_chromium: could not install chromium with apt-get (see above)." >&2
    exit 1
  fi
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure_chromium: apt-get succeeded but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "==> $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
