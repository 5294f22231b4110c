"""The API's request and response shapes; documented in /api/v1/openapi.json."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from klachtenregeling.complaints.constants import Concern, Status

SLUG = r"^[-a-zA-Z0-9_]+$"


class ComplainantIn(Schema):
    name: str = Field(..., description="Full name of the person filing the complaint.")
    email: str = Field(..., description="E-mail address for the acknowledgement and updates.")
    phone: str = ""


class AttachmentIn(Schema):
    filename: str = Field(..., description="A plain file name, e.g. factuur.pdf.")
    content_base64: str = Field(..., description="The file's bytes, base64-encoded.")


class ComplaintIn(Schema):
    organisation: str = Field(
        ..., description="The organisation's short name (slug).", pattern=SLUG, max_length=50
    )
    complainant: ComplainantIn
    is_representative: bool = Field(
        False, description="True when filing on behalf of a client (article 1)."
    )
    on_behalf_of: str = Field("", description="Name of the client represented (article 1).")
    engagement_reference: str = Field(
        "", description="Engagement number from the order confirmation (article 2)."
    )
    engagement_description: str = Field(
        "", description="Description of the engagement when the number is unknown (article 2)."
    )
    concerns: list[Concern] = Field(..., description="What the complaint is about (article 1).")
    respondent_id: int | None = Field(
        None, description="Staff member the complaint is about, from /form-options."
    )
    description: str
    desired_outcome: str = ""
    language: Literal["nl", "en"] = "nl"
    attachments: list[AttachmentIn] = Field(default_factory=list)


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
