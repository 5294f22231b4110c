#!/usr/bin/env bash
# Prints a DATABASE_URL for a PostgreSQL server that accepts the test role, starting or
# installing the server when needed. On the python-svc machines one runs already on
# 127.0.0.1:5432 with trust authentication.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY="$ROOT/.venv/bin/python"
URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/klachtenregeling}
FALLBACK=postgres://klachten:klachten@127.0.0.1:5432/klachtenregeling

can_connect() {
  "$PY" - "$1" <<'PY' >/dev/null 2>&1
import sys, psycopg
from urllib.parse import urlsplit, urlunsplit
parts = urlsplit(sys.argv[1])
psycopg.connect(urlunsplit(parts._replace(path="/postgres")), connect_timeout=3).close()
PY
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if can_connect "$URL"; then echo "$URL"; exit 0; fi
if can_connect "$FALLBACK"; then echo "$FALLBACK"; exit 0; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "==> installing PostgreSQL" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y --no-install-recommends postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "==> starting PostgreSQL $version" >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if can_connect "$URL"; then echo "$URL"; exit 0; fi
# A fresh installation wants a password over TCP: create a test role that may create databases.
as_root su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'klachten') THEN CREATE ROLE klachten LOGIN CREATEDB PASSWORD 'klachten'; END IF; END \\\$\\\$;\"" >&2
if can_connect "$FALLBACK"; then echo "$FALLBACK"; exit 0; fi
echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2
exit 1
