"""Changes to a staff user's own account."""

from django.db import transaction
from django.db.models import F

from .models import User


def user_logout_everywhere(*, user: User) -> None:
    """End every session of `user` on every device: sessions carry a hash of the session
    generation, so raising it makes all of them invalid at their next request."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
