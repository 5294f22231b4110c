"""Settings shared by every environment. Values that differ per machine come from config.env."""

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config import env

BASE_DIR = env.BASE_DIR
DATA_DIR: Path = env.DATA_DIR

DEBUG = env.DEBUG
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS
SITE_URL = env.SITE_URL
# how long a complainant's personal link works (a new one comes with each message).
COMPLAINANT_LINK_DAYS = 90

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "ninja",
    "klachtenregeling.core",
    "klachtenregeling.organisations",
    "klachtenregeling.accounts",
    "klachtenregeling.engagements",
    "klachtenregeling.audit",
    "klachtenregeling.notifications",
    "klachtenregeling.complaints",
    "klachtenregeling.oral",
    "klachtenregeling.handling",
    "klachtenregeling.portal",
    "klachtenregeling.reminders",
    "klachtenregeling.letters",
    "klachtenregeling.regulation",
    "klachtenregeling.questions",
    "klachtenregeling.branding",
    "klachtenregeling.website",
    "klachtenregeling.reports",
    "klachtenregeling.improvements",
    "klachtenregeling.reviews",
    "klachtenregeling.demo",
    "klachtenregeling.suggestions",
    "klachtenregeling.retention",
    "klachtenregeling.compliance",
    "klachtenregeling.inbound",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "klachtenregeling.core.middleware.NoIndexMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "klachtenregeling.accounts.middleware.TwoFactorMiddleware",
    "klachtenregeling.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "klachtenregeling.core.middleware.DomainErrorMiddleware",
    # Last, as django-axes requires: turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "klachtenregeling.accounts.context_processors.roles",
                "klachtenregeling.questions.context_processors.questions",
            ],
        },
    },
]


def _sqlite(path: Path) -> dict:
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write
    # lock at BEGIN so concurrent writers queue instead of failing mid-transaction.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA cache_size=-65536;"
                "PRAGMA temp_store=MEMORY;"
            ),
        },
    }


# Persistent connections (issue 19): a request reuses its process's connection instead of
# connecting (and, on SQLite, running the PRAGMAs above) every time; the health check
# replaces a connection the database closed.
if env.DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            env.DATABASE_URL, conn_max_age=600, conn_health_checks=True
        )
    }
else:
    DATABASES = {"default": _sqlite(DATA_DIR / "klachtenregeling.sqlite3")}
    DATABASES["default"] |= {"CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "login"
# django-axes first: it refuses a locked-out username + address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id first; the others only verify (and upgrade) older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Stored in UTC, shown in Amsterdam time; deadlines are dates in Amsterdam.
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root by WhiteNoise: /robots.txt and /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "webroot"
STORAGES = {
    # Uploaded attachments live outside the web root and are only served by a
    # permission-checked view; there is no MEDIA_URL.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "private", "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# files of a complaint are stored encrypted with that complaint's key, wrapped by
# this key-encryption key (retention/keys.py). Empty here: local.py and test.py generate
# one; production.py requires it (a system check refuses to start without it).
KLACHTEN_KEK = env.KLACHTEN_KEK
KLACHTEN_KEK_PREVIOUS = env.KLACHTEN_KEK_PREVIOUS

# Issue 15: a staff member refused more than this many complaint URLs within an hour
# (audit/refusals.py): the organisation's administrators get one alert.
REFUSED_ACCESS_ALERT_THRESHOLD = env.REFUSED_ACCESS_ALERT_THRESHOLD

# Uploads: limits checked by the intake rules; Django streams bigger files to disk.
MAX_ATTACHMENT_BYTES = env.MAX_ATTACHMENT_MB * 1024 * 1024
# Issue 18: a larger incoming e-mail is kept raw as failed mail, not read.
MAX_INBOUND_MAIL_BYTES = env.MAX_INBOUND_MAIL_MB * 1024 * 1024
MAX_ATTACHMENTS_PER_UPLOAD = 5
# The API takes attachments base64-encoded in JSON: one 10 MB file fits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "klachtenregeling.core.upload_handlers.BoundedTemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

if env.CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.CACHE_URL,
        }
    }
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
else:
    # Embedded installation: one server process (threads), so a process-local
    # cache is shared by every request and its increments are atomic under the
    # GIL. With several processes set REDIS_URL.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# The public API (README: "API"): complaints filed per hour per client address without a
# key, and per API key of an organisation. Rates as django-ratelimit reads them: "20/h".
API_ANON_RATE = env.API_ANON_RATE
API_KEY_RATE = env.API_KEY_RATE
for _name, _rate in (("API_ANON_RATE", API_ANON_RATE), ("API_KEY_RATE", API_KEY_RATE)):
    if not re.fullmatch(r"[1-9][0-9]*/[0-9]*[smhd]", _rate):
        raise ImproperlyConfigured(f"{_name} must be a rate such as 20/h, not {_rate!r}.")
RATELIMIT_VIEW = "klachtenregeling.website.views.rate_limited"
RATELIMIT_IP_META_KEY = "klachtenregeling.core.client_ip.client_ip"
TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = env.EMAIL_BACKEND or "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.EMAIL_HOST
EMAIL_PORT = env.EMAIL_PORT
EMAIL_HOST_USER = env.EMAIL_HOST_USER
EMAIL_HOST_PASSWORD = env.EMAIL_HOST_PASSWORD
EMAIL_USE_TLS = env.EMAIL_USE_TLS
EMAIL_TIMEOUT = env.EMAIL_TIMEOUT
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
# calendar events are named <what>-<id>@<this domain>, stable whatever host or port
# serves the feed; empty: the domain of DEFAULT_FROM_EMAIL.
CALENDAR_UID_DOMAIN = env.CALENDAR_UID_DOMAIN
EMAIL_FILE_PATH = DATA_DIR / "mail"

SESSION_COOKIE_HTTPONLY = True
# Saved on every request, so this is the inactivity limit: 30 minutes without a request
# and the session has ended (staff and complainant alike).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4): only our own scripts, styles and images; no
# inline script or style, no plug-ins, never inside a frame, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Two-factor authentication (django-otp): required for officers, administrators and
# superusers (accounts/two_factor.py). The issuer names the entry in the authenticator app.
OTP_TOTP_ISSUER = "Klachtenregeling"
TWO_FACTOR_RECOVERY_CODES = 10
# Brute-force protection of the log-in (django-axes): 5 failed passwords for one username
# from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "klachtenregeling.core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "klachtenregeling.accounts.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # django-axes logs every log-in at INFO; failures and lock-outs are warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO; the worker every task.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# subjects are suggested once an organisation has this many earlier complaints with
# subjects, and a subject is learned from this many examples on.
SUBJECT_SUGGESTION_MIN_EXAMPLES = 30
SUBJECT_SUGGESTION_MIN_PER_SUBJECT = 5

# Proving compliance (issue 14): a rule not yet met is "at risk" when it falls due within
# this many days.
COMPLIANCE_AT_RISK_DAYS = 5
# as we read it: an ended complaint that a recorded yearly review covers is destroyed
# within this many days of that review (unless a hold or a reasoned exclusion keeps it).
COMPLIANCE_DESTRUCTION_DAYS = 90
