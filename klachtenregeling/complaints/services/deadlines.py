"""R-5.5: extending the term for a judgment, with reasons, in writing to the complainant."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.handling import guards
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages

from ..constants import ExtensionReason
from ..models import Complaint, Extension
from ..rules import deadlines
from .attachments import cleaned_up_on_failure
from .state import locked, render_before_lock, save_step


@dataclass(frozen=True)
class ExtensionDraft:
    """An extension not yet made: the complaint as it was read, the extension (unsaved)
    and its letter exactly as it will be sent (R-5.5)."""

    complaint: Complaint
    extension: Extension
    pdf: bytes


def extension_draft(
    *,
    complaint: Complaint,
    new_deadline: date | None,
    reason: str,
    by,
    reason_category: str = ExtensionReason.OTHER,
    expected_version: int | None = None,
) -> ExtensionDraft:
    """The extension and its letter as they would be sent now; nothing is stored."""
    reason = (reason or "").strip()
    if reason_category not in ExtensionReason.values:
        raise InvalidInput({"reason_category": [_("Choose the kind of reason.")]})

    def check(seen: Complaint) -> None:
        policies.require(by, policies.COMPLAINT_HANDLE, seen)
        guards.extend_deadline(seen)
        errors = deadlines.validate_extension(
            current_deadline=seen.deadline,
            new_deadline=new_deadline,
            reason=reason,
            today=clock.today(),
        )
        if errors:
            raise InvalidInput(errors)

    def render(seen: Complaint) -> tuple[Extension, bytes]:
        if new_deadline is None:  # refused by validate_extension in check()
            raise InvalidInput({"new_deadline": [_("Choose the new date.")]})
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
        return extension, pdf

    seen, (extension, pdf) = render_before_lock(
        complaint, expected_version=expected_version, check=check, render=render
    )
    return ExtensionDraft(complaint=seen, extension=extension, pdf=pdf)


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
    draft = extension_draft(
        complaint=complaint,
        new_deadline=new_deadline,
        reason=reason,
        by=by,
        reason_category=reason_category,
        expected_version=expected_version,
    )
    extension = draft.extension
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, draft.complaint.version)
        extension.complaint = complaint
        extension.letter = store_letter(
            complaint,
            stored,
            pdf=draft.pdf,
            letter="verlenging",
            suffix=f"-{extension.number}",
            by=by,
        )
        extension.save()
        complaint.deadline = extension.new_deadline
        save_step(complaint, "deadline")
        events.deadline_extended(complaint, extension=extension, by=by)
        procedure_messages.deadline_extended(complaint, extension)
    return extension
