"""How a complaint ends: closed after resolution, referred and ruled on (R-4.3),
withdrawn, or not admissible (not a complaint under R-1.x)."""

from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.constants import AttachmentKind, Satisfaction, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules import registration
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages as messages
from klachtenregeling.organisations.selectors import causes_in_use
from klachtenregeling.portal.models import ComplainantLink
from klachtenregeling.reports.statistics import end_recorded, record_end
from klachtenregeling.retention.services import referral_hold_close, referral_hold_open

from .. import guards
from ..constants import RulingOutcome
from ..models import Referral
from ..selectors import referral_conditions
from .common import (
    advance,
    clean_optional_text,
    clean_text,
    locked,
    render_before_lock,
    save_step,
)

if TYPE_CHECKING:
    from ..case_file import CaseFile


def _clean_ending(*, root_cause: str, satisfaction: str) -> str:
    """R-3.2, R-3.3: the input every ending shares that needs no database."""
    errors = registration.satisfaction_errors(satisfaction)
    if errors:
        raise InvalidInput(errors)
    return clean_optional_text(root_cause, "root_cause")


def _register_ending(
    complaint: Complaint,
    *,
    cause_id: int | None,
    root_cause: str,
    satisfaction: str,
    cause_required: bool,
) -> None:
    """Inside the ending's transaction, on the locked complaint and before `record_end`
    counts it: R-8.1 the subject(s) are registered; R-3.2 the cause category (of the
    organisation's causes in use) and, optionally, in words; R-3.3 the satisfaction.
    Saves the step (once, with the status the ending moved to)."""
    registration.require_subjects(complaint.subjects.count())
    active_ids = set(causes_in_use(complaint.organisation).values_list("pk", flat=True))
    errors = registration.cause_errors(cause_id, active_ids=active_ids, required=cause_required)
    if errors:
        raise InvalidInput(errors)
    complaint.cause_id, complaint.root_cause = registration.stored_cause(cause_id), root_cause
    complaint.satisfaction = satisfaction
    save_step(complaint, "cause", "root_cause", "satisfaction")


def referral_record(
    *,
    complaint: Complaint,
    referred_on: date | None,
    body_reference: str,
    by,
    expected_version: int | None = None,
) -> Referral:
    """R-4.3: the complainant submitted the case to the disputes body; legal hold starts."""
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_REFER, complaint)
        if referred_on is None or referred_on > clock.today():
            raise InvalidInput({"referred_on": [_("Give a date that is not in the future.")]})
        if referred_on < clock.local_date(complaint.received_at):
            raise InvalidInput(
                {"referred_on": [_("The date lies before the complaint was received.")]}
            )
        guards.refer(complaint)
        conditions = {c.key: c.holds for c in referral_conditions(complaint, referred_on)}
        status_from = advance(complaint, Status.REFERRED)
        save_step(complaint)
        referral_hold_open(complaint, by=by)
        referral = Referral.objects.create(
            complaint=complaint,
            body_name=complaint.organisation.disputes_body_name,
            referred_on=referred_on,
            body_reference=(body_reference or "").strip()[:100],
            recorded_by=by,
            recorded_at=clock.now(),
        )
        procedure_events.referred(
            complaint, referral=referral, by=by, status_from=status_from, conditions=conditions
        )
    return referral


def ruling_record(
    *,
    complaint: Complaint,
    ruling_on: date | None,
    outcome: str,
    text: str,
    cause_id: int | None,
    by,
    root_cause: str = "",
    satisfaction: str = Satisfaction.UNKNOWN,
    document: tuple[str, IO[bytes]] | None = None,
    expected_version: int | None = None,
) -> Referral:
    """The disputes body's ruling closes the case and lifts the legal hold (R-4.3); the
    cause (R-3.2) and the complainant's satisfaction (R-3.3) are recorded with it."""
    if outcome not in RulingOutcome.values:
        raise InvalidInput({"outcome": [_("Choose the outcome.")]})
    text = clean_text(text, "text", required_message=_("Summarise the ruling."))
    root_cause = _clean_ending(root_cause=root_cause, satisfaction=satisfaction)
    checked = check_upload(document[0], document[1], field="document") if document else None
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.record_ruling(complaint)
        referral = Referral.objects.select_for_update().get(complaint=complaint)
        if ruling_on is None or ruling_on > clock.today() or ruling_on < referral.referred_on:
            raise InvalidInput({"ruling_on": [_("Give a date between the referral and today.")]})
        if checked is not None:
            referral.ruling_document = stored.add(
                complaint, checked, kind=AttachmentKind.RULING, by=by, role=ActorRole.OFFICER
            )
        referral.ruling_on, referral.ruling_outcome, referral.ruling_text = ruling_on, outcome, text
        referral.save(
            update_fields=["ruling_on", "ruling_outcome", "ruling_text", "ruling_document"]
        )
        status_from = advance(complaint, Status.CLOSED)
        referral_hold_close(complaint, by=by)
        _register_ending(
            complaint,
            cause_id=cause_id,
            root_cause=root_cause,
            satisfaction=satisfaction,
            cause_required=True,
        )
        # One status change, recorded once: on the closing event, as for every closing.
        procedure_events.ruling_recorded(
            complaint, referral=referral, by=by, status_from=complaint.status
        )
        procedure_events.closed(complaint, by=by, status_from=status_from)
        if not end_recorded(complaint):  # counted already when declared not admissible
            record_end(complaint)
        messages.closed(complaint)
    return referral


def complaint_close(
    *,
    complaint: Complaint,
    cause_id: int | None,
    satisfaction: str,
    by,
    root_cause: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Close a resolved complaint, or an unresolved one not taken further: with its
    subject(s) (R-8.1), its cause (R-3.2) and the complainant's satisfaction (R-3.3)."""
    root_cause = _clean_ending(root_cause=root_cause, satisfaction=satisfaction)
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.close(complaint)
        status_from = advance(complaint, Status.CLOSED)
        _register_ending(
            complaint,
            cause_id=cause_id,
            root_cause=root_cause,
            satisfaction=satisfaction,
            cause_required=True,
        )
        procedure_events.closed(complaint, by=by, status_from=status_from)
        record_end(complaint)
        messages.closed(complaint)
    return complaint


def _withdraw(
    complaint: Complaint, status_from: str, *, reason: str, by, role: ActorRole
) -> Complaint:
    procedure_events.withdrawn(complaint, by=by, role=role, reason=reason, status_from=status_from)
    record_end(complaint)
    messages.withdrawn(complaint, by_complainant=role == ActorRole.COMPLAINANT)
    return complaint


def complaint_withdraw_by_complainant(
    *, complaint: Complaint, reason: str, link, satisfaction: str = Satisfaction.UNKNOWN
) -> Complaint:
    """The complainant withdraws through their link; a reason is optional, and so is how
    satisfied they are (R-3.3, 'unknown': rather not say). They cannot classify the
    complaint, so a complaint without a subject is counted without one (R-8.1)."""
    reason = (reason or "").strip()[:2000]
    _clean_ending(root_cause="", satisfaction=satisfaction)
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        guards.withdraw(complaint)
        status_from = advance(complaint, Status.WITHDRAWN)
        complaint.satisfaction = satisfaction
        save_step(complaint, "satisfaction")
        return _withdraw(complaint, status_from, reason=reason, by=None, role=ActorRole.COMPLAINANT)


def complaint_withdraw_on_behalf(
    *,
    complaint: Complaint,
    reason: str,
    by,
    cause_id: int | None = None,
    root_cause: str = "",
    satisfaction: str = Satisfaction.UNKNOWN,
    expected_version: int | None = None,
) -> Complaint:
    """The officer records a withdrawal the complainant made by phone or letter, with the
    subject(s) (R-8.1), optionally the cause (R-3.2) and the satisfaction (R-3.3)."""
    reason = clean_text(
        reason, "reason", required_message=_("Say how and why the complainant withdrew.")
    )
    root_cause = _clean_ending(root_cause=root_cause, satisfaction=satisfaction)
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.withdraw(complaint)
        status_from = advance(complaint, Status.WITHDRAWN)
        _register_ending(
            complaint,
            cause_id=cause_id,
            root_cause=root_cause,
            satisfaction=satisfaction,
            cause_required=False,
        )
        return _withdraw(complaint, status_from, reason=reason, by=by, role=ActorRole.OFFICER)


@dataclass(frozen=True)
class LetterDraft:
    """A letter not yet sent: the complaint as it was read and the PDF as it will be sent."""

    complaint: Complaint
    pdf: bytes


def not_admissible_draft(
    *, complaint: Complaint, reasons: str, by, expected_version: int | None = None
) -> LetterDraft:
    """The not-admissible letter as it would be sent now; nothing is stored."""
    reasons = clean_text(reasons, "reasons", required_message=_("Give the reasons."))

    def check(seen: Complaint) -> None:
        policies.require(by, policies.COMPLAINT_HANDLE, seen)
        guards.declare_not_admissible(seen)
        registration.require_subjects(seen.subjects.count())

    seen, pdf = render_before_lock(
        complaint,
        expected_version=expected_version,
        check=check,
        render=lambda seen: render_letter(
            seen,
            template="letters/not_admissible.html",
            context={"reasons": reasons},
            dated=clock.now(),
        ),
    )
    return LetterDraft(complaint=seen, pdf=pdf)


def complaint_declare_not_admissible(
    *,
    complaint: Complaint,
    reasons: str,
    by,
    cause_id: int | None = None,
    root_cause: str = "",
    satisfaction: str = Satisfaction.UNKNOWN,
    expected_version: int | None = None,
) -> Complaint:
    """Not a complaint under R-1.x: the complainant gets the reasons in writing (a letter).
    Registered with its subject(s) (R-8.1), optionally a cause (R-3.2), and the
    satisfaction (R-3.3)."""
    reasons = clean_text(reasons, "reasons", required_message=_("Give the reasons."))
    root_cause = _clean_ending(root_cause=root_cause, satisfaction=satisfaction)
    draft = not_admissible_draft(
        complaint=complaint, reasons=reasons, by=by, expected_version=expected_version
    )
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, draft.complaint.version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        status_from = advance(complaint, Status.NOT_ADMISSIBLE)
        _register_ending(
            complaint,
            cause_id=cause_id,
            root_cause=root_cause,
            satisfaction=satisfaction,
            cause_required=False,
        )
        letter = store_letter(complaint, stored, pdf=draft.pdf, letter="niet-ontvankelijk", by=by)
        procedure_events.not_admissible(complaint, by=by, reasons=reasons, status_from=status_from)
        record_end(complaint)
        messages.not_admissible(complaint, reasons, letter)
    return complaint


def links_revoke(*, complaint: Complaint, by) -> int:
    """The officer revokes every personal link of the complaint (e.g. a forwarded e-mail)."""
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        count = ComplainantLink.objects.filter(complaint=complaint, revoked_at__isnull=True).update(
            revoked_at=clock.now()
        )
        procedure_events.links_revoked(complaint, by=by, count=count)
    return count


def case_file_export(*, complaint: Complaint, by) -> "CaseFile":
    """R-4.3: the officer downloads the case file for the disputes body; the export is recorded."""
    from ..case_file import build

    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_REFER, complaint)
        guards.export_case_file(complaint)
        case_file = build(complaint)
        procedure_events.case_file_exported(
            complaint, by=by, files=len(case_file.manifest), sha256=case_file.manifest_sha256
        )
    return case_file
