"""Messages of retention (R-8.5): the administrators' alert about an unreadable file.

Reference and date only, no content and no file name (R-6.1).
"""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind
from .procedure_messages import site_url, to_staff


def file_unreadable(complaint, admins, *, uploaded_at) -> list:
    return [
        message
        for admin in admins
        if admin.pk != complaint.respondent_id
        and (
            message := to_staff(
                complaint,
                MessageKind.FILE_UNREADABLE,
                admin,
                role=ActorRole.ADMIN,
                url=site_url("staff-home"),
                uploaded_at=uploaded_at,
            )
        )
        is not None
    ]


def destruction_reminder(destruction_list, person):
    """R-8.5: one day before the cooling-off ends, a confirmer may still cancel the list.
    Dates and the count only: no reference numbers, no content."""
    if person is None or not person.email:
        return None
    return outbox.enqueue(
        organisation=destruction_list.organisation,
        kind=MessageKind.DESTRUCTION_REMINDER,
        to_email=person.email,
        recipient_role=ActorRole.OFFICER if person.is_officer else ActorRole.ADMIN,
        language=settings.LANGUAGE_CODE,
        context={
            "recipient_name": person.display_name,
            "until": destruction_list.cooling_off_until,
            "held_on": destruction_list.review.held_on,
            "count": destruction_list.items.filter(held="", excluded=False).count(),
            "url": settings.SITE_URL + reverse("destruction:detail", args=[destruction_list.pk]),
        },
    )
