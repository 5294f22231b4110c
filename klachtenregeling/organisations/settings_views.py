"""The administrator's own pages (issue 17): the start page of the settings, the
organisation's settings and the organisation log. Staff users: accounts/staff_views.py.

A change that changes the published regulation (R-4.1) is shown first: the sentences that
change and that the new version applies to new complaints; saved after a confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error
from klachtenregeling.regulation import comparison
from klachtenregeling.regulation.errors import PublicationRefused

from . import log, selectors, services
from .forms import OrganisationForm

LOG_PAGE_SIZE = 50


def administered(request):
    """The organisation of its administrator; anyone else "not found"."""
    organisation = request.user.organisation
    if organisation is None or not policies.can(
        request.user, policies.ORGANISATION_ADMINISTER, organisation
    ):
        raise Http404
    return organisation


@login_required
def index(request):
    organisation = administered(request)
    context = {"recent": selectors.log_of(organisation)[:5]}
    return render(request, "organisations/settings/index.html", context)


def confirmation_page(request, *, form, preview, template: str, context: dict, changes=()):
    """The page that shows what a change does to the published regulation, with the form's
    values kept in hidden fields: confirm (save and publish) or go back to the form."""
    # A hidden field has no visible help text to point to (aria-describedby on a hidden
    # input is invalid HTML); the bound fields are the form instance's own.
    for bound_field in form:
        bound_field.help_text = ""
    context = {
        **context,
        "form": form,
        "preview": preview,
        "changes": changes,
        "form_template": template,
    }
    return render(request, "organisations/settings/confirm.html", context)


def published_message(publication) -> str:
    if publication is not None and publication.created:
        return _(
            "Saved. Version %(n)d of the complaints regulation is now published; it applies "
            "to complaints received from now on."
        ) % {"n": publication.version.number}
    return _("Saved.")


def confirmed(request, preview) -> bool:
    """The form was sent from the confirmation page of this very preview (the version it
    showed is still the current one)."""
    return preview is not None and request.POST.get("confirm") == str(preview.current_number)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_settings(request):
    organisation = administered(request)
    before = log.snapshot(organisation, services.SETTINGS_FIELDS)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        preview = comparison.preview(form.instance, language=get_language())
        changes = log.differences(before, log.snapshot(form.instance, services.SETTINGS_FIELDS))
        if preview is not None and not confirmed(request, preview) and "edit" not in request.POST:
            rows = [
                (form.fields[c["field"]].label, log.shown(c["before"]), log.shown(c["after"]))
                for c in changes
            ]
            return confirmation_page(
                request,
                form=form,
                preview=preview,
                template="organisations/settings/organisation.html",
                context={"back_url": request.path, "title": _("Organisation settings")},
                changes=rows,
            )
        if "edit" not in request.POST:
            try:
                publication = services.organisation_update(
                    organisation=form.instance, by=request.user
                )
            except PublicationRefused as refusal:
                for problem in refusal.problems:
                    form.add_error(None, problem.message)
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, published_message(publication))
                return redirect("settings:organisation")
    status = 400 if form.errors else 200
    return render(
        request, "organisations/settings/organisation.html", {"form": form}, status=status
    )


@login_required
def organisation_log(request):
    organisation = administered(request)
    page = Paginator(selectors.log_of(organisation).select_related("actor"), LOG_PAGE_SIZE)
    page = page.get_page(request.GET.get("page"))
    rows = [{"entry": entry, "changes": log.readable_changes(entry)} for entry in page]
    return render(request, "organisations/settings/log.html", {"page": page, "rows": rows})
