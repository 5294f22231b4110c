"""The embedded installation started by `make run`: SQLite, demo data, mail to files.

The secret key is generated once and kept in DATA_DIR (never in the repository).
"""

import base64
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

# the key-encryption key of the embedded installation, generated once like the secret
# key. Back it up apart from the database and the files: without it no file can be read.
_kek_file = DATA_DIR / "kek"
if not env.KLACHTEN_KEK:
    if not _kek_file.exists():
        _kek_file.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
        _kek_file.chmod(0o600)
    KLACHTEN_KEK = _kek_file.read_text().strip()

# Without an SMTP server configured, mails are written to var/mail/ as files.
if not env.EMAIL_BACKEND and env.EMAIL_HOST == "localhost":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
