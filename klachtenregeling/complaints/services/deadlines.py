"""R-5.5: extending the term for a judgment, with reasons, in writing to the complainant."""

from datetime import date

from django.db import transaction

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.letters.store import issue_letter
from klachtenregeling.notifications import procedure_messages

from .. import workflow
from ..constants import AWAITING_JUDGMENT
from ..models import Complaint, Extension
from ..rules import deadlines
from .attachments import cleaned_up_on_failure
from .state import locked, touch


def complaint_extend_deadline(
    *,
    complaint: Complaint,
    new_deadline: date | None,
    reason: str,
    by,
    expected_version: int | None = None,
) -> Extension:
    """The officer extends the term (R-5.5): the reasons and the new date go to the
    complainant as a letter (PDF, kept in the dossier) and an e-mail; every deadline
    stays on record (the original on the complaint, each extension as a row)."""
    reason = (reason or "").strip()
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        workflow.require_status(complaint.status, AWAITING_JUDGMENT)
        errors = deadlines.validate_extension(
            current_deadline=complaint.deadline,
            new_deadline=new_deadline,
            reason=reason,
            today=clock.today(),
        )
        if errors:
            raise InvalidInput(errors)
        extension = Extension(
            complaint=complaint,
            number=complaint.extensions.count() + 1,
            previous_deadline=complaint.deadline,
            new_deadline=new_deadline,
            reason=reason,
            extended_by=by,
            extended_at=clock.now(),
        )
        extension.letter = issue_letter(
            complaint,
            stored,
            letter="verlenging",
            suffix=f"-{extension.number}",
            template="letters/extension.html",
            context={"extension": extension},
            by=by,
        )
        extension.save()
        complaint.deadline = new_deadline
        touch(complaint, "deadline")
        events.deadline_extended(complaint, extension=extension, by=by)
        procedure_messages.deadline_extended(complaint, extension)
    return extension
