"""Delivering outbox messages: claim with a lease, send over SMTP, record the result.

No database transaction is held while talking to the mail server. A message is
claimed by a short UPDATE (so two workers never send it at once), sent, then
marked sent or rescheduled with back-off; after the last attempt it is marked
failed and the failure is recorded in the dossier.
"""

import logging
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q

from klachtenregeling.audit import events
from klachtenregeling.core import clock

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


def _email(message: OutboxMessage) -> EmailMultiAlternatives:
    organisation = message.organisation
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=formataddr((organisation.name, settings.DEFAULT_FROM_EMAIL)),
        to=[message.to_email],
        reply_to=[message.reply_to] if message.reply_to else [],
        headers={"Message-ID": message.message_id, "Auto-Submitted": "auto-generated"},
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
