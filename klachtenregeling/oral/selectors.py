"""Reads of oral complaint records, scoped by the policy (R-6.1, R-5.4)."""

from datetime import date

from django.db.models import QuerySet

from klachtenregeling.core import clock

from . import rules
from .constants import RecordStatus
from .models import OralComplaintRecord, OralRecordLetter


def waiting_for_officer(user) -> QuerySet[OralComplaintRecord]:
    """The officer's records "wacht op bevestiging": theirs, never one about them."""
    if not (user.is_authenticated and user.is_officer and user.organisation_id):
        return OralComplaintRecord.objects.none()
    return (
        OralComplaintRecord.objects.filter(
            organisation_id=user.organisation_id, officer=user, status=RecordStatus.AWAITING
        )
        .exclude(respondent=user)
        .select_related("organisation")
        .order_by("sent_at", "pk")
    )


def close_from(record: OralComplaintRecord):
    return rules.close_from(
        clock.local_date(record.sent_at), record.organisation.oral_confirmation_days
    )


def letters_to_post(user) -> QuerySet[OralRecordLetter]:
    """The letters about oral complaints waiting to be posted, of the records this officer
    wrote down (never one about them, R-5.4); without their PDFs."""
    if not (user.is_authenticated and user.is_officer and user.organisation_id):
        return OralRecordLetter.objects.none()
    return (
        OralRecordLetter.objects.filter(
            posted_on__isnull=True,
            record__organisation_id=user.organisation_id,
            record__officer=user,
        )
        .exclude(record__respondent=user)
        .defer("pdf")
        .select_related("record")
        .order_by("created_at", "pk")
    )


def letters_of(record: OralComplaintRecord) -> QuerySet[OralRecordLetter]:
    return record.letters.defer("pdf").select_related("posted_by")


def history(record: OralComplaintRecord) -> list:
    """The record's steps in order; a posting carries its date (`posted_on`) to show."""
    events = list(record.events.select_related("actor"))
    for event in events:
        posted = event.data.get("posted_on")
        event.posted_on = date.fromisoformat(posted) if posted else None
    return events
