"""The one place where the environment is read.

Every setting that differs between machines comes from an environment variable
named here; settings modules import these values and never call os.environ.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = _bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
ALLOWED_HOSTS = _list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS", [])
# Where the app keeps its SQLite database, uploaded files and generated key.
DATA_DIR = Path(os.environ.get("DATA_DIR", str(BASE_DIR / "var")))
# Where `collectstatic` puts the static files that WhiteNoise serves.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Public base URL used in e-mails (links back to the app).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = _int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "klachten@localhost")
# The domain in the UIDs of the calendar feed; empty: the domain of DEFAULT_FROM_EMAIL.
CALENDAR_UID_DOMAIN = os.environ.get("CALENDAR_UID_DOMAIN", "")

MAX_ATTACHMENT_MB = _int("MAX_ATTACHMENT_MB", 10)
MAX_INBOUND_MAIL_MB = _int("MAX_INBOUND_MAIL_MB", 30)
# The public API's limits on filing complaints (django-ratelimit rates: "20/h", "1000/h"):
# per client address without a key, per key with an organisation's API key.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "") or "20/h"
API_KEY_RATE = os.environ.get("API_KEY_RATE", "") or "1000/h"
CACHE_URL = os.environ.get("REDIS_URL", "")
# Number of reverse proxies in front of the app that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = _int("TRUSTED_PROXY_COUNT", 0)
# Issue 15: refused complaint URLs by one user within an hour before the administrators hear.
REFUSED_ACCESS_ALERT_THRESHOLD = _int("REFUSED_ACCESS_ALERT_THRESHOLD", 10)
# Crypto-shredding: the key-encryption key that wraps every complaint's file key,
# base64 of 32 random bytes. Without it the embedded installation generates var/kek; the
# production settings refuse to start. The previous key only while rotating (rotate_kek).
KLACHTEN_KEK = os.environ.get("KLACHTEN_KEK", "")
KLACHTEN_KEK_PREVIOUS = os.environ.get("KLACHTEN_KEK_PREVIOUS", "")
