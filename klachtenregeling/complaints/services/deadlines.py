"""R-5.5: extending the term for a judgment, with reasons, in writing to the complainant."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, StaleObject
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages

from .. import workflow
from ..constants import AWAITING_JUDGMENT, ExtensionReason
from ..models import Complaint, Extension
from ..rules import deadlines
from .attachments import cleaned_up_on_failure
from .state import STALE_MESSAGE, locked, touch, unlocked_read


def complaint_extend_deadline(
    *,
    complaint: Complaint,
    new_deadline: date | None,
    reason: str,
    by,
    reason_category: str = ExtensionReason.OTHER,
    expected_version: int | None = None,
) -> Extension:
    """The officer extends the term (R-5.5): the reasons and the new date go to the
    complainant as a letter (PDF, kept in the dossier) and an e-mail; every deadline
    stays on record (the original on the complaint, each extension as a row). The kind
    of reason is counted in the reports (R-8.3)."""
    reason = (reason or "").strip()
    if reason_category not in ExtensionReason.values:
        raise InvalidInput({"reason_category": [_("Choose the kind of reason.")]})
    # The letter is rendered before the transaction (PDF rendering takes a moment; on
    # SQLite the write lock would hold every other writer that long), from the complaint
    # as it is now; the row lock then checks that nothing changed in between.
    seen = unlocked_read(complaint)
    if expected_version is not None and seen.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    policies.require(by, policies.COMPLAINT_HANDLE, seen)
    workflow.require_status(seen.status, AWAITING_JUDGMENT)
    errors = deadlines.validate_extension(
        current_deadline=seen.deadline,
        new_deadline=new_deadline,
        reason=reason,
        today=clock.today(),
    )
    if errors:
        raise InvalidInput(errors)
    extension = Extension(
        complaint=seen,
        number=seen.extensions.count() + 1,
        previous_deadline=seen.deadline,
        new_deadline=new_deadline,
        reason=reason,
        reason_category=reason_category,
        extended_by=by,
        extended_at=clock.now(),
    )
    pdf = render_letter(
        seen,
        template="letters/extension.html",
        context={"extension": extension},
        dated=extension.extended_at,
    )
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        extension.complaint = complaint
        extension.letter = store_letter(
            complaint, stored, pdf=pdf, letter="verlenging", suffix=f"-{extension.number}", by=by
        )
        extension.save()
        complaint.deadline = new_deadline
        touch(complaint, "deadline")
        events.deadline_extended(complaint, extension=extension, by=by)
        procedure_messages.deadline_extended(complaint, extension)
    return extension
