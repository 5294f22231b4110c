#!/usr/bin/env bash
# `make bench`: ours beside django-helpdesk 2.6.1 (bench/side_by_side.py; arguments go to it).
# QUICK=1: 1,000 complaints and 3-second runs (a few minutes); DB=postgres: on PostgreSQL.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
args=()
if [ -n "${QUICK:-}" ]; then args+=(--quick); fi
if [ -n "${DB:-}" ]; then args+=(--db "$DB"); fi
exec "$PY" "$ROOT/bench/side_by_side.py" "${args[@]}" "$@"
