# Sourced by run.sh and test.sh: find or install uv, system libraries, then the locked packages.
# Sets UV and PY (the project's Python).

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$ROOT"

if command -v uv >/dev/null 2>&1; then
  UV=$(command -v uv)
elif [ -x "$ROOT/.tools/bin/uv" ]; then
  UV="$ROOT/.tools/bin/uv"
else
  echo "==> uv not found: installing it into .tools/ (from PyPI)"
  if python3 -m venv "$ROOT/.tools" >/dev/null 2>&1; then
    "$ROOT/.tools/bin/pip" install --quiet uv
    UV="$ROOT/.tools/bin/uv"
  else
    python3 -m pip install --quiet --user uv
    UV="$(python3 -m site --user-base)/bin/uv"
  fi
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -qq >/dev/null && as_root apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

# python-magic sniffs uploads with libmagic; WeasyPrint (PDF letters) needs pango,
# harfbuzz-subset and a font.
if ! ldconfig -p 2>/dev/null | grep -q 'libmagic\.so\.1'; then
  echo "==> installing libmagic1"
  apt_install libmagic1
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1\.0\.so\.0' ||
   ! ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0' ||
   ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "==> installing pango, harfbuzz-subset and fonts for PDF letters"
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig
fi
# A complainant's name may be in any script or hold emoji: the letters' font stack falls back
# from DejaVu to Noto (many scripts) and Noto Color Emoji (_styles.html), all embedded.
if ! fc-list 2>/dev/null | grep -q 'Noto Sans Arabic' ||
   ! fc-list 2>/dev/null | grep -q 'Noto Color Emoji'; then
  echo "==> installing the Noto fonts (scripts and emoji) for PDF letters"
  apt_install fonts-noto-core fonts-noto-color-emoji
fi
# The tests of the PDF standards (tagged, PDF/A, whole words) read the PDFs with poppler.
if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "==> installing poppler-utils (pdfinfo, pdftotext) for the PDF tests"
  apt_install poppler-utils
fi

# Compiled once here: with PYTHONDONTWRITEBYTECODE set (as on CI machines) every process
# would otherwise compile the packages it imports again (WeasyPrint alone: 4 s).
# BOOTSTRAP_VERBOSE=1 (make run): say so, and let uv show its own progress.
if [ "${BOOTSTRAP_VERBOSE:-}" = 1 ]; then
  echo "    uv sync: the Python packages of uv.lock into .venv/ (the first time a few" \
    "minutes; uv shows its own progress)"
  "$UV" sync --frozen --compile-bytecode
else
  "$UV" sync --frozen --quiet --compile-bytecode
fi
PY="$ROOT/.venv/bin/python"
export UV PY

# Translations are compiled here, not committed (the .po file is the source).
if ! command -v msgfmt >/dev/null 2>&1; then
  echo "==> installing gettext"
  apt_install gettext
fi
for po in "$ROOT"/locale/*/LC_MESSAGES/django.po; do
  [ -f "$po" ] && msgfmt --check -o "${po%.po}.mo" "$po"
done
