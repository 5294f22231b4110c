#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint (ruff, mypy), migrations check, security scans (bandit,
# pip-audit), then every test on SQLite and again on PostgreSQL (installed/started when
# needed). Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
start=$(date +%s)

echo "==> ruff"
"$ROOT/.venv/bin/ruff" check .
"$ROOT/.venv/bin/ruff" format --check .

echo "==> mypy (django-stubs): the procedure's services and what they stand on ([tool.mypy])"
"$ROOT/.venv/bin/mypy"
if [ "${1:-}" = "--lint-only" ]; then exit 0; fi

echo "==> migrations are committed"
DJANGO_SETTINGS_MODULE=config.settings.test "$PY" manage.py makemigrations --check --dry-run -v0

echo "==> translations are compiled"
"$PY" scripts/check_translations.py

echo "==> security scans"
# Static analysis of the product (tests and migrations excluded: [tool.bandit]).
"$ROOT/.venv/bin/bandit" -c pyproject.toml -r klachtenregeling config scripts manage.py -q
# Known vulnerabilities in the locked dependencies; says so when the service is unreachable.
"$PY" scripts/audit_dependencies.py "$UV"

bash scripts/ensure_chromium.sh
# The Nu Html Checker: every page the browser journeys load is validated at the end of each
# pytest session (tests/e2e/html_validation.py); any error fails the run.
VNU_JAR=$(bash scripts/ensure_vnu.sh)
export VNU_JAR

# One pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs in a single process.
workers=(-n "${TEST_WORKERS:-auto}")

echo "==> tests on SQLite"
env -u DATABASE_URL "$PY" -m pytest -q "${workers[@]}" "$@"

echo "==> tests on PostgreSQL"
DATABASE_URL=$(bash scripts/ensure_postgres.sh) "$PY" -m pytest -q "${workers[@]}" "$@"

echo "==> all green in $(( $(date +%s) - start )) s"
