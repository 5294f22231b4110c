"""Recommendations as actions (R-3.5): the officers see all, an owner their own."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def index(request):
    if request.user.organisation is None:
        raise Http404
    return render(request, "improvements/index.html", {})
