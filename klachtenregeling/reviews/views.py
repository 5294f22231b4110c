"""The yearly review (R-8.4) and the board's start page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from klachtenregeling.accounts import policies


@login_required
def index(request):
    organisation = request.user.organisation
    if organisation is None or not (
        policies.can(request.user, policies.REVIEW_RECORD, organisation)
        or policies.can(request.user, policies.ORGANISATION_ADMINISTER, organisation)
    ):
        raise Http404
    return render(request, "reviews/index.html", {})


@login_required
def board_home(request):
    organisation = request.user.organisation
    if organisation is None or not policies.can(request.user, policies.BOARD_HOME, organisation):
        raise Http404
    return render(request, "reviews/board_home.html", {})
