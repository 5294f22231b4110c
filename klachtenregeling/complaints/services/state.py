"""What every step on a complaint shares: the row lock, the version check, the status, and
the one save of a step (`save_step`: saved once, the version raised once)."""

from collections.abc import Callable
from typing import TypeVar

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core import clock
from klachtenregeling.core.errors import StaleObject

from .. import workflow
from ..constants import FINAL_STATUSES
from ..models import Complaint

STALE_MESSAGE = _(
    "Someone else changed this complaint in the meantime. Reload the page and try again."
)

T = TypeVar("T")

# Marks a complaint instance whose step was saved: a second save_step on it is a bug.
_SAVED = "_step_saved"


def unlocked_read(complaint: Complaint) -> Complaint:
    """The complaint as stored now, without a lock: for work done before a transaction
    (rendering a letter); the transaction then takes `locked(c, that.version)`."""
    return Complaint.objects.select_related("organisation", "assigned_officer", "respondent").get(
        pk=complaint.pk
    )


def render_before_lock(
    complaint: Complaint,
    *,
    expected_version: int | None,
    check: Callable[[Complaint], object],
    render: Callable[[Complaint], T],
) -> tuple[Complaint, T]:
    """Render a letter (a PDF takes a moment) before the step's transaction: on SQLite the
    write lock would hold every other writer that long. The complaint is read as it is now,
    checked against the version the actor's form showed and by `check` (the step's guards
    and policy), and `render(seen)` is returned with it. The transaction then takes
    `locked(complaint, seen.version)`, so a step that happened in between refuses it."""
    seen = unlocked_read(complaint)
    if expected_version is not None and seen.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    check(seen)
    return seen, render(seen)


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
    """Move to `target` if the table allows it (in memory; `save_step` stores it);
    returns the status it came from."""
    workflow.require_transition(complaint.status, target)
    status_from = complaint.status
    complaint.status = target
    # Final statuses carry the moment they were reached; a not admissible complaint that
    # goes to the disputes body is open again until the ruling.
    complaint.closed_at = clock.now() if target in FINAL_STATUSES else None
    return status_from


def save_step(complaint: Complaint, *fields: str) -> None:
    """Save the step: the given fields plus status and version, raised by one. Once per
    step (on the instance `locked` returned); a second call is a programming error."""
    if getattr(complaint, _SAVED, False):
        raise RuntimeError("save_step() was called twice in one step")
    complaint.version += 1
    complaint.save(update_fields=["status", "closed_at", "version", *fields])
    setattr(complaint, _SAVED, True)
