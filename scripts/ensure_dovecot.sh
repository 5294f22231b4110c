#!/usr/bin/env bash
# Installs Dovecot's IMAP server from Debian's packages when missing. The tests
# (tests/dovecot.py) start their own throw-away instance on a loopback port; the
# package's own service is never started.
set -euo pipefail
if command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ]; then exit 0; fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
echo "==> installing dovecot-imapd for the mail tests" >&2
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y --no-install-recommends dovecot-imapd >&2 ||
  { as_root apt-get update -qq >&2 && as_root apt-get install -y --no-install-recommends dovecot-imapd >&2; }
