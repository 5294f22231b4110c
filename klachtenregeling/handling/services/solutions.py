"""R-5.3, R-7.2: updates on the case and proposed solutions, and the complainant's answer."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import procedure_events
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.notifications import procedure_messages as messages

from .. import guards
from ..constants import Answer
from ..models import Proposal
from .common import clean_text, locked, save_step, staff_role


def update_add(*, complaint: Complaint, text: str, by) -> Complaint:
    """R-7.2: the respondent keeps the officer informed (and the officer the respondent)."""
    text = clean_text(text, "text", required_message=_("Write the update first."))
    with transaction.atomic():
        complaint = locked(complaint)
        role = staff_role(by, complaint)
        guards.add_to_solution(complaint)
        procedure_events.update_added(complaint, by=by, role=role, text=text)
    return complaint


def proposal_make(*, complaint: Complaint, text: str, by) -> Proposal:
    """R-5.3: the respondent (or the officer) proposes a solution to the complainant."""
    text = clean_text(text, "text", required_message=_("Describe the proposed solution."))
    with transaction.atomic():
        complaint = locked(complaint)
        role = staff_role(by, complaint)
        guards.add_to_solution(complaint)
        proposal = Proposal.objects.create(
            complaint=complaint,
            text=text,
            proposed_by=by,
            proposed_role=role,
            proposed_at=clock.now(),
        )
        save_step(complaint)
        procedure_events.proposal_made(complaint, proposal=proposal, by=by, role=role)
        messages.proposal(complaint, proposal)
    return proposal


def proposal_answer(
    *, proposal_id: int, complaint: Complaint, answer: str, comment: str, link
) -> Proposal:
    """R-5.3: the complainant accepts or declines a proposal through their personal link."""
    if answer not in Answer.values:
        raise InvalidInput({"answer": [_("Choose accept or decline.")]})
    comment = (comment or "").strip()[:2000]
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        guards.add_to_solution(complaint)
        proposal = (
            Proposal.objects.select_for_update().filter(pk=proposal_id, complaint=complaint).first()
        )
        if proposal is None:
            raise InvalidInput({"answer": [_("This proposal does not exist.")]})
        if proposal.answer:
            raise TransitionRefused(_("You already answered this proposal."))
        proposal.answer = answer
        proposal.answer_comment = comment
        proposal.answered_at = clock.now()
        proposal.save(update_fields=["answer", "answer_comment", "answered_at"])
        save_step(complaint)
        procedure_events.proposal_answered(complaint, proposal=proposal)
        messages.proposal_answered(complaint, proposal)
    return proposal
