"""Reads of the organisation's managed lists (R-8.1 subjects, R-3.2 causes)."""

from django.db.models import Count, QuerySet

from .models import API_KEY_PREFIX, ApiKey, Cause, Organisation, Subject, api_key_hash


def subjects_with_use(organisation: Organisation) -> QuerySet[Subject]:
    """Every subject of the organisation, in use first, each with how many complaints have it."""
    return (
        Subject.objects.filter(organisation=organisation)
        .annotate(complaints_count=Count("complaints", distinct=True))
        .order_by("-is_active", "name")
    )


def causes_with_use(organisation: Organisation) -> QuerySet[Cause]:
    """Every cause of the organisation, in use first, each with how many complaints have it."""
    return (
        Cause.objects.filter(organisation=organisation)
        .annotate(complaints_count=Count("complaints", distinct=True))
        .order_by("-is_active", "name")
    )


def causes_in_use(organisation: Organisation) -> QuerySet[Cause]:
    """The causes offered when a complaint ends (R-3.2)."""
    return Cause.objects.filter(organisation=organisation, is_active=True).order_by("name")


def active_api_key(key: str) -> ApiKey | None:
    """The active key a client presents (Authorization: Bearer <key>), or None."""
    if not key.startswith(API_KEY_PREFIX) or len(key) > 100:
        return None
    return (
        ApiKey.objects.select_related("organisation")
        .filter(key_hash=api_key_hash(key), revoked_at__isnull=True)
        .first()
    )


def log_of(organisation: Organisation):
    """The organisation log (issue 17), newest first."""
    from .models import OrganisationLogEntry

    return OrganisationLogEntry.objects.filter(organisation=organisation).order_by("-at", "-pk")
