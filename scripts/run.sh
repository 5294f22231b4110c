#!/usr/bin/env bash
# The embedded installation: SQLite (WAL) in var/, demo organisation, background worker,
# web server on http://127.0.0.1:8000 (HOST/PORT to change). Ctrl-C stops both.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"

export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.local}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
export SITE_URL=${SITE_URL:-http://$HOST:$PORT}

"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py encrypt_files -v0 >/dev/null
"$PY" manage.py demo_seed

"$PY" manage.py db_worker --interval 2 &
worker=$!
"$PY" manage.py scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true' EXIT INT TERM

echo "==> Serving on $SITE_URL (log in at $SITE_URL/inloggen/; mails are written to var/mail/)"
# One process with threads: the rate limiter's in-process cache is then shared by
# every request. With several processes, set REDIS_URL. The access log leaves out
# query strings (%(U)s), so searched names stay out of the log.
"$ROOT/.venv/bin/gunicorn" config.wsgi -b "$HOST:$PORT" --workers 1 --threads 8 \
  --access-logfile - --error-logfile - \
  --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
