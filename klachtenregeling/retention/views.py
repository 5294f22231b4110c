"""Holds on destruction (R-8.5): the administrator's pages (reference and dates only, R-6.1)
and the set/lift forms that the officer's dossier posts to as well."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.complaints import selectors as complaint_selectors
from klachtenregeling.core.errors import InvalidInput, NotPermitted

from . import selectors, services
from .forms import HoldLiftForm, HoldSetForm


def _complaint(user, reference):
    return complaint_selectors.complaint_for(user, reference, policies.HOLD_MANAGE)


def _back(user, complaint):
    if policies.can(user, policies.COMPLAINT_VIEW, complaint):
        return redirect("complaints:detail", complaint.reference)
    return redirect("retention:complaint", complaint.reference)


@login_required
def complaint_list(request):
    user = request.user
    policies.require(user, policies.ORGANISATION_ADMINISTER, user.organisation)
    reference = request.GET.get("reference", "")
    rows = selectors.complaints_for_hold_admin(user, reference=reference).annotate(
        open_holds=Count("holds", filter=Q(holds__lifted_at__isnull=True))
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "retention/complaints.html", {"page": page, "reference": reference})


@login_required
def complaint(request, reference):
    complaint = _complaint(request.user, reference)
    return render(request, "retention/complaint.html", {"complaint": complaint})


@login_required
@require_POST
def hold_set(request, reference):
    complaint = _complaint(request.user, reference)
    form = HoldSetForm(request.POST)
    if not form.is_valid():
        raise InvalidInput({"reason": [_("Give the reason.")]})
    services.hold_set(complaint=complaint, reason=form.cleaned_data["reason"], by=request.user)
    messages.success(request, _("The hold was set."))
    return _back(request.user, complaint)


@login_required
@require_POST
def hold_lift(request, reference, hold_id):
    complaint = _complaint(request.user, reference)
    hold = selectors.holds_of(complaint).filter(pk=hold_id).first()
    if hold is None:
        raise NotPermitted("no such hold")
    form = HoldLiftForm(request.POST)
    if not form.is_valid():
        raise InvalidInput({"lift_reason": [_("Give the reason.")]})
    services.hold_lift(hold=hold, reason=form.cleaned_data["lift_reason"], by=request.user)
    messages.success(request, _("The hold was lifted."))
    return _back(request.user, complaint)
