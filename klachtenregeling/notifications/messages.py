"""One function per outgoing message. Subjects carry the reference only: no names, no content."""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.accounts.selectors import admins_of, board_of
from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _is_respondents(complaint, address: str) -> bool:
    respondent = complaint.respondent
    return bool(respondent and respondent.email and respondent.email.lower() == address.lower())


def reply_address(complaint) -> str:
    """Where the complainant's reply goes: the handling officer, else the organisation's
    mailbox — never an address of the person the complaint is about (R-5.4)."""
    officer = complaint.assigned_officer
    if officer is not None and officer.email:
        return officer.email
    contact = complaint.organisation.contact_email
    return "" if _is_respondents(complaint, contact) else contact


def acknowledgement(complaint):
    """To the complainant: reference, deadline, free of charge (R-6.3), disputes body (R-4.2),
    and the personal link to the page where they follow their complaint (R-7.3).

    By e-mail the worker composes it, with the link (issue 19: compose.py); a letter by
    post is rendered here, as the officer prints it from the list."""
    if complaint.by_post:
        from .procedure_messages import complainant_link

        return outbox.enqueue(
            organisation=complaint.organisation,
            complaint=complaint,
            kind=MessageKind.ACKNOWLEDGEMENT,
            to_email=complaint.complainant_email,
            recipient_role=ActorRole.COMPLAINANT,
            language=complaint.language,
            context={"url": complainant_link(complaint, purpose=MessageKind.ACKNOWLEDGEMENT)},
            reply_to=reply_address(complaint),
        )
    return outbox.enqueue_to_compose(
        complaint=complaint,
        kind=MessageKind.ACKNOWLEDGEMENT,
        to_email=complaint.complainant_email,
        recipient_role=ActorRole.COMPLAINANT,
        language=complaint.language,
        reply_to=reply_address(complaint),
    )


def new_complaint_for_officer(complaint, officer):
    """To the officer who handles it (R-5.1); composed by the worker (compose.py)."""
    return outbox.enqueue_to_compose(
        complaint=complaint,
        kind=MessageKind.NEW_COMPLAINT,
        to_email=officer.email,
        recipient_role=ActorRole.OFFICER,
        language=settings.LANGUAGE_CODE,
        intent={"officer": officer.pk},
    )


def officer_needed(complaint) -> list:
    """R-5.4: no officer could take the complaint; the organisation's admins are told.

    An admin who is the person complained about is not told (and may not appoint).
    """
    organisation = complaint.organisation

    def addresses(users) -> list[str]:
        return [u.email for u in users if u.email and u.pk != complaint.respondent_id]

    # The admins; if the complaint is about the only admin, the board designates (Art. 5.4).
    recipients = addresses(admins_of(organisation)) or addresses(board_of(organisation))
    if not recipients and not _is_respondents(complaint, organisation.contact_email):
        recipients = [organisation.contact_email]
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
