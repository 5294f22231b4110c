"""The embedded installation started by `make run`: SQLite, demo data, mail to files.

The secret key is generated once and kept in DATA_DIR (never in the repository).
"""

import secrets

from config import env

from .base import *  # noqa: F403
from .base import DATA_DIR

DATA_DIR.mkdir(parents=True, exist_ok=True)
_key_file = DATA_DIR / "secret_key"
if not env.SECRET_KEY:
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

# Without an SMTP server configured, mails are written to var/mail/ as files.
if not env.EMAIL_BACKEND and env.EMAIL_HOST == "localhost":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
