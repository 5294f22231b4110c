"""The periodic report (R-8.3) and the finalised reports."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from klachtenregeling.accounts import policies


@login_required
def index(request):
    organisation = request.user.organisation
    if organisation is None or not policies.can(
        request.user, policies.REPORT_COMPOSE, organisation
    ):
        raise Http404
    return render(request, "reports/index.html", {})
