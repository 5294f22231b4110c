"""Issue 16: messages to a complainant without e-mail go by post.

Every message that would be mailed to such a complainant is written to the outbox as usual
(same templates, same moment, in the transaction of the step), but with the status "to be
sent by post" and a letter: the message's text in the organisation's house style (the
letters' one prologue, letters/_letter.html), the address block placed for a window
envelope, and the personal link as a short URL and a QR code. The officer handling the
complaint prints it from the list "Te versturen per post" and marks it posted; the date of
posting goes into the dossier and counts as the delivery of the message (R-7.3).
"""

from dataclasses import dataclass
from datetime import date

import segno
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as noop

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted

from .models import DeliveryStatus, OutboxMessage

# The messages are written for e-mail; on paper their e-mail sentences read as a letter's.
# Each pair is (the e-mail's sentence, the letter's), both msgids, translated in the
# message's language when the letter is made ("" leaves the sentence out: the letter's
# own box says the link is personal).
LETTER_WORDING = (
    (
        noop(
            "This link is personal: please do not share it. If it no longer works, reply to this "
            "e-mail."
        ),
        "",
    ),
    (
        noop("Questions? Reply to this e-mail and mention your reference."),
        noop("Questions? Call or write to us and mention your reference."),
    ),
    (
        noop("Is this not right? Please reply to this e-mail."),
        noop("Is this not right? Please let us know, by phone or by letter."),
    ),
    (
        noop("If you do not want to give an account, or need more time, reply to this e-mail."),
        noop(
            "If you do not want to give an account, or need more time, let us know by phone or "
            "by letter."
        ),
    ),
    (
        noop(
            "Please read the judgment carefully and reply to this e-mail to let us know whether it "
            "settles your complaint."
        ),
        noop(
            "Please read the judgment carefully and let us know, on your personal page, by phone or "
            "by letter, whether it settles your complaint."
        ),
    ),
    (
        noop(
            "The complaints officer has given a judgment on your complaint. You will find the "
            "judgment in the letter attached to this e-mail."
        ),
        noop(
            "The complaints officer has given a judgment on your complaint. You will find the "
            "judgment in the enclosed letter."
        ),
    ),
    (
        noop("The signed judgment is attached to this e-mail. Please keep it for your records."),
        noop("The signed judgment is enclosed. Please keep it for your records."),
    ),
    (
        noop(
            "We did not receive your answer to our judgment, also not after our reminder. The "
            "letter attached to this e-mail explains this."
        ),
        noop(
            "We did not receive your answer to our judgment, also not after our reminder. The "
            "enclosed letter explains this."
        ),
    ),
    (
        noop("You can answer by replying to this e-mail."),
        noop("You can answer on your personal page, by phone or by letter."),
    ),
    (
        noop("You can give your account by replying to this e-mail."),
        noop("You can give your account on your personal page, by phone or by letter."),
    ),
    (
        noop("You will also find this in the letter attached to this e-mail."),
        noop("You will also find this in the enclosed letter."),
    ),
    (
        noop(
            "Do you have questions, or do you think we misunderstood you? Please reply to this "
            "e-mail. You can also submit your complaint again, for example with more information."
        ),
        noop(
            "Do you have questions, or do you think we misunderstood you? Please let us know, by "
            "phone or by letter. You can also submit your complaint again, for example with more "
            "information."
        ),
    ),
)


def as_letter(body_text: str, language: str) -> str:
    """The message's text with its e-mail sentences as a letter's (see LETTER_WORDING)."""
    with translation.override(language):
        for mail, letter in LETTER_WORDING:
            body_text = body_text.replace(gettext(mail), gettext(letter) if letter else "")
    return "\n\n".join(part.strip() for part in body_text.split("\n\n") if part.strip())


def qr_svg(url: str) -> str:
    """The link as a QR code, inline SVG (a letter fetches nothing, letters/pdf.py)."""
    return segno.make(url, error="m").svg_inline(
        scale=3, border=0, dark="#000", light=None, svgclass="qr-code", omitsize=False
    )


def attach_letter(message: OutboxMessage, *, body_text: str, url: str) -> None:
    """Render the message as a letter and keep it in the dossier (inside enqueue's
    transaction; the letter is dated with the message, so rendering it again gives the same
    file)."""
    from klachtenregeling.complaints.services.attachments import StoredFiles
    from klachtenregeling.letters.store import issue_letter

    complaint = message.complaint
    message.letter = issue_letter(
        complaint,
        StoredFiles(),
        letter=f"post-{message.kind}",
        template="letters/by_post.html",
        context={
            "message": message,
            "body_text": as_letter(body_text, message.language),
            "url": url,
            "qr_svg": qr_svg(url) if url else "",
        },
        dated=message.created_at,
        by=None,
        language=message.language,
    )
    message.save(update_fields=["letter"])


def to_post(user) -> QuerySet[OutboxMessage]:
    """The letters waiting to be posted, of the complaints this officer handles (R-6.1: the
    letters show the complaint; never one about the officer, R-5.4)."""
    if not (user.is_authenticated and user.is_officer and user.organisation_id):
        return OutboxMessage.objects.none()
    return (
        OutboxMessage.objects.filter(
            organisation_id=user.organisation_id,
            status=DeliveryStatus.POST,
            complaint__assigned_officer=user,
        )
        .exclude(complaint__respondent=user)
        .select_related("complaint", "letter", "attachment")
        .order_by("created_at", "pk")
    )


def letter_to_post(user, message_id: int) -> OutboxMessage:
    """One letter of the list (posted or not) for the officer handling its complaint."""
    message = (
        OutboxMessage.objects.select_related("complaint")
        .filter(pk=message_id, status__in=(DeliveryStatus.POST, DeliveryStatus.POSTED))
        .first()
    )
    if message is None or message.complaint is None:
        raise NotPermitted()
    policies.require(user, policies.COMPLAINT_VIEW, message.complaint)
    return message


@dataclass(frozen=True)
class PostedResult:
    message: OutboxMessage
    already: bool


def mark_posted(*, by, message_id: int, posted_on: date | None) -> PostedResult:
    """The officer posted the letter on `posted_on`: recorded in the dossier (once)."""
    message = letter_to_post(by, message_id)
    errors = posted_on_errors(posted_on, created=clock.local_date(message.created_at))
    if errors:
        raise InvalidInput({"posted_on": errors})
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
        if message.status == DeliveryStatus.POSTED:
            return PostedResult(message, already=True)
        message.status = DeliveryStatus.POSTED
        message.posted_on = posted_on
        message.posted_by = by
        message.sent_at = clock.start_of_day(posted_on)
        message.attempts += 1
        message.save(update_fields=["status", "posted_on", "posted_by", "sent_at", "attempts"])
        events.message_posted(message.complaint, message=message, by=by)
    return PostedResult(message, already=False)


def posted_on_errors(posted_on: date | None, *, created: date) -> list:
    """A letter is posted on a day from its making up to today."""
    if posted_on is None:
        return [_("Enter the date the letter was posted.")]
    if posted_on > clock.today():
        return [_("The date of posting cannot be in the future.")]
    if posted_on < created:
        return [_("The letter was made after that date.")]
    return []
