"""Changes to a staff user's own account."""

from django.conf import settings
from django.db import transaction
from django.db.models import F

from .models import User


def user_logout_everywhere(*, user: User) -> None:
    """End every session of `user` on every device: sessions carry a hash of the session
    generation, so raising it makes all of them invalid at their next request."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])


def user_language_set(*, user: User, language: str) -> None:
    """Keep the language the user chose (one of settings.LANGUAGES; others are ignored)."""
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
