"""The organisation's API keys on the administrator's own pages (README: "API"): the list,
a new key (shown once, on the page that makes it), and revoking one after a confirmation.
Both steps are services, in the organisation log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from . import services
from .forms import ApiKeyForm
from .models import ApiKey
from .settings_views import administered


@login_required
def api_keys(request):
    organisation = administered(request)
    keys = ApiKey.objects.filter(organisation=organisation).select_related("created_by")
    return render(request, "organisations/settings/api_keys.html", {"keys": keys})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_key_new(request):
    organisation = administered(request)
    form = ApiKeyForm(request.POST or None, superuser=False)
    if request.method == "POST" and form.is_valid():
        try:
            api_key, key = services.api_key_create(
                organisation=organisation, name=form.cleaned_data["name"], by=request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            context = {"api_key": api_key, "key": key}
            response = render(request, "organisations/settings/api_key_created.html", context)
            response["Cache-Control"] = "private, no-store"
            return response
    context = {"form": form, "key_rate": settings.API_KEY_RATE}
    status = 400 if form.errors else 200
    return render(request, "organisations/settings/api_key_new.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_key_revoke(request, key_id: int):
    organisation = administered(request)
    api_key = ApiKey.objects.filter(organisation=organisation, pk=key_id).first()
    if api_key is None:
        raise Http404
    if request.method == "POST":
        services.api_key_revoke(api_key=api_key, by=request.user)
        messages.success(request, _("The API key “%(name)s” is revoked.") % {"name": api_key.name})
        return redirect("settings:api-keys")
    return render(request, "organisations/settings/api_key_revoke.html", {"api_key": api_key})
