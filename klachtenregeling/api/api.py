"""JSON API, version 1 (Django Ninja)."""

import base64
import binascii
import io
import re

from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from ninja import Header, NinjaAPI, Status
from ninja.errors import ValidationError as NinjaValidationError

from klachtenregeling.accounts.selectors import staff_members_of
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Channel, Concern
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.regulation.selectors import term_days_in_force

from .schemas import (
    SLUG,
    ComplaintCreated,
    ComplaintIn,
    Detail,
    FormOptions,
    Option,
    ValidationErrors,
)

api = NinjaAPI(
    title="Klachtenregeling API",
    version="1",
    description="File complaints under an organisation's complaints regulation.",
    urls_namespace="api",
    docs_url=None,
)

SUBMIT_RATE = "20/h"
SLUG_RE = re.compile(SLUG)


@api.exception_handler(NinjaValidationError)
def _schema_errors(request, exc):
    """Type errors in the JSON body, in the same shape as the domain's validation errors."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [str(p) for p in error.get("loc", []) if p not in ("body", "payload")]
        errors.setdefault(".".join(location) or "body", []).append(error.get("msg", "invalid"))
    return api.create_response(request, {"errors": errors}, status=422)


def _decode(attachments) -> list:
    files, problems = [], []
    for item in attachments:
        try:
            files.append(
                (item.filename, io.BytesIO(base64.b64decode(item.content_base64, validate=True)))
            )
        except (binascii.Error, ValueError):
            problems.append(_("“%(name)s” is not valid base64.") % {"name": item.filename[:60]})
    if problems:
        raise InvalidInput({"attachments": problems})
    return files


def _draft(payload: ComplaintIn) -> ComplaintDraft:
    return ComplaintDraft(
        complainant_name=payload.complainant.name,
        complainant_email=payload.complainant.email,
        complainant_phone=payload.complainant.phone,
        is_representative=payload.is_representative,
        on_behalf_of=payload.on_behalf_of,
        engagement_reference=payload.engagement_reference,
        engagement_description=payload.engagement_description,
        concerns=tuple(c.value for c in payload.concerns),
        respondent_id=payload.respondent_id,
        description=payload.description,
        desired_outcome=payload.desired_outcome,
        language=payload.language,
    )


def _api_errors(error: InvalidInput) -> dict:
    aliases = {
        "complainant_name": "complainant.name",
        "complainant_email": "complainant.email",
        "complainant_phone": "complainant.phone",
        "submission_key": "Idempotency-Key",
    }
    return {aliases.get(k, k): [str(m) for m in v] for k, v in error.errors.items()}


@api.post(
    "/complaints",
    response={
        201: ComplaintCreated,
        200: ComplaintCreated,
        404: Detail,
        422: ValidationErrors,
        429: Detail,
    },
    summary="File a complaint",
    description=(
        "Files a written complaint (article 1) with the same validation as the web form. "
        "Send an `Idempotency-Key` header to make retries safe: a repeated key returns the "
        "complaint it created (status 200). Limited to "
        f"{SUBMIT_RATE} per IP address; the request body is at most 16 MB."
    ),
)
def create_complaint(
    request,
    payload: ComplaintIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
):
    if is_ratelimited(
        request, group="api.complaints", key="ip", rate=SUBMIT_RATE, method="POST", increment=True
    ):
        return Status(429, {"detail": _("Too many requests. Try again later.")})
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        return Status(404, {"detail": _("Unknown organisation.")})
    if idempotency_key is not None and not (1 <= len(idempotency_key) <= 60):
        return Status(422, {"errors": {"Idempotency-Key": [_("Use 1 to 60 characters.")]}})
    with translation.override(payload.language):
        try:
            result = services.complaint_submit(
                organisation=organisation,
                draft=_draft(payload),
                files=_decode(payload.attachments),
                channel=Channel.API,
                submission_key=f"api:{idempotency_key}" if idempotency_key else None,
            )
        except InvalidInput as error:
            return Status(422, {"errors": _api_errors(error)})
    complaint = result.complaint
    body = {
        "reference": complaint.reference,
        "received_at": complaint.received_at,
        "deadline": complaint.deadline,
        "status": complaint.status,
        "free_of_charge": True,
        "disputes_body": organisation.disputes_body_name,
    }
    return Status(201 if result.created else 200, body)


@api.get(
    "/organisations/{slug}/form-options",
    response={200: FormOptions, 404: Detail},
    summary="Choices for a complaint: concerns (article 1) and staff members",
)
def form_options(request, slug: str):
    organisation = Organisation.objects.filter(slug=slug).first() if SLUG_RE.match(slug) else None
    if organisation is None:
        return Status(404, {"detail": _("Unknown organisation.")})
    return Status(
        200,
        {
            "concerns": [Option(value=c.value, label=str(c.label)) for c in Concern],
            "staff": [
                Option(value=str(u.pk), label=u.display_name)
                for u in staff_members_of(organisation)
            ],
            "term_days": term_days_in_force(organisation),
        },
    )


# Link checkers and uptime monitors ask with HEAD: the same answer without a body (the
# server drops it). Kept out of the schema, where it would repeat the GET operation.
api.api_operation(
    ["HEAD"],
    "/organisations/{slug}/form-options",
    response={200: FormOptions, 404: Detail},
    include_in_schema=False,
)(form_options)
