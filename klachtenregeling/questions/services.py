"""Questions from the regulation page (R-4.1): the only writers of Question rows.

A question is answered by e-mail, or — only with the sender's consent — handled as a
complaint through the ordinary intake, so routing (R-5.1, R-5.4), the acknowledgement
and the deadline work as for any complaint. The term runs from the moment the question
becomes a complaint: that is when the complaint is received (see README, "Questions").
"""

import hashlib
import json
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.selectors import officers_of
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.notifications import question_messages

from .constants import QuestionStatus
from .models import Question
from .rules import QuestionDraft, validate_answer, validate_question


@dataclass(frozen=True)
class SubmitResult:
    question: Question
    created: bool


def _digest(draft: QuestionDraft) -> str:
    return hashlib.sha256(json.dumps(asdict(draft), sort_keys=True).encode()).hexdigest()


def question_submit(
    *, organisation, draft: QuestionDraft, submission_key: str | None = None
) -> SubmitResult:
    """Someone asks a question through the regulation page; they get an acknowledgement.

    A repeated submit (same key, same content) returns the first question.
    """
    errors = validate_question(draft)
    if errors:
        raise InvalidInput(errors)
    key = submission_key or None

    def existing() -> Question | None:
        found = Question.objects.filter(organisation=organisation, submission_key=key).first()
        if found is not None and found.submission_digest != _digest(draft):
            raise InvalidInput(
                {"__all__": [_("This form was already sent with another question. Start again.")]}
            )
        return found

    if key and (found := existing()):
        return SubmitResult(found, created=False)
    try:
        with transaction.atomic():
            question = Question.objects.create(
                organisation=organisation,
                name=draft.name.strip(),
                email=draft.email.strip(),
                text=draft.text.strip(),
                language=draft.language,
                consent_to_complaint=draft.consent_to_complaint,
                received_at=clock.now(),
                submission_key=key,
                submission_digest=_digest(draft) if key else "",
            )
            question_messages.question_received(question)
            question_messages.new_question(question, officers_of(organisation))
    except IntegrityError:
        if key and (found := existing()):  # the same form committed concurrently
            return SubmitResult(found, created=False)
        raise
    return SubmitResult(question, created=True)


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("organisation").get(pk=question.pk)


def _require_open(question: Question) -> None:
    if not question.is_open:
        raise TransitionRefused(
            _("This question has already been answered or handled as a complaint.")
        )


def question_answer(*, question: Question, answer: str, by) -> Question:
    """An officer answers by e-mail, in the sender's language (text and HTML)."""
    policies.require(by, policies.QUESTION_VIEW, question)  # open: checked under the lock
    errors = validate_answer(answer)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        question = _locked(question)
        _require_open(question)
        question.answer = answer.strip()
        question.answered_at = clock.now()
        question.answered_by = by
        question.status = QuestionStatus.ANSWERED
        question.save(update_fields=["answer", "answered_at", "answered_by", "status"])
        question_messages.question_answer(question, by)
    return question


def question_convert(
    *,
    question: Question,
    by,
    concerns: tuple[str, ...],
    engagement_description: str = "",
    engagement_reference: str = "",
    respondent_id: int | None = None,
):
    """With the sender's consent, the question becomes a complaint (R-1.1, R-4.1).

    The complaint is filed through the ordinary intake, in the sender's own words and
    language: routed to an officer (R-5.1, not the one it is about, R-5.4), acknowledged,
    with its deadline counted from now. Returns the complaint.
    """
    policies.require(by, policies.QUESTION_VIEW, question)
    with transaction.atomic():
        question = _locked(question)
        _require_open(question)
        if not policies.can(by, policies.QUESTION_CONVERT, question):  # consent
            raise TransitionRefused(
                _(
                    "The sender did not consent to handling this question as a complaint. "
                    "Answer it, and point them to the complaint form."
                )
            )
        draft = ComplaintDraft(
            complainant_name=question.name,
            complainant_email=question.email,
            description=question.text,
            concerns=tuple(concerns),
            engagement_description=engagement_description,
            engagement_reference=engagement_reference,
            respondent_id=respondent_id,
            language=question.language,
        )
        complaint = complaint_services.complaint_submit(
            organisation=question.organisation,
            draft=draft,
            channel=Channel.WEB,
            submission_key=f"question:{question.pk}",
        ).complaint
        question.complaint = complaint
        question.converted_at = clock.now()
        question.converted_by = by
        question.status = QuestionStatus.CONVERTED
        question.save(update_fields=["complaint", "converted_at", "converted_by", "status"])
    return complaint
