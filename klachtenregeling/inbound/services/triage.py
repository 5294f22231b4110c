"""The officer's decisions on a message in the triage inbox: register it as a complaint
(R-1.1: channel e-mail, the `.eml` as the original, received on the day it arrived), handle
it as a question (R-4.1), or discard it with a reason. Each decision is logged on the row."""

import io

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.questions import services as question_services
from klachtenregeling.questions.constants import MAX_QUESTION_LENGTH
from klachtenregeling.questions.rules import QuestionDraft

from ..constants import MailStatus
from ..models import InboundMail
from ..parsing import parse

MAX_REASON = 500


def _locked(mail: InboundMail, by) -> InboundMail:
    locked = InboundMail.objects.select_for_update().get(pk=mail.pk)
    policies.require(by, policies.MAIL_TRIAGE_HANDLE, locked)
    if locked.status != MailStatus.TRIAGE:
        raise TransitionRefused(_("This message was already handled."))
    return locked


def _done(mail: InboundMail, *, status: str, by, **fields) -> None:
    mail.status = status
    mail.handled_by = by
    mail.handled_at = clock.now()
    for name, value in fields.items():
        setattr(mail, name, value)
    mail.save(update_fields=["status", "handled_by", "handled_at", *fields])


def original_name(mail: InboundMail) -> str:
    return f"e-mail-{clock.local_date(mail.received_at):%Y%m%d}-{mail.pk}.eml"


def _mail_files(mail: InboundMail, room: int) -> list:
    """The message's attachments that pass the upload checks, as supporting documents (the
    others stay inside the original .eml)."""
    files = []
    for part in parse(bytes(mail.raw)).attachments:
        try:
            check_upload(part.filename, io.BytesIO(part.content))
        except InvalidInput:
            continue
        files.append((part.filename, io.BytesIO(part.content)))
    return files[:room]


def mail_register_complaint(
    *, by, mail: InboundMail, draft, files: list = ()
) -> "complaint_services.SubmitResult":
    """Register the message as a complaint; the raw message is kept as its original."""
    with transaction.atomic():
        mail = _locked(mail, by)
        files = list(files)
        files += _mail_files(mail, settings.MAX_ATTACHMENTS_PER_UPLOAD - len(files))
        result = complaint_services.complaint_register(
            by=by,
            draft=draft,
            channel=Channel.EMAIL,
            received_on=clock.local_date(mail.received_at),
            original=(original_name(mail), io.BytesIO(bytes(mail.raw))),
            files=files,
            submission_key=f"mail:{mail.pk}",
        )
        _done(mail, status=MailStatus.REGISTERED, by=by, complaint=result.complaint)
    return result


def mail_to_question(*, by, mail: InboundMail, language: str = "nl"):
    """Handle the message as a question (R-4.1): the sender gets the acknowledgement."""
    with transaction.atomic():
        mail = _locked(mail, by)
        draft = QuestionDraft(
            name=mail.from_name or mail.from_address.split("@")[0],
            email=mail.from_address,
            text=(mail.text or mail.subject or "—")[:MAX_QUESTION_LENGTH],
            language=language,
        )
        result = question_services.question_submit(
            organisation=mail.organisation, draft=draft, submission_key=f"mail:{mail.pk}"
        )
        _done(mail, status=MailStatus.QUESTION, by=by, question=result.question)
    return result.question


def mail_discard(*, by, mail: InboundMail, reason: str) -> InboundMail:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput({"reason": [_("Say why this message is discarded.")]})
    if len(reason) > MAX_REASON:
        raise InvalidInput({"reason": [_("Keep the reason under 500 characters.")]})
    with transaction.atomic():
        mail = _locked(mail, by)
        _done(mail, status=MailStatus.DISCARDED, by=by, discard_reason=reason)
    return mail
