"""The managed lists of subjects (R-8.1) and causes (R-3.2) of the organisation."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from klachtenregeling.accounts import policies


@login_required
def lists(request):
    organisation = request.user.organisation
    if organisation is None or not policies.can(
        request.user, policies.REGISTRATION_LISTS_MANAGE, organisation
    ):
        raise Http404
    return render(request, "organisations/lists.html", {})
