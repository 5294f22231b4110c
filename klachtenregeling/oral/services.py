"""The only writers of oral complaint records (R-1.1, second sentence). Each function is
one transaction; the record's event and its message are written inside it."""

import hashlib
import io
import secrets
from dataclasses import asdict, replace
from datetime import date

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.audit import events as case_events
from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules import intake
from klachtenregeling.complaints.services import complaint_register_oral
from klachtenregeling.complaints.services.intake import complaint_draft_check
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.notifications.post import posted_on_errors

from . import letters, messages, rules
from .constants import ConfirmedHow, HowTold, LetterKind, RecordEventType, RecordStatus
from .models import OralComplaintRecord, OralRecordEvent, OralRecordLetter


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _event(record, event_type: str, *, by=None, **data) -> OralRecordEvent:
    return OralRecordEvent.objects.create(
        record=record, type=event_type, at=clock.now(), actor=by, data=data
    )


def oral_record_create(
    *, by: User, told_on: date | None, how_told: str, draft: intake.ComplaintDraft
) -> tuple[OralComplaintRecord, str]:
    """The officer `by` writes down a complaint told by phone or in person and sends the
    written record to the complainant to confirm or correct. Returns the record and the
    personal link's token (shown once: in the message)."""
    organisation = by.organisation
    policies.require(by, policies.COMPLAINT_REGISTER, organisation)
    errors = {
        key.replace("received_on", "told_on"): value
        for key, value in intake.validate_received_on(told_on, clock.today()).items()
    }
    if how_told not in HowTold.values:
        errors.setdefault("how_told", []).append(_("Choose by phone or in person."))
    if draft.respondent_id is not None and draft.respondent_id == by.pk:
        # the officer complained about does not handle it, not even its record.
        errors.setdefault("respondent_id", []).append(
            _("This complaint is about you: ask another complaints officer to record it.")
        )
    complaint_draft_check(organisation, draft, errors)
    token = secrets.token_urlsafe(32)
    now = clock.now()
    with transaction.atomic():
        record = OralComplaintRecord.objects.create(
            organisation=organisation,
            officer=by,
            respondent_id=draft.respondent_id,
            told_on=told_on,
            how_told=how_told,
            complainant_name=draft.complainant_name.strip(),
            complainant_email=draft.complainant_email.strip(),
            draft=asdict(draft),
            recorded_text=draft.description.strip(),
            token_sha256=digest(token),
            sent_at=now,
            created_at=now,
        )
        _event(record, RecordEventType.RECORDED, by=by, told_on=told_on.isoformat(), how=how_told)
        by_post = not record.complainant_email
        _event(record, RecordEventType.SENT, by=by, by_post=by_post)
        if by_post:
            _letter(record, LetterKind.RECORD, by=by, url=messages.confirm_url(record, token))
        else:
            messages.confirmation_request(record, token)
    return record, token


def _letter(record, kind: str, *, by, url: str = "", close_from=None) -> OralRecordLetter:
    """A letter to print and post (inside the step's transaction): made, kept with the
    record, listed in "Te versturen per post" and in the record's history."""
    now = clock.now()
    pdf = letters.render(record, kind, dated=now, url=url, close_from=close_from)
    letter = OralRecordLetter.objects.create(record=record, kind=kind, pdf=pdf, created_at=now)
    _event(record, RecordEventType.LETTER, by=by, kind=kind, letter_id=letter.pk)
    return letter


def record_for_token(token: str) -> OralComplaintRecord:
    if not token or len(token) > 100:
        raise NotPermitted(_("This link is not valid."))
    record = (
        OralComplaintRecord.objects.select_related("organisation", "complaint")
        .filter(token_sha256=digest(token))
        .first()
    )
    if record is None:
        raise NotPermitted(_("This link is not valid."))
    return record


def used_message(record: OralComplaintRecord) -> str:
    if record.status == RecordStatus.CONFIRMED:
        return _(
            "You already confirmed this complaint on %(date)s; this link cannot be used again. "
            "We sent you an e-mail with the reference and a link to follow your complaint."
        ) % {"date": date_format(clock.local_date(record.confirmed_at), "j F Y")}
    return _(
        "This complaint was closed as not confirmed; this link cannot be used any more. You can "
        "still file your complaint in writing."
    )


def oral_record_confirm(*, token: str, text: str) -> Complaint:
    """The complainant confirms the written record through the personal link, possibly with
    a corrected text; from this moment it is a complaint and the term runs (R-1.1, R-5.5).
    A link used twice is refused with a clear message."""
    record = record_for_token(token)
    return _confirm(record, text=text, how=ConfirmedHow.LINK, by=None, scan=None)


def oral_record_confirm_on_paper(
    *, by: User, record_id: int, confirmed_on: date | None, text: str, scan
) -> Complaint:
    """The officer records the complainant's written confirmation received on paper, with
    the scan; the complaint is received on the day the confirmation arrived."""
    record = oral_record_for(by, record_id)
    errors = {
        key.replace("received_on", "confirmed_on"): value
        for key, value in intake.validate_received_on(confirmed_on, clock.today()).items()
    }
    if confirmed_on is not None and confirmed_on < clock.local_date(record.sent_at):
        errors.setdefault("confirmed_on", []).append(
            _("The confirmation cannot be older than the written record.")
        )
    if scan is None:
        errors.setdefault("scan", []).append(_("Attach the scan of the signed confirmation."))
    if errors:
        raise InvalidInput(errors)
    return _confirm(
        record,
        text=text,
        how=ConfirmedHow.PAPER,
        by=by,
        scan=scan,
        confirmed_at=clock.start_of_day(confirmed_on),
    )


def _confirm(record, *, text: str, how: str, by, scan, confirmed_at=None) -> Complaint:
    text = (text or "").strip() or record.recorded_text
    if len(text) > MAX_DESCRIPTION_LENGTH:
        raise InvalidInput({"text": [_("The text is too long.")]})
    with transaction.atomic():
        record = OralComplaintRecord.objects.select_for_update().get(pk=record.pk)
        if record.status != RecordStatus.AWAITING:
            if how == ConfirmedHow.LINK:
                _event(record, RecordEventType.LINK_REFUSED)
            raise InvalidInput({"text": [used_message(record)]})
        corrected = text != record.recorded_text
        confirmed_at = confirmed_at or clock.now()
        _event(
            record,
            RecordEventType.CORRECTED if corrected else RecordEventType.CONFIRMED,
            by=by,
            how=how,
        )
        record.confirmed_at, record.confirmed_how = confirmed_at, how
        record.confirmed_text = text
        record.status = RecordStatus.CONFIRMED
        draft = replace(intake.ComplaintDraft(**_draft_fields(record.draft)), description=text)
        original = (
            "schriftelijke-vastlegging.txt",
            io.BytesIO(_written_record(record, corrected=corrected).encode()),
        )
        history = [
            {"type": e.type, "at": e.at.isoformat(), "actor_id": e.actor_id, **e.data}
            for e in record.events.all()
        ]
        complaint = complaint_register_oral(
            by=record.officer,
            draft=draft,
            confirmed_at=confirmed_at,
            original=original,
            files=[scan] if scan else [],
            history=lambda complaint: case_events.oral_history(
                complaint,
                by=record.officer,
                data={
                    "contacted_on": record.told_on.isoformat(),
                    "how_told": record.how_told,
                    "confirmed_how": how,
                    "corrected": corrected,
                    "history": history,
                },
            ),
        )
        record.complaint = complaint
        record.save(
            update_fields=["confirmed_at", "confirmed_how", "confirmed_text", "status", "complaint"]
        )
    return complaint


def _draft_fields(stored: dict) -> dict:
    fields = dict(stored)
    fields["concerns"] = tuple(fields.get("concerns", ()))
    fields["subject_ids"] = tuple(fields.get("subject_ids", ()))
    return fields


def _written_record(record, *, corrected: bool) -> str:
    """The original document of R-1.1: the record as written down and as confirmed."""
    lines = [
        f"Mondelinge klacht van {record.complainant_name}",
        f"Verteld op {date_format(record.told_on, 'j F Y')} ({HowTold(record.how_told).label})",
        f"Vastgelegd door {record.officer.display_name}",
        "",
        "Tekst zoals vastgelegd:",
        record.recorded_text,
    ]
    if corrected:
        lines += ["", "Tekst zoals verbeterd en bevestigd door de klager:", record.confirmed_text]
    lines += [
        "",
        f"Schriftelijk bevestigd op {date_format(clock.local_date(record.confirmed_at), 'j F Y')}"
        f" ({ConfirmedHow(record.confirmed_how).label})",
    ]
    return "\n".join(str(line) for line in lines) + "\n"


def oral_record_for(user: User, record_id: int) -> OralComplaintRecord:
    """The record for the officer handling it (R-6.1); never for the one it is about (R-5.4)."""
    record = (
        OralComplaintRecord.objects.select_related("organisation", "officer")
        .filter(pk=record_id)
        .first()
    )
    if record is None or not policies.can(user, policies.ORAL_RECORD_HANDLE, record):
        raise NotPermitted(_("This complaint does not exist or you have no access to it."))
    return record


def oral_record_letter(*, by: User, record_id: int) -> OralRecordLetter:
    """The written record again as a letter to print and post (a lost letter, or a
    complainant who asks for post), with a new personal link: only its hash is kept and
    the earlier link stops working. The letter waits in "Te versturen per post"."""
    record = oral_record_for(by, record_id)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        locked = OralComplaintRecord.objects.select_for_update().get(pk=record.pk)
        if locked.status != RecordStatus.AWAITING:
            raise InvalidInput({"__all__": [_("This oral complaint is no longer waiting.")]})
        locked.token_sha256 = digest(token)
        locked.save(update_fields=["token_sha256"])
        return _letter(locked, LetterKind.RECORD, by=by, url=messages.confirm_url(locked, token))


def oral_letter_for(user: User, letter_id: int) -> OralRecordLetter:
    """One letter of a record, for the officer handling the record (R-6.1, R-5.4)."""
    letter = OralRecordLetter.objects.select_related("record").filter(pk=letter_id).first()
    if letter is None or not policies.can(user, policies.ORAL_RECORD_HANDLE, letter.record):
        raise NotPermitted(_("This letter does not exist or you have no access to it."))
    return letter


def oral_letter_mark_posted(*, by: User, letter_id: int, posted_on: date | None) -> bool:
    """The officer posted the letter on `posted_on`: the date goes into the record's
    history (once; False when it was already marked). The period to confirm counts from the
    posting of the written record (R-1.1): a letter posted late does not shorten it."""
    letter = oral_letter_for(by, letter_id)
    errors = posted_on_errors(posted_on, created=clock.local_date(letter.created_at))
    if errors:
        raise InvalidInput({"posted_on": errors})
    with transaction.atomic():
        letter = OralRecordLetter.objects.select_for_update().get(pk=letter.pk)
        if letter.posted_on is not None:
            return False
        letter.posted_on, letter.posted_by = posted_on, by
        letter.save(update_fields=["posted_on", "posted_by"])
        record = OralComplaintRecord.objects.select_for_update().get(pk=letter.record_id)
        _event(
            record,
            RecordEventType.POSTED,
            by=by,
            kind=letter.kind,
            letter_id=letter.pk,
            posted_on=posted_on.isoformat(),
        )
        if (
            letter.kind == LetterKind.RECORD
            and record.status == RecordStatus.AWAITING
            and posted_on > clock.local_date(record.sent_at)
        ):
            record.sent_at = clock.start_of_day(posted_on)
            record.save(update_fields=["sent_at"])
    return True


def _record_not_posted(record) -> bool:
    """A complainant without e-mail has not been sent anything until a written record is
    posted."""
    return (
        not record.complainant_email
        and not record.letters.filter(kind=LetterKind.RECORD, posted_on__isnull=False).exists()
    )


def close_refusal(record, *, today: date) -> str:
    """Why the record cannot be closed as not confirmed today ("" when it can)."""
    if record.status != RecordStatus.AWAITING:
        return str(_("This oral complaint is no longer waiting."))
    if _record_not_posted(record):
        return str(
            _(
                "The written record has not been posted yet: post it and mark it posted in "
                "the list “To be sent by post”; the complainant then has time to confirm."
            )
        )
    days = record.organisation.oral_confirmation_days
    sent_on = clock.local_date(record.sent_at)
    if rules.may_close(sent_on=sent_on, confirmation_days=days, today=today):
        return ""
    return str(
        _(
            "The complainant still has time to confirm: you can close this oral complaint "
            "from %(date)s."
        )
        % {"date": date_format(rules.close_from(sent_on, days), "j F Y")}
    )


def oral_record_close(
    *, by: User, record_id: int, today: date | None = None
) -> OralComplaintRecord:
    """After the set period without a confirmation the officer closes the record as not
    confirmed; the complainant gets a letter saying so. Earlier is refused, with the date."""
    record = oral_record_for(by, record_id)
    today = today or clock.today()
    with transaction.atomic():
        record = OralComplaintRecord.objects.select_for_update().get(pk=record.pk)
        if refusal := close_refusal(record, today=today):
            raise InvalidInput({"__all__": [refusal]})
        record.status = RecordStatus.NOT_CONFIRMED
        record.closed_at = clock.now()
        record.save(update_fields=["status", "closed_at"])
        _event(record, RecordEventType.NOT_CONFIRMED, by=by)
        if record.complainant_email:
            messages.not_confirmed(record)
        else:
            _letter(record, LetterKind.NOT_CONFIRMED, by=by)
    return record


def oral_records_remind_due(*, today: date | None = None) -> int:
    """The scheduler: each waiting record gets one reminder halfway through the period."""
    today = today or clock.today()
    count = 0
    waiting = OralComplaintRecord.objects.filter(
        status=RecordStatus.AWAITING, reminded_at__isnull=True
    ).select_related("organisation")
    for candidate in waiting:
        days = candidate.organisation.oral_confirmation_days
        if today < rules.reminder_on(clock.local_date(candidate.sent_at), days):
            continue
        if _record_not_posted(candidate):  # nothing to remind of before the letter is posted
            continue
        with transaction.atomic():
            record = OralComplaintRecord.objects.select_for_update().get(pk=candidate.pk)
            if record.status != RecordStatus.AWAITING or record.reminded_at is not None:
                continue
            token = secrets.token_urlsafe(32)
            record.token_sha256 = digest(token)  # a new link; the first is no longer valid
            record.reminded_at = clock.now()
            record.save(update_fields=["token_sha256", "reminded_at"])
            by_post = not record.complainant_email
            _event(record, RecordEventType.REMINDED, by_post=by_post)
            close_from = rules.close_from(clock.local_date(record.sent_at), days)
            if by_post:
                url = messages.confirm_url(record, token)
                _letter(record, LetterKind.REMINDER, by=None, url=url, close_from=close_from)
            else:
                messages.confirmation_reminder(record, token, close_from=close_from)
            count += 1
    return count
