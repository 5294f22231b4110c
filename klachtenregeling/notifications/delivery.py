"""Delivering outbox messages: claim with a lease, send over SMTP, record the result.

No database transaction is held while talking to the mail server. A message is
claimed by a short UPDATE (so two workers never send it at once), sent, then
marked sent or rescheduled with back-off; after the last attempt it is marked
failed and the failure is recorded in the dossier.

What every message carries (README, "Standards: E-mail"): the organisation's name on the
sender address of DEFAULT_FROM_EMAIL, a Message-ID on the sender's domain, a Date in
Amsterdam time with its real offset (+0100/+0200), a plain-text part in format=flowed
(lines of at most 78 characters), and `Auto-Submitted: auto-generated` unless a person
wrote the message (constants.HAND_WRITTEN).
"""

import logging
from datetime import timedelta
from email.utils import format_datetime, formataddr

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q

from klachtenregeling.audit import events
from klachtenregeling.core import clock
from klachtenregeling.core.mail import sender_address

from . import flowed
from .compose import compose
from .constants import HAND_WRITTEN
from .models import DeliveryStatus, OutboxMessage

logger = logging.getLogger(__name__)

# Waits before attempt 2, 3, ...; after the last one the message is failed.
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
LEASE = timedelta(minutes=5)


def _claim(message_id: int) -> OutboxMessage | None:
    now = clock.now()
    claimable = Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, lease_until__lt=now
    )
    claimed = OutboxMessage.objects.filter(claimable, pk=message_id).update(
        status=DeliveryStatus.SENDING, lease_until=now + LEASE
    )
    return (
        OutboxMessage.objects.select_related("organisation", "attachment").get(pk=message_id)
        if claimed
        else None
    )


class FlowedEmail(EmailMultiAlternatives):
    """An e-mail whose plain-text body is sent as format=flowed (RFC 3676)."""

    def __init__(self, *, body: str, **kwargs):
        super().__init__(body=flowed.flow(body), **kwargs)

    def message(self):
        message = super().message()
        # The body is the first text/plain part: attachments come after it.
        body = next(part for part in message.walk() if part.get_content_type() == "text/plain")
        body.set_param("format", "flowed")
        return message


def _headers(message: OutboxMessage) -> dict[str, str]:
    headers = {
        "Message-ID": message.message_id,
        # The moment it is handed to the mail server, in Amsterdam time (not -0000).
        "Date": format_datetime(clock.now().astimezone(clock.AMSTERDAM)),
    }
    if message.kind not in HAND_WRITTEN:
        headers["Auto-Submitted"] = "auto-generated"
    return headers


def _reply_to(message: OutboxMessage) -> list[str]:
    """Issue 18: a message of a complaint, when the organisation reads a mailbox, is answered
    to the complaint's keyed address (klachten+KL-….<key>@…), so the reply enters its dossier."""
    if message.complaint_id:
        from klachtenregeling.inbound.selectors import reply_address_of

        keyed = reply_address_of(message.complaint)
        if keyed:
            return [keyed]
    return [message.reply_to] if message.reply_to else []


def _email(message: OutboxMessage) -> EmailMultiAlternatives:
    organisation = message.organisation
    email = FlowedEmail(
        subject=message.subject,
        body=message.body_text,
        from_email=formataddr((organisation.name, sender_address())),
        to=[message.to_email],
        reply_to=_reply_to(message),
        headers=_headers(message),
    )
    email.attach_alternative(message.body_html, "text/html")
    if message.attachment_id:
        document = message.attachment
        from klachtenregeling.retention.files import read_plaintext

        email.attach(document.filename, read_plaintext(document), document.content_type)
    return email


def deliver(message_id: int) -> str:
    """Try to deliver one message; returns its status afterwards."""
    message = _claim(message_id)
    if message is None:
        return "skipped"
    try:
        if not message.composed:  # a new complaint's mail: rendered here (compose.py)
            message = compose(message_id)
        _email(message).send(fail_silently=False)
    except Exception as error:
        logger.warning("Delivery of outbox message %s failed: %s", message_id, error)
        return _record_failure(message_id, f"{type(error).__name__}: {error}")
    return _record_success(message_id)


def _record_success(message_id: int) -> str:
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        message.status = DeliveryStatus.SENT
        message.attempts += 1
        message.sent_at = clock.now()
        message.lease_until = None
        message.last_error = ""
        message.save(update_fields=["status", "attempts", "sent_at", "lease_until", "last_error"])
        if message.complaint_id:
            events.message_sent(message.complaint, message=message)
    return message.status


def _record_failure(message_id: int, error: str) -> str:
    from .tasks import deliver_message

    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        message.attempts += 1
        message.last_error = error[:500]
        message.lease_until = None
        if message.attempts >= MAX_ATTEMPTS:
            message.status = DeliveryStatus.FAILED
            if message.complaint_id:
                events.message_failed(message.complaint, message=message)
        else:
            message.status = DeliveryStatus.PENDING
            message.next_attempt_at = clock.now() + BACKOFF[message.attempts - 1]
            deliver_message.using(run_after=message.next_attempt_at).enqueue(message.pk)
        message.save(
            update_fields=["status", "attempts", "last_error", "lease_until", "next_attempt_at"]
        )
    return message.status


def deliver_due(limit: int = 500) -> int:
    """Deliver every message that is due (a safety net beside the per-message tasks)."""
    now = clock.now()
    due = OutboxMessage.objects.filter(
        Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.SENDING, lease_until__lt=now)
    ).values_list("pk", flat=True)[:limit]
    return sum(deliver(pk) == DeliveryStatus.SENT for pk in list(due))
