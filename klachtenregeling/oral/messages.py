"""The complainant's messages about an oral complaint (R-1.1): written to the outbox inside
the step's transaction, in the complainant's language, with the personal link."""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.notifications import outbox
from klachtenregeling.notifications.constants import MessageKind


def confirm_url(record, token: str) -> str:
    return (
        settings.SITE_URL + reverse("oral-confirm", args=[record.organisation.slug]) + f"?t={token}"
    )


def _send(record, kind: str, **context):
    return outbox.enqueue(
        organisation=record.organisation,
        kind=kind,
        to_email=record.complainant_email,
        recipient_role=ActorRole.COMPLAINANT,
        language=record.draft.get("language", settings.LANGUAGE_CODE),
        context={"recipient_name": record.complainant_name, "record": record, **context},
        reply_to=record.officer.email,
    )


def confirmation_request(record, token: str):
    return _send(record, MessageKind.ORAL_CONFIRMATION, url=confirm_url(record, token))


def confirmation_reminder(record, token: str, *, close_from):
    return _send(
        record, MessageKind.ORAL_REMINDER, url=confirm_url(record, token), close_from=close_from
    )


def not_confirmed(record):
    return _send(record, MessageKind.ORAL_NOT_CONFIRMED, url="")
