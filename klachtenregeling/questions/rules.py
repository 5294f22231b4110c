"""What makes a valid question (R-4.1: the "Heb je een vraag?" form)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.text import not_storable

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


def _text(errors: Errors, name: str, value: str, *, max_length: int) -> None:
    if not value.strip():
        errors.setdefault(name, []).append(_("This field is required."))
    elif len(value) > max_length:
        errors.setdefault(name, []).append(
            _("Use at most %(max)d characters (now %(n)d).") % {"max": max_length, "n": len(value)}
        )
    elif not_storable(value):
        errors.setdefault(name, []).append(_("This text contains characters that are not allowed."))


def validate_question(draft: QuestionDraft) -> Errors:
    errors: Errors = {}
    _text(errors, "name", draft.name, max_length=MAX_NAME_LENGTH)
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
