"""R-5.2: inform the person complained about, and hear both sides."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules.routing import may_handle
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.notifications import procedure_messages as messages

from .. import guards
from ..constants import Party, Via
from ..models import HearingInvitation, HearingWaiver, Statement
from .common import advance, clean_optional_text, clean_text, locked, save_step, staff_role

MAX_DAYS_TO_ANSWER = 90


def _start_hearing(complaint: Complaint) -> str:
    """Every step of the hearing is saved once; the first moves 'in handling' to 'hearing
    both sides'. Returns the status it came from."""
    guards.hear(complaint)
    status_from = complaint.status
    if complaint.status == Status.IN_HANDLING:
        advance(complaint, Status.HEARING)
    save_step(complaint)
    return status_from


def _party(value: str | None, complaint: Complaint) -> str:
    if value not in Party.values:
        raise InvalidInput({"party": [_("Choose a party.")]})
    if value == Party.RESPONDENT and complaint.respondent_id is None:
        raise InvalidInput({"party": [_("This complaint is not about a particular person.")]})
    return value


def respondent_set(
    *, complaint: Complaint, respondent, by, expected_version: int | None = None
) -> Complaint:
    """The officer names (or corrects) the person the complaint is about, before informing them."""
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.name_respondent(complaint)
        if (
            complaint.statements.filter(party=Party.RESPONDENT).exists()
            or complaint.waivers.filter(party=Party.RESPONDENT).exists()
        ):
            # The hearing of one person never counts as the hearing of another.
            raise TransitionRefused(
                _("An account of the person complained about is already in the dossier.")
            )
        if respondent is not None and (
            respondent.organisation_id != complaint.organisation_id or not respondent.is_active
        ):
            raise InvalidInput({"respondent": [_("Choose a staff member from the list.")]})
        if respondent is not None and not may_handle(officer_id=by.pk, respondent_id=respondent.pk):
            # a complaint about the handling officer goes to another officer first.
            raise NotPermitted(
                _(
                    "A complaint about yourself must be handled by another officer: hand it over first."
                ),
                field="respondent",
            )
        previous = complaint.respondent
        complaint.respondent = respondent
        save_step(complaint, "respondent")
        procedure_events.respondent_set(complaint, by=by, previous=previous)
    return complaint


def respondent_notify(
    *, complaint: Complaint, by, expected_version: int | None = None
) -> Complaint:
    """R-5.2: the officer informs the person complained about that a complaint was filed."""
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.notify_respondent(complaint)
        complaint.respondent_notified_at = clock.now()
        save_step(complaint, "respondent_notified_at")
        procedure_events.respondent_notified(complaint, by=by)
        messages.respondent_notified(complaint)
    return complaint


def hearing_invite(
    *,
    complaint: Complaint,
    party: str,
    due_date: date | None,
    by,
    expected_version: int | None = None,
    note: str = "",
) -> HearingInvitation:
    """R-5.2: invite a party to give their account by `due_date`."""
    [invitation] = hearing_invite_parties(
        complaint=complaint,
        parties=[party],
        due_date=due_date,
        by=by,
        expected_version=expected_version,
        note=note,
    )
    return invitation


def hearing_invite_parties(
    *,
    complaint: Complaint,
    parties: list[str],
    due_date: date | None,
    by,
    expected_version: int | None = None,
    note: str = "",
) -> list[HearingInvitation]:
    """R-5.2: invite one or both parties, in one step, to give their account by
    `due_date`; an optional personal text of the officer goes into each invitation."""
    note = clean_optional_text(note, "note")
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        chosen = [_party(party, complaint) for party in dict.fromkeys(parties)]
        if not chosen:
            raise InvalidInput({"party": [_("Choose a party.")]})
        today = clock.today()
        if due_date is None or due_date < today:
            raise InvalidInput({"due_date": [_("Choose a date from today on.")]})
        if (due_date - today).days > MAX_DAYS_TO_ANSWER:
            raise InvalidInput(
                {
                    "due_date": [
                        _("Choose a date within %(days)d days.") % {"days": MAX_DAYS_TO_ANSWER}
                    ]
                }
            )
        if Party.RESPONDENT in chosen and complaint.respondent_notified_at is None:
            raise TransitionRefused(_("Inform the person complained about first."))
        status_from = _start_hearing(complaint)
        invitations = []
        for party in chosen:
            invitation = HearingInvitation.objects.create(
                complaint=complaint,
                party=party,
                due_date=due_date,
                invited_at=clock.now(),
                invited_by=by,
            )
            procedure_events.hearing_invited(
                complaint, invitation=invitation, by=by, status_from=status_from, note=note
            )
            status_from = complaint.status  # the status changed (if at all) once
            messages.hearing_invitation(complaint, invitation, note=note)
            invitations.append(invitation)
    return invitations


def _store_statement(
    complaint: Complaint,
    *,
    party: str,
    text: str,
    via: str,
    by,
    role: ActorRole,
    corrects_id: int | None,
) -> Statement:
    corrects = None
    if corrects_id:
        corrects = complaint.statements.filter(pk=corrects_id, party=party).first()
        if corrects is None:
            raise InvalidInput({"corrects": [_("Choose a statement of the same party.")]})
    status_from = _start_hearing(complaint)
    statement = Statement.objects.create(
        complaint=complaint,
        party=party,
        text=text,
        via=via,
        given_at=clock.now(),
        recorded_by=by,
        corrects=corrects,
    )
    procedure_events.statement_given(
        complaint, statement=statement, by=by, role=role, status_from=status_from
    )
    return statement


def statement_give_as_staff(
    *,
    complaint: Complaint,
    text: str,
    by,
    party: str | None = None,
    via: str = Via.LOG_IN,
    corrects_id: int | None = None,
) -> Statement:
    """The respondent gives their account logged in; or the officer records a party's
    account given by phone or in writing (marked as such). Never edited afterwards."""
    text = clean_text(text, "text", required_message=_("Write the account first."))
    with transaction.atomic():
        complaint = locked(complaint)
        role = staff_role(by, complaint)
        if role == ActorRole.RESPONDENT:
            party, via = Party.RESPONDENT, Via.LOG_IN
        else:
            party = _party(party, complaint)
            if via not in (Via.PHONE, Via.WRITING):
                raise InvalidInput({"via": [_("Say how the account was given.")]})
        statement = _store_statement(
            complaint, party=party, text=text, via=via, by=by, role=role, corrects_id=corrects_id
        )
        if role == ActorRole.RESPONDENT:
            messages.statement_received(complaint, statement)
    return statement


def statement_give_as_complainant(
    *, complaint: Complaint, text: str, link, corrects_id: int | None = None
) -> Statement:
    """The complainant gives their account through their personal link (R-5.2, R-7.3)."""
    text = clean_text(text, "text", required_message=_("Write your account first."))
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        statement = _store_statement(
            complaint,
            party=Party.COMPLAINANT,
            text=text,
            via=Via.PERSONAL_LINK,
            by=None,
            role=ActorRole.COMPLAINANT,
            corrects_id=corrects_id,
        )
        messages.statement_received(complaint, statement)
    return statement


def hearing_waive(
    *, complaint: Complaint, party: str, reason: str, by, expected_version: int | None = None
) -> HearingWaiver:
    """The officer records why a side was not heard (e.g. no answer by the due date)."""
    reason = clean_text(reason, "reason", required_message=_("Give the reason."))
    with transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        party = _party(party, complaint)
        status_from = _start_hearing(complaint)
        waiver = HearingWaiver.objects.create(
            complaint=complaint, party=party, reason=reason, recorded_by=by, recorded_at=clock.now()
        )
        procedure_events.hearing_waived(complaint, waiver=waiver, by=by, status_from=status_from)
    return waiver
