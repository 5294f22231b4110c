"""Settings for the test suite: a real database (SQLite file or DATABASE_URL), fast hashing."""

import base64
import secrets
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-not-a-secret"  # noqa: S105 - the test settings only  # nosec B105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
_tmp = Path(tempfile.mkdtemp(prefix="klachten-test-"))
DATA_DIR = _tmp
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": _tmp / "private", "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that concurrent threads and WAL behave as in production.
    DATABASES["default"]["NAME"] = _tmp / "app.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_tmp / "test.sqlite3")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = 1  # each test that sends mail points this at its own aiosmtpd server
EMAIL_TIMEOUT = 5
SITE_URL = "http://testserver"
# Threads (live server, concurrency tests) must not keep connections open past a test.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Static files come from the finders in tests; no collectstatic needed on a fresh clone.
STATIC_ROOT = _tmp / "staticfiles"
STATIC_ROOT.mkdir()
WHITENOISE_USE_FINDERS = True
# a fresh key-encryption key per test run (files are encrypted as in production).
KLACHTEN_KEK = base64.b64encode(secrets.token_bytes(32)).decode()
KLACHTEN_KEK_PREVIOUS = ""
