"""What every step on a complaint shares: the row lock, the version check, the status."""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core import clock
from klachtenregeling.core.errors import StaleObject

from .. import workflow
from ..constants import FINAL_STATUSES
from ..models import Complaint

STALE_MESSAGE = _(
    "Someone else changed this complaint in the meantime. Reload the page and try again."
)


def unlocked_read(complaint: Complaint) -> Complaint:
    """The complaint as stored now, without a lock: for work done before a transaction
    (rendering a letter); the transaction then takes `locked(c, that.version)`."""
    return Complaint.objects.select_related("organisation", "assigned_officer", "respondent").get(
        pk=complaint.pk
    )


def locked(complaint: Complaint, expected_version: int | None = None) -> Complaint:
    """The complaint, re-read under a row lock. `expected_version` is the version the
    actor's form showed; if another step happened since, nothing is done."""
    current = (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("organisation", "assigned_officer", "respondent")
        .get(pk=complaint.pk)
    )
    if expected_version is not None and current.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    return current


def advance(complaint: Complaint, target: str) -> str:
    """Move to `target` if the table allows it; returns the status it came from."""
    workflow.require_transition(complaint.status, target)
    status_from = complaint.status
    complaint.status = target
    if target in FINAL_STATUSES:
        complaint.closed_at = clock.now()
    touch(complaint)
    return status_from


def touch(complaint: Complaint, *fields: str) -> None:
    """Save the given fields plus status and version (every step raises the version)."""
    complaint.version += 1
    complaint.save(update_fields=["status", "closed_at", "version", *fields])
