"""The administrator's pages for the organisation's staff users (issue 17): the list, an
invitation by e-mail, a user's person and roles, a link to set a new password, and a reset
of two-step log-in. Every change goes through a service and into the organisation log; a
change of the officers that alters the published regulation (R-4.1) is confirmed first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error
from klachtenregeling.organisations import log
from klachtenregeling.organisations.settings_views import (
    administered,
    confirmation_page,
    confirmed,
    published_message,
)
from klachtenregeling.regulation import comparison, settings_check
from klachtenregeling.regulation.errors import PublicationRefused

from . import policies, services, two_factor
from .forms import StaffUserForm
from .models import User
from .roles import ROLE_FIELDS


def _user(request, user_id: int) -> User:
    """A user of the administrator's organisation; anyone else's "not found"."""
    administered(request)
    user = User.objects.filter(pk=user_id, organisation=request.user.organisation).first()
    if user is None or not policies.can(request.user, policies.STAFF_USER_MANAGE, user):
        raise Http404
    return user


@login_required
def users(request):
    organisation = administered(request)
    rows = User.objects.filter(organisation=organisation).order_by(
        "-is_active", "first_name", "last_name", "username"
    )
    context = {
        "rows": [{"user": u, "two_factor": two_factor.has_device(u)} for u in rows],
        "default_officer_id": organisation.default_officer_id,
    }
    return render(request, "accounts/staff/users.html", context)


def _preview(request, user: User, values: dict):
    """What saving `values` for `user` does to the published regulation (None: nothing)."""
    candidate = settings_check.with_values(user, values)
    if not (user.is_officer or candidate.is_officer) or candidate.organisation is None:
        return None
    return comparison.preview(
        candidate.organisation,
        language=get_language(),
        officers=settings_check.officers_with(candidate),
    )


def _save(request, form, *, user: User, template: str, context: dict, save):
    """Validate, show the regulation's changes for a confirmation when there are any, then
    call `save(values)`; returns a response, or None to show the form again (with errors)."""
    if not form.is_valid() or "edit" in request.POST:
        return None
    values = form.cleaned_data
    preview = _preview(request, user, values)
    if preview is not None and not confirmed(request, preview):
        before = log.snapshot(user, values) if user.pk else {}
        rows = [
            (form.fields[c["field"]].label, log.shown(c["before"]), log.shown(c["after"]))
            for c in log.differences(before, values)
        ]
        return confirmation_page(
            request, form=form, preview=preview, template=template, context=context, changes=rows
        )
    try:
        return save(values)
    except PublicationRefused as refusal:
        for problem in refusal.problems:
            form.add_error(None, problem.message)
    except DomainError as error:
        apply_domain_error(form, error)
    return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite(request):
    organisation = administered(request)
    form = StaffUserForm(request.POST or None, invite=True, initial={"is_employee": True})

    def save(values):
        user, publication = services.staff_user_invite(
            organisation=organisation, values=values, by=request.user
        )
        messages.success(
            request,
            _("%(name)s is invited: an e-mail with a link to choose a password went to %(email)s.")
            % {"name": user.display_name, "email": user.email},
        )
        if publication is not None and publication.created:
            messages.success(request, published_message(publication))
        return redirect("settings:users")

    if request.method == "POST":
        new_user = User(organisation=organisation)
        response = _save(
            request, form, user=new_user, template="", context={"title": _("Invite")}, save=save
        )
        if response is not None:
            return response
    status = 400 if form.errors else 200
    return render(request, "accounts/staff/invite.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, user_id: int):
    user = _user(request, user_id)
    initial = {field: getattr(user, field) for field in services.USER_FIELDS}
    form = StaffUserForm(request.POST or None, initial=initial)

    def save(values):
        publication = services.staff_user_update(user=user, values=values, by=request.user)
        messages.success(request, published_message(publication))
        return redirect("settings:users")

    if request.method == "POST":
        response = _save(request, form, user=user, template="", context={}, save=save)
        if response is not None:
            return response
    context = {
        "form": form,
        "person": user,
        "is_self": user.pk == request.user.pk,
        "two_factor": two_factor.has_device(user),
        "role_fields": ROLE_FIELDS,
    }
    status = 400 if form.errors else 200
    return render(request, "accounts/staff/edit.html", context, status=status)


@login_required
@require_POST
def password_link(request, user_id: int):
    user = _user(request, user_id)
    try:
        services.staff_user_send_password_link(user=user, by=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("A link to choose a new password went to %(email)s.") % {"email": user.email},
        )
    return redirect("settings:user", user_id=user.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_reset(request, user_id: int):
    """A confirmation that says what happens, then the reset (POST)."""
    user = _user(request, user_id)
    error = None
    if request.method == "POST":
        try:
            two_factor.two_factor_reset(user=user, by=request.user)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(
                request,
                _(
                    "Two-step log-in of %(name)s is reset. They set it up again at their next "
                    "log-in, with their own password."
                )
                % {"name": user.display_name},
            )
            return redirect("settings:user", user_id=user.pk)
    context = {"person": user, "error": error, "is_self": user.pk == request.user.pk}
    return render(
        request, "accounts/staff/two_factor_reset.html", context, status=400 if error else 200
    )
