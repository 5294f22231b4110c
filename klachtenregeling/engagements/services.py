"""Clients and engagements on the administrator's own pages: adding and changing an
engagement (with its client) and adding its documents. Each change is in the organisation
log, in the same transaction."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.organisations import log
from klachtenregeling.organisations.models import LogAction

from .models import Client, DocumentKind, Engagement, EngagementDocument

# What the log compares for an engagement (the client by its name).
ENGAGEMENT_FIELDS = ("reference", "title", "client", "starts_on", "ends_on")


def _client_for(*, organisation, client: Client | None, new_client: dict) -> Client:
    if client is not None:
        if client.organisation_id != organisation.pk:
            raise InvalidInput({"client": [_("Choose a client of your organisation.")]})
        return client
    name = (new_client.get("name") or "").strip()
    if not name:
        raise InvalidInput({"client": [_("Choose a client or fill in the name of a new one.")]})
    return Client.objects.create(
        organisation=organisation,
        name=name,
        email=new_client.get("email", ""),
        phone=new_client.get("phone", ""),
    )


def engagement_save(
    *,
    organisation,
    by,
    engagement: Engagement | None,
    values: dict,
    client: Client | None,
    new_client: dict,
) -> Engagement:
    """Add an engagement (`engagement` None) or change one. The engagement number is unique
    within the organisation; the dates in order. Refused input stores nothing."""
    policies.require(by, policies.ORGANISATION_ADMINISTER, organisation)
    reference = (values.get("reference") or "").strip()
    errors: dict[str, list] = {}
    if not reference:
        errors["reference"] = [_("Fill in the engagement number.")]
    elif (
        Engagement.objects.filter(organisation=organisation, reference__iexact=reference)
        .exclude(pk=engagement.pk if engagement else None)
        .exists()
    ):
        errors["reference"] = [
            _("Engagement number %(reference)s is already in use.") % {"reference": reference}
        ]
    if not (values.get("title") or "").strip():
        errors["title"] = [_("Fill in what the engagement is about.")]
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The end date lies before the start date.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        if engagement is None:
            engagement = Engagement(organisation=organisation)
            before = {}
            action = LogAction.ENGAGEMENT_ADDED
        else:
            engagement = Engagement.objects.select_for_update().get(
                pk=engagement.pk, organisation=organisation
            )
            before = log.snapshot(engagement, ENGAGEMENT_FIELDS)
            action = LogAction.ENGAGEMENT_CHANGED
        engagement.client = _client_for(
            organisation=organisation, client=client, new_client=new_client
        )
        engagement.reference = reference
        engagement.title = values["title"].strip()
        engagement.starts_on, engagement.ends_on = starts_on, ends_on
        engagement.save()
        changes = log.differences(before, log.snapshot(engagement, ENGAGEMENT_FIELDS))
        if changes:
            log.record(
                organisation=organisation,
                by=by,
                action=action,
                subject=str(engagement),
                model="engagement",
                changes=changes,
            )
    return engagement


def engagement_document_add(*, engagement: Engagement, by, kind: str, upload) -> EngagementDocument:
    """A contract or invoice of the engagement: checked by content like every upload; it
    goes into the case file for the disputes body."""
    organisation = engagement.organisation
    policies.require(by, policies.ORGANISATION_ADMINISTER, organisation)
    if kind not in DocumentKind.values:
        raise InvalidInput({"kind": [_("Choose what kind of document this is.")]})
    if upload is None:
        raise InvalidInput({"file": [_("Choose a file.")]})
    checked = check_upload(upload.name, upload, field="file")
    upload.seek(0)
    with transaction.atomic():
        document = EngagementDocument(
            engagement=engagement, kind=kind, filename=checked.filename, sha256=checked.sha256
        )
        document.file.save(checked.filename, upload, save=False)
        document.save()
        log.record(
            organisation=organisation,
            by=by,
            action=LogAction.ENGAGEMENT_DOCUMENT_ADDED,
            subject=f"{engagement}: {checked.filename}",
        )
    return document
