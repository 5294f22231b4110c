#!/usr/bin/env bash
# Makes sure the Nu Html Checker (vnu-jar, pinned) is in .tools/vnu and Java can run it, for the
# HTML validation of the browser journeys' pages (tests/e2e/html_validation.py).
# Prints the jar's path on stdout; messages go to stderr. Idempotent: only the first run
# downloads (from the npm registry); exits non-zero when it can't install something.
set -euo pipefail

VNU_VERSION=26.9.27
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
PREFIX="$ROOT/.tools/vnu"
JAR="$PREFIX/node_modules/vnu-jar/build/dist/vnu.jar"
STAMP="$PREFIX/version"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_vnu: $* missing and apt-get is not available to install it." >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "ensure_vnu: $* missing and installing it needs root (no sudo here)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -qq >/dev/null && as_root apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

if ! command -v java >/dev/null 2>&1; then
  echo "==> installing Java (default-jre-headless) for the HTML checker" >&2
  apt_install default-jre-headless
fi

if [ ! -f "$JAR" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$VNU_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> installing npm (to fetch vnu-jar from the npm registry)" >&2
    apt_install npm
  fi
  echo "==> installing vnu-jar $VNU_VERSION into .tools/vnu" >&2
  mkdir -p "$PREFIX"
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if ! npm install --prefix "$PREFIX" --no-save --no-audit --no-fund --ignore-scripts \
      "vnu-jar@$VNU_VERSION" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "ensure_vnu: npm could not install vnu-jar@$VNU_VERSION (see above)." >&2
    exit 1
  fi
  if [ ! -f "$JAR" ]; then
    echo "ensure_vnu: npm succeeded but $JAR is missing." >&2
    exit 1
  fi
  echo "$VNU_VERSION" >"$STAMP"
fi

echo "$JAR"
