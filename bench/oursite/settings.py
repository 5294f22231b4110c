"""Our side of `make bench`: the embedded installation's settings (config.settings.local:
SQLite in WAL mode, or PostgreSQL through DATABASE_URL) plus the framework floor at
/floor/rows/. Behind the benchmark's load generator, which sends a different
X-Forwarded-For per submission (the public form allows 20 an hour per address)."""

from pathlib import Path

from config.settings.local import *  # noqa: F403
from config.settings.local import TEMPLATES

ROOT_URLCONF = "bench.oursite.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]
TRUSTED_PROXY_COUNT = 1
