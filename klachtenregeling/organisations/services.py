"""Changing an organisation's settings (saved and, once published, the regulation with it)
and its managed lists of subjects and causes."""

import secrets

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.rules import registration
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.core.text import text_errors
from klachtenregeling.regulation import services as regulation

from . import log
from .models import (
    API_KEY_PREFIX,
    API_KEY_VISIBLE,
    ApiKey,
    ApiKeyScope,
    Cause,
    LogAction,
    Organisation,
    Subject,
    api_key_hash,
)

# The settings the administrator changes on the settings page (and the log compares).
SETTINGS_FIELDS = (
    "name",
    "slug",
    "website",
    "contact_email",
    "default_officer",
    "term_days",
    "deadline_moves_off_days",
    "extra_days_off",
    "reminder_days",
    "statement_reminder_days",
    "answer_reminder_days",
    "no_answer_days",
    "oral_confirmation_days",
    "destruction_cooling_off_days",
    "disputes_body_name",
    "disputes_body_address",
    "disputes_body_url",
)


def organisation_update(*, organisation, by) -> regulation.PublishResult | None:
    """Save the (validated) settings and publish the regulation they change (R-4.1); the
    change is in the organisation log with its values before and after.

    In one transaction: if the publication check refuses, nothing is saved — the page
    and the enforced workflow never differ. Returns the publication (None while the
    regulation was never published).
    """
    if not by.is_superuser:
        policies.require(by, policies.ORGANISATION_ADMINISTER, organisation)
    with transaction.atomic():
        stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
        changes = log.differences(
            log.snapshot(stored, SETTINGS_FIELDS), log.snapshot(organisation, SETTINGS_FIELDS)
        )
        organisation.save()
        if changes:
            log.record(
                organisation=organisation,
                by=by,
                action=LogAction.SETTINGS_CHANGED,
                subject=organisation.name,
                model="organisation",
                changes=changes,
            )
        return regulation.regulation_republish(
            organisation=organisation, by=by, reason=regulation.REASON_SETTINGS
        )


# --- The managed lists of subjects and causes (R-3.2) ------------------------------
#
# One pair of lists with the same four steps; each public service names its list. A change
# locks the organisation's row, so two officers editing the lists at once are serialised
# (the name check and the "one subject in use" check then see each other's changes).

ListEntry = Subject | Cause

KIND_LABELS = {Subject: _("subject"), Cause: _("cause")}


def _locked_organisation(organisation: Organisation, by) -> Organisation:
    policies.require(by, policies.REGISTRATION_LISTS_MANAGE, organisation)
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _entry(model: type[ListEntry], *, organisation: Organisation, entry_id: int) -> ListEntry:
    """The organisation's entry, locked; another organisation's id is not found."""
    entry = model.objects.select_for_update().filter(organisation=organisation, pk=entry_id).first()
    if entry is None:
        raise NotPermitted(_("This entry does not exist."))
    return entry


def _check_name(model: type[ListEntry], *, organisation, name: str, exclude_id=None) -> str:
    name = " ".join((name or "").split())
    others = model.objects.filter(organisation=organisation).exclude(pk=exclude_id)
    errors = registration.list_name_errors(
        name,
        others=others.values_list("name", "is_active"),
        kind_label=str(KIND_LABELS[model]),
    )
    if errors:
        raise InvalidInput(errors)
    return name


def _log(entry: ListEntry, by, *, added: bool = False, changes=None) -> None:
    """The organisation log's entry of a change to a list (nothing when nothing changed)."""
    if not added and not changes:
        return
    subject = type(entry) is Subject
    if added:
        action = LogAction.SUBJECT_ADDED if subject else LogAction.CAUSE_ADDED
    else:
        action = LogAction.SUBJECT_CHANGED if subject else LogAction.CAUSE_CHANGED
    log.record(
        organisation=entry.organisation,
        by=by,
        action=action,
        subject=entry.name,
        model=type(entry)._meta.model_name,
        changes=changes,
    )


def _list_add(model: type[ListEntry], *, organisation: Organisation, name: str, by) -> ListEntry:
    with transaction.atomic():
        organisation = _locked_organisation(organisation, by)
        name = _check_name(model, organisation=organisation, name=name)
        entry = model.objects.create(organisation=organisation, name=name)
        _log(entry, by, added=True)
        return entry


def _list_rename(
    model: type[ListEntry], *, organisation: Organisation, entry_id: int, name: str, by
) -> ListEntry:
    """A new name for an entry; complaints and statistics rows that use it follow (they
    point at the entry, not at its name)."""
    with transaction.atomic():
        organisation = _locked_organisation(organisation, by)
        entry = _entry(model, organisation=organisation, entry_id=entry_id)
        before = entry.name
        entry.name = _check_name(model, organisation=organisation, name=name, exclude_id=entry.pk)
        entry.save(update_fields=["name"])
        _log(entry, by, changes=log.differences({"name": before}, {"name": entry.name}))
        return entry


def _list_set_in_use(
    model: type[ListEntry], *, organisation: Organisation, entry_id: int, in_use: bool, by
) -> ListEntry:
    with transaction.atomic():
        organisation = _locked_organisation(organisation, by)
        entry = _entry(model, organisation=organisation, entry_id=entry_id)
        if entry.is_active == in_use:
            return entry
        if model is Subject and not in_use:
            in_use_after = Subject.objects.filter(organisation=organisation, is_active=True)
            registration.require_one_subject_in_use(in_use_after.exclude(pk=entry.pk).count())
        entry.is_active = in_use
        entry.save(update_fields=["is_active"])
        _log(entry, by, changes=[{"field": "is_active", "before": not in_use, "after": in_use}])
        return entry


def subject_add(*, organisation: Organisation, name: str, by) -> Subject:
    """R-8.1: a new subject, offered for complaints from now on."""
    return _list_add(Subject, organisation=organisation, name=name, by=by)


def subject_rename(*, organisation: Organisation, subject_id: int, name: str, by) -> Subject:
    """R-8.1: a subject gets a new name, also on the complaints that have it."""
    return _list_rename(Subject, organisation=organisation, entry_id=subject_id, name=name, by=by)


def subject_retire(*, organisation: Organisation, subject_id: int, by) -> Subject:
    """R-8.1: a subject is taken out of use: it stays on earlier complaints and in the
    statistics, and is not offered for new ones; at least one stays in use."""
    return _list_set_in_use(
        Subject, organisation=organisation, entry_id=subject_id, in_use=False, by=by
    )


def subject_reactivate(*, organisation: Organisation, subject_id: int, by) -> Subject:
    """R-8.1: a retired subject is put back in use."""
    return _list_set_in_use(
        Subject, organisation=organisation, entry_id=subject_id, in_use=True, by=by
    )


def cause_add(*, organisation: Organisation, name: str, by) -> Cause:
    """R-3.2: a new cause category, offered when complaints end from now on."""
    return _list_add(Cause, organisation=organisation, name=name, by=by)


def cause_rename(*, organisation: Organisation, cause_id: int, name: str, by) -> Cause:
    """R-3.2: a cause gets a new name, also on the complaints that have it."""
    return _list_rename(Cause, organisation=organisation, entry_id=cause_id, name=name, by=by)


def cause_retire(*, organisation: Organisation, cause_id: int, by) -> Cause:
    """R-3.2: a cause is taken out of use: it stays on ended complaints and in the
    statistics, and is not offered any more."""
    return _list_set_in_use(
        Cause, organisation=organisation, entry_id=cause_id, in_use=False, by=by
    )


def cause_reactivate(*, organisation: Organisation, cause_id: int, by) -> Cause:
    """R-3.2: a retired cause is put back in use."""
    return _list_set_in_use(Cause, organisation=organisation, entry_id=cause_id, in_use=True, by=by)


# --- API keys (README: "API") ---------------------------------------------------------------
#
def _require_key_admin(by, organisation) -> None:
    if not by.is_superuser:
        policies.require(by, policies.API_KEY_MANAGE, organisation)


def api_key_create(
    *, organisation: Organisation, name: str, by, scope: str = ApiKeyScope.SUBMIT_COMPLAINTS
) -> tuple[ApiKey, str]:
    """A new key for the organisation: the stored row and the key itself, which is shown
    once and never again (only its hash is kept)."""
    _require_key_admin(by, organisation)
    name = " ".join((name or "").split())
    errors = text_errors(name, required=True, max_length=100, name_like=True)
    if errors:
        raise InvalidInput({"name": errors})
    if scope not in ApiKeyScope.values:
        raise InvalidInput({"scope": [_("Choose from the listed options.")]})
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        api_key = ApiKey.objects.create(
            organisation=organisation,
            name=name,
            scope=scope,
            prefix=key[:API_KEY_VISIBLE],
            key_hash=api_key_hash(key),
            created_by=by,
        )
        log.record(
            organisation=organisation,
            by=by,
            action=LogAction.API_KEY_CREATED,
            subject=str(api_key),
            model="apikey",
        )
    return api_key, key


def api_key_revoke(*, api_key: ApiKey, by) -> ApiKey:
    """Revoke a key: from now on every request with it is refused (401). Revoking twice
    keeps the first moment."""
    _require_key_admin(by, api_key.organisation)
    with transaction.atomic():
        locked = ApiKey.objects.select_for_update().get(pk=api_key.pk)
        if locked.revoked_at is None:
            locked.revoked_at = clock.now()
            locked.revoked_by = by
            locked.save(update_fields=["revoked_at", "revoked_by"])
            log.record(
                organisation=locked.organisation,
                by=by,
                action=LogAction.API_KEY_REVOKED,
                subject=str(locked),
                model="apikey",
            )
    return locked
