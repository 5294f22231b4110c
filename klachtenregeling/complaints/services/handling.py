"""Steps an officer takes on a complaint in handling. Each: lock, policy, guard, event, message."""

from typing import IO

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core.errors import InvalidInput, NotPermitted, StaleObject, TransitionRefused
from klachtenregeling.notifications import messages
from klachtenregeling.organisations.models import Subject

from ..constants import (
    FINAL_STATUSES,
    MAX_DESCRIPTION_LENGTH,
    OPEN_STATUSES,
    AttachmentKind,
    Status,
)
from ..models import Complaint
from ..uploads import check_upload, check_uploads
from .attachments import cleaned_up_on_failure
from .state import advance, locked, save_step


def complaint_start_handling(*, complaint: Complaint, by) -> Complaint:
    """The assigned officer takes the complaint into handling."""
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        status_from = advance(complaint, Status.IN_HANDLING)
        save_step(complaint)
        events.handling_started(complaint, by=by, status_from=status_from)
    return complaint


def complaint_set_subjects(
    *, complaint: Complaint, subject_ids, by, suggested: list[dict] | None = None
) -> Complaint:
    """R-8.1, R-8.2: the officer registers the complaint's subject(s); one or more.

    `suggested`: the subjects the system suggested for this complaint ({"id", "name"});
    the first classification records them and whether the officer followed them."""
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        wanted_ids = {int(pk) for pk in subject_ids}
        current = list(complaint.subjects.all())
        # Subjects taken out of use stay where they are, but are not added anew.
        wanted = list(
            Subject.objects.filter(organisation=complaint.organisation, pk__in=wanted_ids).filter(
                Q(is_active=True) | Q(pk__in=[s.pk for s in current])
            )
        )
        if len(wanted) != len(wanted_ids):
            raise InvalidInput({"subjects": [_("Choose subjects from the list.")]})
        added = [s for s in wanted if s not in current]
        removed = [s for s in current if s not in wanted]
        if added or removed:
            complaint.subjects.set(wanted)
            events.subjects_changed(
                complaint,
                by=by,
                added=added,
                removed=removed,
                suggested=suggested if suggested and not current else None,
            )
    return complaint


def complaint_add_note(*, complaint: Complaint, text: str, by) -> Complaint:
    """An internal note in the dossier (R-7.4); not shown to the complainant."""
    text = text.strip()
    if not text:
        raise InvalidInput({"text": [_("Write a note first.")]})
    if len(text) > MAX_DESCRIPTION_LENGTH:
        raise InvalidInput(
            {"text": [_("Use at most %(max)d characters.") % {"max": MAX_DESCRIPTION_LENGTH}]}
        )
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        events.note_added(complaint, by=by, text=text)
    return complaint


def complaint_add_attachment(*, complaint: Complaint, name: str, stream: IO[bytes], by):
    """The officer adds a document to the dossier."""
    checked = check_upload(name, stream, field="file")
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        return stored.add(
            complaint, checked, kind=AttachmentKind.SUPPORTING, by=by, role=ActorRole.OFFICER
        )


def complaint_add_files_by_complainant(*, complaint: Complaint, files: list, link) -> list:
    """The complainant adds files to their complaint through their link (issue 17), while
    it is not final; each is checked like the form's and recorded in the dossier."""
    checked = check_uploads(files)
    if not checked:
        raise InvalidInput({"attachments": [_("Choose one or more files.")]})
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        if complaint.status in FINAL_STATUSES:
            raise NotPermitted(_("This complaint has ended: files can no longer be added."))
        return [
            stored.add(
                complaint,
                one,
                kind=AttachmentKind.SUPPORTING,
                by=None,
                role=ActorRole.COMPLAINANT,
            )
            for one in checked
        ]


def complaint_assign_officer(
    *, complaint: Complaint, officer, by, expected_officer_id: int | None
) -> Complaint:
    """Give the complaint to another officer: appointed by the admin, or handed over.

    R-5.4: never to the officer the complaint is about. `expected_officer_id`
    is the officer the form showed; if it changed meanwhile, nothing happens.
    """
    with transaction.atomic():
        complaint = locked(complaint)
        appointing = policies.can(by, policies.COMPLAINT_APPOINT_OFFICER, complaint)
        if not appointing:
            policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        if complaint.assigned_officer_id != expected_officer_id:
            raise StaleObject(
                _("Someone else changed the officer of this complaint. Reload and try again.")
            )
        if not policies.can_be_assigned(officer, complaint):
            raise NotPermitted(
                _("This person cannot handle this complaint (article 5)."), field="officer"
            )
        if complaint.status not in OPEN_STATUSES:
            raise TransitionRefused(_("A closed complaint cannot change officer."))
        if officer == complaint.assigned_officer:
            raise InvalidInput({"officer": [_("This officer already handles the complaint.")]})
        previous = complaint.assigned_officer
        complaint.assigned_officer = officer
        save_step(complaint, "assigned_officer")
        events.officer_assigned(
            complaint,
            officer=officer,
            previous=previous,
            by=by,
            role=ActorRole.ADMIN if appointing and by != previous else ActorRole.OFFICER,
            reason="appointed" if previous is None else "handed_over",
        )
        if officer != by:
            messages.new_complaint_for_officer(complaint, officer)
    return complaint
