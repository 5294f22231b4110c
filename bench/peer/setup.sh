#!/usr/bin/env bash
# The peer for `make bench`: django-helpdesk from PyPI in a venv of its own under
# $PEER_ROOT (default var/bench/peer), with the small project in bench/peer/site/
# (helpdesk mounted at /helpdesk/, the framework floor at /floor/). Idempotent: the venv
# is made once; the database is migrated and given its staff users and queues.
# PEER_DATABASE_URL=postgres://... puts the peer on PostgreSQL (default: SQLite).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PEER_ROOT="${PEER_ROOT:-$HERE/../../var/bench/peer}"
HELPDESK_VERSION="${HELPDESK_VERSION:-2.6.1}"
mkdir -p "$PEER_ROOT"
PEER_ROOT="$(cd "$PEER_ROOT" && pwd)"

if [[ ! -x "$PEER_ROOT/venv/bin/gunicorn" ]]; then
  python3 -m venv "$PEER_ROOT/venv"
  "$PEER_ROOT/venv/bin/pip" install -q --upgrade pip
  "$PEER_ROOT/venv/bin/pip" install -q "django-helpdesk==$HELPDESK_VERSION" gunicorn "psycopg[binary]"
  "$PEER_ROOT/venv/bin/pip" freeze > "$PEER_ROOT/pip-freeze.txt"
fi

cd "$HERE/site"
export PEER_DATA_DIR="${PEER_DATA_DIR:-$PEER_ROOT/data}"
mkdir -p "$PEER_DATA_DIR"
PY="$PEER_ROOT/venv/bin/python"
$PY manage.py migrate -v0
$PY manage.py shell -c '
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from helpdesk.models import Queue
User = get_user_model()
Site.objects.update_or_create(id=1, defaults={"domain": "127.0.0.1", "name": "peer"})
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.invalid", "benchpass123")
for i, name in enumerate(["Sanne de Vries", "Jeroen Bakker", "Fatima El Amrani", "Pieter Jansen"]):
    first, last = name.split(" ", 1)
    u, _ = User.objects.get_or_create(username=f"agent{i+1}", defaults=dict(
        first_name=first, last_name=last, email=f"agent{i+1}@example.invalid", is_staff=True))
for title, slug in [("Klachten trainingen", "trainingen"), ("Facturen", "facturen"), ("Trainers", "trainers")]:
    Queue.objects.get_or_create(slug=slug, defaults=dict(title=title, allow_public_submission=True,
        allow_email_submission=False, email_address=f"{slug}@example.invalid"))
'
echo "$PEER_ROOT"
