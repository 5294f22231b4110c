"""Alerting the administrators when a stored file does not decrypt (R-8.5).

One alert per file per hour at most: a page reloaded many times does not flood the outbox.
"""

from django.core.cache import cache
from django.db import transaction

from klachtenregeling.accounts.selectors import admins_of
from klachtenregeling.complaints.services.state import locked
from klachtenregeling.notifications import retention_messages

ALERT_INTERVAL_SECONDS = 60 * 60


def file_unreadable(attachment) -> int:
    """Queue the alert to the organisation's administrators; returns how many were queued."""
    if not cache.add(f"retention:unreadable:{attachment.pk}", 1, ALERT_INTERVAL_SECONDS):
        return 0
    with transaction.atomic():
        complaint = locked(attachment.complaint)
        messages = retention_messages.file_unreadable(
            complaint, admins_of(complaint.organisation), uploaded_at=attachment.uploaded_at
        )
    return len(messages)
