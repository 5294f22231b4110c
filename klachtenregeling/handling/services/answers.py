"""R-5.7 on paper: the complainant's answer given by letter or phone, a party's signature
on paper, and the complaint closed when the complainant does not answer at all."""

from typing import IO

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events, procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import AttachmentKind, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages as messages
from klachtenregeling.reports.statistics import record_end

from .. import guards
from ..constants import Answer, PaperAnswer, Signer, Via
from ..models import Judgment, JudgmentAnswer
from ..rules import answers as answer_rules
from ..selectors import answer_dates, current_judgment
from .common import advance, clean_text, locked, render_before_lock, save_step
from .endings import _clean_ending, _register_ending
from .judgment import _prepare_signing, _resolve_if_signed, _sign, _Signing

RECORDED_VIA = (Via.PHONE, Via.WRITING)
Document = tuple[str, IO[bytes]]


def _current_signed_on_paper(complaint: Complaint, signed_version: int | None) -> Judgment:
    """The current judgment, when the scan is of it; a scan of an older version is refused:
    the signature binds to the text's hash (R-5.7)."""
    guards.sign(complaint)
    judgment = current_judgment(complaint)
    if judgment is None:  # not in 'judgment sent' (refused above)
        raise TransitionRefused(_("There is no judgment yet."))
    problem = answer_rules.paper_signature_version_error(
        signed_version=signed_version or 0, current_version=judgment.version
    )
    if problem is not None:
        raise InvalidInput(
            {
                "signed_version": [
                    _(
                        "The signed letter must be of the current judgment, version "
                        "%(current)d (sent on %(date)s). A signature on another version does "
                        "not count: send the current letter and ask for a new signature."
                    )
                    % {
                        "current": judgment.version,
                        "date": formats.date_format(clock.local_date(judgment.issued_at), "j F Y"),
                    }
                ]
            }
        )
    return judgment


def _store_document(complaint, stored, checked, by):
    if checked is None:
        return None
    return stored.add(
        complaint, checked, kind=AttachmentKind.SUPPORTING, by=by, role=ActorRole.OFFICER
    )


def judgment_answer_record(
    *,
    complaint,
    answer: str,
    via: str,
    by,
    signed_version: int | None = None,
    comment: str = "",
    document: Document | None = None,
    expected_version=None,
):
    """The officer records the complainant's answer given by letter or phone (R-5.7, R-4.3):
    accepted — with a scan of the judgment they signed, which must be the current text —,
    declined (→ not resolved, the way to the disputes body), or a new proposal (noted in
    the dossier; the officer may answer it with a revised judgment)."""
    if answer not in PaperAnswer.values:
        raise InvalidInput({"answer": [_("Choose the complainant's answer.")]})
    if via not in RECORDED_VIA:
        raise InvalidInput({"via": [_("Choose how the answer reached you.")]})
    comment = (comment or "").strip()
    checked = check_upload(document[0], document[1], field="document") if document else None
    if answer == PaperAnswer.ACCEPTED and (via != Via.WRITING or checked is None):
        raise InvalidInput(
            {
                "document": [
                    _(
                        "Acceptance counts as the complainant's signature: attach the scan of "
                        "the judgment they signed."
                    )
                ]
            }
        )
    if answer == PaperAnswer.PROPOSAL:
        comment = clean_text(comment, "comment", required_message=_("Describe the proposal."))
    signing = _Signing(
        signer=Signer.COMPLAINANT, user=None, name="", via=Via.WRITING, at=clock.now()
    )
    if answer == PaperAnswer.ACCEPTED:
        seen, signing = _prepare_signing(
            complaint,
            signing,
            judgment_of=lambda seen: _current_signed_on_paper(seen, signed_version),
            check=lambda seen: policies.require(by, policies.COMPLAINT_HANDLE, seen),
            expected_version=expected_version,
        )
        expected_version = seen.version
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, expected_version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        guards.sign(complaint)
        judgment = current_judgment(complaint)
        if judgment is None:  # not in 'judgment sent' (refused above)
            raise TransitionRefused(_("There is no judgment yet."))
        if answer == PaperAnswer.ACCEPTED:
            judgment = _current_signed_on_paper(complaint, signed_version)
        if judgment.answers.exists():
            raise TransitionRefused(_("The complainant already answered this judgment."))
        attachment = _store_document(complaint, stored, checked, by)
        if answer == PaperAnswer.PROPOSAL:
            events.note_added(
                complaint,
                by=by,
                text=str(_("New proposal of the complainant (%(via)s): %(text)s"))
                % {"via": Via(via).label, "text": comment},
            )
            save_step(complaint)
            return None
        answered = JudgmentAnswer.objects.create(
            judgment=judgment,
            answer=answer,
            comment=comment[:2000],
            via=via,
            answered_at=clock.now(),
        )
        extra = {"document_id": str(attachment.pk)} if attachment else {}
        if answer == Answer.DECLINED:
            status_from = advance(complaint, Status.UNRESOLVED)
            save_step(complaint)
            procedure_events.judgment_answered(
                complaint, answer=answered, status_from=status_from, by=by, **extra
            )
            messages.judgment_declined(complaint, answered)
            return answered
        procedure_events.judgment_answered(
            complaint, answer=answered, status_from=complaint.status, by=by, **extra
        )
        _sign(complaint, judgment, signing, role=ActorRole.COMPLAINANT)
        messages.judgment_accepted(complaint, judgment)
        _resolve_if_signed(complaint, judgment, stored, signing)
    return answered


def paper_signature_record(
    *, complaint, signed_version: int | None, document: Document | None, by, expected_version=None
):
    """The person complained about signed the judgment on paper; the officer records it
    with the scan, which must be of the current text (R-5.7)."""
    if document is None:
        raise InvalidInput({"document": [_("Attach the scan of the signed judgment.")]})
    checked = check_upload(document[0], document[1], field="document")

    def check(seen: Complaint) -> None:
        policies.require(by, policies.COMPLAINT_HANDLE, seen)
        if seen.respondent is None:
            raise TransitionRefused(_("This complaint is not about a particular person."))

    seen, signing = _prepare_signing(
        complaint,
        _Signing(
            signer=Signer.RESPONDENT,
            user=complaint.respondent,
            name=complaint.respondent.display_name if complaint.respondent else "",
            via=Via.WRITING,
            at=clock.now(),
        ),
        judgment_of=lambda seen: _current_signed_on_paper(seen, signed_version),
        check=check,
        expected_version=expected_version,
    )
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        if complaint.respondent_id is None:
            raise TransitionRefused(_("This complaint is not about a particular person."))
        judgment = _current_signed_on_paper(complaint, signed_version)
        if not judgment.signatures.filter(signer=Signer.COMPLAINANT).exists():
            raise TransitionRefused(_("The complainant has not accepted this judgment yet."))
        _store_document(complaint, stored, checked, by)
        signature = _sign(complaint, judgment, signing, role=ActorRole.RESPONDENT)
        _resolve_if_signed(complaint, judgment, stored, signing)
    return signature


def _require_no_answer_period_over(complaint: Complaint) -> None:
    guards.sign(complaint)
    judgment = current_judgment(complaint)
    if judgment is None:  # not in 'judgment sent' (refused above)
        raise TransitionRefused(_("There is no judgment yet."))
    if judgment.answers.exists():
        raise TransitionRefused(_("The complainant answered this judgment."))
    dates = answer_dates(complaint)
    if dates is None:
        raise TransitionRefused(_("There is no judgment yet."))
    if not answer_rules.may_close_without_answer(dates, clock.today()):
        raise TransitionRefused(
            _(
                "The complainant still has time to answer: you can close the complaint as "
                "“no answer” from %(date)s (the reminder goes out on %(remind)s)."
            )
            % {
                "date": formats.date_format(dates.close_from, "j F Y"),
                "remind": formats.date_format(dates.remind_on, "j F Y"),
            }
        )


def complaint_close_no_answer(
    *,
    complaint,
    cause_id: int | None,
    satisfaction: str,
    by,
    root_cause: str = "",
    expected_version=None,
):
    """The complainant did not answer the judgment, also not after the reminder and a
    second period: the officer closes the complaint with its cause (R-3.2) and satisfaction
    (R-3.3, "unknown" is an answer), and a letter says the disputes body remains open."""
    root_cause = _clean_ending(root_cause=root_cause, satisfaction=satisfaction)

    def check(seen: Complaint) -> None:
        policies.require(by, policies.COMPLAINT_HANDLE, seen)
        workflow.require_transition(seen.status, Status.CLOSED)
        _require_no_answer_period_over(seen)

    seen, pdf = render_before_lock(
        complaint,
        expected_version=expected_version,
        check=check,
        render=lambda seen: render_letter(
            seen,
            template="letters/no_answer.html",
            context={"judgment": current_judgment(seen)},
            dated=clock.now(),
        ),
    )
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        _require_no_answer_period_over(complaint)
        status_from = advance(complaint, Status.CLOSED)
        _register_ending(
            complaint,
            cause_id=cause_id,
            root_cause=root_cause,
            satisfaction=satisfaction,
            cause_required=True,
        )
        letter = store_letter(complaint, stored, pdf=pdf, letter="geen-reactie", by=by)
        procedure_events.closed(complaint, by=by, status_from=status_from, no_answer=True)
        record_end(complaint)
        messages.closed(complaint, letter=letter)
    return complaint
