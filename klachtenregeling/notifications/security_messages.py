"""Messages of the security log (issue 15): the administrators' alert about a staff member
refused many complaint URLs. Who and how many only: no reference numbers, no content."""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind


def refused_access(admins, *, user, count: int) -> list:
    url = settings.SITE_URL + reverse("audit:refusals") + f"?user={user.pk}"
    return [
        outbox.enqueue(
            organisation=admin.organisation,
            kind=MessageKind.REFUSED_ACCESS,
            to_email=admin.email,
            recipient_role=ActorRole.ADMIN,
            language=settings.LANGUAGE_CODE,
            context={
                "recipient_name": admin.display_name,
                "who": user.display_name,
                "count": count,
                "url": url,
            },
        )
        for admin in admins
        if admin.email and admin.pk != user.pk
    ]
