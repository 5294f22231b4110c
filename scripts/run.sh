#!/usr/bin/env bash
# The embedded installation: SQLite (WAL) in var/, demo organisation, background worker,
# web server on http://127.0.0.1:8000 (HOST/PORT to change). Ctrl-C stops both.
# Each step says what it does; on a fresh machine the first takes the longest.
set -euo pipefail
step() { echo "==> [$1/5] $2"; }

export BOOTSTRAP_VERBOSE=1
echo "==> Klachtenregeling: install, prepare, load the demo and start (make run)"
step 1 "Installing: uv, the system libraries (PDF letters, file checks) and the Python packages"
source "$(dirname "$0")/bootstrap.sh"

export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.local}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
export SITE_URL=${SITE_URL:-http://$HOST:$PORT}

step 2 "Preparing the database in var/ (migrations), static files and the file encryption"
started=$SECONDS
pending=$("$PY" manage.py showmigrations --plan 2>/dev/null | grep -c '^\[ \]' || true)
if [ "${pending:-0}" -gt 0 ]; then
  echo "    $pending migrations to apply"
fi
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py encrypt_files -v0 >/dev/null
echo "    done in $((SECONDS - started)) s"

step 3 "Loading the demo organisation Interactie (users, engagements, complaints)"
# The log-ins are printed at the end, once the server runs.
started=$SECONDS
"$PY" manage.py demo_seed --quiet
echo "    done in $((SECONDS - started)) s"

step 4 "Starting the background worker (mails, letters, reminders) and the scheduler"
"$PY" manage.py db_worker --interval 2 &
worker=$!
"$PY" manage.py scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true' EXIT INT TERM

step 5 "Starting the web server on $SITE_URL"
# The address and the demo log-ins, once the server answers (or after 30 s).
(
  for _ in $(seq 60); do
    if "$PY" - "$SITE_URL" >/dev/null 2>&1 <<'PY'
import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/inloggen/", timeout=1)
PY
    then break; fi
    sleep 0.5
  done
  "$PY" manage.py demo_seed --logins-only
  echo "==> Serving on $SITE_URL (log in at $SITE_URL/inloggen/; mails are written to var/mail/)"
) &
# One process with threads: the rate limiter's in-process cache is then shared by
# every request. With several processes, set REDIS_URL. The access log leaves out
# query strings (%(U)s), so searched names stay out of the log.
"$ROOT/.venv/bin/gunicorn" config.wsgi -b "$HOST:$PORT" --workers 1 --threads 8 \
  --access-logfile - --error-logfile - \
  --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
