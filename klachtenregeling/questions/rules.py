"""What makes a valid question (R-4.1: the "Heb je een vraag?" form)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.text import text_errors

from .constants import MAX_ANSWER_LENGTH, MAX_QUESTION_LENGTH

MAX_NAME_LENGTH = 200

Errors = dict[str, list]


@dataclass(frozen=True)
class QuestionDraft:
    name: str
    email: str
    text: str
    language: str = "nl"
    consent_to_complaint: bool = False


def _text(errors: Errors, name: str, value: str, *, max_length: int, name_like=False) -> None:
    messages = text_errors(value, required=True, max_length=max_length, name_like=name_like)
    if messages:
        errors.setdefault(name, []).extend(messages)


def validate_question(draft: QuestionDraft) -> Errors:
    errors: Errors = {}
    _text(errors, "name", draft.name, max_length=MAX_NAME_LENGTH, name_like=True)
    _text(errors, "email", draft.email, max_length=254)
    if "email" not in errors:
        try:
            validate_email(draft.email.strip())
        except ValidationError:
            errors["email"] = [_("Enter a valid e-mail address.")]
    _text(errors, "text", draft.text, max_length=MAX_QUESTION_LENGTH)
    if draft.language not in ("nl", "en"):
        errors["language"] = [_("Choose Dutch or English.")]
    return errors


def validate_answer(text: str) -> Errors:
    errors: Errors = {}
    _text(errors, "answer", text, max_length=MAX_ANSWER_LENGTH)
    return errors
