"""Changes to a staff user's account: their own, and the administrator's (issue 17)."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import DomainError, InvalidInput

from . import policies
from .models import User
from .roles import ROLE_FIELDS, role_change_errors


def user_logout_everywhere(*, user: User) -> None:
    """End every session of `user` on every device: sessions carry a hash of the session
    generation, so raising it makes all of them invalid at their next request."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])


def user_language_set(*, user: User, language: str) -> None:
    """Keep the language the user chose (one of settings.LANGUAGES; others are ignored)."""
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language


# --- The administrator's pages (issue 17): invite, change, password link, two-step reset -----
#
# Each is one transaction with its entry in the organisation log. A change that touches the
# officers publishes the regulation again in the same transaction: if the
# publication check refuses, nothing is saved.

# The fields of a user the administrator changes (and the organisation log compares).
PERSON_FIELDS = ("first_name", "last_name", "email")
USER_FIELDS = (*PERSON_FIELDS, *ROLE_FIELDS, "is_active")


def _require_manage(by, user: User) -> None:
    if not (by.is_active and by.is_superuser):
        policies.require(by, policies.STAFF_USER_MANAGE, user)


def _check(user: User, values: dict, *, by, was_officer: bool) -> None:
    """The role rules and the publication check; raises InvalidInput with every reason."""
    from klachtenregeling.complaints.selectors import open_complaints_handled_by
    from klachtenregeling.regulation import settings_check

    email = values.get("email", "")
    errors = role_change_errors(
        values=values,
        was_officer=was_officer,
        is_self=user.pk is not None and user.pk == by.pk,
        open_complaints=open_complaints_handled_by(user).count() if user.pk else 0,
        name=user.display_name,
    )
    changed = email and email.casefold() != (user.email or "").casefold()
    if changed and User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        errors.setdefault("email", []).append(_("Another user already has this e-mail address."))
    if not errors:
        candidate = settings_check.with_values(user, values)
        for problem in settings_check.officer_change_problems(candidate, was_officer=was_officer):
            field = {"officers": "email", "default_officer": "is_officer"}.get(
                problem.setting, "__all__"
            )
            errors.setdefault(field, []).append(problem.message)
    if errors:
        raise InvalidInput(errors)


def _republish_if_officers_changed(user: User, *, was_officer: bool, by):
    from klachtenregeling.regulation import services as regulation

    if user.organisation_id and (was_officer or user.is_officer):
        return regulation.regulation_republish(
            organisation=user.organisation, by=by, reason=regulation.REASON_OFFICERS
        )
    return None


def _free_username(email: str) -> str:
    base = "".join(c for c in email.split("@")[0].lower() if c.isalnum() or c in "._-")[:30]
    base = base or "gebruiker"
    username, n = base, 1
    while User.objects.filter(username__iexact=username).exists():
        n += 1
        username = f"{base}{n}"
    return username


def staff_user_invite(*, organisation, values: dict, by):
    """A new user of the organisation, without a password: an e-mail gives them a link to
    set one (valid PASSWORD_RESET_TIMEOUT). Returns (user, publication or None)."""
    from klachtenregeling.notifications import account_messages
    from klachtenregeling.organisations import log
    from klachtenregeling.organisations.models import LogAction

    if not (by.is_active and by.is_superuser):
        policies.require(by, policies.ORGANISATION_ADMINISTER, organisation)
    values = {field: values.get(field) for field in USER_FIELDS if field in values}
    values["email"] = (values.get("email") or "").strip()
    values["is_active"] = True
    if not values["email"]:
        raise InvalidInput({"email": [_("Enter the e-mail address the invitation goes to.")]})
    with transaction.atomic():
        user = User(organisation=organisation)
        _check(user, values, by=by, was_officer=False)
        for field, value in values.items():
            setattr(user, field, value)
        user.username = _free_username(values["email"])
        user.set_unusable_password()
        user.save()
        log.record(
            organisation=organisation,
            by=by,
            action=LogAction.USER_INVITED,
            subject=user.display_name,
            model="user",
            changes=log.differences({}, {"username": user.username, **values}),
        )
        publication = _republish_if_officers_changed(user, was_officer=False, by=by)
        account_messages.staff_invitation(user, by=by)
    return user, publication


def staff_user_update(*, user: User, values: dict, by):
    """Change a user's name, e-mail, roles or active flag. Returns the publication of the
    regulation when the officers changed (else None)."""
    from klachtenregeling.organisations import log
    from klachtenregeling.organisations.models import LogAction

    _require_manage(by, user)
    with transaction.atomic():
        stored = User.objects.select_for_update().get(pk=user.pk)
        before = log.snapshot(stored, USER_FIELDS)
        proposed = {**before, **{k: v for k, v in values.items() if k in USER_FIELDS}}
        _check(stored, proposed, by=by, was_officer=stored.is_officer)
        changes = log.differences(before, proposed)
        if not changes:
            return None
        was_officer = stored.is_officer
        for field, value in proposed.items():
            setattr(stored, field, value)
        stored.save(update_fields=list(proposed))
        log.record(
            organisation=stored.organisation,
            by=by,
            action=LogAction.USER_CHANGED,
            subject=stored.display_name,
            model="user",
            changes=changes,
        )
        if not stored.is_active:
            user_logout_everywhere(user=stored)
        return _republish_if_officers_changed(stored, was_officer=was_officer, by=by)


def staff_user_send_password_link(*, user: User, by) -> None:
    """E-mail the user a link to set a new password. The administrator never sees or sets
    a password; the old one keeps working until the link is used."""
    from klachtenregeling.notifications import account_messages
    from klachtenregeling.organisations import log
    from klachtenregeling.organisations.models import LogAction

    _require_manage(by, user)
    if not user.email or not user.is_active:
        raise DomainError(_("This user has no e-mail address or is not active."))
    with transaction.atomic():
        account_messages.password_link(user)
        log.record(
            organisation=user.organisation,
            by=by,
            action=LogAction.PASSWORD_LINK_SENT,
            subject=user.display_name,
            model="user",
        )


def user_password_set_with_link(*, user: User) -> None:
    """The user set a (new) password with an e-mailed link: in the organisation log."""
    from klachtenregeling.organisations import log
    from klachtenregeling.organisations.models import LogAction

    if user.organisation_id:
        log.record(
            organisation=user.organisation,
            by=user,
            action=LogAction.PASSWORD_SET,
            subject=user.display_name,
            model="user",
        )
