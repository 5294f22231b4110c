"""The API's request and response shapes; documented in /api/v1/openapi.json.

The limits stated here (lengths, choices, counts, sizes) are the domain's own constants, so
the document states what the validation applies. Limits of typed text are `stated` only:
the domain rules apply them (the same for the form, the registration and the API) with
their translated messages, after the structure is read; choices and numbers are also
checked by the schema itself.
"""

import math
from datetime import date, datetime
from typing import Literal

from django.conf import settings
from ninja import Field, Schema

from klachtenregeling.complaints.constants import (
    MAX_DESCRIPTION_LENGTH,
    MAX_SHORT_TEXT_LENGTH,
    Concern,
    Status,
)
from klachtenregeling.complaints.rules.intake import (
    MAX_EMAIL_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PHONE_LENGTH,
    MAX_REFERENCE_LENGTH,
    PHONE_PATTERN,
)
from klachtenregeling.complaints.uploads import ALLOWED_TYPES, MAX_FILENAME_LENGTH

SLUG = r"^[-a-zA-Z0-9_]+$"


def stated(**limits) -> dict:
    """JSON Schema keywords of a limit the domain rules apply (documented, not re-checked)."""
    return {"json_schema_extra": limits}


MAX_SLUG_LENGTH = 50
# A required text: at least one character that is not white space.
NOT_BLANK = r"\S"
# Not starting with a dot, none of the characters a path or a control sequence needs
# (uploads.check_filename also refuses "..", line breaks and direction overrides).
PLAIN_FILE_NAME = r'^[^./\\:*?"<>|\x00-\x1f\x7f][^/\\:*?"<>|\x00-\x1f\x7f]*$'
# Database ids are 32-bit or 64-bit integers; a bigger number cannot name a staff member.
MAX_ID = 2**31 - 1
IDEMPOTENCY_KEY_LENGTH = 60
# A file of the maximum size, base64-encoded (4 characters per 3 bytes).
MAX_BASE64_LENGTH = math.ceil(settings.MAX_ATTACHMENT_BYTES / 3) * 4
FILE_TYPES = ", ".join(
    f"{mime} ({' '.join(extensions)})" for mime, extensions in ALLOWED_TYPES.items()
)


class ComplainantIn(Schema):
    name: str = Field(
        ...,
        description="Full name of the person filing the complaint (one line, no web address).",
        **stated(minLength=1, maxLength=MAX_NAME_LENGTH, pattern=NOT_BLANK),
    )
    email: str = Field(
        ...,
        description="E-mail address for the acknowledgement and updates.",
        **stated(maxLength=MAX_EMAIL_LENGTH, format="email"),
    )
    phone: str = Field("", **stated(maxLength=MAX_PHONE_LENGTH, pattern=PHONE_PATTERN))


class AttachmentIn(Schema):
    filename: str = Field(
        ...,
        description=(
            "A plain file name, e.g. factuur.pdf: no path, no control characters. The "
            "extension must match the content."
        ),
        **stated(minLength=1, maxLength=MAX_FILENAME_LENGTH, pattern=PLAIN_FILE_NAME),
    )
    content_base64: str = Field(
        ...,
        description=(
            f"The file's bytes, base64-encoded: at most {settings.MAX_ATTACHMENT_BYTES} bytes "
            f"(before encoding), not empty. Accepted by content: {FILE_TYPES}."
        ),
        # One byte at least: 4 characters of base64 (with its padding).
        **stated(minLength=4, maxLength=MAX_BASE64_LENGTH),
    )


EXAMPLE_COMPLAINT = {
    "organisation": "interactie",
    "complainant": {"name": "Linda Mulder", "email": "linda@example.org"},
    "engagement_description": "Teamtraining, oktober",
    "concerns": ["performance"],
    "description": "De tweede dag is zonder overleg geschrapt.",
}


class ComplaintIn(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [EXAMPLE_COMPLAINT],
            # Article 2: the engagement's number or a description of it.
            "anyOf": [
                {
                    "required": ["engagement_reference"],
                    "properties": {"engagement_reference": {"pattern": NOT_BLANK}},
                },
                {
                    "required": ["engagement_description"],
                    "properties": {"engagement_description": {"pattern": NOT_BLANK}},
                },
            ],
        }
    }

    organisation: str | None = Field(
        None,
        description=(
            "The organisation's short name (slug). Required without an API key; with a key "
            "the organisation is the key's (a different one is refused)."
        ),
        pattern=SLUG,
        max_length=MAX_SLUG_LENGTH,
    )
    complainant: ComplainantIn
    is_representative: bool = Field(
        False, description="True when filing on behalf of a client (article 1)."
    )
    on_behalf_of: str = Field(
        "",
        description="Name of the client represented (article 1), only when representing.",
        **stated(maxLength=MAX_NAME_LENGTH),
    )
    engagement_reference: str = Field(
        "",
        description="Engagement number from the order confirmation (article 2).",
        **stated(maxLength=MAX_REFERENCE_LENGTH),
    )
    engagement_description: str = Field(
        "",
        description="Description of the engagement when the number is unknown (article 2).",
        **stated(maxLength=MAX_SHORT_TEXT_LENGTH),
    )
    concerns: list[Concern] = Field(
        ...,
        description="What the complaint is about (article 1): one or more.",
        max_length=len(Concern),
        # At least one: checked by the domain rule with the form's message.
        **stated(minItems=1),
    )
    respondent_id: int | None = Field(
        None,
        description="Staff member the complaint is about, from /form-options.",
        ge=1,
        le=MAX_ID,
    )
    description: str = Field(
        ..., **stated(minLength=1, maxLength=MAX_DESCRIPTION_LENGTH, pattern=NOT_BLANK)
    )
    desired_outcome: str = Field("", **stated(maxLength=MAX_SHORT_TEXT_LENGTH))
    language: Literal["nl", "en"] = "nl"
    attachments: list[AttachmentIn] = Field(
        default_factory=list, **stated(maxItems=settings.MAX_ATTACHMENTS_PER_UPLOAD)
    )


class ComplaintCreated(Schema):
    reference: str
    received_at: datetime
    deadline: date = Field(..., description="Date by which a judgment is given (article 5).")
    status: Status
    free_of_charge: bool = Field(
        True, description="Handling costs the complainant nothing (article 6)."
    )
    disputes_body: str = Field(..., description="Body for unresolved complaints (article 4).")


class ValidationErrors(Schema):
    """Every refused request body: the messages by field ("body" for the whole body)."""

    errors: dict[str, list[str]]


class Detail(Schema):
    detail: str


class Option(Schema):
    value: str
    label: str


class FormOptions(Schema):
    concerns: list[Option]
    staff: list[Option]
    term_days: int
