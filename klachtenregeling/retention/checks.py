"""Start-up check (R-8.5): without a valid key-encryption key the app does not start.

Files are never written unencrypted: storing one without a KEK fails (keys.current_kek).
`config.settings.production` refuses to load without a valid KEK (so gunicorn does not start);
this check says the same under every settings module for `runserver`, `migrate` and `check`.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import keys


def kek_configured(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    try:
        keys.current_kek()
    except ImproperlyConfigured as error:
        errors.append(
            checks.Error(
                str(error),
                hint="Set KLACHTEN_KEK in the environment; keep it apart from the database "
                "and its backups (README, Retention and destruction).",
                id="retention.E001",
            )
        )
    if getattr(settings, "KLACHTEN_KEK_PREVIOUS", ""):
        try:
            keys.previous_kek()
        except ImproperlyConfigured as error:
            errors.append(checks.Error(str(error), id="retention.E002"))
    return errors


def register() -> None:
    checks.register(kek_configured, checks.Tags.security)
