"""Messages the worker composes (issue 19).

Taking in a complaint stores the intent of its two e-mails (the acknowledgement to the
complainant, the notice to the officer: outbox.enqueue_to_compose) in the complaint's own
transaction; rendering them, and issuing the complainant's personal link, are left to the
delivery worker, so the complainant's request does not wait for them. `compose` runs once
per message, under the row's lock, before its first delivery attempt; a retry sends what
was composed then (the same link).
"""

from collections.abc import Callable

from django.db import transaction

from klachtenregeling.accounts.models import User
from klachtenregeling.audit.constants import EventType

from . import outbox
from .constants import MessageKind
from .models import OutboxMessage


def _acknowledgement(message: OutboxMessage) -> dict:
    """The personal link (R-7.3) — unless the officer revoked the complaint's links while
    the mail waited (e.g. the address was wrong): then the page to ask for a new one."""
    from .procedure_messages import complainant_link, site_url

    complaint = message.complaint
    if complaint.events.filter(type=EventType.LINKS_REVOKED, at__gte=message.created_at).exists():
        return {"url": site_url("portal:lost-link", complaint.organisation.slug)}
    return {"url": complainant_link(complaint, purpose=message.kind)}


def _new_complaint(message: OutboxMessage) -> dict:
    from .procedure_messages import site_url

    return {
        "officer": User.objects.get(pk=message.intent["officer"]),
        "url": site_url("complaints:detail", message.complaint.reference),
    }


COMPOSERS: dict[str, Callable[[OutboxMessage], dict]] = {
    MessageKind.ACKNOWLEDGEMENT: _acknowledgement,
    MessageKind.NEW_COMPLAINT: _new_complaint,
}


def compose(message_id: int) -> OutboxMessage:
    """Render a stored intent into the message's subject and bodies (once)."""
    with transaction.atomic():
        message = (
            # Only the message's row: PostgreSQL locks no row of an outer join's null side.
            OutboxMessage.objects.select_for_update(of=("self",))
            .select_related("organisation", "complaint", "attachment")
            .get(pk=message_id)
        )
        if message.composed:
            return message
        message.subject, message.body_text, message.body_html = outbox.render(
            message.kind,
            organisation=message.organisation,
            complaint=message.complaint,
            recipient_role=message.recipient_role,
            language=message.language,
            context=COMPOSERS[message.kind](message),
        )
        message.composed = True
        message.save(update_fields=["subject", "body_text", "body_html", "composed"])
    return message
