"""The organisation log: every change to people, roles and settings, who and before/after.

Called by the services that make the change, inside their transaction: if the change rolls
back, so does its entry. Values are kept as they read at the time (a name, not an id);
passwords, hashes and keys are never logged.
"""

import re
from datetime import date

from django.db import models
from django.utils.dateformat import format as format_date

from klachtenregeling.core import clock

from .models import LogAction, Organisation, OrganisationLogEntry

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def value_of(instance, field: str):
    """A field's value as the log keeps it: a related object by its name, else as is."""
    value = getattr(instance, field)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, date):  # JSON has no dates; shown() reads it back as a date
        return value.isoformat()
    return value


def snapshot(instance, fields) -> dict:
    return {field: value_of(instance, field) for field in fields}


def differences(before: dict, after: dict) -> list[dict]:
    """The fields whose value changed, in the order of `after`."""
    return [
        {"field": field, "before": before.get(field), "after": value}
        for field, value in after.items()
        if before.get(field) != value
    ]


def record(
    *,
    organisation: Organisation,
    by,
    action: LogAction,
    subject: str = "",
    model: str = "",
    changes: list[dict] | None = None,
) -> OrganisationLogEntry:
    """Write one entry; `by` None is the system (a command, the platform)."""
    return OrganisationLogEntry.objects.create(
        organisation=organisation,
        at=clock.now(),
        actor=by if by is not None and by.pk else None,
        actor_name=by.display_name if by is not None else "",
        action=action,
        subject=str(subject)[:200],
        model=model,
        changes=changes or [],
    )


def _label(model: str, field: str) -> str:
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    models_by_name = {
        "organisation": "organisations.Organisation",
        "user": "accounts.User",
        "subject": "organisations.Subject",
        "cause": "organisations.Cause",
        "engagement": "engagements.Engagement",
    }
    try:
        return str(apps.get_model(models_by_name[model])._meta.get_field(field).verbose_name)
    except (KeyError, LookupError, FieldDoesNotExist):
        return field


def shown(value) -> str:
    from django.utils.translation import gettext

    if value is True:
        return gettext("yes")
    if value is False:
        return gettext("no")
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return format_date(date.fromisoformat(value), "j F Y")
    return str(value)


def readable_changes(entry: OrganisationLogEntry) -> list[tuple[str, str, str]]:
    """(field label, before, after) per change, in the reader's language."""
    return [
        (_label(entry.model, c["field"]), shown(c.get("before")), shown(c.get("after")))
        for c in entry.changes
    ]
