"""Test helper: a message whose every delivery attempt meets a stopped SMTP server."""

from datetime import timedelta

from klachtenregeling.core import clock
from klachtenregeling.notifications import delivery


def fail_for_good(message) -> None:
    """Try `message` MAX_ATTEMPTS times, each at the moment its back-off allows."""
    moment = clock.now()
    for _ in range(delivery.MAX_ATTEMPTS):
        with clock.frozen(moment):
            delivery.deliver(message.pk)
        message.refresh_from_db()
        moment = message.next_attempt_at + timedelta(seconds=1)
