"""One function per outgoing message. Subjects carry the reference only: no names, no content."""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.accounts.selectors import admins_of
from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def acknowledgement(complaint):
    """To the complainant: reference, deadline, free of charge (R-6.3), disputes body (R-4.2)."""
    return outbox.enqueue(
        organisation=complaint.organisation,
        complaint=complaint,
        kind=MessageKind.ACKNOWLEDGEMENT,
        to_email=complaint.complainant_email,
        recipient_role=ActorRole.COMPLAINANT,
        language=complaint.language,
        context={},
    )


def new_complaint_for_officer(complaint, officer):
    return outbox.enqueue(
        organisation=complaint.organisation,
        complaint=complaint,
        kind=MessageKind.NEW_COMPLAINT,
        to_email=officer.email,
        recipient_role=ActorRole.OFFICER,
        language=settings.LANGUAGE_CODE,
        context={"officer": officer, "url": _url("complaints:detail", complaint.reference)},
    )


def officer_needed(complaint) -> list:
    """R-5.4: no officer could take the complaint; every admin of the organisation is told."""
    organisation = complaint.organisation
    recipients = [a.email for a in admins_of(organisation) if a.email] or [
        organisation.contact_email
    ]
    return [
        outbox.enqueue(
            organisation=organisation,
            complaint=complaint,
            kind=MessageKind.OFFICER_NEEDED,
            to_email=email,
            recipient_role=ActorRole.ADMIN,
            language=settings.LANGUAGE_CODE,
            context={"url": _url("complaints:unassigned")},
        )
        for email in recipients
    ]
