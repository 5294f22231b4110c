"""Production: PostgreSQL via DATABASE_URL, secrets only from the environment."""

from django.core.exceptions import ImproperlyConfigured

from config import env
from klachtenregeling.retention.crypto import parse_key_text

from .base import *  # noqa: F403

if not env.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
if env.DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if not env.DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must point at the PostgreSQL database.")
if not env.CACHE_URL:
    raise ImproperlyConfigured(
        "REDIS_URL must be set: rate limits need a cache shared by processes."
    )
# files are stored encrypted; without a valid key-encryption key nothing starts
# (never a silent fall-back to unencrypted files). The system check retention.E001 says the
# same for every other settings module.
for _name, _value, _required in (
    ("KLACHTEN_KEK", env.KLACHTEN_KEK, True),
    ("KLACHTEN_KEK_PREVIOUS", env.KLACHTEN_KEK_PREVIOUS, False),
):
    if _required or _value:
        try:
            parse_key_text(_value, name=_name)
        except ValueError as _error:
            raise ImproperlyConfigured(str(_error)) from None

DEBUG = False
# Persistent PostgreSQL connections, checked before reuse (issue 19; base.py sets them too,
# stated here so that production never loses them by a change to the defaults).
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
