"""Changing an organisation's settings: saved and, once published, the regulation with it."""

from django.db import transaction

from klachtenregeling.accounts import policies
from klachtenregeling.regulation import services as regulation


def organisation_update(*, organisation, by):
    """Save the (validated) settings and publish the regulation they change (R-4.1).

    In one transaction: if the publication check refuses, nothing is saved — the page
    and the enforced workflow never differ.
    """
    if not by.is_superuser:
        policies.require(by, policies.ORGANISATION_ADMINISTER, organisation)
    with transaction.atomic():
        organisation.save()
        regulation.regulation_republish(
            organisation=organisation, by=by, reason=regulation.REASON_SETTINGS
        )
    return organisation
