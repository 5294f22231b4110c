"""Art. 1 and 2 — what makes a valid written complaint (R-1.1, R-1.2, R-1.3, R-2.1).

`validate_draft` is the single validation of complaint content: the public form,
the officer's registration form and the API all call it (through the service),
so the same input gets the same answer everywhere.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.text import text_errors

from ..constants import MAX_DESCRIPTION_LENGTH, MAX_SHORT_TEXT_LENGTH, Concern, Language

MAX_NAME_LENGTH = 200
MAX_PHONE_LENGTH = 40
MAX_EMAIL_LENGTH = 254
MAX_REFERENCE_LENGTH = 40
PHONE_PATTERN = r"^[0-9+()\-. ]*$"
# How far back an officer may date a letter or e-mail received earlier.
MAX_REGISTRATION_AGE = timedelta(days=365)

_PHONE = re.compile(PHONE_PATTERN)
# A Dutch postcode: four digits (not starting with 0), two letters (SA, SD and SS are not
# issued); a space between them or not.
_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
_UNISSUED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
# A house number with an optional addition: 12, 12A, 12 A, 12-2, 12 bis, 12 hs.
_HOUSE_NUMBER = re.compile(r"^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,6})?$")
MAX_ADDRESS_LINE_LENGTH = 200
MAX_FOREIGN_LINES = 6


@dataclass(frozen=True)
class ComplaintDraft:
    """A complaint as entered, before it is registered."""

    complainant_name: str
    complainant_email: str
    description: str
    concerns: tuple[str, ...]
    complainant_phone: str = ""
    is_representative: bool = False
    on_behalf_of: str = ""
    engagement_reference: str = ""
    engagement_id: int | None = None
    engagement_description: str = ""
    respondent_id: int | None = None
    desired_outcome: str = ""
    language: str = Language.NL
    subject_ids: tuple[int, ...] = field(default_factory=tuple)
    # Issue 16: a postal address in the Netherlands, or the lines of one abroad.
    address_street: str = ""
    address_number: str = ""
    address_postcode: str = ""
    address_city: str = ""
    address_foreign: str = ""


Errors = dict[str, list]


def _add(errors: Errors, name: str, message) -> None:
    errors.setdefault(name, []).append(message)


def _check_text(
    errors: Errors,
    name: str,
    value: str,
    *,
    required: bool,
    max_length: int,
    single_line: bool = False,
) -> None:
    for message in text_errors(
        value, required=required, max_length=max_length, name_like=single_line
    ):
        _add(errors, name, message)


def validate_draft(draft: ComplaintDraft) -> Errors:
    """All content rules for a complaint; an empty dict means valid."""
    errors: Errors = {}
    _check_text(
        errors,
        "complainant_name",
        draft.complainant_name,
        required=True,
        max_length=MAX_NAME_LENGTH,
        single_line=True,
    )
    has_address = _check_postal_address(errors, draft)
    _check_text(
        errors,
        "complainant_email",
        draft.complainant_email,
        required=not has_address,
        max_length=MAX_EMAIL_LENGTH,
    )
    if errors.get("complainant_email") and not draft.complainant_email.strip():
        # Issue 16: either way of reaching the complainant will do.
        errors["complainant_email"] = [
            _("Enter an e-mail address, or a postal address to send letters to.")
        ]
    if "complainant_email" not in errors and draft.complainant_email.strip():
        try:
            validate_email(draft.complainant_email.strip())
        except ValidationError:
            _add(errors, "complainant_email", _("Enter a valid e-mail address."))
    if len(draft.complainant_phone) > MAX_PHONE_LENGTH or not _PHONE.match(draft.complainant_phone):
        _add(errors, "complainant_phone", _("Enter a phone number with digits, spaces, + or -."))
    _check_text(
        errors,
        "description",
        draft.description,
        required=True,
        max_length=MAX_DESCRIPTION_LENGTH,
    )
    _check_text(
        errors,
        "desired_outcome",
        draft.desired_outcome,
        required=False,
        max_length=MAX_SHORT_TEXT_LENGTH,
    )
    _check_concerns(errors, draft.concerns)
    _check_representation(errors, draft)
    _check_engagement(errors, draft)
    if draft.language not in Language.values:
        _add(errors, "language", _("Choose Dutch or English."))
    return errors


def normalised_postcode(value: str) -> str:
    """'1234ab' and '1234 AB ' become '1234 AB'; an invalid postcode is returned as typed."""
    match = _POSTCODE.match(" ".join(value.upper().split()))
    return f"{match[1]} {match[2]}" if match else value.strip()


def _check_postal_address(errors: Errors, draft: ComplaintDraft) -> bool:
    """Issue 16: a Dutch address (street, house number, postcode, town) or the free lines of
    one abroad. Returns whether a complete, valid address was given."""
    dutch = {
        "address_street": draft.address_street,
        "address_number": draft.address_number,
        "address_postcode": draft.address_postcode,
        "address_city": draft.address_city,
    }
    foreign = draft.address_foreign.strip()
    if foreign:
        if any(v.strip() for v in dutch.values()):
            _add(
                errors,
                "address_foreign",
                _("Give either an address in the Netherlands or one abroad, not both."),
            )
            return False
        lines = [line for line in foreign.splitlines() if line.strip()]
        if len(lines) < 2 or len(lines) > MAX_FOREIGN_LINES:
            _add(
                errors,
                "address_foreign",
                _("Write the address abroad on 2 to 6 lines, with the country on the last."),
            )
        elif any(len(line) > MAX_ADDRESS_LINE_LENGTH for line in lines):
            _add(errors, "address_foreign", _("An address line is too long."))
        return "address_foreign" not in errors
    if not any(v.strip() for v in dutch.values()):
        return False
    for name, value in (
        ("address_street", draft.address_street),
        ("address_city", draft.address_city),
    ):
        _check_text(
            errors, name, value, required=True, max_length=MAX_ADDRESS_LINE_LENGTH, single_line=True
        )
    number = draft.address_number.strip()
    if not number:
        _add(errors, "address_number", _("Enter the house number."))
    elif not _HOUSE_NUMBER.match(number):
        _add(
            errors,
            "address_number",
            _(
                "Enter a house number, with an addition if there is one (for example 12 or 12-2 or 12A)."
            ),
        )
    postcode = normalised_postcode(draft.address_postcode)
    match = _POSTCODE.match(postcode)
    if not postcode:
        _add(errors, "address_postcode", _("Enter the postcode."))
    elif not match or match[2] in _UNISSUED_POSTCODE_LETTERS:
        _add(
            errors,
            "address_postcode",
            _("Enter a Dutch postcode: four digits and two letters, for example 1234 AB."),
        )
    return not any(name in errors for name in dutch)


def _check_concerns(errors: Errors, concerns: tuple[str, ...]) -> None:
    """R-1.2: the complaint names one or more of the five concerns."""
    if not concerns:
        _add(errors, "concerns", _("Choose at least one thing the complaint is about."))
    elif any(c not in Concern.values for c in concerns):
        _add(errors, "concerns", _("Choose from the listed options."))


def _check_representation(errors: Errors, draft: ComplaintDraft) -> None:
    """R-1.3: a representative states on whose behalf they complain."""
    if draft.is_representative:
        _check_text(
            errors,
            "on_behalf_of",
            draft.on_behalf_of,
            required=True,
            max_length=MAX_NAME_LENGTH,
            single_line=True,
        )
    elif draft.on_behalf_of.strip():
        _add(
            errors,
            "on_behalf_of",
            _("Only fill this in when you complain on behalf of a client."),
        )


def _check_engagement(errors: Errors, draft: ComplaintDraft) -> None:
    """R-2.1: the complaint concerns an engagement, chosen or described."""
    _check_text(
        errors,
        "engagement_description",
        draft.engagement_description,
        required=False,
        max_length=MAX_SHORT_TEXT_LENGTH,
    )
    _check_text(
        errors,
        "engagement_reference",
        draft.engagement_reference,
        required=False,
        max_length=MAX_REFERENCE_LENGTH,
    )
    known = draft.engagement_id is not None or draft.engagement_reference.strip()
    if not known and not draft.engagement_description.strip():
        _add(
            errors,
            "engagement_description",
            _("Give the engagement number or describe the engagement (training, date, place)."),
        )


def unique_concerns(concerns) -> tuple[str, ...]:
    """The named concerns once each, in the order of the list in R-1.2."""
    named = set(concerns)
    return tuple(c for c in Concern.values if c in named) + tuple(
        sorted(c for c in named if c not in Concern.values)
    )


def validate_received_on(received_on: date | None, today: date) -> Errors:
    """R-1.1/R-5.5: a registered complaint keeps the date it was received; the term runs from it."""
    errors: Errors = {}
    if received_on is None:
        _add(errors, "received_on", _("Enter the date the complaint was received."))
    elif received_on > today:
        _add(errors, "received_on", _("The date of receipt cannot be in the future."))
    elif received_on < today - MAX_REGISTRATION_AGE:
        _add(errors, "received_on", _("The date of receipt is more than a year ago."))
    return errors
