"""How a complaint ends: closed after resolution, referred and ruled on (R-4.3),
withdrawn, or not admissible (not a complaint under R-1.x)."""

from datetime import date
from typing import IO

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import AttachmentKind, Satisfaction, Status
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.complaints.services.state import STALE_MESSAGE, unlocked_read
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, StaleObject
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages as messages
from klachtenregeling.portal.models import ComplainantLink
from klachtenregeling.reports.statistics import record_end
from klachtenregeling.retention.services import referral_hold_close, referral_hold_open

from ..constants import RulingOutcome
from ..models import Referral
from ..rules import referral as referral_rules
from .common import advance, clean_text, locked, touch


def referral_conditions(complaint, today: date | None = None) -> list[referral_rules.Condition]:
    """R-4.3: whether De Geschillencommissie will take the case, shown to the officer."""
    return referral_rules.conditions(
        received_on=clock.local_date(complaint.received_at),
        written=True,  # every registered complaint is written
        responded=complaint.judgments.exists(),
        today=today or clock.today(),
    )


def referral_record(
    *, complaint, referred_on: date, body_reference: str, by, expected_version=None
):
    """R-4.3: the complainant submitted the case to the disputes body; legal hold starts."""
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        if referred_on is None or referred_on > clock.today():
            raise InvalidInput({"referred_on": [_("Give a date that is not in the future.")]})
        if referred_on < clock.local_date(complaint.received_at):
            raise InvalidInput(
                {"referred_on": [_("The date lies before the complaint was received.")]}
            )
        status_from = advance(complaint, Status.REFERRED)
        referral_hold_open(complaint, by=by)
        touch(complaint)
        referral = Referral.objects.create(
            complaint=complaint,
            body_name=complaint.organisation.disputes_body_name,
            referred_on=referred_on,
            body_reference=(body_reference or "").strip()[:100],
            recorded_by=by,
            recorded_at=clock.now(),
        )
        conditions = {c.key: c.holds for c in referral_conditions(complaint, referred_on)}
        procedure_events.referred(
            complaint, referral=referral, by=by, status_from=status_from, conditions=conditions
        )
    return referral


def ruling_record(
    *,
    complaint,
    ruling_on: date,
    outcome: str,
    text: str,
    root_cause: str,
    by,
    document: tuple[str, IO[bytes]] | None = None,
    expected_version=None,
):
    """The disputes body's ruling closes the case and lifts the legal hold (R-4.3, R-3.2)."""
    if outcome not in RulingOutcome.values:
        raise InvalidInput({"outcome": [_("Choose the outcome.")]})
    text = clean_text(text, "text", required_message=_("Summarise the ruling."))
    root_cause = clean_text(
        root_cause, "root_cause", required_message=_("Record the cause of the complaint.")
    )
    checked = check_upload(document[0], document[1], field="document") if document else None
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        workflow.require_status(complaint.status, workflow.RULING_ALLOWED)
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
        complaint.root_cause = root_cause
        touch(complaint, "root_cause")
        # One status change, recorded once: on the closing event, as for every closing.
        procedure_events.ruling_recorded(
            complaint, referral=referral, by=by, status_from=complaint.status
        )
        procedure_events.closed(complaint, by=by, status_from=status_from)
        record_end(complaint)
        messages.closed(complaint)
    return referral


def complaint_close(*, complaint, root_cause: str, satisfaction: str, by, expected_version=None):
    """Close a resolved complaint, or an unresolved one not taken further (R-3.2, R-3.3)."""
    root_cause = clean_text(
        root_cause, "root_cause", required_message=_("Record the cause of the complaint.")
    )
    if satisfaction not in Satisfaction.values:
        raise InvalidInput({"satisfaction": [_("Choose how satisfied the complainant is.")]})
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        workflow.require_status(complaint.status, workflow.CLOSING_ALLOWED)
        status_from = advance(complaint, Status.CLOSED)
        complaint.root_cause, complaint.satisfaction = root_cause, satisfaction
        touch(complaint, "root_cause", "satisfaction")
        procedure_events.closed(complaint, by=by, status_from=status_from)
        record_end(complaint)
        messages.closed(complaint)
    return complaint


def _withdraw(complaint, *, reason: str, by, role: ActorRole):
    status_from = advance(complaint, Status.WITHDRAWN)
    procedure_events.withdrawn(complaint, by=by, role=role, reason=reason, status_from=status_from)
    record_end(complaint)
    messages.withdrawn(complaint, by_complainant=role == ActorRole.COMPLAINANT)
    return complaint


def complaint_withdraw_by_complainant(*, complaint, reason: str, link):
    """The complainant withdraws through their link; a reason is optional."""
    reason = (reason or "").strip()[:2000]
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        return _withdraw(complaint, reason=reason, by=None, role=ActorRole.COMPLAINANT)


def complaint_withdraw_on_behalf(*, complaint, reason: str, by, expected_version=None):
    """The officer records a withdrawal the complainant made by phone or letter."""
    reason = clean_text(
        reason, "reason", required_message=_("Say how and why the complainant withdrew.")
    )
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        return _withdraw(complaint, reason=reason, by=by, role=ActorRole.OFFICER)


def complaint_declare_not_admissible(*, complaint, reasons: str, by, expected_version=None):
    """Not a complaint under R-1.x: the complainant gets the reasons in writing (a letter)."""
    reasons = clean_text(reasons, "reasons", required_message=_("Give the reasons."))
    # Rendered before the transaction, checked against the version it was rendered from
    # (as the judgment and the extension letter).
    seen = unlocked_read(complaint)
    if expected_version is not None and seen.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    policies.require(by, policies.COMPLAINT_HANDLE, seen)
    workflow.require_transition(seen.status, Status.NOT_ADMISSIBLE)
    pdf = render_letter(seen, template="letters/not_admissible.html", context={"reasons": reasons})
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        status_from = advance(complaint, Status.NOT_ADMISSIBLE)
        letter = store_letter(complaint, stored, pdf=pdf, letter="niet-ontvankelijk", by=by)
        procedure_events.not_admissible(complaint, by=by, reasons=reasons, status_from=status_from)
        record_end(complaint)
        messages.not_admissible(complaint, reasons, letter)
    return complaint


def links_revoke(*, complaint, by) -> int:
    """The officer revokes every personal link of the complaint (e.g. a forwarded e-mail)."""
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        count = ComplainantLink.objects.filter(complaint=complaint, revoked_at__isnull=True).update(
            revoked_at=clock.now()
        )
        procedure_events.links_revoked(complaint, by=by, count=count)
    return count


def case_file_export(*, complaint, by):
    """R-4.3: the officer downloads the case file for the disputes body; the export is recorded."""
    from ..case_file import build

    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        workflow.require_status(complaint.status, workflow.REFERRAL_ALLOWED)
        case_file = build(complaint)
        procedure_events.case_file_exported(
            complaint, by=by, files=len(case_file.manifest), sha256=case_file.manifest_sha256
        )
    return case_file
