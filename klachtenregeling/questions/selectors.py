"""Reads of questions: only the organisation's officers see them (R-6.1 applies in spirit)."""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.selectors import complaints_handled_by
from klachtenregeling.core.errors import NotPermitted

from .constants import QuestionStatus
from .models import Question


def _for_officer(user) -> QuerySet[Question]:
    """The organisation's questions; one that became a complaint only for whoever handles
    that complaint (R-6.1, R-5.4: not for the officer it is about), also in search."""
    if not (user.is_authenticated and user.is_active and user.is_officer and user.organisation_id):
        return Question.objects.none()
    # Exists, asked per question (a primary-key lookup), not "IN (the officer's complaints)":
    # that list is the officer's whole history, and the navigation counts on every page.
    handled = complaints_handled_by(user).filter(pk=OuterRef("complaint_id"))
    return Question.objects.filter(organisation_id=user.organisation_id).filter(
        Q(complaint__isnull=True) | Exists(handled)
    )


def inbox(user, *, query: str = "") -> QuerySet[Question]:
    """Unanswered questions first, then the rest; newest first within each."""
    questions = _for_officer(user)
    query = query.strip()
    if query:
        questions = questions.filter(
            Q(name__icontains=query) | Q(email__icontains=query) | Q(text__icontains=query)
        )
    return questions.annotate(
        waiting=Case(
            When(status=QuestionStatus.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "-received_at", "-pk")


def open_count(user) -> int:
    return _for_officer(user).filter(status=QuestionStatus.OPEN).count()


def question_for(user, pk: int) -> Question:
    """One question, for an officer of its organisation; otherwise "not found"."""
    question = Question.objects.select_related("organisation", "complaint").filter(pk=pk).first()
    if question is None or not policies.can(user, policies.QUESTION_VIEW, question):
        raise NotPermitted(_("This question does not exist or you have no access to it."))
    return question


def content_visible(user, question: Question) -> bool:
    """Once a question became a complaint, its text is the complaint's: only those who may
    see that complaint see it (R-6.1, R-5.4 — not the officer it is about)."""
    if question.complaint is None:
        return True
    return policies.can(user, policies.COMPLAINT_VIEW, question.complaint)
