"""JSON API, version 1 (Django Ninja)."""

import base64
import binascii
import io
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from ninja import Header, NinjaAPI, Path, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from klachtenregeling.accounts.selectors import staff_members_of
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Channel, Concern
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.organisations.models import ApiKey, ApiKeyScope, Organisation
from klachtenregeling.organisations.selectors import active_api_key
from klachtenregeling.regulation.selectors import term_days_in_force

from .schemas import (
    IDEMPOTENCY_KEY_LENGTH,
    MAX_SLUG_LENGTH,
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

SLUG_RE = re.compile(SLUG)


class AnonymousClient:
    """No API key: the organisation comes from the body, the limit is per client address."""

    def __bool__(self) -> bool:
        return True


ANONYMOUS = AnonymousClient()


class OrganisationKey(HttpBearer):
    """`Authorization: Bearer <key>` with an organisation's API key; without the header the
    request is anonymous. A key that is unknown or revoked is refused (401)."""

    def __call__(self, request):
        if not request.headers.get(self.header):
            return ANONYMOUS
        return super().__call__(request)

    def authenticate(self, request, token: str) -> ApiKey | None:
        return active_api_key(token)


@api.exception_handler(AuthenticationError)
def _unauthorised(request, exc):
    response = api.create_response(
        request,
        {"detail": _("Unknown or revoked API key. Leave out the header to file without a key.")},
        status=401,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(HttpError)
def _http_error(request, exc):
    """Ninja's 400 for a body that is not JSON, in the shape of every refused body."""
    if exc.status_code == 400:
        errors = {"body": [_("The request body is not valid JSON (UTF-8).")]}
        return api.create_response(request, {"errors": errors}, status=400)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _limited(request, api_key: ApiKey | None):
    """The limit of the client (per key, or per address without one): None when within it,
    else the 429 answer with Retry-After (seconds until the window ends)."""
    if api_key is not None:
        usage = get_usage(
            request,
            group="api.complaints.key",
            key=lambda group, request: str(api_key.pk),
            rate=settings.API_KEY_RATE,
            method="POST",
            increment=True,
        )
    else:
        usage = get_usage(
            request,
            group="api.complaints",
            key="ip",
            rate=settings.API_ANON_RATE,
            method="POST",
            increment=True,
        )
    if usage is None or not usage["should_limit"]:
        return None
    retry_after = max(1, int(usage["time_left"]))
    response = api.create_response(
        request,
        {"detail": _("Too many requests. Try again in %(n)d seconds.") % {"n": retry_after}},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


# Where Ninja found a value, left out of the field names of the errors.
LOCATIONS = ("body", "payload", "header", "path", "query")


@api.exception_handler(NinjaValidationError)
def _schema_errors(request, exc):
    """Type errors in the JSON body, in the same shape as the domain's validation errors."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [str(p) for p in error.get("loc", []) if p not in LOCATIONS]
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
    auth=OrganisationKey(),
    # The key is optional: without one the request is anonymous (an empty requirement).
    openapi_extra={"security": [{}]},
    response={
        201: ComplaintCreated,
        200: ComplaintCreated,
        400: ValidationErrors,
        401: Detail,
        403: Detail,
        404: Detail,
        422: ValidationErrors,
        429: Detail,
    },
    summary="File a complaint",
    description=(
        "Files a written complaint (article 1) with the same validation as the web form. "
        "Send an `Idempotency-Key` header to make retries safe: a repeated key returns the "
        "complaint it created (status 200).\n\n"
        "Without an API key the body names the organisation and the limit is "
        f"{settings.API_ANON_RATE} per client address. With an organisation's API key "
        "(`Authorization: Bearer <key>`, scope *submit complaints*) the organisation is the "
        f"key's and the limit is {settings.API_KEY_RATE} per key. Every 429 carries "
        "`Retry-After` (seconds). A body that is not JSON is refused with 400, a body the "
        'validation refuses with 422, both as `{"errors": {field: [messages]}}`. The '
        "request body is at most 16 MB."
    ),
)
def create_complaint(
    request,
    payload: ComplaintIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        min_length=1,
        max_length=IDEMPOTENCY_KEY_LENGTH,
    ),
):
    api_key = request.auth if isinstance(request.auth, ApiKey) else None
    if api_key is not None and api_key.scope != ApiKeyScope.SUBMIT_COMPLAINTS:
        return Status(403, {"detail": _("This API key may not submit complaints.")})
    if api_key is not None and payload.organisation not in (None, api_key.organisation.slug):
        message = _("This API key belongs to another organisation: leave out “organisation”.")
        return Status(422, {"errors": {"organisation": [message]}})
    if api_key is None and payload.organisation is None:
        return Status(
            422, {"errors": {"organisation": [_("Name the organisation or use an API key.")]}}
        )
    limited = _limited(request, api_key)
    if limited is not None:
        return limited
    if api_key is not None:
        organisation = api_key.organisation
    else:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        return Status(404, {"detail": _("Unknown organisation.")})
    if idempotency_key is not None and not (1 <= len(idempotency_key) <= IDEMPOTENCY_KEY_LENGTH):
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
    response={200: FormOptions, 404: Detail, 422: ValidationErrors},
    summary="Choices for a complaint: concerns (article 1) and staff members",
)
def form_options(request, slug: str = Path(..., max_length=MAX_SLUG_LENGTH, pattern=SLUG)):
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
