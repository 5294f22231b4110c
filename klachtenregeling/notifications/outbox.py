"""Writing a message to the outbox. Call inside the transaction of the change it reports."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core import clock

from .models import DeliveryStatus, OutboxMessage


def render(
    kind: str, *, organisation, complaint, recipient_role: str, language: str, context: dict
) -> tuple[str, str, str]:
    """Subject, plain text and HTML of a message, in the recipient's language."""
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
    return subject[:200], body_text, body_html


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
    subject, body_text, body_html = render(
        kind,
        organisation=organisation,
        complaint=complaint,
        recipient_role=recipient_role,
        language=language,
        context=context,
    )
    # Issue 16: a complainant without an e-mail address gets the message as a letter.
    by_post = complaint is not None and recipient_role == ActorRole.COMPLAINANT and not to_email
    message = _store(
        organisation=organisation,
        complaint=complaint,
        kind=kind,
        recipient_role=recipient_role,
        to_email=to_email,
        reply_to=reply_to,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        attachment=attachment,
        status=DeliveryStatus.POST if by_post else DeliveryStatus.PENDING,
    )
    if by_post:
        from . import post

        post.attach_letter(message, body_text=body_text, url=context.get("url", ""))
    return _queued(message)


def enqueue_to_compose(
    *,
    complaint,
    kind: str,
    to_email: str,
    recipient_role: str,
    language: str,
    reply_to: str = "",
    intent: dict | None = None,
) -> OutboxMessage:
    """Issue 19: store the intent of an e-mail (kind, recipient, what compose.py needs) in
    the caller's transaction, and leave rendering it — and issuing a personal link — to the
    worker, before it sends (compose.py). The message, its dossier event and its delivery
    task are as safe as enqueue's: they commit with the change or not at all."""
    message = _store(
        organisation=complaint.organisation,
        complaint=complaint,
        kind=kind,
        recipient_role=recipient_role,
        to_email=to_email,
        reply_to=reply_to,
        language=language,
        composed=False,
        intent=intent or {},
        status=DeliveryStatus.PENDING,
    )
    return _queued(message)


def _store(**fields) -> OutboxMessage:
    """The message's row; a new complaint's e-mails are inserted together when its first
    events are written (audit.events.new_dossier: one INSERT for both)."""
    now = clock.now()
    message = OutboxMessage(created_at=now, next_attempt_at=now, **fields)
    complaint = fields.get("complaint")
    if message.status == DeliveryStatus.POST or not (
        complaint is not None and events.in_new_dossier(complaint)
    ):
        message.save(force_insert=True)  # a letter: its PDF refers to it (post.attach_letter)
    return message


def _queued(message: OutboxMessage) -> OutboxMessage:
    """The message's dossier event and its delivery task (a letter by post has none)."""
    from .tasks import deliver_message

    complaint = message.complaint
    if complaint is not None:
        events.message_queued(complaint, message=message)
    if message.status != DeliveryStatus.PENDING or (
        complaint is not None and events.in_new_dossier(complaint)
    ):
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
