"""Case events of the procedure of Art. 5: hearing, solutions, judgment, signatures, referral.

Each records who did what, in which role, and — for a step that changes the
status — the status before and after, so the compliance check and the reports
can be computed from the dossier alone.
"""

from typing import Any

from .constants import ActorRole, EventType
from .events import record
from .models import CaseEvent


def _step(
    complaint,
    event_type: EventType,
    *,
    role: ActorRole,
    by=None,
    visible: bool = False,
    status_from: str | None = None,
    content=None,
    **data: Any,
) -> CaseEvent:
    if status_from is not None and status_from != complaint.status:
        data = {**data, "status_from": status_from, "status_to": complaint.status}
    return record(
        complaint, event_type, role=role, actor=by, visible=visible, data=data, content=content
    )


def respondent_set(complaint, *, by, previous) -> CaseEvent:
    return _step(
        complaint,
        EventType.RESPONDENT_SET,
        role=ActorRole.OFFICER,
        by=by,
        respondent_id=complaint.respondent_id,
        respondent=complaint.respondent.display_name if complaint.respondent else "",
        previous_respondent_id=previous.pk if previous else None,
    )


def respondent_notified(complaint, *, by) -> CaseEvent:
    """R-5.2: the person complained about was told that a complaint was filed."""
    return _step(
        complaint,
        EventType.RESPONDENT_NOTIFIED,
        role=ActorRole.OFFICER,
        by=by,
        respondent_id=complaint.respondent_id,
    )


def hearing_invited(complaint, *, invitation, by, status_from: str, note: str = "") -> CaseEvent:
    return _step(
        complaint,
        EventType.HEARING_INVITED,
        role=ActorRole.OFFICER,
        by=by,
        visible=invitation.party == ActorRole.COMPLAINANT,
        status_from=status_from,
        invitation_id=invitation.pk,
        party=invitation.party,
        due_date=invitation.due_date.isoformat(),
        **({"note": note} if note else {}),
    )


def statement_given(complaint, *, statement, by, role: ActorRole, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.STATEMENT_GIVEN,
        role=role,
        by=by,
        visible=statement.party == ActorRole.COMPLAINANT,
        status_from=status_from,
        statement_id=statement.pk,
        party=statement.party,
        via=statement.via,
        corrects_id=statement.corrects_id,
        length=len(statement.text),
        content=statement,
    )


def hearing_waived(complaint, *, waiver, by, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.HEARING_WAIVED,
        role=ActorRole.OFFICER,
        by=by,
        status_from=status_from,
        waiver_id=waiver.pk,
        party=waiver.party,
        reason=waiver.reason,
        content=waiver,
    )


def update_added(complaint, *, by, role: ActorRole, text: str) -> CaseEvent:
    """R-7.2: the respondent (or officer) keeps the case up to date; not shown to the complainant."""
    return _step(complaint, EventType.UPDATE_ADDED, role=role, by=by, text=text)


def proposal_made(complaint, *, proposal, by, role: ActorRole) -> CaseEvent:
    return _step(
        complaint,
        EventType.PROPOSAL_MADE,
        role=role,
        by=by,
        visible=True,
        proposal_id=proposal.pk,
        content=proposal,
    )


def proposal_answered(complaint, *, proposal) -> CaseEvent:
    return _step(
        complaint,
        EventType.PROPOSAL_ANSWERED,
        role=ActorRole.COMPLAINANT,
        visible=True,
        proposal_id=proposal.pk,
        answer=proposal.answer,
        content=proposal,
    )


def judgment_issued(complaint, *, judgment, by, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.JUDGMENT_ISSUED,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        status_from=status_from,
        judgment_id=judgment.pk,
        version=judgment.version,
        verdict=judgment.verdict,
        recommendations=len(judgment.recommendations),
        text_sha256=judgment.text_sha256,
        content=judgment,
    )


def signatures_voided(complaint, *, judgment, signers: list[str], by) -> CaseEvent:
    return _step(
        complaint,
        EventType.SIGNATURES_VOIDED,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        judgment_id=judgment.pk,
        version=judgment.version,
        signers=sorted(signers),
    )


def judgment_answered(complaint, *, answer, status_from: str, by=None, **extra) -> CaseEvent:
    """The complainant's answer; `by`: the officer who recorded one given on paper or by
    phone (R-5.7), `extra` e.g. the id of the scan attached."""
    return _step(
        complaint,
        EventType.JUDGMENT_ANSWERED,
        role=ActorRole.OFFICER if by is not None else ActorRole.COMPLAINANT,
        by=by,
        visible=True,
        **extra,
        status_from=status_from,
        judgment_id=answer.judgment_id,
        answer=answer.answer,
        via=answer.via,
        content=answer,
    )


def signed(complaint, *, signature, by, role: ActorRole) -> CaseEvent:
    return _step(
        complaint,
        EventType.SIGNED,
        role=role,
        by=by,
        visible=True,
        judgment_id=signature.judgment_id,
        signer=signature.signer,
        via=signature.via,
        text_sha256=signature.text_sha256,
        content=signature,
    )


def resolved(complaint, *, judgment, status_from: str) -> CaseEvent:
    """R-5.7: all required signatures on the current judgment text."""
    return _step(
        complaint,
        EventType.RESOLVED,
        role=ActorRole.SYSTEM,
        visible=True,
        status_from=status_from,
        judgment_id=judgment.pk,
        text_sha256=judgment.text_sha256,
    )


def referred(complaint, *, referral, by, status_from: str, conditions: dict) -> CaseEvent:
    return _step(
        complaint,
        EventType.REFERRED,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        status_from=status_from,
        body=referral.body_name,
        referred_on=referral.referred_on.isoformat(),
        body_reference=referral.body_reference,
        conditions=conditions,
        legal_hold=True,
        content=referral,
    )


def case_file_exported(complaint, *, by, files: int, sha256: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.CASE_FILE_EXPORTED,
        role=ActorRole.OFFICER,
        by=by,
        files=files,
        manifest_sha256=sha256,
    )


def ruling_recorded(complaint, *, referral, by, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.RULING_RECORDED,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        status_from=status_from,
        ruling_on=referral.ruling_on.isoformat(),
        outcome=referral.ruling_outcome,
        legal_hold=False,
        content=referral,
    )


def _ending(complaint) -> dict:
    """R-3.2, R-3.3: the cause (category and words) and the satisfaction of an ending."""
    cause = complaint.cause
    return {
        "cause": {"id": cause.pk, "name": cause.name} if cause is not None else None,
        "root_cause": complaint.root_cause,
        "satisfaction": complaint.satisfaction,
    }


def closed(complaint, *, by, status_from: str, no_answer: bool = False) -> CaseEvent:
    """R-3.2, R-3.3: closed with its cause and the complainant's satisfaction;
    `no_answer`: the complainant did not answer the judgment (R-5.7)."""
    return _step(
        complaint,
        EventType.CLOSED,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        status_from=status_from,
        **_ending(complaint),
        **({"no_answer": True} if no_answer else {}),
    )


def withdrawn(complaint, *, by, role: ActorRole, reason: str, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.WITHDRAWN,
        role=role,
        by=by,
        visible=True,
        status_from=status_from,
        reason=reason,
        **_ending(complaint),
    )


def not_admissible(complaint, *, by, reasons: str, status_from: str) -> CaseEvent:
    return _step(
        complaint,
        EventType.NOT_ADMISSIBLE,
        role=ActorRole.OFFICER,
        by=by,
        visible=True,
        status_from=status_from,
        reasons=reasons,
        **_ending(complaint),
    )


def letter_issued(complaint, *, attachment, letter: str, by) -> CaseEvent:
    return _step(
        complaint,
        EventType.LETTER_ISSUED,
        role=ActorRole.OFFICER if by else ActorRole.SYSTEM,
        by=by,
        visible=True,
        letter=letter,
        attachment_id=str(attachment.pk),
        filename=attachment.filename,
        sha256=attachment.sha256,
        content=attachment,
    )


def links_revoked(complaint, *, by, count: int) -> CaseEvent:
    return _step(complaint, EventType.LINKS_REVOKED, role=ActorRole.OFFICER, by=by, count=count)
