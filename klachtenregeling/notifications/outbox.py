"""Writing a message to the outbox. Call inside the transaction of the change it reports."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core import clock

from .models import DeliveryStatus, OutboxMessage


def enqueue(
    *,
    organisation,
    kind: str,
    to_email: str,
    recipient_role: str,
    language: str,
    context: dict,
    complaint=None,
    reply_to: str = "",
    attachment=None,
) -> OutboxMessage:
    """Render the message in the recipient's language and store it with its delivery task.

    Both rows are written in the caller's transaction: if the change rolls
    back, no message exists; if it commits, the worker will deliver it.
    """
    from .tasks import deliver_message

    context = {
        **context,
        "organisation": organisation,
        "complaint": complaint,
        "LANGUAGE_CODE": language,
    }
    with translation.override(language):
        context["regarding"] = _regarding(complaint, recipient_role)
        subject = " ".join(render_to_string(f"notifications/{kind}/subject.txt", context).split())
        body_text = render_to_string(f"notifications/{kind}/body.txt", context)
        if context["regarding"]:
            body_text = f"{context['regarding']}\n\n{body_text}"
        body_html = render_to_string(f"notifications/{kind}/body.html", context)
    now = clock.now()
    # Issue 16: a complainant without an e-mail address gets the message as a letter.
    by_post = complaint is not None and recipient_role == ActorRole.COMPLAINANT and not to_email
    message = OutboxMessage.objects.create(
        organisation=organisation,
        complaint=complaint,
        kind=kind,
        recipient_role=recipient_role,
        to_email=to_email,
        reply_to=reply_to,
        language=language,
        subject=subject[:200],
        body_text=body_text,
        body_html=body_html,
        attachment=attachment,
        created_at=now,
        next_attempt_at=now,
        status=DeliveryStatus.POST if by_post else DeliveryStatus.PENDING,
    )
    if by_post:
        from . import post

        post.attach_letter(message, body_text=body_text, url=context.get("url", ""))
    if complaint is not None:
        events.message_queued(complaint, message=message)
    if by_post or (complaint is not None and events.in_new_dossier(complaint)):
        return message  # by post: no delivery; a new dossier: deliver_later at its end
    deliver_message.enqueue(message.pk)
    return message


def deliver_later(messages) -> None:
    """One delivery task for the messages (a new complaint's, issue 19) that go by e-mail."""
    from .tasks import deliver_messages

    ids = [m.pk for m in messages if m.status == DeliveryStatus.PENDING]
    if ids:
        deliver_messages.enqueue(ids)


def _regarding(complaint, recipient_role: str) -> str:
    """R-1.3: every message to a representative names the client the complaint is for."""
    if (
        complaint is None
        or recipient_role != ActorRole.COMPLAINANT
        or not complaint.is_representative
        or not complaint.on_behalf_of
    ):
        return ""
    return gettext("Regarding: your complaint on behalf of %(client)s") % {
        "client": complaint.on_behalf_of
    }
